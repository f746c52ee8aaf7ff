import { headers } from "next/headers";
import { publicBaseUrl } from "@/lib/public-url";

/** Kassa's base URL as the customer's browser reached it (KASSA_URL wins when set). */
export async function requestBaseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? "http";
  return publicBaseUrl(host ? `${proto}://${host}` : undefined);
}

/** A checkout page's path, keeping the embed origin so an embedded checkout stays framable. */
export function withEmbed(path: string, embedOrigin: string | null): string {
  return embedOrigin ? `${path}${path.includes("?") ? "&" : "?"}embed_origin=${encodeURIComponent(embedOrigin)}` : path;
}
