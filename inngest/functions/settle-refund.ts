import { eventType } from "inngest";
import { z } from "zod";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { systemActor } from "@/lib/service/context";
import { settleRefund } from "@/lib/refunds/settle-refund";
import { inngest } from "../client";

const settleRequested = eventType(INTERNAL_EVENTS.refundSettleRequested, {
  schema: z.object({ refund: z.string(), merchant: z.string(), livemode: z.enum(["true", "false"]) }),
});

// Waits before each try: a lost answer is usually known within seconds, then patient. Single units only (the SDK
// drops compound durations such as "1h30m").
const WAITS = ["2s", "10s", "1m", "5m", "30m"] as const;

/**
 * A refund whose processor answer was lost (or that the processor left pending) is asked for again with its own
 * id as the processor's idempotency key, after 2 s, 10 s, 1 m, 5 m and 30 m, until it has settled: the refund
 * path's counterpart of settle-payment. The reconciliation cron still catches anything open after the last try.
 * One run per refund at a time; every try is safe to repeat (the processor answers the refund it made).
 */
export const settleRefundFn = inngest.createFunction(
  { id: "settle-refund", triggers: [settleRequested], concurrency: { limit: 1, key: "event.data.refund" }, retries: 5 },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode === "true", actor: systemActor("settle-refund") };
    let result = { status: "pending", done: false };
    for (let i = 0; i < WAITS.length && !result.done; i++) {
      await step.sleep(`wait-${i}`, WAITS[i]!);
      result = await step.run(`settle-${i}`, () => settleRefund({ ctx, refundId: event.data.refund }));
    }
    return result;
  },
);
