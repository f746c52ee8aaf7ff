import { and, eq, lte, sql } from "drizzle-orm";
import { merchants, mrrRollups } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { metric } from "./get-overview";
import { addDays, dayCount, OverviewInput } from "./inputs";

const num = (v: unknown) => Number(v ?? 0);

/**
 * Subscription figures for a range of UTC days in one currency, each beside the same-length period just
 * before it, from the MRR rollups only (one row per day that had a movement, never the subscriptions):
 * - MRR and active subscribers: the level at the end of the range (the sum of every movement up to its
 *   last day) against the level at the end of the previous period;
 * - new MRR (subscriptions counted for the first time) and churned MRR: the movements within each period.
 * What counts and how an item becomes monthly: lib/billing/mrr.ts.
 */
export async function getMrrOverview({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "subscriptions:read");
  const q = parseWith(OverviewInput, input);
  const db = await executor(ctx);
  const days = dayCount(q.from, q.to);
  const previous = { from: addDays(q.from, -days), to: addDays(q.from, -1) };
  const net = sql`${mrrRollups.newMrr} + ${mrrRollups.reactivationMrr} + ${mrrRollups.expansionMrr} - ${mrrRollups.contractionMrr} - ${mrrRollups.churnedMrr}`;
  const subs = sql`${mrrRollups.subscribersGained} - ${mrrRollups.subscribersLost}`;
  const inCurrent = sql`${mrrRollups.day} >= ${q.from}`;
  const inPrevious = sql`${mrrRollups.day} between ${previous.from} and ${previous.to}`;
  const upToPrevious = sql`${mrrRollups.day} <= ${previous.to}`;
  const [rows, [merchant]] = await Promise.all([
    db
      .select({
        currency: mrrRollups.currency,
        mrr: sql<string>`sum(${net})`,
        mrrBefore: sql<string>`sum(${net}) filter (where ${upToPrevious})`,
        subscribers: sql<string>`sum(${subs})`,
        subscribersBefore: sql<string>`sum(${subs}) filter (where ${upToPrevious})`,
        newMrr: sql<string>`sum(${mrrRollups.newMrr}) filter (where ${inCurrent})`,
        newMrrBefore: sql<string>`sum(${mrrRollups.newMrr}) filter (where ${inPrevious})`,
        reactivationMrr: sql<string>`sum(${mrrRollups.reactivationMrr}) filter (where ${inCurrent})`,
        churnedMrr: sql<string>`sum(${mrrRollups.churnedMrr}) filter (where ${inCurrent})`,
        churnedMrrBefore: sql<string>`sum(${mrrRollups.churnedMrr}) filter (where ${inPrevious})`,
        expansionMrr: sql<string>`sum(${mrrRollups.expansionMrr}) filter (where ${inCurrent})`,
        contractionMrr: sql<string>`sum(${mrrRollups.contractionMrr}) filter (where ${inCurrent})`,
      })
      .from(mrrRollups)
      .where(and(eq(mrrRollups.merchantId, ctx.merchantId), eq(mrrRollups.livemode, ctx.livemode), lte(mrrRollups.day, q.to)))
      .groupBy(mrrRollups.currency),
    db.select({ defaultCurrency: merchants.defaultCurrency }).from(merchants).where(eq(merchants.id, ctx.merchantId)),
  ]);
  // Currencies with subscription revenue, largest MRR first.
  const byCurrency = rows
    .map((r) => ({ currency: r.currency, mrr: num(r.mrr), subscribers: num(r.subscribers) }))
    .filter((r) => r.mrr !== 0 || r.subscribers !== 0)
    .sort((a, b) => b.mrr - a.mrr || a.currency.localeCompare(b.currency));
  const currency = q.currency ?? byCurrency[0]?.currency ?? merchant?.defaultCurrency ?? "usd";
  const r = rows.find((x) => x.currency === currency);
  return {
    range: { from: q.from, to: q.to },
    previous,
    currency,
    currencies: byCurrency.map((c) => c.currency),
    mrr: metric(num(r?.mrr), num(r?.mrrBefore)),
    newMrr: metric(num(r?.newMrr), num(r?.newMrrBefore)),
    churnedMrr: metric(num(r?.churnedMrr), num(r?.churnedMrrBefore)),
    subscribers: metric(num(r?.subscribers), num(r?.subscribersBefore)),
    /** Within the range: MRR won back (resumed, or paid after dunning gave up), and gained or lost by changing items. */
    reactivationMrr: num(r?.reactivationMrr),
    expansionMrr: num(r?.expansionMrr),
    contractionMrr: num(r?.contractionMrr),
  };
}

export type MrrOverview = Awaited<ReturnType<typeof getMrrOverview>>;
