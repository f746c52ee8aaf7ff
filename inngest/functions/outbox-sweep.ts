import { inngest } from "../client";
import { sendToInngest } from "../send";
import { publishTurn } from "@/lib/events/publish-turn";

/**
 * The outbox relay's safety net: every minute, publish outbox rows the after-commit path missed
 * and Stripe's recorded events not yet handed on (a crash between commit and send, an engine that was down), a
 * batch of each in turn. Resends are harmless: event id = outbox id.
 */
export const outboxSweep = inngest.createFunction(
  { id: "outbox-sweep", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 }, retries: 2 },
  async ({ step }) => {
    let published = 0;
    for (let turn = 0; turn < 20; turn++) {
      const r = await step.run(`publish-${turn}`, () => publishTurn({ send: sendToInngest, olderThan: new Date(Date.now() - 10_000) }));
      published += r.published;
      if (!r.more) break;
    }
    return { published };
  },
);
