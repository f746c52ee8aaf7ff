import { eq } from "drizzle-orm";
import { executeAsOne } from "@/db/batch";
import { auditLog, checkoutSessions, events, type CheckoutSessionRow } from "@/db/schema";
import { auditRow } from "@/lib/audit/write-audit";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { eventRow, outboxWritten } from "@/lib/events/emit-event";
import { loadPayment } from "@/lib/payments/load-payment";
import { loadCheckoutSession } from "./load-checkout-session";
import { serializeCheckoutSession } from "./serialize-checkout-session";

/** A payment that has the customer's money (taken, or held for a manual capture). */
const PAID = new Set(["succeeded", "requires_capture"]);

/**
 * Marks a session complete once its payment is paid, with its outbox event
 * (checkout.session.completed). A session already complete is returned unchanged; one that expired
 * while the payment was going through is completed too, since the customer has paid.
 */
export async function completeCheckoutSession({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<CheckoutSessionRow> {
  return withTransaction(ctx, async (tx) => {
    const session = await loadCheckoutSession(tx, ctx, id, { lock: true });
    if (session.status === "complete" || !session.paymentId) return session;
    const payment = await loadPayment(tx, ctx, session.paymentId);
    if (!PAID.has(payment.status)) return session;
    const now = new Date();
    const next: CheckoutSessionRow = { ...session, status: "complete", completedAt: now, updatedAt: now };
    await executeAsOne(tx, [
      tx.update(checkoutSessions).set({ status: "complete", completedAt: now, updatedAt: now }).where(eq(checkoutSessions.id, id)),
      tx.insert(auditLog).values(auditRow(ctx, { action: "checkout.session.completed", targetType: "checkout_session", targetId: id, metadata: { payment: payment.id } })),
      tx.insert(events).values(eventRow(ctx, "checkout.session.completed", serializeCheckoutSession(next), { status: session.status })),
    ]);
    outboxWritten(tx);
    return next;
  });
}
