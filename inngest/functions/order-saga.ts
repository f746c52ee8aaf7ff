import { eventType, NonRetriableError } from "inngest";
import { z } from "zod";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { authorizeOrder } from "@/lib/orders/authorize-order";
import { callFulfillmentHook } from "@/lib/orders/call-fulfillment-hook";
import { captureOrder } from "@/lib/orders/capture-order";
import { compensatePayment } from "@/lib/orders/compensate-payment";
import { compensatedStatus, finishOrder, markCompensationFailed } from "@/lib/orders/finish-order";
import type { TryInfo } from "@/lib/orders/saga-context";
import { SagaStepError } from "@/lib/orders/saga-errors";
import { inngest } from "../client";

const started = eventType(INTERNAL_EVENTS.orderStarted, {
  schema: z.object({ order: z.string(), merchant: z.string(), livemode: z.enum(["true", "false"]) }),
});

/** Tries of each step after the first: on the engine's backoff (15 s, 30 s, 1 min, 2 min). */
export const ORDER_STEP_RETRIES = 4;

/** The SDK gives an onFailure handler one retry (`retries: { attempts: 1 }`), whatever the function's own. */
const ON_FAILURE_RETRIES = 1;

/** A step's body: its own errors become the engine's — final ones are not retried (NonRetriableError). */
function guarded<T>(work: (t: TryInfo) => Promise<T>, attempt: number, retries = ORDER_STEP_RETRIES): () => Promise<T> {
  return async () => {
    try {
      return await work({ attempt, lastTry: attempt >= retries });
    } catch (error) {
      if (error instanceof SagaStepError && error.kind === "final") throw new NonRetriableError(error.message, { cause: error });
      throw error;
    }
  };
}

type Step = Parameters<Parameters<typeof inngest.createFunction>[1]>[0]["step"];

/**
 * Undoes what the saga did, in reverse — refund the capture or void the authorisation after releasing
 * the reservation at the merchant — each its own retried, recorded step. Throws when one could not
 * finish, so the run fails and onFailure tries the compensations once more.
 */
async function compensate(step: Step, ctx: ServiceContext, orderId: string, attempt: number, prefix: string, retries = ORDER_STEP_RETRIES): Promise<string> {
  const failed: string[] = [];
  // Reverse order: the capture (refund) first, then the reservation, then the authorisation (void).
  const plan: [string, (t: TryInfo) => Promise<unknown>][] = [
    ["refund", (t) => compensatePayment({ ctx, orderId, tryInfo: t, only: "refund" })],
    ["release", (t) => callFulfillmentHook({ ctx, orderId, action: "release", tryInfo: t })],
    ["void", (t) => compensatePayment({ ctx, orderId, tryInfo: t, only: "void" })],
  ];
  for (const [name, work] of plan) {
    try {
      await step.run(`${prefix}${name}`, guarded(work, attempt, retries));
    } catch (error) {
      failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed.length) throw new Error(`compensation incomplete (${failed.join("; ")})`);
  return step.run(`${prefix}finish`, async () => finishOrder({ ctx, orderId, status: await compensatedStatus({ ctx, orderId }) }).then((r) => r.status));
}

/**
 * One run per order (inngest/functions/order-saga.ts): authorise → reserve at the merchant → capture →
 * confirm at the merchant, one step per side effect, each with its own key (`ord_…:<step>`). A step that
 * fails for good (a decline, a merchant's 4xx) or runs out of tries starts the compensation; onFailure
 * compensates once more when the run itself fails.
 */
export const orderSagaFn = inngest.createFunction(
  {
    id: "order-saga",
    triggers: [started],
    retries: ORDER_STEP_RETRIES,
    concurrency: { limit: 1, key: "event.data.order" },
    onFailure: async ({ event, step, error, attempt }) => {
      const d = event.data.event.data as { order: string; merchant: string; livemode: string };
      const ctx: ServiceContext = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("order-saga") };
      try {
        return await compensate(step, ctx, d.order, attempt, "on-failure-", ON_FAILURE_RETRIES);
      } catch (again) {
        const message = again instanceof Error ? again.message : error.message;
        return step.run("on-failure-give-up", () => markCompensationFailed({ ctx, orderId: d.order, message }).then((r) => r.status));
      }
    },
  },
  async ({ event, step, attempt }) => {
    const d = event.data;
    const ctx: ServiceContext = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("order-saga") };
    const orderId = d.order;
    try {
      await step.run(
        "authorize",
        guarded((t) => authorizeOrder({ ctx, orderId, tryInfo: t }), attempt),
      );
      await step.run(
        "reserve",
        guarded((t) => callFulfillmentHook({ ctx, orderId, action: "reserve", tryInfo: t }), attempt),
      );
      await step.run(
        "capture",
        guarded((t) => captureOrder({ ctx, orderId, tryInfo: t }), attempt),
      );
      await step.run(
        "confirm",
        guarded((t) => callFulfillmentHook({ ctx, orderId, action: "confirm", tryInfo: t }), attempt),
      );
    } catch {
      return { status: await compensate(step, ctx, orderId, attempt, "compensate-") };
    }
    return { status: await step.run("finish", async () => (await finishOrder({ ctx, orderId, status: "succeeded" })).status) };
  },
);
