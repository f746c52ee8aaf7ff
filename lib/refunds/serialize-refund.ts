import type { RefundRow } from "@/db/schema";

/** The API's `refund` object. */
export function serializeRefund(r: RefundRow) {
  return {
    id: r.id,
    object: "refund" as const,
    amount: Number(r.amount),
    currency: r.currency,
    payment: r.paymentId,
    status: r.status,
    reason: r.reason,
    failure_reason: r.failureReason,
    metadata: r.metadata,
    livemode: r.livemode,
    created: Math.floor(r.createdAt.getTime() / 1000),
  };
}

export type RefundObject = ReturnType<typeof serializeRefund>;
