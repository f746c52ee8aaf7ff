import { eq } from "drizzle-orm";
import { checkoutSessions } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { logger } from "@/lib/logger";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { loadPayment } from "@/lib/payments/load-payment";
import { completeCheckoutSession } from "./complete-checkout-session";
import { loadCheckoutSession } from "./load-checkout-session";
import { paidCryptoPayment, sessionCryptoPayments } from "./session-crypto-payments";
import { serializeCheckoutSession } from "./serialize-checkout-session";

export type ExpireResult = { action: "expired" | "completed" | "none"; status: string };

/**
 * Closes an open session past its expiry (checkout.session.expired). A session whose payment went
 * through is completed instead (a crypto payment it made and the chain paid included); one whose payment is
 * still with the processor is left for now. An unpaid payment the session made is canceled (abandoned),
 * releasing anything held; its crypto payments still waiting run out on their own window.
 */
export async function expireCheckoutSession({ ctx, id, now = Date.now() }: { ctx: ServiceContext; id: string; now?: number }): Promise<ExpireResult> {
  const result = await commit(ctx, async (tx, changes) => {
    const session = await loadCheckoutSession(tx, ctx, id, { lock: true });
    if (session.status !== "open") return { action: "none" as const, status: session.status, payment: null };
    if (session.expiresAt.getTime() > now) return { action: "none" as const, status: session.status, payment: null };
    const payment = session.paymentId ? await loadPayment(tx, ctx, session.paymentId) : null;
    if (payment && (payment.status === "succeeded" || payment.status === "requires_capture"))
      return { action: "complete" as const, status: session.status, payment: null };
    // A crypto payment the session made and the chain paid (its page was closed before the refresh saw it).
    const crypto = session.paymentMethodTypes.includes("crypto") ? paidCryptoPayment(await sessionCryptoPayments(tx, session)) : null;
    if (crypto) return { action: "complete" as const, status: session.status, payment: null, crypto: crypto.id };
    if (payment?.status === "processing") return { action: "none" as const, status: session.status, payment: null };
    const at = new Date(now);
    const next = { ...session, status: "expired" as const, expiredAt: at, updatedAt: at };
    changes.write(tx.update(checkoutSessions).set({ status: "expired", expiredAt: at, updatedAt: at }).where(eq(checkoutSessions.id, id)));
    changes.audit({ action: "checkout.session.expired", targetType: "checkout_session", targetId: id });
    changes.event("checkout.session.expired", serializeCheckoutSession(next), { status: "open" });
    return { action: "expired" as const, status: "expired", payment: payment && payment.status !== "canceled" ? payment.id : null };
  });
  if (result.action === "complete") {
    const done = await completeCheckoutSession({ ctx, id, ...("crypto" in result ? { paymentId: result.crypto } : {}) });
    return { action: "completed", status: done.status };
  }
  if (result.payment) {
    try {
      await cancelPayment({ ctx, id: result.payment, input: {}, reason: "abandoned" });
    } catch (error) {
      // Paid or moved meanwhile: the payment keeps its own state; the session is closed either way.
      logger.warn({ err: error, session: id, payment: result.payment }, "could not cancel an expired session's payment");
    }
  }
  return { action: result.action, status: result.status };
}
