import type { Transaction } from "@/db/client";
import type { InvoiceRow, RefundRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import { reserveRefund } from "@/lib/refunds/create-refund";
import { sendRefund } from "@/lib/refunds/send-refund";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/**
 * A payment that reached an invoice no longer payable — paid meanwhile by another payment, or voided — is
 * the customer paying twice. In the caller's transaction (the one that found it out), its full refund with
 * reason `duplicate` is reserved through the refund verb's phase A and recorded on the invoice's audit trail,
 * so a crash after that commit leaves a pending refund the reconciliation job sends: never a kept double
 * payment. The caller sends it after its commit (sendDuplicateRefund). Null when nothing is left to refund
 * (the merchant refunded it meanwhile).
 */
export async function reserveDuplicateRefund(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Changes,
  args: { invoice: InvoiceRow; payment: string; via: Record<string, string> },
): Promise<RefundRow | null> {
  const { invoice, payment, via } = args;
  const record = { payment, invoice_status: invoice.status, invoice_payment: invoice.payment, ...via };
  let refund: RefundRow;
  try {
    refund = await reserveRefund(tx, ctx, changes, { payment, reason: "duplicate", metadata: { invoice: invoice.id, ...via } });
  } catch (error) {
    // Thrown before any write (the locked read found nothing left to refund): the transaction goes on.
    if (error instanceof KassaError && (error.code === "charge_already_refunded" || error.code === "payment_intent_unexpected_state")) {
      changes.audit({ action: "invoice.duplicate_payment", targetType: "invoice", targetId: invoice.id, metadata: { ...record, refund: null } });
      return null;
    }
    throw error;
  }
  changes.audit({ action: "invoice.duplicate_payment_refunded", targetType: "invoice", targetId: invoice.id, metadata: { ...record, refund: refund.id } });
  return refund;
}

/** After the commit: sends the reserved refund. If that fails, it stays pending for the reconciliation job (same processor key). */
export async function sendDuplicateRefund(ctx: ServiceContext, refund: RefundRow): Promise<RefundRow> {
  try {
    return await sendRefund(ctx, refund);
  } catch (error) {
    logger.warn({ err: error, refund: refund.id, payment: refund.paymentId }, "duplicate invoice payment: refund left pending for reconciliation");
    return refund;
  }
}
