import { eventType } from "inngest";
import { z } from "zod";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { systemActor } from "@/lib/service/context";
import { applyUpiCallback } from "@/lib/upi/apply-upi-callback";
import { inngest } from "../client";

const received = eventType(INTERNAL_EVENTS.upiCallbackReceived, {
  schema: z.object({
    merchant: z.string(),
    livemode: z.enum(["true", "false"]),
    payment: z.string(),
    attempt: z.string(),
    callback: z.string(),
    status: z.string(),
  }),
});

/** A recorded UPI callback: the PSP is asked and its answer booked (idempotent; races with the poll run book one outcome). */
export const upiCallbackFn = inngest.createFunction({ id: "upi-callback", triggers: [received], retries: 10 }, async ({ event, step }) => {
  const d = event.data;
  const ctx = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("upi-callback") };
  return step.run("apply", () => applyUpiCallback({ ctx, paymentId: d.payment, attemptId: d.attempt }));
});
