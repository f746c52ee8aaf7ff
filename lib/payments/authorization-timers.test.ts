// Authorisation timers at service level on a real PostgreSQL: a hold lapses after 7 days (released,
// reason automatic); an escrow hold is captured at capture_at; a timer that fires late or twice is harmless.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { payments } from "@/db/schema";
import { systemActor } from "@/lib/service/context";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { createPayment } from "./create-payment";
import { runAuthorizationTimer } from "./run-authorization-timer";

const { env, merchant } = paymentsTestBed("pay_timers");

describe("authorisation timers", () => {
  it("an authorisation past 7 days is canceled (released) with reason automatic", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    const sys = { ...ctx, actor: systemActor("authorization-timer") };
    expect(await runAuthorizationTimer({ ctx: sys, paymentId: p.id })).toEqual({ action: "none", status: "requires_capture" });
    const eightDays = new Date(Date.now() + 8 * 86400_000);
    expect(await runAuthorizationTimer({ ctx: sys, paymentId: p.id, now: eightDays })).toEqual({ action: "expired", status: "canceled" });
    const [row] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row).toMatchObject({ cancellationReason: "automatic", amountCapturable: 0n });
    expect(await runAuthorizationTimer({ ctx: sys, paymentId: p.id, now: eightDays })).toEqual({ action: "none", status: "canceled" });
  });

  it("an escrow hold is captured at capture_at", async () => {
    const ctx = await merchant();
    const at = Math.floor(Date.now() / 1000) + 3600;
    const p = await createPayment({
      ctx,
      input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual", capture_at: at },
    });
    expect(p.capture_at).toBe(at);
    expect(await runAuthorizationTimer({ ctx, paymentId: p.id, now: new Date((at + 1) * 1000) })).toEqual({ action: "captured", status: "succeeded" });
  });
});

describe("books", () => checksTheBooks(env));
