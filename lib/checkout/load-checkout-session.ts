import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { checkoutSessions, merchants, type CheckoutSessionRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

export const noSuchCheckoutSession = (id: string, param = "id") => new KassaError("resource_missing", `No such checkout session: '${id}'`, { param });

/** The merchant's session in this mode, optionally locked; another tenant's is "not found". */
export async function loadCheckoutSession(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<CheckoutSessionRow> {
  if (!isId("checkoutSession", id)) throw noSuchCheckoutSession(id);
  const query = db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.id, id), eq(checkoutSessions.merchantId, ctx.merchantId), eq(checkoutSessions.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchCheckoutSession(id);
  return row;
}

/**
 * The customer's side: the session id in the URL is the only credential (unguessable, like
 * Stripe's), so the lookup is by id alone; everything after it is scoped to the session's merchant.
 */
export async function findCheckoutSession(db: Executor, id: string): Promise<{ session: CheckoutSessionRow; merchantName: string } | null> {
  if (!isId("checkoutSession", id)) return null;
  const [row] = await db
    .select({ session: checkoutSessions, merchantName: merchants.businessName })
    .from(checkoutSessions)
    .innerJoin(merchants, eq(merchants.id, checkoutSessions.merchantId))
    .where(eq(checkoutSessions.id, id));
  return row ?? null;
}

/** Who acts when a customer pays: the checkout page, for the session's merchant and mode. */
export function checkoutContext(session: Pick<CheckoutSessionRow, "id" | "merchantId" | "livemode">, extra: Partial<ServiceContext> = {}): ServiceContext {
  return { merchantId: session.merchantId, livemode: session.livemode, actor: { type: "system", id: "checkout", label: `checkout ${session.id}` }, ...extra };
}

/** Open and not past its expiry: the only state in which a customer may pay. */
export function assertPayable(session: CheckoutSessionRow, now = Date.now()): void {
  if (session.status === "complete") throw new KassaError("checkout_session_complete", "This checkout session has already been paid.");
  if (session.status === "expired" || session.expiresAt.getTime() <= now)
    throw new KassaError("checkout_session_expired", "This checkout session has expired. Ask the merchant for a new link.");
}
