import { getDb } from "@/db/client";
import type { CheckoutSessionRow } from "@/db/schema";
import { offersCrypto } from "./checkout-methods";
import { completeCheckoutSession } from "./complete-checkout-session";
import { cryptoTransferView, type CheckoutCryptoTransfer } from "./crypto-transfer-view";
import { checkoutContext } from "./load-checkout-session";
import { paidCryptoPayment, sessionCryptoPayments } from "./session-crypto-payments";

/**
 * The checkout page's crypto state as it loads: a session one of whose crypto payments the chain has paid
 * is completed (returned complete); otherwise the newest payment still waiting for its transfer, so a
 * reload shows the same address and QR.
 */
export async function loadCheckoutCrypto(session: CheckoutSessionRow): Promise<{ session: CheckoutSessionRow; waiting: CheckoutCryptoTransfer | null }> {
  if (session.status !== "open" || !offersCrypto(session)) return { session, waiting: null };
  const db = await getDb();
  const made = await sessionCryptoPayments(db, session);
  const paid = paidCryptoPayment(made);
  if (paid) return { session: await completeCheckoutSession({ ctx: checkoutContext(session), id: session.id, paymentId: paid.id }), waiting: null };
  const now = Date.now();
  const waiting = made.find((p) => p.status === "requires_action" && p.crypto!.expires_at * 1000 > now);
  return { session, waiting: waiting ? await cryptoTransferView(db, waiting) : null };
}
