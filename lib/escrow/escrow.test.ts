// Escrow at service level on a real PostgreSQL: the capture into escrow, early release, disputes inside and
// after the window, resolution by release or refund, refunds out of escrow, the sweep — with the books
// (ledger, escrow account against held escrows, balance transactions) checked after every step.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { idempotencyKeys, journalEntries, payments, refunds } from "@/db/schema";
import { beginIdempotentRequest } from "@/lib/service/idempotency";
import { setFailpointHandler } from "@/lib/failpoints";
import { createPayment } from "@/lib/payments/create-payment";
import { capturePayment } from "@/lib/payments/capture-payment";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createRefund } from "@/lib/refunds/create-refund";
import { getBalance } from "@/lib/ledger/get-balance";
import { processingFee } from "@/lib/payments/fees";
import type { ServiceContext } from "@/lib/service/context";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { KassaError } from "@/lib/service/errors";
import { releaseEscrow } from "./release-escrow";
import { openEscrowDispute } from "./open-escrow-dispute";
import { resolveEscrowDispute } from "./resolve-escrow-dispute";
import { releaseDueEscrow, sweepDueEscrows } from "./release-due-escrow";

const { env, merchant } = paymentsTestBed("escrow");
const DAY = 86_400_000;
/** Whole days between two unix times in seconds (held_at is shown rounded down, release times are whole seconds). */
const days = (s: number) => (s % 86_400 <= 1 ? Math.floor(s / 86_400) : NaN);

async function books(ctx: ServiceContext) {
  expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  const b = await getBalance({ ctx });
  return { available: b.available[0]!.amount, pending: b.pending[0]!.amount, escrowed: b.escrowed[0]!.amount };
}
const row = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const paramOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof KassaError ? `${e.code} ${e.param ?? ""}`.trim() : String(e)),
  );
