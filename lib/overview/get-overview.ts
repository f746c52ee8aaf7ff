import { and, eq, gte, isNull, lt, lte, sql } from "drizzle-orm";
import { customers, disputes, merchants, paymentRollups, refundRollups } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { isCurrency } from "@/lib/money";
import { addDays, dayCount, OverviewInput } from "./inputs";

export interface Metric {
  value: number;
  previous: number;
  /** Percent change against the previous period; null when the previous period had nothing. */
  change: number | null;
}

export const metric = (value: number, previous: number): Metric => ({
  value,
  previous,
  change: previous === 0 ? null : Math.round(((value - previous) / Math.abs(previous)) * 1000) / 10,
});
const num = (v: unknown) => Number(v ?? 0);
const rate = (ok: number, failed: number) => (ok + failed === 0 ? 0 : Math.round((ok / (ok + failed)) * 1000) / 10);

/**
 * The overview for a range of UTC days in one currency, each figure beside the same-length period
 * just before it. Reads the rollup tables only (a few hundred keys, each summed over its up to 16 shards), never payments.
 * - gross volume: amount received; fees: Kassa's fees on it; refunds: succeeded refunds created in the range;
 * - net volume: gross − fees − refunds + the fees refunds returned (= the balance transactions' net);
 * - success rate: succeeded ÷ (succeeded + payments whose last attempt was declined and still wait for a method).
 */
