import { and, eq, gt, sql } from "drizzle-orm";
import { checkoutSessions, invoices } from "@/db/schema";
import { openCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { checkChargeAmount } from "@/lib/payments/inputs";
import { loadPayment } from "@/lib/payments/load-payment";
import { commit } from "@/lib/service/commit";
import { KassaError } from "@/lib/service/errors";
import { getHostedInvoice, hostedInvoiceContext } from "./get-hosted-invoice";
import { amountRemaining } from "./serialize";

/** A session closer to its expiry than this is not handed out again: the customer gets a fresh one. */
const REUSE_MARGIN_MS = 10 * 60_000;

/**
 * The hosted invoice page's Pay button: a checkout session for what the invoice has left to pay, in its
 * currency, with `metadata.invoice` (completing it pays the invoice, pay-invoice-with-checkout.ts), the
 * customer's email, and the invoice page as success and cancel URL. A session made for it that is still
 * open is handed out again, so reloads and double clicks make one session (the invoice row is locked while
 * choosing). Refused for an invoice that is not open or uncollectible, or whose off-session try is with
 * the processor right now.
 */
export async function startInvoiceCheckout({ token, baseUrl }: { token: string; baseUrl: string }): Promise<{ sessionId: string; reused: boolean }> {
  const { invoice: found } = await getHostedInvoice({ token });
  const ctx = hostedInvoiceContext(found);
  return commit(ctx, async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, found.id)).for("update");
    if (!invoice || (invoice.status !== "open" && invoice.status !== "uncollectible")) {
      throw new KassaError("invoice_unexpected_state", `This invoice is ${invoice?.status ?? "gone"}; there is nothing to pay.`);
    }
    if (invoice.payment) {
      const current = await loadPayment(tx, ctx, invoice.payment);
      if (current.status === "processing" || current.status === "requires_confirmation") {
        throw new KassaError("invoice_unexpected_state", "A payment of this invoice is being processed right now. Check again in a minute.");
      }
    }
    const amount = checkChargeAmount(amountRemaining(invoice), invoice.currency);
    const [open] = await tx
      .select({ id: checkoutSessions.id })
      .from(checkoutSessions)
      .where(
        and(
          eq(checkoutSessions.status, "open"),
          gt(checkoutSessions.expiresAt, new Date(Date.now() + REUSE_MARGIN_MS)),
          eq(checkoutSessions.merchantId, invoice.merchantId),
          eq(checkoutSessions.livemode, invoice.livemode),
          sql`${checkoutSessions.metadata} ->> 'invoice' = ${invoice.id}`,
          eq(checkoutSessions.amount, amount),
          eq(checkoutSessions.currency, invoice.currency),
        ),
      )
      .orderBy(checkoutSessions.id)
      .limit(1);
    if (open) return { sessionId: open.id, reused: true };
    const page = `${baseUrl}/invoice/${token}`;
    const session = await openCheckoutSession(
      { ...ctx, db: tx },
      {
        amount,
        currency: invoice.currency,
        description: `Invoice ${invoice.number}`,
        customerEmail: invoice.customerEmail,
        successUrl: page,
        cancelUrl: page,
        paymentMethodTypes: ["card"],
        captureMethod: "automatic",
        metadata: { invoice: invoice.id, ...(invoice.subscription ? { subscription: invoice.subscription } : {}) },
        embedOrigins: [],
        paymentLinkId: null,
      },
      baseUrl,
    );
    return { sessionId: session.id, reused: false };
  });
}
