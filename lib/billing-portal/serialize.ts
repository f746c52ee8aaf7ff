import type { BillingPortalSessionRow } from "@/db/schema";
import { portalUrl } from "./token";
import type { z } from "zod";
import type { BillingPortalSessionObject as PortalSessionSchema } from "./portal-session-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The API's `billing_portal.session` (Stripe's shape, plus `expires_at`). The `url` exists only in the
 * answer that made the session: Kassa keeps the token's hash, never the token, so it cannot show it again
 * (Stripe, too, has no way to retrieve a portal session).
 */
export function serializePortalSession(s: BillingPortalSessionRow, token: string) {
  return {
    id: s.id,
    object: "billing_portal.session" as const,
    customer: s.customer,
    url: portalUrl(token),
    return_url: s.returnUrl,
    expires_at: unix(s.expiresAt),
    livemode: s.livemode,
    created: unix(s.createdAt),
  } satisfies z.input<typeof PortalSessionSchema>;
}
export type PortalSessionObject = ReturnType<typeof serializePortalSession>;