export async function getOverview({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "payments:read");
  const q = parseWith(OverviewInput, input);
  const db = await executor(ctx);
  const days = dayCount(q.from, q.to);
  const previous = { from: addDays(q.from, -days), to: addDays(q.from, -1) };
  const tenantP = and(eq(paymentRollups.merchantId, ctx.merchantId), eq(paymentRollups.livemode, ctx.livemode));
  const tenantR = and(eq(refundRollups.merchantId, ctx.merchantId), eq(refundRollups.livemode, ctx.livemode));
  // Grouped by position below: the period expression carries a parameter.
  const periodP = sql<string>`case when ${paymentRollups.day} >= ${q.from} then 'current' else 'previous' end`;
  const periodR = sql<string>`case when ${refundRollups.day} >= ${q.from} then 'current' else 'previous' end`;

  // Disputes and new customers are few next to payments: counted from their rows over an index on
  // (merchant, mode, created_at), bounded by the two periods.
  const since = new Date(`${previous.from}T00:00:00Z`);
  const until = new Date(`${addDays(q.to, 1)}T00:00:00Z`);
  const startOfCurrent = new Date(`${q.from}T00:00:00Z`);
  const periodD = sql<string>`case when ${disputes.createdAt} >= ${startOfCurrent} then 'current' else 'previous' end`;
  const periodC = sql<string>`case when ${customers.createdAt} >= ${startOfCurrent} then 'current' else 'previous' end`;

  // The daily series and the card brands, for every currency in the range (or the one asked for): read in
  // the same round trip as the totals, before the totals say which currency the headline figures are in.
  const inRange = and(
    tenantP,
    q.currency ? eq(paymentRollups.currency, q.currency) : undefined,
    gte(paymentRollups.day, q.from),
    lte(paymentRollups.day, q.to),
  );

  const [paymentTotals, refundTotals, [merchant], disputeTotals, customerTotals, seriesAll, brandsAll] = await Promise.all([
    db
      .select({
        period: periodP,
        currency: paymentRollups.currency,
        count: sql<string>`sum(${paymentRollups.count})`,
        succeeded: sql<string>`sum(${paymentRollups.count}) filter (where ${paymentRollups.status} = 'succeeded')`,
        failed: sql<string>`sum(${paymentRollups.declined}) filter (where ${paymentRollups.status} = 'requires_payment_method')`,
        gross: sql<string>`sum(${paymentRollups.amountReceived})`,
        fees: sql<string>`sum(${paymentRollups.fee})`,
      })
      .from(paymentRollups)
      .where(and(tenantP, gte(paymentRollups.day, previous.from), lte(paymentRollups.day, q.to)))
      .groupBy(sql`1`, sql`2`),
    db
      .select({
        period: periodR,
        currency: refundRollups.currency,
        count: sql<string>`sum(${refundRollups.count})`,
        amount: sql<string>`sum(${refundRollups.amount})`,
        feeRefunded: sql<string>`sum(${refundRollups.feeRefunded})`,
      })
      .from(refundRollups)
      .where(and(tenantR, eq(refundRollups.status, "succeeded"), gte(refundRollups.day, previous.from), lte(refundRollups.day, q.to)))
      .groupBy(sql`1`, sql`2`),
    db.select({ defaultCurrency: merchants.defaultCurrency }).from(merchants).where(eq(merchants.id, ctx.merchantId)),
    db
      .select({ period: periodD, currency: disputes.currency, count: sql<string>`count(*)`, amount: sql<string>`sum(${disputes.amount})` })
      .from(disputes)
      .where(and(eq(disputes.merchantId, ctx.merchantId), eq(disputes.livemode, ctx.livemode), gte(disputes.createdAt, since), lt(disputes.createdAt, until)))
      .groupBy(sql`1`, sql`2`),
    db
      .select({ period: periodC, count: sql<string>`count(*)` })
      .from(customers)
      .where(
        and(
          eq(customers.merchantId, ctx.merchantId),
          eq(customers.livemode, ctx.livemode),
          isNull(customers.deletedAt),
          gte(customers.createdAt, since),
          lt(customers.createdAt, until),
        ),
      )
      .groupBy(sql`1`),
    db
      .select({
        day: paymentRollups.day,
        currency: paymentRollups.currency,
        gross: sql<string>`sum(${paymentRollups.amountReceived})`,
        succeeded: sql<string>`sum(${paymentRollups.count}) filter (where ${paymentRollups.status} = 'succeeded')`,
        failed: sql<string>`sum(${paymentRollups.declined}) filter (where ${paymentRollups.status} = 'requires_payment_method')`,
      })
      .from(paymentRollups)
      .where(inRange)
      .groupBy(paymentRollups.day, paymentRollups.currency),
    db
      .select({
        brand: paymentRollups.brand,
        currency: paymentRollups.currency,
        count: sql<string>`sum(${paymentRollups.count})`,
        gross: sql<string>`sum(${paymentRollups.amountReceived})`,
      })
      .from(paymentRollups)
      .where(and(inRange, eq(paymentRollups.status, "succeeded")))
      .groupBy(paymentRollups.brand, paymentRollups.currency),
  ]);

  // Currencies seen in the range, busiest first; the headline figures are in one of them.
  // Fiat only: a crypto payment's rollup row carries its token (amounts in token units live on the payment, not here).
  const current = paymentTotals.filter((r) => r.period === "current" && isCurrency(r.currency));
  const byCurrency = current
    .map((r) => ({ currency: r.currency, count: num(r.count), succeeded: num(r.succeeded), gross: num(r.gross) }))
    .sort((a, b) => b.succeeded - a.succeeded || b.count - a.count || a.currency.localeCompare(b.currency));
  const currency = q.currency ?? byCurrency[0]?.currency ?? merchant?.defaultCurrency ?? "usd";

  const pick = (period: string) => paymentTotals.find((r) => r.period === period && r.currency === currency);
  const pickR = (period: string) => refundTotals.find((r) => r.period === period && r.currency === currency);
  const figures = (period: string) => {
    const p = pick(period);
    const r = pickR(period);
    const gross = num(p?.gross);
    const fees = num(p?.fees);
    const refunded = num(r?.amount);
    const succeeded = num(p?.succeeded);
    const failed = num(p?.failed);
    return {
      gross,
      fees,
      net: gross - fees - refunded + num(r?.feeRefunded),
      succeeded,
      failed,
      successRate: rate(succeeded, failed),
      refunds: refunded,
      refundCount: num(r?.count),
      count: num(p?.count),
    };
  };
  const now = figures("current");
  const before = figures("previous");
  const disputed = (period: string) => disputeTotals.find((r) => r.period === period && r.currency === currency);
  const newCustomers = (period: string) => num(customerTotals.find((r) => r.period === period)?.count);

  const brandRows = brandsAll.filter((r) => r.currency === currency);
  const byDay = new Map(seriesAll.filter((r) => r.currency === currency).map((r) => [r.day, r]));
  const series = Array.from({ length: days }, (_, i) => {
    const day = addDays(q.from, i);
    const r = byDay.get(day);
    const succeeded = num(r?.succeeded);
    const failed = num(r?.failed);
    return { day, gross: num(r?.gross), succeeded, failed, successRate: succeeded + failed ? rate(succeeded, failed) : null };
  });

  return {
    range: { from: q.from, to: q.to },
    previous,
    currency,
    currencies: byCurrency.map((c) => c.currency),
    gross: metric(now.gross, before.gross),
    net: metric(now.net, before.net),
    fees: metric(now.fees, before.fees),
    successful: metric(now.succeeded, before.succeeded),
    successRate: metric(now.successRate, before.successRate),
    refunds: metric(now.refunds, before.refunds),
    refundCount: metric(now.refundCount, before.refundCount),
    payments: metric(now.count, before.count),
    /** Disputes opened in the range (this currency), their count and disputed amount. */
    disputes: metric(num(disputed("current")?.count), num(disputed("previous")?.count)),
    disputedAmount: metric(num(disputed("current")?.amount), num(disputed("previous")?.amount)),
    /** Customers created in the range and not deleted since (a customer has no currency). */
    newCustomers: metric(newCustomers("current"), newCustomers("previous")),
    series,
    byMethod: brandRows
      .map((r) => ({ brand: r.brand, count: num(r.count), gross: num(r.gross) }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.gross - a.gross),
    byCurrency,
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
