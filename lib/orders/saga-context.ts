import type { OrderRow } from "@/db/schema";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { stepKeyOf } from "./saga-errors";

/**
 * The context a saga step acts in: the order saga as a system actor for the order's merchant and mode,
 * with the step's key as the idempotency key recorded on the events it causes.
 */
export function sagaContext(order: Pick<OrderRow, "id" | "merchantId" | "livemode">, step: string): ServiceContext {
  return { merchantId: order.merchantId, livemode: order.livemode, actor: systemActor("order-saga"), idempotencyKey: stepKeyOf(order.id, step) };
}

/** Which engine try this is (0-based), and whether the engine will try again after a retryable failure. */
export interface TryInfo {
  attempt: number;
  lastTry: boolean;
}
