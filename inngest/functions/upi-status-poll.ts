import { eventType } from "inngest";
import { z } from "zod";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { systemActor } from "@/lib/service/context";
import { checkUpiPayment } from "@/lib/upi/check-upi-payment";
import { pollSchedule } from "@/lib/upi/poll-schedule";
import { upiPaymentSettled } from "@/lib/upi/upi-payment-settled";
import { inngest } from "../client";

const started = eventType(INTERNAL_EVENTS.upiPaymentStarted, {
  schema: z.object({
    merchant: z.string(),
    livemode: z.enum(["true", "false"]),
    payment: z.string(),
    attempt: z.string(),
    startedAt: z.string(),
    expiresAt: z.string(),
  }),
});

/**
 * One run per UPI attempt: checks the PSP on the published cadence (lib/upi/poll-schedule.ts) until the
 * payment is paid, declined or expired. Each wait is a `waitForEvent` on the payment's callback with the
 * next check time as its timeout. The upi-callback run asks the PSP and books a callback's news; this run,
 * woken by the same callback, only reads the payment (no second PSP call) and ends if it is settled, or
 * waits on for the same check time (the booking may still be under way; the check then finds it settled
 * without asking the PSP). A PSP that does not answer is a timeline line and the cadence goes on
 * (checkUpiPayment never throws for it). At the expiry a last check books what the PSP says, or expires the
 * payment; a success after that arrives by callback (or the sweep) and is refunded. Every step is safe to
 * repeat.
 */
export const upiStatusPollFn = inngest.createFunction({ id: "upi-status-poll", triggers: [started], retries: 5 }, async ({ event, step }) => {
  const d = event.data;
  const ctx = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("upi-status-poll") };
  const schedule = pollSchedule(Date.parse(d.startedAt), Date.parse(d.expiresAt));
  let wakes = 0;
  for (let i = 0; i < schedule.length;) {
    const callback = await step.waitForEvent(wakes ? `wait-${i + 1}-${wakes}` : `wait-${i + 1}`, {
      event: INTERNAL_EVENTS.upiCallbackReceived,
      match: "data.payment",
      timeout: new Date(schedule[i]!),
    });
    if (callback) {
      wakes++;
      const seen = await step.run(`callback-${wakes}`, async () => upiPaymentSettled({ ctx, paymentId: d.payment }));
      if (seen.settled) return { outcome: seen.status, checks: i, by: "callback" };
      continue;
    }
    const check = await step.run(`check-${i + 1}`, async () => {
      const c = await checkUpiPayment({ ctx, paymentId: d.payment, source: "poll" });
      return { status: c.payment.status, pspStatus: c.pspStatus, final: c.final };
    });
    if (check.final) return { outcome: check.status, checks: i + 1, by: "poll" };
    i++;
  }
  await step.sleepUntil("expiry", new Date(d.expiresAt));
  const last = await step.run("expire", async () => {
    const c = await checkUpiPayment({ ctx, paymentId: d.payment, source: "expiry", expire: true });
    return { status: c.payment.status, pspStatus: c.pspStatus };
  });
  return { outcome: last.status, checks: schedule.length + 1, by: "expiry" };
});
