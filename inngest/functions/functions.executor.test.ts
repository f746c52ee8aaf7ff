// Kassa's own functions, served by the real serve() handler over HTTP and run by the local executor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { checkoutSessions, emails, events, idempotencyKeys, payments, refunds, sandboxCharges, sandboxRefunds, balanceTransactions } from "@/db/schema";
import { inngestEvents, inngestFunctions, inngestRuns } from "@/inngest/local/schema";
import { FakeClock, startExecutor, type Executor } from "@/inngest/local";
import { startApp } from "@/inngest/local/test-app";
import { withTransaction } from "@/lib/service/context";
import { emitEvent } from "@/test/events";
import { newId } from "@/lib/ids";
import { publishPendingEvents } from "@/lib/events/publish-events";
import { createPayment } from "@/lib/payments/create-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { configureSandbox } from "@/lib/gateways/sandbox/config";
import type { EventSender } from "@/lib/events/publish-events";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";

let h: DatabaseHandle & { url: string };
let executor: Executor;
let app: { url: string; close(): Promise<void> };
let sendToInngest: EventSender;
const clock = new FakeClock(new Date("2026-03-02T03:16:30Z"));
const silent = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  h = await freshPostgres("fnexec");
  process.env.DATABASE_URL = h.url;
  executor = await startExecutor({ db: h.db, port: 0, clock, jitter: () => 0, pollMs: 20, log: silent });
  // The app's client sends to the executor, as it does under `npm run dev`.
  process.env.INNGEST_DEV = executor.url;
  const { inngest } = await import("@/inngest/client");
  const { functions } = await import("@/inngest/index");
  ({ sendToInngest } = await import("@/inngest/send"));
  app = await startApp(inngest, functions);
  await executor.syncApp(app.url);
});
afterAll(async () => {
  await executor?.stop();
  await app?.close();
  await h?.close();
});

async function runsOf(functionId: string) {
  return h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, functionId));
}

