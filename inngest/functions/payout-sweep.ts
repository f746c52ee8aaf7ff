import { getDb } from "@/db/client";
import { findStalePayouts } from "@/lib/payouts/find-stale-payouts";
import { sendPayout } from "@/lib/payouts/send-payout";
import { settlePayout } from "@/lib/payouts/settle-payout";
import { inngest } from "../client";

/**
 * The payouts' safety net, every hour: a payout whose send run gave up (the bank down through all its
 * retries) or died is handed to the bank again — the payout id is the bank's idempotency key, so a
 * transfer already made is found, never made twice — and one past its arrival date is asked how it ended.
 */
export const payoutSweepFn = inngest.createFunction(
  { id: "payout-sweep", triggers: [{ cron: "20 * * * *" }], concurrency: { limit: 1 }, retries: 2 },
  async ({ event, step }) => {
    const now = event.ts ?? Date.now();
    const stale = await step.run("find-stale", async () => findStalePayouts(await getDb(), { now }));
    const outcomes: Record<string, string> = {};
    for (const p of stale) {
      const payout = { payoutId: p.id, merchantId: p.merchantId, livemode: p.livemode, now: new Date(now) };
      const r = await step.run(`${p.status === "pending" ? "send" : "settle"}-${p.id}`, () =>
        p.status === "pending" ? sendPayout(payout) : settlePayout(payout),
      );
      outcomes[p.id] = r.status;
    }
    return { stale: stale.length, outcomes };
  },
);
