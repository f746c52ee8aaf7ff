import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoices, subscriptions, type InvoiceRow, type SubscriptionRow } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { linesOf } from "./load";
import { serializeInvoice } from "./serialize";

/** A subscription waiting on its invoice: paying the invoice makes it active again. */
const WAITING: ReadonlySet<SubscriptionRow["status"]> = new Set(["incomplete", "past_due", "unpaid"]);

/** The invoice's subscription, locked for the change that pays it. */
export async function lockSubscriptionOf(tx: Transaction, invoice: InvoiceRow): Promise<SubscriptionRow | undefined> {
  if (!invoice.subscription) return undefined;
  return (await tx.select().from(subscriptions).where(eq(subscriptions.id, invoice.subscription)).for("update"))[0];
}

/**
 * The one way an invoice becomes paid by a payment (an off-session try, or the hosted page's checkout), in
 * the caller's transaction with the invoice locked: paid in full by `payment`, `invoice.paid` and
 * `invoice.payment_succeeded`, the audit row, and its subscription active again if it was waiting on it.
 */
export async function markInvoicePaid(
  tx: Transaction,
  changes: Changes,
  invoice: InvoiceRow,
  sub: SubscriptionRow | undefined,
  by: { payment: string | null; now: Date; audit?: Record<string, unknown> },
): Promise<InvoiceRow> {
  const [paid] = await tx
    .update(invoices)
    .set({
      status: "paid",
      amountPaid: invoice.amountDue,
      paidAt: by.now,
      nextPaymentAttempt: null,
      lastPaymentError: null,
      ...(by.payment ? { payment: by.payment } : {}),
    })
    .where(eq(invoices.id, invoice.id))
    .returning();
  const object = serializeInvoice(paid!, await linesOf(tx, invoice.id));
  changes.event("invoice.paid", object);
  changes.event("invoice.payment_succeeded", object);
  changes.audit({ action: "invoice.paid", targetType: "invoice", targetId: invoice.id, metadata: { payment: by.payment, ...by.audit } });
  if (sub && WAITING.has(sub.status)) await setSubscription(tx, changes, sub, { status: "active", statusReason: null });
  return paid!;
}
