import { inngest } from "../client";
import { getDb } from "@/db/client";
import { createDeliveries } from "@/lib/webhooks/create-deliveries";

/**
 * Every outbox event (`kassa/*`): one delivery per subscribed endpoint. Each delivery's hand-off to its
 * own webhook-deliver run (one run per event × endpoint) is committed with it, through the outbox.
 */
export const webhookFanOutFn = inngest.createFunction(
  // Only events of merchants with an enabled endpoint (the relay sets `webhooks`): no run per event otherwise.
  { id: "webhook-fan-out", triggers: [{ event: "kassa/*", if: "event.data.webhooks == true" }], retries: 5 },
  async ({ event, step }) => {
    const eventId = String((event.data as { id?: unknown }).id ?? "");
    const deliveries = await step.run("create-deliveries", async () => createDeliveries({ db: await getDb(), eventId }));
    return { deliveries: deliveries.length };
  },
);