describe("Kassa functions through the local executor", () => {
  it("registers every served function with its cron", async () => {
    const ids = (await h.db.select({ id: inngestFunctions.id }).from(inngestFunctions)).map((f) => f.id).sort();
    expect(ids).toEqual([
      "kassa-alert-evaluate",
      "kassa-authorization-timer",
      "kassa-chain-tx-send",
      "kassa-checkout-session-complete",
      "kassa-checkout-session-expiry",
      "kassa-compact-rollups",
      "kassa-crypto-deposit-watch",
      "kassa-crypto-escrow-watch",
      "kassa-customer-invoice-email",
      "kassa-customer-payment-failed-email",
      "kassa-customer-receipt",
      "kassa-customer-trial-ending-email",
      "kassa-escrow-release-sweep",
      "kassa-escrow-release-timer",
      "kassa-order-saga",
      "kassa-order-saga-failure",
      "kassa-outbox-sweep",
      "kassa-payout-schedule",
      "kassa-payout-send",
      "kassa-payout-sweep",
      "kassa-paypal-event",
      "kassa-reap-idempotency-keys",
      "kassa-reconcile-payments",
      "kassa-release-available-funds",
      "kassa-request-log-retention",
      "kassa-sandbox-dispute",
      "kassa-sandbox-upi-psp",
      "kassa-settle-payment",
      "kassa-settle-refund",
      "kassa-stripe-event",
      "kassa-subscription-period",
      "kassa-upi-callback",
      "kassa-upi-expiry-sweep",
      "kassa-upi-status-poll",
      "kassa-webhook-deliver",
      "kassa-webhook-fan-out",
    ]);
  });

  it("the outbox sweep runs on its minute cron and publishes missed rows as events with id = outbox id", async () => {
    const { ctx } = await makeMerchant(h.db);
    const missed = await withTransaction(ctx, (tx) => emitEvent(tx, ctx, "account.updated", { missed: true }));
    await h.db
      .update(events)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(events.id, missed));

    await clock.advanceTo(new Date("2026-03-02T03:17:00Z"));
    await executor.idle();
    const [run] = await runsOf("kassa-outbox-sweep");
    expect(run).toBeDefined();
    const done = await executor.waitForRun(run!.id);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ published: 1 });

    const stored = await h.db.select().from(inngestEvents).where(eq(inngestEvents.externalId, missed));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.name).toBe("kassa/account.updated");
    expect((stored[0]!.data as { merchant: string }).merchant).toBe(ctx.merchantId);
    expect(await h.db.select().from(events).where(isNull(events.publishedAt))).toEqual([]);
  });

  it("the idempotency-key reaper runs daily at 03:17 UTC and deletes keys older than 24 h", async () => {
    const { merchantId } = await makeMerchant(h.db);
    const base = { merchantId, livemode: false, requestMethod: "POST", requestPath: "/api/v1/account", requestHash: "x" };
    await h.db.insert(idempotencyKeys).values([
      { ...base, id: newId("idempotencyKey"), key: "old", createdAt: new Date(Date.now() - 25 * 3600_000) },
      { ...base, id: newId("idempotencyKey"), key: "new" },
    ]);
    // 03:17 on 2 March has passed by now; the next tick is the next day's.
    expect(await runsOf("kassa-reap-idempotency-keys")).toHaveLength(1);
    await clock.advanceTo(new Date("2026-03-03T03:17:00Z"));
    await executor.idle();
    const runs = (await runsOf("kassa-reap-idempotency-keys")).sort((a, b) => a.id.localeCompare(b.id));
    expect(runs).toHaveLength(2);
    const done = await executor.waitForRun(runs[1]!.id);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ deleted: 1 });
    expect((await h.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((k) => k.key)).toEqual(["new"]);
  });

  it("a payment whose processor answer was lost is settled by settle-payment, with one charge", async () => {
    const { ctx } = await makeMerchant(h.db);
    const p = await createPayment({
      ctx: { ...ctx, db: undefined },
      input: { amount: 2500, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true },
    });
    expect(p.status).toBe("processing");
    await publishPendingEvents({ send: sendToInngest });
    await executor.idle();
    const [run] = await runsOf("kassa-settle-payment");
    expect(run).toBeDefined();
    expect((await executor.waitForRun(run!.id)).status).toBe("completed");
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.status).toBe("succeeded");
    expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, p.id))).toHaveLength(1);
  });

  it("a refund whose processor answer was lost is settled by settle-refund after its 2 s wait, refunded once", async () => {
    const { ctx } = await makeMerchant(h.db);
    const api = { ...ctx, db: undefined };
    const p = await createPayment({ ctx: api, input: { amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    await publishPendingEvents({ send: sendToInngest });
    await executor.idle();
    // The processor makes the refund and its answer is lost: a fault after the write (draws: fault, after).
    const draws = [0, 0.9];
    const restore = configureSandbox({ faultRate: 1, random: () => draws.shift()! });
    const refund = await createRefund({ ctx: api, input: { payment: p.id, amount: 1000 } }).finally(restore);
    expect(refund.status).toBe("pending");
    const asked = await h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "refunds/settle.requested")));
    expect(asked.map((e) => e.data.object)).toEqual([{ refund: refund.id, merchant: ctx.merchantId, livemode: "false" }]);

    await publishPendingEvents({ send: sendToInngest });
    await executor.idle();
    const [run] = await runsOf("kassa-settle-refund");
    expect(run).toBeDefined();
    await clock.advance(2_000);
    expect((await executor.waitForRun(run!.id)).status).toBe("completed");
    const [row] = await h.db.select().from(refunds).where(eq(refunds.id, refund.id));
    expect(row!.status).toBe("succeeded");
    expect(await h.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.idempotencyKey, refund.id))).toHaveLength(1);
    // A refund answered at once asks for no settle run.
    await createRefund({ ctx: api, input: { payment: p.id, amount: 500 } });
    expect(
      await h.db
        .select()
        .from(events)
        .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "refunds/settle.requested"))),
    ).toHaveLength(1);
  });

  it("an authorisation that reached its expiry is released by authorization-timer", async () => {
    const { ctx } = await makeMerchant(h.db);
    const p = await createPayment({
      ctx: { ...ctx, db: undefined },
      input: { amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" },
    });
    // Seven days pass: the stored expiry is moved into the past, as the event carries it.
    const past = new Date(Date.now() - 1000);
    await h.db.update(payments).set({ authorizationExpiresAt: past }).where(eq(payments.id, p.id));
    const [evt] = await h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "payment.amount_capturable_updated")));
    const data = evt!.data as { object: Record<string, unknown> };
    await h.db
      .update(events)
      .set({ data: { object: { ...data.object, authorization_expires_at: Math.floor(past.getTime() / 1000) } } })
      .where(eq(events.id, evt!.id));
    await publishPendingEvents({ send: sendToInngest });
    await executor.idle();
    await clock.advanceTo(new Date()); // the executor's clock reaches the expiry
    await executor.idle();
    const runs = await runsOf("kassa-authorization-timer");
    expect(runs).toHaveLength(1);
    const done = await executor.waitForRun(runs[0]!.id);
    expect(done.output).toEqual({ action: "expired", status: "canceled" });
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row).toMatchObject({ status: "canceled", cancellationReason: "automatic" });
  });

  it("the reconcile-payments cron finishes a payment left processing, every minute", async () => {
    const { ctx } = await makeMerchant(h.db);
    const p = await createPayment({
      ctx: { ...ctx, db: undefined },
      input: { amount: 2600, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true },
    });
    // Nobody is told (its event is not published): only the cron can find it.
    await h.db
      .update(payments)
      .set({ updatedAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(payments.id, p.id));
    const before = (await runsOf("kassa-reconcile-payments")).length;
    await clock.advance(60_000);
    await executor.idle();
    const runs = (await runsOf("kassa-reconcile-payments")).sort((a, b) => a.id.localeCompare(b.id));
    expect(runs.length).toBe(before + 1);
    const done = await executor.waitForRun(runs.at(-1)!.id);
    expect(done.status).toBe("completed");
    expect((done.output as { settled: number }).settled).toBeGreaterThanOrEqual(1);
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.status).toBe("succeeded");
  });

  it("the release-available-funds cron moves due funds from pending to available", async () => {
    const { ctx } = await makeMerchant(h.db);
    const { postJournalEntry } = await import("@/lib/ledger/post-journal-entry");
    const { postingsFor } = await import("@/lib/ledger/postings");
    const { balanceTransaction } = await postJournalEntry(h.db, {
      merchantId: ctx.merchantId,
      livemode: false,
      currency: "usd",
      key: "capture:pay_due",
      type: "capture",
      source: { type: "payment", id: "pay_due" },
      lines: postingsFor.capture({ amount: 1000n, fee: 59n }),
      availableOn: new Date(Date.now() - 1000),
      balanceTransaction: { type: "charge", amount: 1000n, fee: 59n },
    });
    await clock.advance(15 * 60_000);
    await executor.idle();
    const runs = (await runsOf("kassa-release-available-funds")).sort((a, b) => a.id.localeCompare(b.id));
    const done = await executor.waitForRun(runs.at(-1)!.id);
    expect((done.output as { released: number }).released).toBeGreaterThanOrEqual(1);
    const [txn] = await h.db.select().from(balanceTransactions).where(eq(balanceTransactions.id, balanceTransaction!.id));
    expect(txn!.status).toBe("available");
  });

  it("a checkout session nobody paid is expired by checkout-session-expiry once its 24 h have passed", async () => {
    const { ctx } = await makeMerchant(h.db);
    const { createCheckoutSession } = await import("@/lib/checkout/create-checkout-session");
    const s = await createCheckoutSession({
      ctx: { ...ctx, db: undefined },
      input: { amount: 4200, currency: "usd", success_url: "https://shop.test/ok", cancel_url: "https://shop.test/no" },
    });
    await publishPendingEvents({ send: sendToInngest });
    await executor.idle();
    const runs = await runsOf("kassa-checkout-session-expiry");
    expect(runs).toHaveLength(1);
    // A day passes: the stored expiry is behind the real clock, and the executor's clock reaches it.
    await h.db
      .update(checkoutSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkoutSessions.id, s.id));
    await clock.advanceTo(new Date(s.expires_at * 1000 + 1000));
    await executor.idle();
    const done = await executor.waitForRun(runs[0]!.id);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ action: "expired", status: "expired" });
    const [row] = await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, s.id));
    expect(row!.status).toBe("expired");
  });

  it("a succeeded payment with a receipt email gets one receipt from customer-receipt; one without gets no run", async () => {
    const { ctx } = await makeMerchant(h.db);
    const input = { amount: 1800, currency: "usd", payment_method: "pm_card_visa", confirm: true } as const;
    const withEmail = await createPayment({ ctx: { ...ctx, db: undefined }, input: { ...input, receipt_email: "kofi@example.com" } });
    const without = await createPayment({ ctx: { ...ctx, db: undefined }, input });
    const before = (await runsOf("kassa-customer-receipt")).length;
    await publishPendingEvents({ send: sendToInngest });
    await executor.idle();
    const runs = (await runsOf("kassa-customer-receipt")).slice(before);
    expect(runs).toHaveLength(1);
    const done = await executor.waitForRun(runs[0]!.id);
    expect(done.status).toBe("completed");
    const receipts = await h.db.select().from(emails).where(eq(emails.merchantId, ctx.merchantId));
    expect(receipts.map((e) => [e.objectId, e.to, e.status])).toEqual([[withEmail.id, "kofi@example.com", "test"]]);
    expect(done.output).toEqual({ email: receipts[0]!.id });
    expect(receipts.some((e) => e.objectId === without.id)).toBe(false);
  });

  // Latency is measured by the bench; here only that it arrives without waiting for the sweep.
  it("after commit, the relay hands an outbox event to the executor without the sweep", async () => {
    const { startOutboxRelay } = await import("@/lib/events/outbox-relay");
    const stop = startOutboxRelay(sendToInngest);
    try {
      const { ctx } = await makeMerchant(h.db);
      const started = Date.now();
      const id = await withTransaction(ctx, (tx) => emitEvent(tx, ctx, "account.updated", { relayed: true }));
      let stored: unknown[] = [];
      while (stored.length === 0 && Date.now() - started < 10_000) {
        stored = await h.db.select().from(inngestEvents).where(eq(inngestEvents.externalId, id));
        if (!stored.length) await new Promise((r) => setTimeout(r, 20));
      }
      expect(stored).toHaveLength(1);
      // The relay marks the row published once the engine has taken it.
      await expect.poll(async () => (await h.db.select().from(events).where(eq(events.id, id)))[0]!.publishedAt, { timeout: 10_000 }).not.toBeNull();
    } finally {
      stop();
    }
  });
});
