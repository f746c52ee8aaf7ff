import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkoutSessions, sandboxCharges } from "@/db/schema";
import { kassaMerchantOf } from "@/lib/gateways/sandbox/connector";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { completeAuthentication } from "@/lib/payments/complete-authentication";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { completeCheckoutSession } from "./complete-checkout-session";

export interface Challenge {
  processorId: string;
  ctx: ServiceContext;
  payment: PaymentObject;
  /** Where the customer goes after answering (the payment's return_url). */
  returnUrl: string | null;
  /** The checkout session that made this payment, if any (its embed origins apply to the page). */
  session: { id: string; embedOrigins: string[] } | null;
}

/** Which sandbox page answers: the card issuer's 3D Secure, or PayPal's approval (the simulated wallet). */
export type ChallengeKind = "3ds" | "paypal";

const noSuchChallenge = (id: string) => new KassaError("resource_missing", `No such authentication: '${id}'`);

/**
 * The sandbox's 3D Secure page stands in for the card issuer's (its PayPal page for PayPal's), so it knows its charge by id alone
 * (the id in the redirect URL is the credential, as with a real ACS); the payment is then read in
 * that charge's merchant and mode.
 */
export async function findChallenge(processorId: string, kind: ChallengeKind = "3ds"): Promise<Challenge> {
  const db = await getDb();
  if (!/^sbch_[0-9a-z]{26}$/.test(processorId)) throw noSuchChallenge(processorId);
  const [charge] = await db
    .select({ merchantId: sandboxCharges.merchantId, livemode: sandboxCharges.livemode, paymentId: sandboxCharges.paymentId, card: sandboxCharges.card })
    .from(sandboxCharges)
    .where(eq(sandboxCharges.id, processorId));
  // A card's 3D Secure is answered on the 3DS page only, a PayPal wallet charge (no card) on the PayPal page only.
  if (!charge || (charge.card === null) !== (kind === "paypal")) throw noSuchChallenge(processorId);
  const ctx: ServiceContext = { merchantId: kassaMerchantOf(charge.merchantId), livemode: charge.livemode, actor: systemActor("sandbox-3ds") };
  const row = await loadPayment(db, ctx, charge.paymentId);
  const payment = serializePayment(row);
  const [session] = await db
    .select({ id: checkoutSessions.id, embedOrigins: checkoutSessions.embedOrigins })
    .from(checkoutSessions)
    .where(eq(checkoutSessions.paymentId, payment.id));
  return { processorId, ctx, payment, returnUrl: row.returnUrl, session: session ?? null };
}

/** The customer's answer on the challenge page: the payment continues to succeeded, or back to requires_payment_method. */
export async function answerSandboxChallenge({
  processorId,
  outcome,
  kind = "3ds",
}: {
  processorId: string;
  outcome: "succeed" | "fail";
  kind?: ChallengeKind;
}) {
  const challenge = await findChallenge(processorId, kind);
  if (challenge.payment.status !== "requires_action") return { payment: challenge.payment, returnUrl: challenge.returnUrl };
  const { payment } = await completeAuthentication({ ctx: challenge.ctx, paymentId: challenge.payment.id, outcome });
  if (challenge.session) await completeCheckoutSession({ ctx: challenge.ctx, id: challenge.session.id });
  return { payment, returnUrl: challenge.returnUrl };
}
