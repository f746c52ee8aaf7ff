import { inngest, kassaEvent } from "../client";
import { systemActor } from "@/lib/service/context";
import { settlePayment } from "@/lib/payments/settle-payment";
import { eventType } from "inngest";

const paymentProcessing = eventType("kassa/payment.processing", { schema: kassaEvent });

// Waits between tries: quick at first (a lost answer is usually known within seconds), then patient.
// Single units only: the SDK drops compound durations such as "1h30m".
const WAITS = ["2s", "10s", "1m", "5m", "30m", "2h", "6h"] as const;

/**
 * A payment left `processing` (the processor's answer was lost, or a transient decline to retry):
 * settle it with the same idempotency key until it succeeds or fails for good. The reconciliation
 * cron catches anything still open after the last try.
 */
export const settlePaymentFn = inngest.createFunction(
  {
    id: "settle-payment",
    triggers: [paymentProcessing],
    concurrency: { limit: 1, key: "event.data.data.object.id" },
    retries: 5,
  },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("settle-payment") };
    const paymentId = String(event.data.data.object.id);
    for (let i = 0; ; i++) {
      const result = await step.run(`settle-${i}`, () => settlePayment({ ctx, paymentId }));
      if (result.done || i === WAITS.length) return result;
      await step.sleep(`wait-${i}`, WAITS[i]!);
    }
  },
);
