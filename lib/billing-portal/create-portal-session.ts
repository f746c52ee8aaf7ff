import { billingPortalSessions } from "@/db/schema";
import { loadCustomer } from "@/lib/customers/load";
import { newId } from "@/lib/ids";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { CreatePortalSessionInput } from "./inputs";
import { serializePortalSession, type PortalSessionObject } from "./serialize";
import { hashPortalToken, newPortalToken, PORTAL_SESSION_TTL_MS } from "./token";

/**
 * POST /api/v1/billing_portal/sessions — a link on which the customer manages their billing for the next
 * hour. The customer must be the merchant's, in this mode, and not deleted (else 404 like any other
 * id). Only the token's SHA-256 is stored; the URL is in this answer alone (and, for a request with an
 * Idempotency-Key, in its stored answer, so a retry gets the same link).
 */
export async function createPortalSession({ ctx, input, now = new Date() }: { ctx: ServiceContext; input: unknown; now?: Date }): Promise<PortalSessionObject> {
  requirePermission(ctx, "billing_portal:write");
  const data = parseWith(CreatePortalSessionInput, input);
  const token = newPortalToken();
  return commit(
    ctx,
    async (tx, changes) => {
      const customer = await loadCustomer(tx, ctx, data.customer, { param: "customer" });
      const [row] = await tx
        .insert(billingPortalSessions)
        .values({
          id: newId("billingPortalSession"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          customer: customer.id,
          tokenHash: hashPortalToken(token),
          returnUrl: data.return_url ?? null,
          expiresAt: new Date(now.getTime() + PORTAL_SESSION_TTL_MS),
          createdAt: now,
        })
        .returning();
      changes.audit({ action: "billing_portal.session.created", targetType: "customer", targetId: customer.id, metadata: { session: row!.id } });
      return serializePortalSession(row!, token);
    },
    { respond: (o) => o },
  );
}
