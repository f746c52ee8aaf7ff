// Property: whatever random sequence of writes hits payments and refunds — concurrent on PostgreSQL,
// through the service verbs or as raw rows the way a bulk seed or a webhook handler would write them —
// the rollup tables equal a GROUP BY over the rows, on PostgreSQL and on PGlite.
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/db/client";
import { payments, refunds, PAYMENT_STATUSES, REFUND_STATUSES, type PaymentStatus, type RefundStatus } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { capturePayment } from "@/lib/payments/capture-payment";
import { createPayment } from "@/lib/payments/create-payment";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { freshPglite, freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { checkRollups } from "./check-rollups";

let pg: DatabaseHandle & { url: string };
let lite: DatabaseHandle;
beforeAll(async () => {
  [pg, lite] = await Promise.all([freshPostgres("rollups"), freshPglite()]);
  process.env.DATABASE_URL = pg.url; // the sandbox processor opens the app's database by itself
});
afterAll(async () => {
  await pg.close();
  await lite.close();
});

const DAY = 86_400_000;
const BRANDS = [null, "visa", "mastercard", "amex"] as const;

const rawOp = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    amount: fc.integer({ min: 50, max: 100_000 }),
    currency: fc.constantFrom("usd", "eur", "jpy"),
    status: fc.constantFrom(...PAYMENT_STATUSES),
    brand: fc.constantFrom(...BRANDS),
    daysAgo: fc.integer({ min: 0, max: 3 }),
    livemode: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("update" as const),
    target: fc.nat(),
    status: fc.constantFrom(...PAYMENT_STATUSES),
    received: fc.nat({ max: 100_000 }),
    refunded: fc.nat({ max: 100_000 }),
    fee: fc.nat({ max: 5_000 }),
    brand: fc.constantFrom(...BRANDS),
    declined: fc.boolean(),
    daysAgo: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("touch" as const), target: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), target: fc.nat() }),
  fc.record({
    kind: fc.constant("refund" as const),
    target: fc.nat(),
    amount: fc.integer({ min: 1, max: 50_000 }),
    status: fc.constantFrom(...REFUND_STATUSES),
  }),
  fc.record({ kind: fc.constant("refundUpdate" as const), target: fc.nat(), status: fc.constantFrom(...REFUND_STATUSES), feeRefunded: fc.nat({ max: 1_000 }) }),
);
type RawOp = typeof rawOp extends fc.Arbitrary<infer T> ? T : never;

const card = (brand: string | null) =>
  brand ? { brand, last4: "4242", exp_month: 12, exp_year: 2030, fingerprint: "fp", country: "US", funding: "credit" } : null;

async function applyRaw(db: Executor, merchantId: string, made: { payments: string[]; refunds: string[] }, o: RawOp): Promise<void> {
  const pick = (list: string[], n: number) => list[n % Math.max(1, list.length)];
  switch (o.kind) {
    case "insert": {
      const id = newId("payment");
      made.payments.push(id);
      await db.insert(payments).values({
        id,
        merchantId,
        livemode: o.livemode,
        amount: BigInt(o.amount),
        currency: o.currency,
        status: o.status as PaymentStatus,
        captureMethod: "automatic",
        connector: "sandbox",
        card: card(o.brand),
        createdAt: new Date(Date.now() - o.daysAgo * DAY),
      });
      return;
    }
    case "update": {
      const id = pick(made.payments, o.target);
      if (!id) return;
      await db
        .update(payments)
        .set({
          status: o.status as PaymentStatus,
          amountReceived: BigInt(o.received),
          amountRefunded: BigInt(o.refunded),
          fee: BigInt(o.fee),
          card: card(o.brand),
          lastPaymentError: o.declined
            ? { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "declined", payment_method: null }
            : null,
          ...(o.daysAgo !== undefined ? { createdAt: new Date(Date.now() - o.daysAgo * DAY) } : {}),
        })
        .where(eq(payments.id, id));
      return;
    }
    case "touch": {
      const id = pick(made.payments, o.target);
      if (id) await db.update(payments).set({ description: "touched" }).where(eq(payments.id, id));
      return;
    }
    case "delete": {
      const id = pick(made.payments, o.target);
      if (id) await db.delete(payments).where(eq(payments.id, id));
      return;
    }
    case "refund": {
      const paymentId = pick(made.payments, o.target);
      if (!paymentId) return;
      const id = newId("refund");
      made.refunds.push(id);
      await db.insert(refunds).values({
        id,
        merchantId,
        livemode: false,
        paymentId,
        amount: BigInt(o.amount),
        currency: "usd",
        status: o.status as RefundStatus,
        connector: "sandbox",
      });
      return;
    }
    case "refundUpdate": {
      const id = pick(made.refunds, o.target);
      if (id)
        await db
          .update(refunds)
          .set({ status: o.status as RefundStatus, feeRefunded: BigInt(o.feeRefunded) })
          .where(eq(refunds.id, id));
    }
  }
}

