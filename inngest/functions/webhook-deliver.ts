import { inngest } from "../client";
import { getDb } from "@/db/client";
import { attemptDelivery } from "@/lib/webhooks/attempt-delivery";
import { giveUpDelivery } from "@/lib/webhooks/give-up-delivery";
import { RETRY_SCHEDULE_S } from "@/lib/webhooks/schedule";

/** Tries in flight at once to one endpoint. */
const DELIVERIES_PER_ENDPOINT = 10;

/**
 * One delivery to one endpoint, on the Standard Webhooks schedule: a try now, then after 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h (jittered; `Retry-After` on 429/502/504 wins), then failed. Up to
 * DELIVERIES_PER_ENDPOINT tries at a time per endpoint: one try at a time capped an endpoint at one
 * answer's latency per event (10 events/s at 100 ms), and a hanging endpoint held every other event back
 * for its whole timeout. Order was never promised (as with Stripe): events carry `created`.
 */
export const webhookDeliverFn = inngest.createFunction(
  {
    id: "webhook-deliver",
    triggers: [{ event: "webhooks/delivery.requested" }],
    concurrency: { limit: DELIVERIES_PER_ENDPOINT, key: "event.data.endpointId" },
    retries: 3,
  },
  async ({ event, step }) => {
    const deliveryId = String((event.data as { deliveryId?: unknown }).deliveryId);
    for (let n = 1; n <= RETRY_SCHEDULE_S.length; n++) {
      const result = await step.run(`try-${n}`, async () => attemptDelivery({ db: await getDb(), deliveryId }));
      if (result.outcome === "exhausted") break;
      if (result.outcome !== "retry") return result;
      await step.sleep(`wait-${n}`, `${result.waitSeconds}s`);
    }
    return step.run("give-up", async () => giveUpDelivery({ db: await getDb(), deliveryId }));
  },
);
