import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { billingPortalSessions, customers, merchants, type BillingPortalSessionRow, type CustomerRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { hashPortalToken, isPortalToken } from "./token";

export type PortalLookup =
  | { state: "open"; session: BillingPortalSessionRow; customer: CustomerRow; businessName: string }
  /** Past its expiry: the page says so and links back to the merchant; nothing of the customer's is shown. */
  | { state: "expired"; session: BillingPortalSessionRow; businessName: string }
  | { state: "missing" };

/**
 * The customer's side of a portal session: the token in the URL is the only credential, so the lookup is by
 * its hash alone, and everything after it is scoped to the session's merchant, mode and customer. Unknown,
 * malformed, and a customer deleted since are all "missing" (one answer, so a miss tells nothing).
 */
export async function findPortalSession({ token, db, now = new Date() }: { token: unknown; db?: Executor; now?: Date }): Promise<PortalLookup> {
  if (!isPortalToken(token)) return { state: "missing" };
  const handle = db ?? (await getDb());
  const [row] = await handle
    .select({ session: billingPortalSessions, customer: customers, businessName: merchants.businessName })
    .from(billingPortalSessions)
    .innerJoin(merchants, eq(merchants.id, billingPortalSessions.merchantId))
    .innerJoin(
      customers,
      and(
        eq(customers.id, billingPortalSessions.customer),
        eq(customers.merchantId, billingPortalSessions.merchantId),
        eq(customers.livemode, billingPortalSessions.livemode),
        isNull(customers.deletedAt),
      ),
    )
    .where(eq(billingPortalSessions.tokenHash, hashPortalToken(token)));
  if (!row) return { state: "missing" };
  if (row.session.expiresAt.getTime() <= now.getTime()) return { state: "expired", session: row.session, businessName: row.businessName };
  return { state: "open", ...row };
}

export type OpenPortal = Extract<PortalLookup, { state: "open" }>;

/** For the portal's actions: the open session, or the error the page shows (unknown → 404, expired → its own code). */
export async function openPortalSession(args: { token: unknown; db?: Executor; now?: Date }): Promise<OpenPortal> {
  const found = await findPortalSession(args);
  if (found.state === "missing") throw new KassaError("resource_missing", "No such billing portal session.", { param: "token" });
  if (found.state === "expired") {
    throw new KassaError("billing_portal_session_expired", `This link has expired. Return to ${found.businessName} to open your billing page again.`);
  }
  return found;
}

/**
 * Who acts when a customer uses the portal: the portal itself (a system actor naming the session), for the
 * session's merchant and mode. Audit rows of what the customer changes record it as the actor.
 */
export function portalContext(session: Pick<BillingPortalSessionRow, "id" | "merchantId" | "livemode" | "customer">): ServiceContext {
  return {
    merchantId: session.merchantId,
    livemode: session.livemode,
    actor: { type: "system", id: "billing_portal", label: `customer portal ${session.id} (customer ${session.customer})` },
  };
}
