import { eq } from "drizzle-orm";
import { checkoutSessions, type CheckoutSessionRow, type RefundRow } from "@/db/schema";
import { sendDuplicateRefund } from "@/lib/invoices/duplicate-payment";
import { payInvoiceWithCheckout } from "@/lib/invoices/pay-invoice-with-checkout";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadPayment, noSuchPayment } from "@/lib/payments/load-payment";
import { loadCheckoutSession } from "./load-checkout-session";
import { isSessionCryptoPayment } from "./session-crypto-payments";
import { serializeCheckoutSession } from "./serialize-checkout-session";

/** A payment that has the customer's money (taken, or held for a manual capture). */
const PAID = new Set(["succeeded", "requires_capture"]);

/**
 * Marks a session complete once its payment is paid, with its outbox event
 * (checkout.session.completed). A session already complete is returned unchanged; one that expired
 * while the payment was going through is completed too, since the customer has paid. A session made
 * for an invoice (the hosted invoice page's) pays that invoice in the same transaction, or — the invoice
 * paid or voided meanwhile — has its payment refunded as a duplicate, sent once this has committed.
 *
 * `paymentId`: a crypto payment the session made (lib/checkout/start-checkout-crypto.ts), which becomes the
 * session's payment once the chain has paid it — unless the session's own payment is paid already.
 */
export async function completeCheckoutSession({ ctx, id, paymentId }: { ctx: ServiceContext; id: string; paymentId?: string }): Promise<CheckoutSessionRow> {
  const { session, refund } = await commit(ctx, async (tx, changes): Promise<{ session: CheckoutSessionRow; refund: RefundRow | null }> => {
    const session = await loadCheckoutSession(tx, ctx, id, { lock: true });
    if (session.status === "complete") return { session, refund: null };
    let payment = session.paymentId ? await loadPayment(tx, ctx, session.paymentId) : null;
    if (paymentId && paymentId !== session.paymentId && !(payment && PAID.has(payment.status))) {
      const crypto = await loadPayment(tx, ctx, paymentId, { param: "payment" });
      if (!isSessionCryptoPayment(crypto, session)) throw noSuchPayment(paymentId, "payment");
      payment = crypto;
    }
    if (!payment || !PAID.has(payment.status)) return { session, refund: null };
    const now = new Date();
    const next: CheckoutSessionRow = { ...session, status: "complete", paymentId: payment.id, completedAt: now, updatedAt: now };
    changes.write(
      tx.update(checkoutSessions).set({ status: "complete", paymentId: payment.id, completedAt: now, updatedAt: now }).where(eq(checkoutSessions.id, id)),
    );
    changes.audit({ action: "checkout.session.completed", targetType: "checkout_session", targetId: id, metadata: { payment: payment.id } });
    changes.event("checkout.session.completed", serializeCheckoutSession(next), {
      status: session.status,
      ...(session.paymentId !== payment.id ? { payment: session.paymentId } : {}),
    });
    // Invoices are paid by card (the hosted invoice page offers nothing else): a token payment never pays one or is refunded as its duplicate.
    const invoice =
      payment.paymentMethod === "crypto" ? ({ kind: "none" } as const) : await payInvoiceWithCheckout(tx, ctx, changes, { session: next, payment });
    return { session: next, refund: invoice.kind === "duplicate" ? invoice.refund : null };
  });
  if (refund) await sendDuplicateRefund(ctx, refund);
  return session;
}
