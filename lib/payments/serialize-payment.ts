import type { PaymentRow } from "@/db/schema";
import { serializeEscrow } from "@/lib/escrow/serialize-escrow";
import type { z } from "zod";
import type { PaymentObject as PaymentSchema } from "./payment-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The API's `payment` object; the only way a payment row leaves the server. */
export function serializePayment(p: PaymentRow) {
  return {
    id: p.id,
    object: "payment" as const,
    amount: Number(p.amount),
    amount_capturable: Number(p.amountCapturable),
    amount_received: Number(p.amountReceived),
    amount_refunded: Number(p.amountRefunded),
    currency: p.currency,
    status: p.status,
    capture_method: p.captureMethod,
    capture_at: seconds(p.captureAt),
    authorization_expires_at: seconds(p.authorizationExpiresAt),
    payment_method: p.paymentMethod,
    payment_method_details: p.card
      ? { type: "card" as const, card: p.card }
      : p.upi
        ? { type: "upi" as const, upi: p.upi }
        : p.paypal
          ? { type: "paypal" as const, paypal: p.paypal }
          : p.crypto
            ? { type: "crypto" as const, crypto: p.crypto }
            : null,
    customer: p.customer,
    description: p.description,
    receipt_email: p.receiptEmail,
    metadata: p.metadata,
    livemode: p.livemode,
    created: seconds(p.createdAt)!,
    canceled_at: seconds(p.canceledAt),
    cancellation_reason: p.cancellationReason,
    last_payment_error: p.lastPaymentError,
    outcome: p.outcome,
    next_action: p.nextAction,
    latest_attempt: p.latestAttemptId,
    connector: p.connector,
    fee: Number(p.fee),
    escrow: serializeEscrow(p),
  } satisfies z.input<typeof PaymentSchema>;
}

export type PaymentObject = ReturnType<typeof serializePayment>;
