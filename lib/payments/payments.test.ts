// The money path at service level on a real PostgreSQL: phases, recovery, reconciliation, timers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { idempotencyKeys, paymentAttempts, payments, sandboxCharges } from "@/db/schema";
import { beginIdempotentRequest } from "@/lib/service/idempotency";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { configureSandbox } from "@/lib/gateways/sandbox/config";
import { createRefund } from "@/lib/refunds/create-refund";
import { freshPostgres } from "@/test/db";
import { makeMerchant, errorCodeOf as code } from "@/test/fixtures";
import { capturePayment } from "./capture-payment";
import { createPayment } from "./create-payment";
import { runAuthorizationTimer } from "./run-authorization-timer";
import { settlePayment } from "./settle-payment";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("pay");
  process.env.DATABASE_URL = h.url; // the sandbox processor opens the app's database by itself
});
afterAll(() => h.close());

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** The sandbox's next fault: before its write (nothing recorded) or after it (response lost). */
function faultOnce(point: "before" | "after") {
  const draws = [0, point === "before" ? 0.1 : 0.9];
  restore = configureSandbox({ faultRate: 1, random: () => draws.shift() ?? 1 });
}

const charges = (paymentId: string) => h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, paymentId));
const later = () => Date.now() + 120_000;

async function merchant() {
  const { ctx } = await makeMerchant(h.db);
  const { db: _db, ...apiCtx } = ctx;
  return { ...apiCtx, actor: { type: "api_key" as const, id: "key_test" }, requestId: "req_test" } satisfies ServiceContext;
}

describe("unknown outcomes are settled with the same key, never charged twice", () => {
  it("response lost after the charge: processing, then succeeded by settlePayment with one charge", async () => {
    const ctx = await merchant();
    faultOnce("after");
    const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(p.status).toBe("processing");
    const [attempt] = await h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, p.id));
    expect(attempt!.status).toBe("unknown");
    const settled = await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: p.id, now: later() });
    expect(settled).toEqual({ status: "succeeded", done: true });
    expect(await charges(p.id)).toHaveLength(1);
    // Settling again changes nothing.
    expect(await settlePayment({ ctx, paymentId: p.id, now: later() })).toEqual({ status: "succeeded", done: true });
  });

  it("request lost before reaching the processor: settled by sending the same attempt again, one charge", async () => {
    const ctx = await merchant();
    faultOnce("before");
    const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(p.status).toBe("processing");
    expect(await charges(p.id)).toHaveLength(0);
    expect((await settlePayment({ ctx, paymentId: p.id, now: later() })).status).toBe("succeeded");
    const [charge] = await charges(p.id);
    expect(charge!.idempotencyKey).toBe(p.latest_attempt);
  });

  it("a crash after phase A: the client's retry with the same Idempotency-Key resumes that attempt", async () => {
    const ctx = await merchant();
    const scope = { merchantId: ctx.merchantId, livemode: false, key: "order-1", method: "POST", path: "/api/v1/payments", requestHash: "h" };
    const first = await beginIdempotentRequest(h.db, scope);
    if (first.kind !== "started") throw new Error("expected a fresh key");
    faultOnce("after"); // the processor charged, the process "died" before phase B
    const held = (recovery: unknown = undefined) => ({ id: first.record.id, lockVersion: first.record.lockVersion, recovery, stored: false });
    const crashed = await createPayment({ ctx: { ...ctx, idempotency: held(), idempotencyKey: "order-1" }, input: { amount: 700, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(crashed.status).toBe("processing");
    // Recovery data was recorded with phase A; the retry reads it from the key.
    const [row] = await h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.id, first.record.id));
    expect(row!.recoveryData).toEqual({ point: "attempt_started", paymentId: crashed.id, attemptId: crashed.latest_attempt });
    const retry = await createPayment({
      ctx: { ...ctx, idempotency: held(row!.recoveryData), idempotencyKey: "order-1" },
      input: { amount: 700, currency: "usd", payment_method: "pm_card_visa", confirm: true },
    });
    expect(retry).toMatchObject({ id: crashed.id, status: "succeeded" });
    expect(await h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).toHaveLength(1);
    expect(await charges(crashed.id)).toHaveLength(1);
  });

  it("a transient decline is retried on a new attempt; a hard decline never is", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 900, currency: "usd", payment_method: "pm_card_processingError", confirm: true } });
    expect(p.status).toBe("processing");
    expect(p.last_payment_error).toMatchObject({ code: "processing_error" });
    expect(await settlePayment({ ctx, paymentId: p.id, now: later() })).toEqual({ status: "succeeded", done: true });
    const attempts = await h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, p.id));
    expect(attempts.map((a) => a.status).sort()).toEqual(["failed", "succeeded"]);

    expect(await code(createPayment({ ctx, input: { amount: 900, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true } }))).toBe("card_declined");
    const [declined] = await h.db.select().from(payments).where(eq(payments.status, "requires_payment_method")).orderBy(payments.id);
    expect(await settlePayment({ ctx, paymentId: declined!.id, now: later() })).toEqual({ status: "requires_payment_method", done: true });
    expect(await charges(declined!.id)).toHaveLength(1);
  });

  it("a capture whose answer was lost is finished by reconciliation, posted once", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 4000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    faultOnce("after");
    expect(await code(capturePayment({ ctx, id: p.id, input: { amount_to_capture: 2500 } }))).toBe("processor_error");
    const [pending] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(pending).toMatchObject({ status: "requires_capture", pendingOperation: { type: "capture", amount: "2500" } });
    expect(await settlePayment({ ctx, paymentId: p.id, now: later() })).toEqual({ status: "succeeded", done: true });
    const [done] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(done).toMatchObject({ status: "succeeded", amountReceived: 2500n, pendingOperation: null });
  });
});

