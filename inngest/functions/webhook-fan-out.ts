import { inngest } from "../client";
import { getDb } from "@/db/client";
import { createDeliveries } from "@/lib/webhooks/create-deliveries";

/**
 * Every outbox event (`kassa/*`): one delivery per subscribed endpoint. Each delivery's hand-off to its
 * own webhook-deliver run (one run per event × endpoint) is committed with it, through the outbox.
 * No step: the body is one idempotent commit (a delivery is unique per endpoint × event, so a retried run
 * adds nothing), and a step would cost every event a second call from the engine.
 */
export const webhookFanOutFn = inngest.createFunction(
  // Only events of merchants with an enabled endpoint (the relay sets `webhooks`): no run per event otherwise.
  { id: "webhook-fan-out", triggers: [{ event: "kassa/*", if: "event.data.webhooks == true" }], retries: 5 },
  async ({ event }) => {
    const eventId = String((event.data as { id?: unknown }).id ?? "");
    const deliveries = await createDeliveries({ db: await getDb(), eventId });
    return { deliveries: deliveries.length };
  },
);
