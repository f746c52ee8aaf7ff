import type { OrderRow, OrderStepRow } from "@/db/schema";
import type { z } from "zod";
import type { OrderObject as OrderSchema, OrderStepObject as OrderStepSchema } from "./order-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

export function serializeOrderStep(s: OrderStepRow) {
  return {
    id: s.id,
    object: "order_step" as const,
    name: s.name,
    kind: s.kind,
    step_key: s.stepKey,
    attempt: s.attempt,
    outcome: s.outcome,
    status_code: s.statusCode,
    latency_ms: s.latencyMs,
    error: s.error,
    detail: s.detail ?? {},
    created: seconds(s.createdAt)!,
  } satisfies z.input<typeof OrderStepSchema>;
}
export type OrderStepObject = ReturnType<typeof serializeOrderStep>;

/** The API's `order`; with `steps` (GET /api/v1/orders/:id) every try of every step, oldest first. */
export function serializeOrder(o: OrderRow, steps?: OrderStepRow[]) {
  return {
    id: o.id,
    object: "order" as const,
    amount: Number(o.amount),
    currency: o.currency,
    status: o.status,
    payment_method: o.paymentMethod,
    items: o.items,
    metadata: o.metadata,
    payment: o.paymentId,
    refund: o.refundId,
    fulfillment_hook: o.hookId,
    failure_code: o.failureCode,
    failure_message: o.failureMessage,
    livemode: o.livemode,
    created: seconds(o.createdAt)!,
    completed_at: seconds(o.completedAt),
    ...(steps ? { steps: steps.map(serializeOrderStep) } : {}),
  } satisfies z.input<typeof OrderSchema>;
}
export type OrderObject = ReturnType<typeof serializeOrder>;
