import { eventType } from "inngest";
import { sendPayout } from "@/lib/payouts/send-payout";
import { settlePayout } from "@/lib/payouts/settle-payout";
import { inngest, kassaEvent } from "../client";

const payoutCreated = eventType("kassa/payout.created", { schema: kassaEvent });

/** After the arrival date, how long to keep asking a bank that has not answered yet. */
const LATE_CHECKS = ["1h", "6h", "1d", "1d", "1d"] as const;

/**
 * A posted payout (its `payout.created` event committed with the ledger entry: the recovery point) is
 * handed to the bank — one step, the payout id as the bank's idempotency key, so a retried or recovered
 * step finds the transfer it made — then waits until the arrival date and records paid or failed.
 */
export const payoutSendFn = inngest.createFunction(
  {
    id: "payout-send",
    triggers: [payoutCreated],
    concurrency: { limit: 1, key: "event.data.data.object.id" },
    retries: 5,
  },
  async ({ event, step }) => {
    const payout = { payoutId: String(event.data.data.object.id), merchantId: event.data.merchant, livemode: event.data.livemode };
    const sent = await step.run("send-to-bank", () => sendPayout(payout));
    if (sent.status !== "in_transit" || !sent.arrivalDate) return sent;
    const arrival = Date.parse(sent.arrivalDate);
    await step.sleepUntil("arrival-date", new Date(arrival));
    for (let i = 0; ; i++) {
      // As of the arrival date at least: the step runs once it is due, whatever the process clock says.
      const result = await step.run(`settle-${i}`, () => settlePayout({ ...payout, now: new Date(Math.max(Date.now(), arrival)) }));
      if (result.status !== "in_transit" || i === LATE_CHECKS.length) return result;
      await step.sleep(`late-${i}`, LATE_CHECKS[i]!);
    }
  },
);
