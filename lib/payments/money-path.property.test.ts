// Property: whatever random mix of concurrent create/confirm/capture/refund/cancel calls a merchant
// makes, with declines, 3DS and lost processor answers thrown in, the ledger and payment invariants
// hold after every step and reconciliation always brings the money path to rest.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { systemActor, type ServiceContext } from "@/lib/context";
import { KassaError } from "@/lib/errors";
import { configureSandbox, seededRandom } from "@/lib/gateways/sandbox/config";
import { releaseAvailableFunds } from "@/lib/ledger/release-available-funds";
import { createRefund } from "@/lib/refunds/create-refund";
import { settleRefund } from "@/lib/refunds/settle-refund";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { cancelPayment } from "./cancel-payment";
import { capturePayment } from "./capture-payment";
import { checkMoneyInvariants } from "./check-payment-invariants";
import { confirmPayment } from "./confirm-payment";
import { createPayment } from "./create-payment";
import { findStaleWork } from "./find-stale-work";
import { settlePayment } from "./settle-payment";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("prop");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const METHODS = ["pm_card_visa", "pm_card_visa", "pm_card_mastercard", "pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds", "pm_card_authenticationRequired", "pm_card_processingError", "pm_card_lostResponse"];

const op = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), amount: fc.integer({ min: 50, max: 50_000 }), method: fc.constantFrom(...METHODS), manual: fc.boolean(), confirm: fc.boolean() }),
  fc.record({ kind: fc.constant("confirm" as const), target: fc.nat(), method: fc.constantFrom(...METHODS) }),
  fc.record({ kind: fc.constant("capture" as const), target: fc.nat(), fraction: fc.double({ min: 0.1, max: 1.2, noNaN: true }) }),
  fc.record({ kind: fc.constant("refund" as const), target: fc.nat(), fraction: fc.option(fc.double({ min: 0.05, max: 1.1, noNaN: true }), { nil: undefined }) }),
  fc.record({ kind: fc.constant("cancel" as const), target: fc.nat() }),
);
type Op = fc.Arbitrary<typeof op extends fc.Arbitrary<infer T> ? T : never>;

async function run(ctx: ServiceContext, made: { id: string; amount: number }[], o: Op extends fc.Arbitrary<infer T> ? T : never): Promise<void> {
  const pick = (n: number) => made[n % Math.max(1, made.length)];
  switch (o.kind) {
    case "create": {
      const p = await createPayment({ ctx, input: { amount: o.amount, currency: "usd", ...(o.confirm ? { payment_method: o.method, confirm: true } : {}), capture_method: o.manual ? "manual" : "automatic" } }).catch((e) => {
        if (e instanceof KassaError && e.code !== "api_error") return null; // declines still create the payment
        throw e;
      });
      if (p) made.push({ id: p.id, amount: o.amount });
      return;
    }
    case "confirm": {
      const t = pick(o.target);
      if (t) await confirmPayment({ ctx, id: t.id, input: { payment_method: o.method } });
      return;
    }
    case "capture": {
      const t = pick(o.target);
      if (t) await capturePayment({ ctx, id: t.id, input: { amount_to_capture: Math.max(1, Math.floor(t.amount * o.fraction)) } });
      return;
    }
    case "refund": {
      const t = pick(o.target);
      if (t) await createRefund({ ctx, input: { payment: t.id, ...(o.fraction ? { amount: Math.max(1, Math.floor(t.amount * o.fraction)) } : {}) } });
      return;
    }
    case "cancel": {
      const t = pick(o.target);
      if (t) await cancelPayment({ ctx, id: t.id, input: {} });
    }
  }
}

describe("money path under random concurrent use", () => {
  it("keeps every invariant after every step, and settles everything", async () => {
    let seed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), async (steps, faultSeed) => {
        const restore = configureSandbox({ faultRate: 0.15, random: seededRandom(faultSeed + seed++) });
        try {
          const { ctx: owner } = await makeMerchant(h.db);
          const { db: _db, ...rest } = owner;
          const ctx: ServiceContext = { ...rest, actor: { type: "api_key", id: "key_prop" } };
          const made: { id: string; amount: number }[] = [];
          for (const batch of steps) {
            const results = await Promise.allSettled(batch.map((o) => run(ctx, made, o)));
            for (const r of results) {
              // Business refusals (declines, wrong state, too much, a lost answer → 502) are fine; anything else is a bug.
              if (r.status === "rejected" && !(r.reason instanceof KassaError && r.reason.code !== "api_error")) throw r.reason;
            }
            const check = await checkMoneyInvariants(h.db, { merchantId: ctx.merchantId });
            expect(check.problems).toEqual([]);
          }
          // Reconciliation with the processor healthy again: nothing stays half-done.
          restore();
          const sys = { ...ctx, actor: systemActor("reconcile-payments") };
          const later = Date.now() + 10 * 60_000;
          for (let round = 0; round < 4; round++) {
            for (const p of made) await settlePayment({ ctx: sys, paymentId: p.id, now: later });
          }
          const stale = await findStaleWork(h.db, { now: later });
          for (const r of stale.refunds.filter((x) => x.merchantId === ctx.merchantId)) await settleRefund({ ctx: sys, refundId: r.id });
          const left = await findStaleWork(h.db, { now: later });
          expect(left.payments.filter((p) => p.merchantId === ctx.merchantId)).toEqual([]);
          expect(left.refunds.filter((p) => p.merchantId === ctx.merchantId)).toEqual([]);
          await releaseAvailableFunds({ db: h.db, now: new Date(Date.now() + 3 * 86400_000) });
          expect((await checkMoneyInvariants(h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
        } finally {
          restore();
        }
      }),
      { numRuns: 40, endOnFailure: true },
    );
  }, 240_000);
});