describe("refunds under concurrency", () => {
  it("two concurrent refunds of the remaining amount: exactly one succeeds", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    await createRefund({ ctx, input: { payment: p.id, amount: 1000 } });
    const results = await Promise.all([0, 1].map(() => code(createRefund({ ctx, input: { payment: p.id, amount: 2000 } }))));
    expect(results.sort()).toEqual(["charge_already_refunded", "ok"]);
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.amountRefunded).toBe(3000n);
  });

  it("ten concurrent partial refunds never exceed the amount received", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const results = await Promise.all(Array.from({ length: 10 }, () => code(createRefund({ ctx, input: { payment: p.id, amount: 300 } }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(3);
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.amountRefunded).toBe(900n);
  });

  it("a refund the processor fails gives the reserved amount back", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_refundFail", confirm: true } });
    const r = await createRefund({ ctx, input: { payment: p.id } });
    expect(r).toMatchObject({ status: "failed", failure_reason: expect.any(String) });
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.amountRefunded).toBe(0n);
  });
});

describe("authorisation timers", () => {
  it("an authorisation past 7 days is canceled (released) with reason automatic", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    const sys = { ...ctx, actor: systemActor("authorization-timer") };
    expect(await runAuthorizationTimer({ ctx: sys, paymentId: p.id })).toEqual({ action: "none", status: "requires_capture" });
    const eightDays = new Date(Date.now() + 8 * 86400_000);
    expect(await runAuthorizationTimer({ ctx: sys, paymentId: p.id, now: eightDays })).toEqual({ action: "expired", status: "canceled" });
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row).toMatchObject({ cancellationReason: "automatic", amountCapturable: 0n });
    expect(await runAuthorizationTimer({ ctx: sys, paymentId: p.id, now: eightDays })).toEqual({ action: "none", status: "canceled" });
  });

  it("an escrow hold is captured at capture_at", async () => {
    const ctx = await merchant();
    const at = Math.floor(Date.now() / 1000) + 3600;
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual", capture_at: at } });
    expect(p.capture_at).toBe(at);
    expect(await runAuthorizationTimer({ ctx, paymentId: p.id, now: new Date((at + 1) * 1000) })).toEqual({ action: "captured", status: "succeeded" });
  });
});

describe("books", () => {
  it("after everything above, the ledger balances and agrees with every payment and refund", async () => {
    const { checkMoneyInvariants } = await import("./check-payment-invariants");
    expect((await checkMoneyInvariants(h.db)).problems).toEqual([]);
  });
});
