import { eventType } from "inngest";
import { inngest, kassaEvent } from "../client";
import { systemActor } from "@/lib/service/context";
import { releaseDueEscrow } from "@/lib/escrow/release-due-escrow";

const held = eventType("kassa/escrow.held", { schema: kassaEvent });

/**
 * An escrow's timelock: sleeps until the payment's escrow release_at, then releases it unless it was
 * disputed, released early or refunded meanwhile (the verb re-reads the payment; its ledger keys post once).
 */
export const escrowReleaseTimerFn = inngest.createFunction({ id: "escrow-release-timer", triggers: [held], retries: 5 }, async ({ event, step }) => {
  const object = event.data.data.object as { id: string; escrow: { release_at: number | null } | null };
  const releaseAt = object.escrow?.release_at;
  if (typeof releaseAt !== "number") return { released: false, reason: "no release time" };
  await step.sleepUntil("until-release", new Date(releaseAt * 1000));
  const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("escrow-release-timer") };
  // The run wakes at release_at; on a wall clock behind the engine's (a test's fake clock) it still acts as of then.
  const now = new Date(Math.max(Date.now(), releaseAt * 1000));
  return step.run("release", () => releaseDueEscrow({ ctx, paymentId: object.id, now }));
});
