import { loadPaymentMethod } from "@/lib/customers/load";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { collectInvoice } from "./collect-invoice";
import { PayInvoiceInput } from "./inputs";
import { invoiceUnexpectedState, linesOf, loadInvoice } from "./load";
import { serializeInvoice, type InvoiceObject } from "./serialize";

/**
 * POST /api/v1/invoices/:id/pay — charges an open invoice now with the given saved card (or the default
 * one). A decline is a card_error (402) after the try is recorded on the invoice, as Stripe answers it.
 * Retried with the same Idempotency-Key after a crash, it resumes that try's payment and never charges twice.
 */
export async function payInvoice({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<InvoiceObject> {
  requirePermission(ctx, "invoices:write");
  const data = parseWith(PayInvoiceInput, input ?? {});
  const db = await executor(ctx);
  const invoice = await loadInvoice(db, ctx, id);
  if (invoice.status === "paid" && !ctx.idempotency?.recovery) throw invoiceUnexpectedState(invoice, "pay an open invoice.");
  if (!["open", "uncollectible", "paid"].includes(invoice.status)) throw invoiceUnexpectedState(invoice, "pay an open or uncollectible invoice.");
  if (data.payment_method) {
    const pm = await loadPaymentMethod(db, ctx, data.payment_method, "payment_method");
    if (pm.customer !== invoice.customer) {
      throw new KassaError("payment_method_unexpected_state", `PaymentMethod ${pm.id} is not attached to customer ${invoice.customer}.`, {
        param: "payment_method",
      });
    }
  }
  if (ctx.idempotency && !ctx.idempotency.recovery) {
    await commit(ctx, async (_tx, changes) => changes.recoveryPoint("invoice_pay", { invoiceId: id }));
  }
  const outcome = await collectInvoice({ ctx, invoiceId: id, manual: true, ...(data.payment_method ? { paymentMethod: data.payment_method } : {}) });
  if (outcome.status === "failed") {
    const e = outcome.error;
    const error =
      e.code === "payment_method_missing"
        ? new KassaError("parameter_missing", e.message, { param: "payment_method" })
        : new KassaError(e.code === "authentication_required" ? "authentication_required" : "card_declined", e.message, {
            ...(e.decline_code ? { declineCode: e.decline_code } : {}),
          });
    throw error;
  }
  return commit(ctx, async (tx) => serializeInvoice(await loadInvoice(tx, ctx, id), await linesOf(tx, id)), { respond: (o) => o });
}
