import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoices, type CheckoutSessionRow, type InvoiceRow, type PaymentRow, type RefundRow } from "@/db/schema";
import { isId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { reserveDuplicateRefund } from "./duplicate-payment";
import { lockSubscriptionOf, markInvoicePaid } from "./mark-invoice-paid";
import { amountRemaining } from "./serialize";

export type InvoiceCheckoutResult =
  /** Not an invoice's checkout, or one that does not match its invoice: the invoice is left as it is. */
  | { kind: "none" }
  | { kind: "paid"; invoice: InvoiceRow }
  /** The invoice was no longer payable: the session's payment is refunded in full (refund null: nothing was left to refund). */
  | { kind: "duplicate"; invoice: InvoiceRow; refund: RefundRow | null };

const payable = (i: InvoiceRow) => i.status === "open" || i.status === "uncollectible";

/**
 * A checkout session made for an invoice (`metadata.invoice`, as the hosted invoice page makes them) has
 * completed: in the session's completing transaction, the invoice is paid by the session's payment
 * (markInvoicePaid: events, audit, its subscription active again). If the invoice is no longer payable —
 * the renewal's retry paid it meanwhile, or it was voided — the customer must not pay twice: the session's
 * payment is refunded in full (reason duplicate), reserved in this same transaction, sent by the caller
 * after the commit.
 *
 * Only a session for exactly what the invoice asks (its currency, the amount it had left to pay) and a
 * payment that has the money (not a held authorisation) touches the invoice; a merchant's own session
 * naming an invoice in its metadata for another amount changes nothing.
 */
export async function payInvoiceWithCheckout(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Changes,
  { session, payment }: { session: CheckoutSessionRow; payment: PaymentRow },
): Promise<InvoiceCheckoutResult> {
  const id = session.metadata.invoice;
  if (typeof id !== "string" || !isId("invoice", id)) return { kind: "none" };
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.merchantId, ctx.merchantId), eq(invoices.livemode, ctx.livemode)))
    .for("update");
  const owed = invoice ? (payable(invoice) ? amountRemaining(invoice) : invoice.amountDue) : 0n;
  if (!invoice || payment.status !== "succeeded" || session.currency !== invoice.currency || session.amount !== owed || invoice.status === "draft") {
    logger.warn(
      { session: session.id, invoice: id, payment: payment.id },
      "a completed checkout session names an invoice it does not pay; the invoice is left as it is",
    );
    return { kind: "none" };
  }
  if (invoice.status === "paid" && invoice.payment === payment.id) return { kind: "paid", invoice };
  if (payable(invoice)) {
    const sub = await lockSubscriptionOf(tx, invoice);
    const paid = await markInvoicePaid(tx, changes, invoice, sub, { payment: payment.id, now: new Date(), audit: { checkout_session: session.id } });
    return { kind: "paid", invoice: paid };
  }
  const refund = await reserveDuplicateRefund(tx, ctx, changes, { invoice, payment: payment.id, via: { checkout_session: session.id } });
  return { kind: "duplicate", invoice, refund };
}
