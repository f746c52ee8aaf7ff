import { runScheduledPayouts } from "@/lib/payouts/run-scheduled-payouts";
import { inngest } from "../client";

/**
 * Every six hours: merchants whose payout schedule is due today (UTC) get one automatic payout per
 * currency of their whole available balance. A day's slot is paid once, so later ticks (or a tick
 * missed while down) change nothing twice. The tick's own time is the schedule's clock.
 */
export const payoutScheduleFn = inngest.createFunction(
  { id: "payout-schedule", triggers: [{ cron: "0 */6 * * *" }], concurrency: { limit: 1 }, retries: 3 },
  async ({ event, step }) => step.run("pay-out", () => runScheduledPayouts({ now: new Date(event.ts ?? Date.now()) })),
);
