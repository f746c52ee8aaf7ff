import { headers } from "next/headers";
import { KassaError } from "@/lib/service/errors";

/**
 * A public page's server action that changes something (the hosted invoice's Pay): Next refuses an Origin
 * naming another host but lets a request with no Origin at all through (with a warning). Every browser
 * sends Origin on a POST, so the page's own form always does: refuse the rest, and anything the browser
 * itself marks as from another site — the dashboard's rule (lib/http/session/action.ts), without a session.
 */
export async function assertFromOwnPage(): Promise<void> {
  const h = await headers();
  const site = h.get("sec-fetch-site");
  if (!h.get("origin") || (site !== null && site !== "same-origin")) {
    throw new KassaError("origin_not_allowed", "This request did not come from this page. Reload the page and try again.");
  }
}
