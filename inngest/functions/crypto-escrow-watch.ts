import { eventType } from "inngest";
import { z } from "zod";
import { advanceCryptoEscrow } from "@/lib/crypto-payments/advance-crypto-escrow";
import { cryptoPollMs } from "@/lib/crypto-payments/settings";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { commit } from "@/lib/service/commit";
import { systemActor } from "@/lib/service/context";
import { inngest } from "../client";

const held = eventType(INTERNAL_EVENTS.cryptoEscrowHeld, {
  schema: z.object({ merchant: z.string(), livemode: z.enum(["true", "false"]), payment: z.string(), releaseAt: z.string() }),
});

/** Looks before the timelock (a dispute shows at the next one), and after it until released, refunded or handed over. */
const LOOKS_BEFORE = 200;
const LOOKS_AFTER = 300;

/**
 * One run per escrowed crypto payment: looks at its deposit in the contract at fixed times until the
 * timelock (a payer's dispute is mirrored at the next look), then every poll interval until it is
 * released (Kassa queues the release) or refunded by the arbiter's ruling; a dispute that outlasts the
 * run's looks is handed to a fresh run. Every look is advanceCryptoEscrow, safe to repeat.
 */
export const cryptoEscrowWatchFn = inngest.createFunction({ id: "crypto-escrow-watch", triggers: [held], retries: 5 }, async ({ event, step }) => {
  const d = event.data;
  const ctx = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("crypto-escrow-watch") };
  const releaseAtMs = Number(d.releaseAt) * 1000;
  const plan = await step.run("plan", () => {
    const start = Date.now();
    return { start, every: Math.max(cryptoPollMs(), Math.ceil((releaseAtMs - start) / LOOKS_BEFORE)), poll: cryptoPollMs() };
  });
  let i = 1;
  for (let at = plan.start + plan.every; at < releaseAtMs; at += plan.every, i++) {
    await step.sleepUntil(`wait-${i}`, new Date(at));
    const look = await step.run(`look-${i}`, () => advanceCryptoEscrow({ ctx, paymentId: d.payment }));
    if (look.final) return { outcome: look.status, looks: i };
  }
  const after = Math.max(releaseAtMs, plan.start);
  for (let j = 1; j <= LOOKS_AFTER; j++) {
    await step.sleepUntil(`after-${j}`, new Date(after + j * plan.poll));
    const look = await step.run(`after-look-${j}`, () => advanceCryptoEscrow({ ctx, paymentId: d.payment }));
    if (look.final) return { outcome: look.status, looks: i + j };
  }
  await step.run("hand-over", () => commit(ctx, async (_tx, changes) => declareInternalEvent(changes, INTERNAL_EVENTS.cryptoEscrowHeld, d)));
  return { outcome: "handed over" };
});
