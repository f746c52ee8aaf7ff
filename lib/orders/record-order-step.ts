import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orders, orderSteps, type OrderProgress, type OrderRow, type OrderStepName, type OrderStepOutcome } from "@/db/schema";
import { newId } from "@/lib/ids";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import type { TryInfo } from "./saga-context";
import { SagaStepError, stepKeyOf } from "./saga-errors";

export const COMPENSATIONS: ReadonlySet<OrderStepName> = new Set(["release", "void", "refund"]);

export interface StepTry {
  name: OrderStepName;
  /** The engine's attempt, 0-based (stored 1-based). */
  attempt: number;
  outcome: OrderStepOutcome;
  statusCode?: number | null;
  latencyMs: number;
  error?: string | null;
  detail?: Record<string, unknown>;
}

/** The write that records one try of a saga step on the order's timeline. */
export function stepTryWrite(db: Executor, order: Pick<OrderRow, "id" | "merchantId" | "livemode">, t: StepTry) {
  return db.insert(orderSteps).values({
    id: newId("orderStep"),
    merchantId: order.merchantId,
    livemode: order.livemode,
    orderId: order.id,
    name: t.name,
    kind: COMPENSATIONS.has(t.name) ? "compensation" : "action",
    stepKey: stepKeyOf(order.id, t.name),
    attempt: t.attempt + 1,
    outcome: t.outcome,
    statusCode: t.statusCode ?? null,
    latencyMs: Math.max(0, Math.round(t.latencyMs)),
    error: t.error ? t.error.slice(0, 1000) : null,
    detail: t.detail ?? null,
  });
}

/** Merges flags into the order's progress (jsonb ||), never clearing one. */
export function progressWrite(db: Executor, orderId: string, flags: OrderProgress, set: Partial<OrderRow> = {}) {
  return db
    .update(orders)
    .set({ ...set, progress: sql`${orders.progress} || ${JSON.stringify(flags)}::jsonb` })
    .where(eq(orders.id, orderId));
}

/** Records a failure on the order (the first one wins: it is why the saga compensates). */
export function failureWrite(db: Executor, orderId: string, code: string, message: string) {
  return db
    .update(orders)
    .set({ failureCode: code, failureMessage: message.slice(0, 500) })
    .where(sql`${orders.id} = ${orderId} and ${orders.failureCode} is null`);
}

/** A try that failed in a way worth trying again (a processor error, the database): recorded, then retried. */
export async function recordRetry(
  ctx: ServiceContext,
  order: OrderRow,
  tryInfo: TryInfo,
  started: number,
  error: unknown,
  name: OrderStepName,
): Promise<SagaStepError> {
  if (error instanceof SagaStepError) return error;
  const code = error instanceof KassaError ? error.code : "api_error";
  const message = error instanceof KassaError ? error.message : "An internal error interrupted the step.";
  await commit(ctx, async (tx) => {
    await stepTryWrite(tx, order, {
      name,
      attempt: tryInfo.attempt,
      outcome: tryInfo.lastTry ? "failed" : "retrying",
      latencyMs: Date.now() - started,
      error: `${code}: ${message}`,
    });
    if (tryInfo.lastTry) await failureWrite(tx, order.id, code, message);
  });
  return new SagaStepError("retry", code, message);
}
