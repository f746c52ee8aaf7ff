import { eventType } from "inngest";
import { inngest, kassaEvent } from "../client";
import { systemActor } from "@/lib/service/context";
import { runAuthorizationTimer } from "@/lib/payments/run-authorization-timer";

const capturable = eventType("kassa/payment.amount_capturable_updated", { schema: kassaEvent });

/**
 * An authorisation's clock: sleeps until its scheduled capture (`capture_at`, escrow-style holds) or
 * its 7-day expiry, then captures or releases it. A payment captured or canceled meanwhile is left alone.
 */
export const authorizationTimerFn = inngest.createFunction({ id: "authorization-timer", triggers: [capturable], retries: 5 }, async ({ event, step }) => {
  const object = event.data.data.object as { id: string; capture_at: number | null; authorization_expires_at: number | null };
  const due = [object.capture_at, object.authorization_expires_at].filter((t): t is number => typeof t === "number");
  if (due.length === 0) return { action: "none", reason: "no timer" };
  await step.sleepUntil("until-due", new Date(Math.min(...due) * 1000));
  const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("authorization-timer") };
  return step.run("capture-or-release", () => runAuthorizationTimer({ ctx, paymentId: object.id }));
});
