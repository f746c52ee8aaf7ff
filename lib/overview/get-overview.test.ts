// getOverview reads only the rollups; these tests prove its figures equal sums computed from the
// payments and refunds themselves, for a range and the period before it, and that it is scoped.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/db/client";
import { customers, disputes, paymentRollups, payments, refunds, type PaymentRow, type RefundRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { createPayment } from "@/lib/payments/create-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { freshPglite, freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { getOverview } from "./get-overview";
import { addDays, toDay } from "./inputs";

let pg: DatabaseHandle & { url: string };
let lite: DatabaseHandle;
beforeAll(async () => {
  [pg, lite] = await Promise.all([freshPostgres("overview"), freshPglite()]);
  process.env.DATABASE_URL = pg.url;
});
afterAll(async () => {
  await pg.close();
  await lite.close();
});

const DAY = 86_400_000;
const today = toDay(new Date());
const dayOf = (d: Date) => toDay(d);

/** The overview's figures computed the slow way, from the rows. */
function expected(rows: PaymentRow[], refundRows: RefundRow[], from: string, to: string, currency: string) {
  const ps = rows.filter((p) => p.currency === currency && dayOf(p.createdAt) >= from && dayOf(p.createdAt) <= to);
  const rs = refundRows.filter((r) => r.currency === currency && r.status === "succeeded" && dayOf(r.createdAt) >= from && dayOf(r.createdAt) <= to);
  const sum = (xs: bigint[]) => Number(xs.reduce((a, b) => a + b, 0n));
  const gross = sum(ps.map((p) => p.amountReceived));
  const fees = sum(ps.map((p) => p.fee));
  const refunded = sum(rs.map((r) => r.amount));
  const succeeded = ps.filter((p) => p.status === "succeeded").length;
  const failed = ps.filter((p) => p.status === "requires_payment_method" && p.lastPaymentError).length;
  return {
    gross,
    fees,
    refunds: refunded,
    net: gross - fees - refunded + sum(rs.map((r) => r.feeRefunded)),
    successful: succeeded,
    successRate: succeeded + failed ? Math.round((succeeded / (succeeded + failed)) * 1000) / 10 : 0,
    payments: ps.length,
  };
}

async function load(db: Executor, merchantId: string) {
  return {
    rows: await db.select().from(payments).where(eq(payments.merchantId, merchantId)),
    refundRows: await db.select().from(refunds).where(eq(refunds.merchantId, merchantId)),
  };
}

describe("getOverview", () => {
  it("equals sums over payments and refunds made through the verbs, this period and the one before (PostgreSQL)", async () => {
    const { ctx: owner } = await makeMerchant(pg.db);
    const { db: _db, ...ctx } = owner;
    const made: string[] = [];
    const methods = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_chargeDeclined"];
    for (let i = 0; i < 24; i++) {
      const p = await createPayment({
        ctx,
        input: { amount: 1000 + i * 137, currency: i % 3 === 0 ? "eur" : "usd", payment_method: methods[i % methods.length]!, confirm: true },
      }).catch((e) => {
        if (e instanceof KassaError && e.code === "card_declined") return null;
        throw e;
      });
      if (p) made.push(p.id);
    }
    const all = await pg.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
    const succeeded = all.filter((p) => p.status === "succeeded");
    for (const p of succeeded.slice(0, 4)) await createRefund({ ctx, input: { payment: p.id, amount: 300 } });
    await createRefund({ ctx, input: { payment: succeeded[5]!.id } });
    // Spread them over the last 14 days (rollups follow the update), refunds too.
    for (const [i, p] of all.entries())
      await pg.db
        .update(payments)
        .set({ createdAt: new Date(Date.now() - (i % 14) * DAY) })
        .where(eq(payments.id, p.id));
    const rs = await pg.db.select().from(refunds).where(eq(refunds.merchantId, ctx.merchantId));
    for (const [i, r] of rs.entries())
      await pg.db
        .update(refunds)
        .set({ createdAt: new Date(Date.now() - i * 3 * DAY) })
        .where(eq(refunds.id, r.id));

    const { rows, refundRows } = await load(pg.db, ctx.merchantId);
    for (const currency of ["usd", "eur"]) {
      const from = addDays(today, -6);
      const o = await getOverview({ ctx, input: { from, to: today, currency } });
      const cur = expected(rows, refundRows, from, today, currency);
      const prev = expected(rows, refundRows, addDays(from, -7), addDays(from, -1), currency);
      expect({
        gross: o.gross.value,
        fees: o.fees.value,
        refunds: o.refunds.value,
        net: o.net.value,
        successful: o.successful.value,
        successRate: o.successRate.value,
        payments: o.payments.value,
      }).toEqual(cur);
      expect({
        gross: o.gross.previous,
        fees: o.fees.previous,
        refunds: o.refunds.previous,
        net: o.net.previous,
        successful: o.successful.previous,
        successRate: o.successRate.previous,
        payments: o.payments.previous,
      }).toEqual(prev);
      expect(cur.gross).toBeGreaterThan(0);
      expect(o.series).toHaveLength(7);
      expect(o.series.reduce((a, d) => a + d.gross, 0)).toBe(cur.gross);
      expect(o.byMethod.reduce((a, b) => a + b.count, 0)).toBe(cur.successful);
      expect(o.byMethod.map((b) => b.brand).sort()).toEqual(
        [
          ...new Set(rows.filter((p) => p.currency === currency && p.status === "succeeded" && dayOf(p.createdAt) >= from).map((p) => p.card?.brand ?? "")),
        ].sort(),
      );
    }
    expect(cur(await getOverview({ ctx, input: { from: addDays(today, -6), to: today } }))).toBe("usd"); // busiest currency by default
    expect(rs.length).toBe(5);
  }, 60_000);

  it("is scoped to the merchant and the mode, and says when the previous period was empty (PGlite)", async () => {
    const a = await makeMerchant(lite.db);
    const b = await makeMerchant(lite.db);
    const insert = (merchantId: string, livemode: boolean, amount: number, daysAgo: number) =>
      lite.db.insert(payments).values({
        id: newId("payment"),
        merchantId,
        livemode,
        amount: BigInt(amount),
        amountReceived: BigInt(amount),
        fee: 30n,
        currency: "usd",
        status: "succeeded",
        captureMethod: "automatic",
        connector: "sandbox",
        createdAt: new Date(Date.now() - daysAgo * DAY),
      });
    await insert(a.merchantId, false, 5000, 0);
    await insert(a.merchantId, false, 2500, 1);
    await insert(a.merchantId, true, 9900, 0);
    await insert(b.merchantId, false, 7000, 0);
    const o = await getOverview({ ctx: a.ctx, input: { from: addDays(today, -1), to: today } });
    expect(o.gross).toEqual({ value: 7500, previous: 0, change: null });
    expect(o.successful.value).toBe(2);
    expect(o.net.value).toBe(7500 - 60);
    const live = await getOverview({ ctx: { ...a.ctx, livemode: true }, input: { from: today, to: today } });
    expect(live.gross.value).toBe(9900);
    const dayBefore = await getOverview({ ctx: a.ctx, input: { from: today, to: today } });
    expect(dayBefore.gross).toEqual({ value: 5000, previous: 2500, change: 100 });
    const other: ServiceContext = { ...b.ctx };
    expect((await getOverview({ ctx: other, input: { from: today, to: today } })).gross.value).toBe(7000);
  });

  it("counts disputes opened (in the currency) and new customers, this period and the one before, per merchant and mode (PGlite)", async () => {
    const a = await makeMerchant(lite.db);
    const b = await makeMerchant(lite.db);
    const dispute = (merchantId: string, livemode: boolean, amount: number, currency: string, daysAgo: number) =>
      lite.db.insert(disputes).values({
        id: newId("dispute"),
        merchantId,
        livemode,
        paymentId: newId("payment"),
        amount: BigInt(amount),
        currency,
        fee: 1500n,
        status: "needs_response",
        reason: "fraudulent",
        evidenceDueBy: new Date(Date.now() + 7 * DAY),
        connector: "sandbox",
        createdAt: new Date(Date.now() - daysAgo * DAY),
      });
    const customer = (merchantId: string, livemode: boolean, daysAgo: number, deleted = false) =>
      lite.db.insert(customers).values({
        id: newId("customer"),
        merchantId,
        livemode,
        connector: "sandbox",
        createdAt: new Date(Date.now() - daysAgo * DAY),
        deletedAt: deleted ? new Date() : null,
      });
    await dispute(a.merchantId, false, 4000, "usd", 0);
    await dispute(a.merchantId, false, 1000, "usd", 2);
    await dispute(a.merchantId, false, 800, "eur", 0); // another currency
    await dispute(a.merchantId, false, 2200, "usd", 5); // the period before
    await dispute(a.merchantId, true, 9900, "usd", 0); // live mode
    await dispute(b.merchantId, false, 7000, "usd", 0); // another merchant
    await dispute(a.merchantId, false, 600, "usd", 9); // before both periods
    for (const d of [0, 1, 2]) await customer(a.merchantId, false, d);
    await customer(a.merchantId, false, 0, true); // deleted since
    await customer(a.merchantId, false, 4);
    await customer(a.merchantId, true, 0);
    await customer(b.merchantId, false, 0);
    const o = await getOverview({ ctx: a.ctx, input: { from: addDays(today, -3), to: today, currency: "usd" } });
    expect(o.disputes).toEqual({ value: 2, previous: 1, change: 100 });
    expect(o.disputedAmount).toEqual({ value: 5000, previous: 2200, change: 127.3 });
    expect(o.newCustomers).toEqual({ value: 3, previous: 1, change: 200 });
    const eur = await getOverview({ ctx: a.ctx, input: { from: addDays(today, -3), to: today, currency: "eur" } });
    expect([eur.disputes.value, eur.disputedAmount.value]).toEqual([1, 800]);
    const live = await getOverview({ ctx: { ...a.ctx, livemode: true }, input: { from: today, to: today, currency: "usd" } });
    expect([live.disputes.value, live.newCustomers.value]).toEqual([1, 1]);
  });

  it("heads with a fiat currency even when most payments are crypto (a token's rollup amounts are 0), and lists no token (PGlite)", async () => {
    const { ctx } = await makeMerchant(lite.db);
    const v = {
      merchantId: ctx.merchantId,
      livemode: false,
      day: today,
      status: "succeeded",
      brand: "",
      declined: 0n,
      amount: 0n,
      amountRefunded: 0n,
      fee: 0n,
    };
    await lite.db.insert(paymentRollups).values([
      { ...v, currency: "usdc", count: 9n, amountReceived: 0n },
      { ...v, currency: "eur", count: 1n, amountReceived: 500n },
    ]);
    const o = await getOverview({ ctx, input: { from: addDays(today, -6), to: today } });
    expect(o.currency).toBe("eur");
    expect(o.currencies).toEqual(["eur"]);
  });

  it("refuses bad ranges with parameter errors", async () => {
    const { ctx } = await makeMerchant(lite.db);
    const code = (input: unknown) =>
      getOverview({ ctx, input }).then(
        () => "ok",
        (e: unknown) => (e instanceof KassaError ? `${e.code}:${e.param ?? ""}` : String(e)),
      );
    expect(await code({ from: "2026-02-30", to: "2026-03-01" })).toBe("parameter_invalid:from");
    expect(await code({ from: "2026-03-02", to: "2026-03-01" })).toBe("parameter_invalid:to");
    expect(await code({ from: "2024-01-01", to: "2026-03-01" })).toBe("parameter_invalid:to");
    expect(await code({ to: "2026-03-01" })).toBe("parameter_missing:from");
    expect(await code({ from: "2026-03-01", to: "2026-03-01", x: 1 })).toBe("parameter_unknown:x");
    expect(await code({ from: "2026-03-01", to: "2026-03-01", currency: "dollars" })).toBe("parameter_invalid:currency");
  });
});

const cur = (o: { currency: string }) => o.currency;
