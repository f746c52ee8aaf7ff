import { headers } from "next/headers";
import { publicBaseUrl } from "@/lib/public-url";

/** Kassa's base URL: KASSA_URL; in development without it, the address the browser reached. */
export async function requestBaseUrl(): Promise<string> {
  const host = (await headers()).get("host");
  return publicBaseUrl(host ? `http://${host}` : undefined);
}

/** A checkout page's path, keeping the embed origin so an embedded checkout stays framable. */
export function withEmbed(path: string, embedOrigin: string | null): string {
  return embedOrigin ? `${path}${path.includes("?") ? "&" : "?"}embed_origin=${encodeURIComponent(embedOrigin)}` : path;
}
