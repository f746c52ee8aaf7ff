import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { emails, merchants } from "@/db/schema";
import { newId } from "@/lib/ids";
import { formatMoney } from "@/lib/money";
import { loadPayment } from "@/lib/payments/load-payment";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { renderEmail } from "./render-email";
import { Receipt } from "./templates/receipt";

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  unionpay: "UnionPay",
};

/**
 * The customer's receipt for a succeeded payment with a `receipt_email`, put in the email outbox at
 * most once per payment (a retried workflow step or a second call finds it there). In live mode it is
 * queued for the workflow's next step to send (sendCustomerEmail); in test mode it is kept with status
 * `test` and never sent, and the merchant
 * reads it on the Customer emails page. Returns the email's id, or null when the payment has no
 * receipt to send (no receipt_email, or not succeeded).
 */
export async function queueReceipt({ ctx, paymentId }: { ctx: ServiceContext; paymentId: string }): Promise<string | null> {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId, { param: "payment" });
  if (payment.status !== "succeeded" || !payment.receiptEmail) return null;
  const [merchant] = await db.select({ businessName: merchants.businessName }).from(merchants).where(eq(merchants.id, ctx.merchantId));
  const card = payment.card as { brand?: string; last4?: string } | null;
  const paidAt = payment.capturedAt ?? payment.updatedAt;
  const amount = formatMoney(payment.amountReceived, payment.currency);
  const businessName = merchant?.businessName ?? "the business";
  const { html, text } = await renderEmail(
    createElement(Receipt, {
      businessName,
      amount,
      description: payment.description,
      paidWith: card?.last4 ? `${BRANDS[card.brand ?? ""] ?? "Card"} •••• ${card.last4}` : null,
      paidOn: paidAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
      reference: payment.id,
      testMode: !ctx.livemode,
    }),
  );
  const id = await commit(ctx, async (tx) => {
    const [row] = await tx
      .insert(emails)
      .values({
        id: newId("email"),
        to: payment.receiptEmail!.toLowerCase(),
        subject: `Your receipt from ${businessName}`,
        text,
        html,
        kind: "receipt",
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        objectId: payment.id,
        status: ctx.livemode ? "queued" : "test",
      })
      .onConflictDoNothing()
      .returning({ id: emails.id });
    if (row) return row.id;
    const [existing] = await tx
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.merchantId, ctx.merchantId), eq(emails.kind, "receipt"), eq(emails.objectId, payment.id)));
    return existing!.id;
  });
  return id;
}
