import type { RefundRow } from "@/db/schema";
import type { z } from "zod";
import type { RefundObject as RefundSchema } from "./refund-object";

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
    crypto: r.crypto ?? null,
  } satisfies z.input<typeof RefundSchema>;
}

export type RefundObject = ReturnType<typeof serializeRefund>;
