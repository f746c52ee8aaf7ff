import { getDb } from "@/db/client";
import { cryptoChain } from "@/lib/crypto-payments/chain";
import { createCryptoPayment } from "@/lib/crypto-payments/create-crypto-payment";
import { loadPayment } from "@/lib/payments/load-payment";
import { commit } from "@/lib/service/commit";
import { KassaError } from "@/lib/service/errors";
import { offersCrypto } from "./checkout-methods";
import { completeCheckoutSession } from "./complete-checkout-session";
import { parseCheckoutCryptoToken, usdCentsToTokenUnits } from "./crypto-amount";
import { cryptoTransferView, type CheckoutCryptoTransfer } from "./crypto-transfer-view";
import { assertPayable, checkoutContext, findCheckoutSession, loadCheckoutSession, noSuchCheckoutSession } from "./load-checkout-session";
import { cryptoPaymentMetadata, paidCryptoPayment, sessionCryptoPayments } from "./session-crypto-payments";

export type CheckoutCryptoStart = { state: "transfer"; transfer: CheckoutCryptoTransfer } | { state: "complete" };

/**
 * The crypto tab's choice of token: the session's amount in that USD stablecoin (1:1, exact), as a crypto
 * payment linked to the session (metadata checkout_session) with its own deposit address. Idempotent per
 * session and token: a reload or a second click gets the same payment while it still waits; a new one is
 * made only once its window has closed. With the session locked, so two clicks make one. A session one of
 * whose crypto payments the chain has paid meanwhile is completed instead. The session id is the only
 * credential, as for the page itself.
 */
export async function startCheckoutCrypto({ sessionId, token }: { sessionId: string; token: unknown }): Promise<CheckoutCryptoStart> {
  const chosen = parseCheckoutCryptoToken(token);
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) throw noSuchCheckoutSession(sessionId);
  assertPayable(found.session);
  if (!offersCrypto(found.session)) throw new KassaError("payment_method_unsupported", "This checkout does not take crypto.", { param: "payment_method" });
  const ctx = checkoutContext(found.session);
  // Opened (a local chain started, at the first crypto use) before the session is locked, never while holding it.
  await cryptoChain();

  const chose = await commit(ctx, async (tx) => {
    const session = await loadCheckoutSession(tx, ctx, sessionId, { lock: true });
    assertPayable(session);
    const made = await sessionCryptoPayments(tx, session);
    const paid = paidCryptoPayment(made);
    if (paid) return { paid: paid.id };
    const now = Date.now();
    const waiting = made.find((p) => p.crypto!.token === chosen && p.status === "requires_action" && p.crypto!.expires_at * 1000 > now);
    if (waiting) return { payment: waiting };
    const created = await createCryptoPayment({
      ctx: { ...ctx, db: tx },
      input: {
        payment_method_types: ["crypto"],
        currency: chosen,
        amount: usdCentsToTokenUnits(session.amount, chosen).toString(),
        metadata: cryptoPaymentMetadata(session),
        ...(session.description ? { description: session.description } : {}),
        ...(session.customerEmail ? { receipt_email: session.customerEmail } : {}),
      },
    });
    return { payment: await loadPayment(tx, ctx, created.id) };
  });

  if ("paid" in chose) {
    await completeCheckoutSession({ ctx, id: sessionId, paymentId: chose.paid });
    return { state: "complete" };
  }
  const transfer = await cryptoTransferView(await getDb(), chose.payment);
  if (!transfer) throw new KassaError("payment_intent_unexpected_state", "This crypto payment is no longer waiting for a transfer. Choose a token again.");
  return { state: "transfer", transfer };
}