const pay = (ctx: ServiceContext, escrow: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  createPayment({ ctx, input: { amount: 10_000, currency: "usd", payment_method: "pm_card_visa", confirm: true, escrow, ...extra } });
const system = (ctx: ServiceContext): ServiceContext => ({ ...ctx, actor: { type: "system", id: "test" } });

describe("escrow on a payment", () => {
  it("bad input: exact codes and params, nothing stored", async () => {
    const ctx = await merchant();
    const now = Math.floor(Date.now() / 1000);
    expect(await paramOf(pay(ctx, { release_after_days: 0 }))).toBe("parameter_invalid_integer escrow[release_after_days]");
    expect(await paramOf(pay(ctx, { release_after_days: 366 }))).toBe("parameter_invalid_integer escrow[release_after_days]");
    expect(await paramOf(pay(ctx, { release_after_days: 1.5 }))).toBe("parameter_invalid_integer escrow[release_after_days]");
    expect(await paramOf(pay(ctx, { release_after_days: 5, release_at: now + 3600 }))).toBe("parameter_invalid escrow");
    expect(await paramOf(pay(ctx, {}))).toBe("parameter_invalid escrow");
    expect(await paramOf(pay(ctx, { release_at: now - 10 }))).toBe("parameter_invalid escrow[release_at]");
    expect(await paramOf(pay(ctx, { release_at: now + 366 * 86_400 }))).toBe("parameter_invalid escrow[release_at]");
    expect(await paramOf(pay(ctx, { release_after_days: 3, dispute_window_days: 4 }))).toBe("parameter_invalid escrow[dispute_window_days]");
    expect(await paramOf(pay(ctx, { release_after_days: 3, dispute_window_days: -1 }))).toBe("parameter_invalid_integer escrow[dispute_window_days]");
    expect(await paramOf(pay(ctx, { release_after_days: 3, held: "yes" }))).toBe("parameter_unknown escrow[held]");
    expect(await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).toEqual([]);
  });

  it("captured into escrow, not pending; released early to available once; a second release is refused", async () => {
    const ctx = await merchant();
    const p = await pay(ctx, { release_after_days: 7, dispute_window_days: 3 });
    const fee = Number(processingFee(10_000n, "usd"));
    expect(p.status).toBe("succeeded");
    expect(p.escrow).toMatchObject({ status: "held", amount: 10_000, net: 10_000 - fee, release_after_days: 7, dispute_window_days: 3, released_at: null });
    expect(days(p.escrow!.release_at! - p.escrow!.held_at!)).toBe(7);
    expect(days(p.escrow!.dispute_window_ends_at! - p.escrow!.held_at!)).toBe(3);
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: 10_000 - fee });

    const released = await releaseEscrow({ ctx, id: p.id });
    expect(released.escrow).toMatchObject({ status: "released", released_at: expect.any(Number) });
    expect(await books(ctx)).toEqual({ available: 10_000 - fee, pending: 0, escrowed: 0 });
    expect(await code(releaseEscrow({ ctx, id: p.id }))).toBe("escrow_already_released");
    expect(await code(openEscrowDispute({ ctx, id: p.id, input: { reason: "late" } }))).toBe("escrow_already_released");
    // The timer waking later finds it done.
    expect(await releaseDueEscrow({ ctx: system(ctx), paymentId: p.id, now: new Date(Date.now() + 8 * DAY) })).toEqual({ released: false, reason: "released" });
    expect(await books(ctx)).toEqual({ available: 10_000 - fee, pending: 0, escrowed: 0 });
    // A refund after the release comes out of the merchant's balance as usual.
    await createRefund({ ctx, input: { payment: p.id, amount: 1000 } });
    const after = await books(ctx);
    expect(after.escrowed).toBe(0);
    expect(after.available + after.pending).toBeLessThan(10_000 - fee);
  });

  it("release of a payment without escrow, of an uncaptured one, of another merchant's or the other mode's", async () => {
    const ctx = await merchant();
    const plain = await createPayment({ ctx, input: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(await code(releaseEscrow({ ctx, id: plain.id }))).toBe("payment_not_escrowed");
    expect(await code(openEscrowDispute({ ctx, id: plain.id, input: { reason: "x" } }))).toBe("payment_not_escrowed");
    expect(await code(resolveEscrowDispute({ ctx, id: plain.id, input: { resolution: "release" } }))).toBe("payment_not_escrowed");
    const held = await pay(ctx, { release_after_days: 7 }, { capture_method: "manual" });
    expect(held).toMatchObject({ status: "requires_capture", escrow: { status: "pending", release_at: null, held_at: null } });
    expect(await code(releaseEscrow({ ctx, id: held.id }))).toBe("escrow_not_held");
    expect(await books(ctx)).toMatchObject({ escrowed: 0 });
    // Captured later: the 7 days count from the capture, and the hold outlives the 7-day authorisation.
    const captured = await capturePayment({ ctx, id: held.id, input: {} });
    expect(captured.escrow).toMatchObject({ status: "held" });
    expect(days(captured.escrow!.release_at! - captured.escrow!.held_at!)).toBe(7);
    expect((await books(ctx)).escrowed).toBeGreaterThan(0);

    const other = await merchant();
    expect(await code(releaseEscrow({ ctx: other, id: captured.id }))).toBe("resource_missing");
    expect(await code(openEscrowDispute({ ctx: other, id: captured.id, input: { reason: "x" } }))).toBe("resource_missing");
    expect(await code(releaseEscrow({ ctx: { ...ctx, livemode: true }, id: captured.id }))).toBe("resource_missing");
    expect(await code(resolveEscrowDispute({ ctx: { ...ctx, livemode: true }, id: captured.id, input: { resolution: "release" } }))).toBe("resource_missing");
    expect((await row(captured.id)).escrow!.status).toBe("held");
  });

  it("a dispute inside the window blocks the timed release; resolved by release it goes to the merchant", async () => {
    const ctx = await merchant();
    const p = await pay(ctx, { release_after_days: 5, dispute_window_days: 2 });
    const releaseAt = new Date(p.escrow!.release_at! * 1000);
    const disputed = await openEscrowDispute({ ctx, id: p.id, input: { reason: "item not received" } });
    expect(disputed.escrow).toMatchObject({ status: "disputed", dispute: { reason: "item not received", resolution: null } });
    expect(await code(openEscrowDispute({ ctx, id: p.id, input: { reason: "again" } }))).toBe("escrow_disputed");
    expect(await code(releaseEscrow({ ctx, id: p.id }))).toBe("escrow_disputed");
    expect(await releaseDueEscrow({ ctx: system(ctx), paymentId: p.id, now: releaseAt })).toEqual({ released: false, reason: "disputed" });
    expect(await sweepDueEscrows({ db: env.h.db, now: new Date(releaseAt.getTime() + DAY) })).toEqual({ released: 0 });
    const before = await books(ctx);
    expect(before.escrowed).toBeGreaterThan(0);
    const resolved = await resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "release" } });
    expect(resolved.escrow).toMatchObject({ status: "released", dispute: { resolution: "release", resolved_at: expect.any(Number) } });
    expect(await books(ctx)).toEqual({ available: before.escrowed, pending: 0, escrowed: 0 });
    expect(await code(resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "refund" } }))).toBe("escrow_already_released");
  });

  it("resolved by refund: the buyer is refunded out of escrow, the merchant's balance untouched", async () => {
    const ctx = await merchant();
    const p = await pay(ctx, { release_after_days: 5 });
    // A partial refund while held comes out of escrow too.
    await createRefund({ ctx, input: { payment: p.id, amount: 2500 } });
    const partly = await books(ctx);
    expect(partly).toMatchObject({ available: 0, pending: 0 });
    expect((await row(p.id)).escrow).toMatchObject({ status: "held", amount: "7500" });
    await openEscrowDispute({ ctx, id: p.id, input: { reason: "damaged" } });
    expect(await code(resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "later" } }))).toBe("parameter_invalid");
    const done = await resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "refund" } });
    expect(done).toMatchObject({ amount_refunded: 10_000, escrow: { status: "refunded", amount: 0, net: 0, dispute: { resolution: "refund" } } });
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: 0 });
    expect(await code(resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "release" } }))).toBe("escrow_not_disputed");
    expect(await code(releaseEscrow({ ctx, id: p.id }))).toBe("escrow_not_held");
    const entries = await env.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId));
    expect(entries.map((e) => e.type).sort()).toEqual(["capture", "refund", "refund"]);
  });

  it("after the window a dispute is refused; the timelock releases exactly at release_at (the sweep too)", async () => {
    const ctx = await merchant();
    const p = await pay(ctx, { release_after_days: 4, dispute_window_days: 1 });
    const windowEnds = new Date(p.escrow!.dispute_window_ends_at! * 1000);
    const releaseAt = new Date(p.escrow!.release_at! * 1000);
    expect(await code(openEscrowDispute({ ctx, id: p.id, input: { reason: "late" }, now: windowEnds }))).toBe("escrow_dispute_window_closed");
    expect(await releaseDueEscrow({ ctx: system(ctx), paymentId: p.id, now: new Date(releaseAt.getTime() - 1000) })).toEqual({
      released: false,
      reason: "not due",
    });
    expect(await sweepDueEscrows({ db: env.h.db, now: new Date(releaseAt.getTime() - 1000) })).toEqual({ released: 0 });
    expect((await books(ctx)).available).toBe(0);
    expect(await sweepDueEscrows({ db: env.h.db, now: releaseAt })).toEqual({ released: 1 });
    expect((await row(p.id)).escrow).toMatchObject({ status: "released", releasedAt: releaseAt.toISOString() });
    expect(await books(ctx)).toMatchObject({ pending: 0, escrowed: 0 });
    expect(await releaseDueEscrow({ ctx: system(ctx), paymentId: p.id, now: releaseAt })).toEqual({ released: false, reason: "released" });
  });

  it("a fixed release_at with no window given: disputable until the release", async () => {
    const ctx = await merchant();
    const at = Math.floor(Date.now() / 1000) + 10 * 86_400;
    const p = await pay(ctx, { release_at: at });
    expect(p.escrow).toMatchObject({ status: "held", release_at: at, dispute_window_ends_at: at, release_after_days: null });
    expect(await code(openEscrowDispute({ ctx, id: p.id, input: { reason: "x" }, now: new Date(at * 1000 - 1000) }))).toBe("ok");
  });

  it("escrow:dispute: restricted keys need the grant, roles owner and admin only; release needs payments:write", async () => {
    const owner = await merchant();
    const p = await pay(owner, { release_after_days: 5 });
    const rk = (keyPermissions: Record<string, "read" | "write" | "dispute">): ServiceContext => ({ ...owner, keyPermissions });
    expect(await code(openEscrowDispute({ ctx: rk({ payments: "write" }), id: p.id, input: { reason: "x" } }))).toBe("permission_denied");
    expect(await code(releaseEscrow({ ctx: rk({ payments: "read" }), id: p.id }))).toBe("permission_denied");
    for (const role of ["developer", "analyst", "support"] as const) {
      const user: ServiceContext = { ...owner, actor: { type: "user", id: "usr_x" }, role };
      expect(await code(openEscrowDispute({ ctx: user, id: p.id, input: { reason: "x" } }))).toBe("permission_denied");
    }
    const analyst: ServiceContext = { ...owner, actor: { type: "user", id: "usr_x" }, role: "analyst" };
    expect(await code(releaseEscrow({ ctx: analyst, id: p.id }))).toBe("permission_denied");
    expect((await row(p.id)).escrow!.status).toBe("held");
    expect(await code(openEscrowDispute({ ctx: rk({ escrow: "dispute" }), id: p.id, input: { reason: "x" } }))).toBe("ok");
    const admin: ServiceContext = { ...owner, actor: { type: "user", id: "usr_a" }, role: "admin" };
    expect(await code(resolveEscrowDispute({ ctx: admin, id: p.id, input: { resolution: "release" } }))).toBe("ok");
  });

  it("a release racing a full refund and a dispute: whichever order the locks give, the books balance", async () => {
    const ctx = await merchant();
    for (let i = 0; i < 3; i++) {
      const p = await pay(ctx, { release_after_days: 5 });
      const results = await Promise.all([
        code(releaseEscrow({ ctx, id: p.id })),
        code(createRefund({ ctx, input: { payment: p.id } })),
        code(openEscrowDispute({ ctx, id: p.id, input: { reason: "race" } })),
      ]);
      expect(results[1]).toBe("ok");
      const escrow = (await row(p.id)).escrow!;
      expect(["released", "refunded", "disputed"]).toContain(escrow.status);
      await books(ctx);
    }
  });

  it("resolved by refund, the process dying after the processor refunded: the retry with the same Idempotency-Key books that one refund", async () => {
    const ctx = await merchant();
    const p = await pay(ctx, { release_after_days: 5 });
    await openEscrowDispute({ ctx, id: p.id, input: { reason: "never arrived" } });
    const scope = {
      merchantId: ctx.merchantId,
      livemode: false,
      key: "resolve-1",
      method: "POST",
      path: `/api/v1/payments/${p.id}/escrow_dispute/resolve`,
      requestHash: "h",
    };
    const first = await beginIdempotentRequest(env.h.db, scope);
    if (first.kind !== "started") throw new Error("expected a fresh key");
    const held = (recovery: unknown = undefined) => ({ id: first.record.id, lockVersion: first.record.lockVersion, recovery, stored: false });
    setFailpointHandler((name) => {
      if (name === "refund.processor:after") throw new Error("killed after the processor refunded");
    });
    try {
      expect(
        await code(resolveEscrowDispute({ ctx: { ...ctx, idempotency: held(), idempotencyKey: "resolve-1" }, id: p.id, input: { resolution: "refund" } })),
      ).toMatch(/killed/);
    } finally {
      setFailpointHandler(null);
    }
    // Phase A's refund and recovery point are there; the money is still in escrow.
    const [key] = await env.h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.id, first.record.id));
    expect(key!.recoveryData).toMatchObject({ point: "escrow_refund_reserved", refundId: expect.stringMatching(/^re_/) });
    expect((await row(p.id)).escrow).toMatchObject({ status: "disputed", dispute: { resolution: "refund" } });
    expect((await books(ctx)).escrowed).toBeGreaterThan(0);

    const retried = await resolveEscrowDispute({
      ctx: { ...ctx, idempotency: held(key!.recoveryData), idempotencyKey: "resolve-1" },
      id: p.id,
      input: { resolution: "refund" },
    });
    expect(retried).toMatchObject({ amount_refunded: 10_000, escrow: { status: "refunded" } });
    const made = await env.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id));
    expect(made.map((r) => r.status)).toEqual(["succeeded"]);
    // checkMoneyInvariants also checks every sandbox refund is exactly one Kassa refund.
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: 0 });
  });
});

checksTheBooks(env);
