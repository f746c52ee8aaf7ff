import { inngest } from "../client";
import { sendToInngest } from "../send";
import { publishPendingEvents } from "@/lib/events/publish-events";
import { publishPendingStripeEvents } from "@/lib/stripe-events/publish-stripe-events";

/**
 * The outbox relay's safety net: every minute, publish outbox rows the after-commit path missed
 * (a crash between commit and send, an engine that was down). Resends are harmless: event id = outbox id.
 */
export const outboxSweep = inngest.createFunction(
  { id: "outbox-sweep", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 }, retries: 2 },
  async ({ step }) => {
    let published = 0;
    for (let batch = 0; batch < 20; batch++) {
      const n = await step.run(`publish-${batch}`, () => publishPendingEvents({ send: sendToInngest, olderThan: new Date(Date.now() - 10_000) }));
      published += n;
      if (n < 100) break;
    }
    // Stripe's events recorded but not handed on (their rows are their own outbox).
    for (let batch = 0; batch < 20; batch++) {
      const n = await step.run(`publish-stripe-${batch}`, () => publishPendingStripeEvents({ send: sendToInngest, olderThan: new Date(Date.now() - 10_000) }));
      published += n;
      if (n < 100) break;
    }
    return { published };
  },
);
