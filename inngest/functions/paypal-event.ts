import { eventType } from "inngest";
import { z } from "zod";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { processPayPalEvent } from "@/lib/paypal-events/process-paypal-event";
import { inngest } from "../client";

const received = eventType(INTERNAL_EVENTS.paypalEventReceived, {
  schema: z.object({
    paypal_event: z.string(),
    type: z.string(),
    merchant: z.string(),
    livemode: z.enum(["true", "false"]),
    payment: z.string(),
  }),
});

/**
 * One verified PayPal event (recorded by /api/webhooks/paypal for a merchant's payment): its handler
 * re-reads the order from PayPal and applies it. One run at a time per payment, so two events about one
 * order never race; handlers are idempotent, so retries are safe.
 */
export const paypalEventFn = inngest.createFunction(
  {
    id: "paypal-event",
    triggers: [received],
    concurrency: { limit: 1, key: "event.data.payment" },
    retries: 8,
  },
  async ({ event, step }) => {
    const d = event.data;
    return step.run("handle", () => processPayPalEvent({ eventId: d.paypal_event, merchantId: d.merchant, livemode: d.livemode === "true" }));
  },
);
