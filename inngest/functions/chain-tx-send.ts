import { eventType } from "inngest";
import { z } from "zod";
import { advanceSender } from "@/lib/chain-tx/advance-sender";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { commit } from "@/lib/service/commit";
import { systemActor } from "@/lib/service/context";
import { inngest } from "../client";

const queued = eventType(INTERNAL_EVENTS.chainTransactionQueued, {
  schema: z.object({ merchant: z.string(), livemode: z.enum(["true", "false"]), chain: z.string(), from: z.string() }),
});

/** Passes per run; a run that reaches it hands over to a fresh run (a run's step limit is 1,000). */
const MAX_PASSES = 300;

/**
 * The sender of one account (a merchant's treasury, or a deposit address being swept): one run at a time
 * per account (the concurrency key), so its transactions are signed in priority order with consecutive
 * nonces. Each pass (lib/chain-tx/advance-sender.ts) records receipts, re-sends what a crash left signed,
 * replaces what is stuck and signs what is queued; the run sleeps between passes until nothing of the
 * account is open. Every pass is safe to repeat: a pass that died after a broadcast sends the same bytes again.
 */
export const chainTxSendFn = inngest.createFunction(
  { id: "chain-tx-send", triggers: [queued], retries: 10, concurrency: { limit: 1, key: "event.data.from" } },
  async ({ event, step }) => {
    const d = event.data;
    const ctx = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("chain-tx-send") };
    for (let i = 1; i <= MAX_PASSES; i++) {
      const pass = await step.run(`pass-${i}`, () => advanceSender({ ctx, from: d.from }));
      if (pass.open === 0) return { passes: i };
      await step.sleep(`wait-${i}`, pass.waitMs);
    }
    // Through the outbox like every other hand-off: a new event, so a new run, which waits for this one to end.
    await step.run("hand-over", () => commit(ctx, async (_tx, changes) => declareInternalEvent(changes, INTERNAL_EVENTS.chainTransactionQueued, d)));
    return { passes: MAX_PASSES, handedOver: true };
  },
);
