import { inngest } from "../client";
import { getDb } from "@/db/client";
import { createDeliveries } from "@/lib/webhooks/create-deliveries";

/**
 * Every outbox event (`kassa/*`): one delivery per subscribed endpoint, each handed to its own
 * webhook-deliver run (one run per event × endpoint).
 */
export const webhookFanOutFn = inngest.createFunction(
  // Only events of merchants with an enabled endpoint (the relay sets `webhooks`): no run per event otherwise.
  { id: "webhook-fan-out", triggers: [{ event: "kassa/*", if: "event.data.webhooks == true" }], retries: 5 },
  async ({ event, step }) => {
    const eventId = String((event.data as { id?: unknown }).id ?? "");
    const deliveries = await step.run("create-deliveries", async () => createDeliveries({ db: await getDb(), eventId }));
    if (deliveries.length === 0) return { deliveries: 0 };
    await step.sendEvent(
      "dispatch",
      deliveries.map((d) => ({ id: `dispatch-${d.id}`, name: "webhooks/delivery.requested", data: { deliveryId: d.id, endpointId: d.endpointId } })),
    );
    return { deliveries: deliveries.length };
  },
);