describe("rollups equal a GROUP BY over payments and refunds", () => {
  it("after random raw writes on PGlite", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawOp, { minLength: 1, maxLength: 40 }), async (ops) => {
        const { merchantId } = await makeMerchant(lite.db);
        const made = { payments: [] as string[], refunds: [] as string[] };
        for (const o of ops) await applyRaw(lite.db, merchantId, made, o);
        expect(await checkRollups(lite.db, { merchantId })).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("after random concurrent raw writes on PostgreSQL", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(rawOp, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), async (batches) => {
        const { merchantId } = await makeMerchant(pg.db);
        const made = { payments: [] as string[], refunds: [] as string[] };
        for (const batch of batches) {
          // Each write in its own transaction on its own connection, all at once.
          const results = await Promise.allSettled(batch.map((o) => pg.db.transaction((tx) => applyRaw(tx, merchantId, made, o))));
          for (const r of results) if (r.status === "rejected") throw r.reason;
        }
        expect(await checkRollups(pg.db, { merchantId })).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("after random concurrent service-verb calls on PostgreSQL (create, confirm, capture, refund, cancel)", async () => {
    const METHODS = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_chargeDeclined"];
    const verbOp = fc.oneof(
      fc.record({
        kind: fc.constant("create" as const),
        amount: fc.integer({ min: 100, max: 20_000 }),
        method: fc.constantFrom(...METHODS),
        manual: fc.boolean(),
        currency: fc.constantFrom("usd", "eur"),
      }),
      fc.record({ kind: fc.constant("capture" as const), target: fc.nat() }),
      fc.record({ kind: fc.constant("refund" as const), target: fc.nat(), part: fc.boolean() }),
      fc.record({ kind: fc.constant("cancel" as const), target: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(verbOp, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (batches) => {
        const { ctx: owner } = await makeMerchant(pg.db);
        const { db: _db, ...ctx } = owner;
        const made: { id: string; amount: number }[] = [];
        const pick = (n: number) => made[n % Math.max(1, made.length)];
        for (const batch of batches) {
          const results = await Promise.allSettled(
            batch.map(async (o) => {
              if (o.kind === "create") {
                const p = await createPayment({
                  ctx,
                  input: { amount: o.amount, currency: o.currency, payment_method: o.method, confirm: true, capture_method: o.manual ? "manual" : "automatic" },
                }).catch((e) => {
                  if (e instanceof KassaError && e.code !== "api_error") return null;
                  throw e;
                });
                if (p) made.push({ id: p.id, amount: o.amount });
                return;
              }
              const t = pick(o.target);
              if (!t) return;
              if (o.kind === "capture") await capturePayment({ ctx, id: t.id, input: {} });
              if (o.kind === "cancel") await cancelPayment({ ctx, id: t.id, input: {} });
              if (o.kind === "refund")
                await createRefund({ ctx, input: { payment: t.id, ...(o.part ? { amount: Math.max(1, Math.floor(t.amount / 3)) } : {}) } });
            }),
          );
          for (const r of results) if (r.status === "rejected" && !(r.reason instanceof KassaError && r.reason.code !== "api_error")) throw r.reason;
        }
        expect(await checkRollups(pg.db, { merchantId: ctx.merchantId })).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 180_000);

  it("checkRollups notices a rollup that drifted from the rows", async () => {
    const { merchantId } = await makeMerchant(lite.db);
    const made = { payments: [] as string[], refunds: [] as string[] };
    await applyRaw(lite.db, merchantId, made, {
      kind: "insert",
      amount: 500,
      currency: "usd",
      status: "succeeded",
      brand: "visa",
      daysAgo: 0,
      livemode: false,
    });
    expect(await checkRollups(lite.db, { merchantId })).toEqual([]);
    await lite.db.execute(sql`update payment_rollups set amount = amount + 1 where merchant_id = ${merchantId}`);
    expect(await checkRollups(lite.db, { merchantId })).toHaveLength(1);
  });
});
