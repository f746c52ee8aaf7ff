import { eventType } from "inngest";
import { z } from "zod";
import { checkCryptoDeposit } from "@/lib/crypto-payments/check-crypto-deposit";
import { CRYPTO_PAYMENT_STARTED } from "@/lib/crypto-payments/events";
import { cryptoLateWindowMs, cryptoPollMs } from "@/lib/crypto-payments/settings";
import { systemActor } from "@/lib/service/context";
import { inngest } from "../client";

const started = eventType(CRYPTO_PAYMENT_STARTED, {
  schema: z.object({
    merchant: z.string(),
    livemode: z.enum(["true", "false"]),
    payment: z.string(),
    startedAt: z.string(),
    expiresAt: z.string(),
  }),
});

const MAX_CHECKS = 400;
const MAX_LATE_CHECKS = 150;

/**
 * One run per crypto payment: reads its deposit address every poll interval until it is paid in full
 * with the confirmations required, then books it (checkCryptoDeposit, one transaction); at the expiry a
 * last check books a payment paid by then, or expires it. Checks are at fixed times from the start, so a
 * replayed run asks for the same steps; every step is safe to repeat.
 */
export const cryptoDepositWatchFn = inngest.createFunction({ id: "crypto-deposit-watch", triggers: [started], retries: 5 }, async ({ event, step }) => {
  const d = event.data;
  const ctx = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("crypto-deposit-watch") };
  const startedAt = Date.parse(d.startedAt);
  const expiresAt = Date.parse(d.expiresAt);
  // Memoised, so a changed setting never changes a running run's step ids; at most MAX_CHECKS checks (a run's step limit is 1,000).
  const pollMs = await step.run("settings", () => Math.max(cryptoPollMs(), Math.ceil((expiresAt - startedAt) / MAX_CHECKS)));
  let i = 1;
  for (let at = startedAt + pollMs; at < expiresAt; at += pollMs, i++) {
    await step.sleepUntil(`wait-${i}`, new Date(at));
    const check = await step.run(`check-${i}`, () => checkCryptoDeposit({ ctx, paymentId: d.payment }));
    if (check.final) return { outcome: check.status, checks: i };
  }
  await step.sleepUntil("expiry", new Date(expiresAt));
  const last = await step.run("expire", () => checkCryptoDeposit({ ctx, paymentId: d.payment, expire: true }));
  if (last.status === "succeeded") return { outcome: last.status, checks: i };
  // Expired: money that still arrives is the payer's and goes back (checkCryptoDeposit's late checks).
  const window = await step.run("late-settings", () => {
    const windowMs = cryptoLateWindowMs();
    return { windowMs, everyMs: Math.max(pollMs, Math.ceil(windowMs / MAX_LATE_CHECKS)) };
  });
  let j = 1;
  for (let at = expiresAt + window.everyMs; at <= expiresAt + window.windowMs; at += window.everyMs, j++) {
    await step.sleepUntil(`late-wait-${j}`, new Date(at));
    await step.run(`late-${j}`, () => checkCryptoDeposit({ ctx, paymentId: d.payment, late: true }));
  }
  return { outcome: last.status, checks: i, lateChecks: j - 1 };
});
