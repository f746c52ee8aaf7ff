// Unit tests of the money path's functions with @inngest/test (sleeps mocked by step id), on a real
// PostgreSQL. Their runs through the local executor are in functions.executor.test.ts.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { balanceTransactions, paymentAttempts, payments } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { createPayment } from "@/lib/payments/create-payment";
import { freshPostgres } from "@/test/db";
import { makeMerchantContext } from "@/test/fixtures";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("mfns");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db, { actor: { type: "api_key", id: "key_test" } });

const kassaEvent = (name: string, ctx: ServiceContext, object: Record<string, unknown>) => ({
  name,
  data: { id: "evt_test", object: "event", type: name.replace("kassa/", ""), created: 0, livemode: ctx.livemode, merchant: ctx.merchantId, data: { object } },
});
const sleeps = (ids: string[]) => ids.map((id) => ({ id, handler: () => undefined }));

describe("settle-payment", () => {
  it("settles a payment whose answer was lost in its first step", async () => {
    const { settlePaymentFn } = await import("./settle-payment");
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1500, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true } });
    const t = new InngestTestEngine({ function: settlePaymentFn });
    const { result } = await t.execute({ events: [kassaEvent("kassa/payment.processing", ctx, p)] });
    expect(result).toEqual({ status: "succeeded", done: true });
  });

  it("keeps trying through every wait while an attempt is still in flight, then leaves it to the cron", async () => {
    const { settlePaymentFn } = await import("./settle-payment");
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1500, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true } });
    // The attempt looks like it is still in its request (started, seconds old): never touched early.
    await h.db
      .update(paymentAttempts)
      .set({ status: "started", createdAt: new Date(Date.now() + 60_000) })
      .where(eq(paymentAttempts.paymentId, p.id));
    const t = new InngestTestEngine({ function: settlePaymentFn, steps: sleeps(["wait-0", "wait-1", "wait-2", "wait-3", "wait-4", "wait-5", "wait-6"]) });
    const { result, state } = await t.execute({ events: [kassaEvent("kassa/payment.processing", ctx, p)] });
    expect(result).toEqual({ status: "processing", done: false });
    expect(Object.keys(state).length).toBeGreaterThanOrEqual(8);
  });
});

describe("authorization-timer", () => {
  it("sleeps until capture_at, then captures the hold", async () => {
    const { authorizationTimerFn } = await import("./authorization-timer");
    const ctx = await merchant();
    const at = Math.floor(Date.now() / 1000) + 3600;
    const p = await createPayment({
      ctx,
      input: { amount: 1500, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual", capture_at: at },
    });
    await h.db
      .update(payments)
      .set({ captureAt: new Date(Date.now() - 1000) })
      .where(eq(payments.id, p.id)); // the hour has passed
    const t = new InngestTestEngine({ function: authorizationTimerFn, steps: sleeps(["until-due"]) });
    const { result } = await t.execute({ events: [kassaEvent("kassa/payment.amount_capturable_updated", ctx, p)] });
    expect(result).toEqual({ action: "captured", status: "succeeded" });
  });

  it("does nothing for a payment already captured or canceled", async () => {
    const { authorizationTimerFn } = await import("./authorization-timer");
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1500, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const t = new InngestTestEngine({ function: authorizationTimerFn, steps: sleeps(["until-due"]) });
    const { result } = await t.execute({ events: [kassaEvent("kassa/payment.amount_capturable_updated", ctx, { ...p, authorization_expires_at: 1 })] });
    expect(result).toEqual({ action: "none", status: "succeeded" });
  });
});

describe("reconcile-payments", () => {
  it("finishes stale processing payments, one step per payment", async () => {
    const { reconcilePaymentsFn } = await import("./reconcile-payments");
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1500, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true } });
    await h.db
      .update(payments)
      .set({ updatedAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(payments.id, p.id));
    const t = new InngestTestEngine({ function: reconcilePaymentsFn });
    const { result, state } = await t.execute();
    expect(result).toMatchObject({ settled: 1, senders: 0 });
    // find-stale, the payment's own step, and waking stale chain senders (none here).
    expect(Object.keys(state).length).toBe(3);
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.status).toBe("succeeded");
  });
});

describe("release-available-funds", () => {
  it("moves funds past their available_on from pending to available", async () => {
    const { releaseAvailableFundsFn } = await import("./release-available-funds");
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1500, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const [txn] = await h.db.select().from(balanceTransactions).where(eq(balanceTransactions.sourceId, p.id));
    expect(txn!.status).toBe("pending");
    const t = new InngestTestEngine({ function: releaseAvailableFundsFn });
    const { result: none } = await t.execute();
    expect(none).toEqual({ released: 0 });
    // Two days later (only the Date is moved; timers and I/O run as usual).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 3 * 86400_000);
      const { result } = await new InngestTestEngine({ function: releaseAvailableFundsFn }).execute();
      expect((result as { released: number }).released).toBeGreaterThanOrEqual(1);
    } finally {
      vi.useRealTimers();
    }
    const [after] = await h.db.select().from(balanceTransactions).where(eq(balanceTransactions.sourceId, p.id));
    expect(after!.status).toBe("available");
  });
});
