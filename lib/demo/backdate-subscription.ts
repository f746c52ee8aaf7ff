import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor, Transaction } from "@/db/client";
import {
  auditLog,
  customers,
  events,
  invoiceLines,
  invoices,
  mrrRollups,
  mrrSubscribers,
  payments,
  subscriptionItems,
  subscriptionMrr,
  subscriptions,
  type SubscriptionRow,
  type SubscriptionStatus,
} from "@/db/schema";
import { apiEventsOnly } from "@/lib/events/internal-events";
import { commit, type Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { declarePeriodRun } from "@/lib/subscriptions/period-run";

/**
 * Dating a demo subscription's history back, step by step. Each step of a history is played now, through
 * the verbs (lib/demo/seed-subscriptions.ts); right after it, one commit here moves what that step wrote to
 * the moment it stands for: its invoices' dates and periods, its payments' dates (the payment rollups'
 * triggers move their totals, as for the demo payments), its events (dates and the dates inside them, so the
 * subscription's timeline reads as it happened) and audit rows, and the MRR movement it made.
 *
 * The subscription itself keeps the calendar it was made with (periods counted from the moment it was made)
 * until its last step, so each renewal is played on a period that has not ended yet — with a period on the
 * calendar it stands for, one that ended days ago, a run for it would wake at once and renew it before the
 * seed. The verbs declare no run on the way (`periodRun: false`: those periods never exist); the last step's
 * commit gives the subscription the calendar it stands for and declares the one run that renews its current
 * period when that really ends.
 */

/** What the MRR triggers counted for a subscription, and how many counted subscriptions its customer has in its currency. */
export interface MrrState {
  counted: boolean;
  mrr: bigint;
  ever: boolean;
  subscribers: number;
}

export async function mrrStateOf(db: Executor, t: { subscription: string | null; customer: string; currency: string }): Promise<MrrState> {
  const [m] = t.subscription ? await db.select().from(subscriptionMrr).where(eq(subscriptionMrr.subscription, t.subscription)) : [];
  const [n] = await db
    .select({ subscriptions: mrrSubscribers.subscriptions })
    .from(mrrSubscribers)
    .where(and(eq(mrrSubscribers.customer, t.customer), eq(mrrSubscribers.currency, t.currency)));
  return { counted: m?.counted ?? false, mrr: m?.mrr ?? 0n, ever: m?.everCounted ?? false, subscribers: n?.subscriptions ?? 0 };
}

/** One row's worth of MRR rollup movement. */
export interface MrrMovement {
  newMrr: bigint;
  reactivationMrr: bigint;
  expansionMrr: bigint;
  contractionMrr: bigint;
  churnedMrr: bigint;
  subscribersGained: bigint;
  subscribersLost: bigint;
}

/** The movement the triggers (migration `mrr_rollup_triggers`) made between two states of one subscription, or null. */
export function movementBetween(before: MrrState, after: MrrState): MrrMovement | null {
  const m: MrrMovement = {
    newMrr: 0n,
    reactivationMrr: 0n,
    expansionMrr: 0n,
    contractionMrr: 0n,
    churnedMrr: 0n,
    subscribersGained: 0n,
    subscribersLost: 0n,
  };
  if (!before.counted && after.counted) {
    if (before.ever) m.reactivationMrr = after.mrr;
    else m.newMrr = after.mrr;
    if (before.subscribers === 0 && after.subscribers > 0) m.subscribersGained = 1n;
  } else if (before.counted && !after.counted) {
    m.churnedMrr = before.mrr;
    if (before.subscribers > 0 && after.subscribers === 0) m.subscribersLost = 1n;
  } else if (before.counted && after.counted && after.mrr !== before.mrr) {
    if (after.mrr > before.mrr) m.expansionMrr = after.mrr - before.mrr;
    else m.contractionMrr = before.mrr - after.mrr;
  } else return null;
  return m;
}

/** The rollup's columns as the database names them (the schema's casing is snake_case). */
const COLUMNS: Readonly<Record<keyof MrrMovement, string>> = {
  newMrr: "new_mrr",
  reactivationMrr: "reactivation_mrr",
  expansionMrr: "expansion_mrr",
  contractionMrr: "contraction_mrr",
  churnedMrr: "churned_mrr",
  subscribersGained: "subscribers_gained",
  subscribersLost: "subscribers_lost",
};

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Moves a movement the triggers put on the day a step was played (`from`) to the day it stands for (`to`),
 * as two delta upserts in key order (the earlier day first, as `to` always is), so the sum of every day's
 * movements — the MRR now — is unchanged.
 */
async function moveMrr(
  tx: Transaction,
  t: { merchantId: string; livemode: boolean; currency: string },
  from: string,
  to: string,
  m: MrrMovement,
): Promise<void> {
  const cols = Object.keys(COLUMNS) as (keyof MrrMovement)[];
  for (const [day, sign] of [
    [to, 1n],
    [from, -1n],
  ] as const) {
    const values = Object.fromEntries(cols.map((c) => [c, sign * m[c]])) as unknown as MrrMovement;
    await tx
      .insert(mrrRollups)
      .values({ merchantId: t.merchantId, livemode: t.livemode, day, currency: t.currency, ...values })
      .onConflictDoUpdate({
        target: [mrrRollups.merchantId, mrrRollups.livemode, mrrRollups.day, mrrRollups.currency],
        set: Object.fromEntries(cols.map((c) => [c, sql`${mrrRollups[c]} + excluded.${sql.identifier(COLUMNS[c])}`])),
      });
  }
}

interface InvoiceDates {
  created: number;
  paid: number | null;
  voided: number | null;
}

/** One subscription's history while it is played: how its made-up calendar maps to the one it stands for, and what is dated already. */
export interface DemoHistory {
  subscription: string;
  customer: string;
  currency: string;
  /** Real time the seed began, less a minute: rows written before it are history already, rows after it are the seed's to date. */
  since: number;
  /** Each instant of the calendar the subscription was made with (ms) → the instant it stands for. */
  instants: Map<number, number>;
  /** The same in Unix seconds, for the dates inside events. */
  seconds: Map<number, number>;
  invoices: Map<string, InvoiceDates>;
  payments: Set<string>;
  canceledAt: number | null;
  endedAt: number | null;
}

export function newHistory(t: Pick<DemoHistory, "subscription" | "customer" | "currency" | "since">, instants: Map<number, number>): DemoHistory {
  const seconds = new Map([...instants].map(([made, meant]) => [Math.floor(made / 1000), Math.floor(meant / 1000)]));
  return { ...t, instants, seconds, invoices: new Map(), payments: new Set(), canceledAt: null, endedAt: null };
}

/** A step being dated: the moment it stands for, and the real time it began to be played. */
export interface StepClock {
  at: number;
  began: number;
}

/** What the last step's commit also writes: the customer's sign-up and email, and a past due subscription's dunning run. */
export interface Finish {
  signedUp: number;
  email: string;
  /** Past due: the period whose renewal failed, whose run keeps trying the invoice on the merchant's schedule. */
  dunningPeriod?: { start: number; end: number };
}

const LIVE: readonly SubscriptionStatus[] = ["trialing", "active", "past_due", "incomplete"];

/**
 * Dates back what the step wrote since `before` was read (see the module comment); with `finish`, the
 * subscription too, and declares its current period's run in the same commit. Returns the MRR state after.
 */
export async function dateStepBack(ctx: ServiceContext, h: DemoHistory, step: StepClock, before: MrrState, finish?: Finish): Promise<MrrState> {
  // A moment written while the step was played → the same offset after the moment it stands for; an instant
  // of the made-up calendar → its own; anything older than the seed is history already.
  const moment = (ms: number) => (ms < h.since ? ms : (h.instants.get(ms) ?? step.at + Math.max(0, ms - step.began)));
  const instant = (ms: number) => {
    if (ms < h.since) return ms;
    const meant = h.instants.get(ms);
    if (meant === undefined) throw new Error(`demo subscription ${h.subscription}: ${new Date(ms).toISOString()} is no period boundary of its calendar`);
    return meant;
  };
  const d = (ms: number) => new Date(ms);
  const iso = (ms: number) => d(ms).toISOString();
  // `moment` in SQL, for a row written in this step: its offset from the step's start, after the step's moment.
  const shifted = (column: AnyPgColumn) => sql`${iso(step.at)}::timestamptz + greatest(${column} - ${iso(step.began)}::timestamptz, interval '0')`;

  return commit(ctx, async (tx, changes) => {
    const [sub] = await tx.select().from(subscriptions).where(eq(subscriptions.id, h.subscription)).for("update");
    if (!sub) throw new Error(`demo subscription ${h.subscription} is gone`);

    // The MRR movement the step's status change made landed on the day it was played (the day of the
    // subscription's updated_at in that commit); it belongs to the day that change stands for.
    const after = await mrrStateOf(tx, h);
    const moved = movementBetween(before, after);
    const [playedOn, meantOn] = [utcDay(sub.updatedAt.getTime()), utcDay(moment(sub.updatedAt.getTime()))];
    if (moved && playedOn !== meantOn)
      await moveMrr(tx, { merchantId: sub.merchantId, livemode: sub.livemode, currency: sub.currency }, playedOn, meantOn, moved);

    const rows = await tx.select().from(invoices).where(eq(invoices.subscription, h.subscription));
    for (const inv of rows) {
      let dates = h.invoices.get(inv.id);
      // New in this step: every date of it; dated before: what this step changed (paid, voided, a new try).
      const made = !dates;
      let changed = made;
      if (!dates) h.invoices.set(inv.id, (dates = { created: moment(inv.createdAt.getTime()), paid: null, voided: null }));
      if (inv.paidAt && dates.paid === null) {
        dates.paid = moment(inv.paidAt.getTime());
        changed = true;
      }
      if (inv.voidedAt && dates.voided === null) {
        dates.voided = moment(inv.voidedAt.getTime());
        changed = true;
      }
      if (inv.payment && !h.payments.has(inv.payment)) {
        h.payments.add(inv.payment);
        changed = true;
        await tx
          .update(payments)
          .set({ createdAt: shifted(payments.createdAt) })
          .where(eq(payments.id, inv.payment));
      }
      if (!changed) continue;
      const periods = made ? { periodStart: d(instant(inv.periodStart.getTime())), periodEnd: d(instant(inv.periodEnd.getTime())) } : {};
      await tx
        .update(invoices)
        .set({
          createdAt: d(dates.created),
          finalizedAt: inv.finalizedAt ? d(dates.created) : null,
          paidAt: dates.paid === null ? null : d(dates.paid),
          voidedAt: dates.voided === null ? null : d(dates.voided),
          ...periods,
          ...(made && inv.renewalKey ? { renewalKey: `${h.subscription}:${periods.periodStart!.getTime()}` } : {}),
          updatedAt: d(Math.max(dates.created, dates.paid ?? 0, dates.voided ?? 0)),
        })
        .where(eq(invoices.id, inv.id));
      if (!made) continue;
      const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoice, inv.id));
      await updateRows(
        tx,
        "invoice_lines",
        ["period_start", "period_end", "created_at", "updated_at"],
        lines.map((l) => [l.id, iso(instant(l.periodStart.getTime())), iso(instant(l.periodEnd.getTime())), iso(dates.created), iso(dates.created)]),
      );
    }

    if (sub.canceledAt && h.canceledAt === null) h.canceledAt = moment(sub.canceledAt.getTime());
    if (sub.endedAt && h.endedAt === null) h.endedAt = moment(sub.endedAt.getTime());

    // Its events and audit rows (the subscription's and its invoices'), with the dates inside the events.
    const ids = [h.subscription, ...rows.map((r) => r.id)];
    const fresh = await tx
      .select()
      .from(events)
      .where(
        and(
          eq(events.merchantId, sub.merchantId),
          eq(events.livemode, sub.livemode),
          inArray(sql<string>`${events.data}->'object'->>'id'`, ids),
          gte(events.createdAt, d(h.since)),
          apiEventsOnly(),
        ),
      );
    // A boundary not of the made-up calendar was dated already (a period may end after now); a moment after
    // the seed began was written in this step.
    const sec: Sec = (s, boundary = false) => h.seconds.get(s) ?? (boundary || s * 1000 < h.since ? s : Math.floor(moment(s * 1000) / 1000));
    const createdSec = Math.floor(moment(sub.createdAt.getTime()) / 1000);
    const redated = fresh.map((e) => {
      const data = structuredClone(e.data) as { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
      if (data.object.object === "subscription") {
        redateSubscription(data.object, sec, createdSec);
        if (data.previous_attributes) redateSubscription(data.previous_attributes, sec, createdSec);
      } else if (data.object.object === "invoice") {
        const dates = h.invoices.get(String(data.object.id));
        if (dates) redateInvoice(data.object, sec, dates);
      }
      return [e.id, iso(moment(e.createdAt.getTime())), JSON.stringify(data)];
    });
    await updateRows(tx, "events", ["created_at", "data"], redated);
    await tx
      .update(auditLog)
      .set({ createdAt: shifted(auditLog.createdAt) })
      .where(and(eq(auditLog.merchantId, sub.merchantId), inArray(auditLog.targetId, ids), gte(auditLog.createdAt, d(h.since))));

    if (finish) await finishHistory(tx, changes, h, sub, { moment, instant, step }, finish);
    return after;
  });
}

/** The subscription's own dates, its items', its customer's, and the run (or runs) it waits on from now. */
async function finishHistory(
  tx: Transaction,
  changes: Changes,
  h: DemoHistory,
  sub: SubscriptionRow,
  at: { moment: (ms: number) => number; instant: (ms: number) => number; step: StepClock },
  finish: Finish,
): Promise<void> {
  const created = new Date(at.moment(sub.createdAt.getTime()));
  // Not its status: the MRR triggers follow status changes only, and this is none.
  const [dated] = await tx
    .update(subscriptions)
    .set({
      createdAt: created,
      billingCycleAnchor: new Date(at.instant(sub.billingCycleAnchor.getTime())),
      currentPeriodStart: new Date(at.instant(sub.currentPeriodStart.getTime())),
      currentPeriodEnd: new Date(at.instant(sub.currentPeriodEnd.getTime())),
      trialStart: sub.trialStart ? new Date(at.moment(sub.trialStart.getTime())) : null,
      trialEnd: sub.trialEnd ? new Date(at.instant(sub.trialEnd.getTime())) : null,
      canceledAt: h.canceledAt === null ? null : new Date(h.canceledAt),
      endedAt: h.endedAt === null ? null : new Date(h.endedAt),
      updatedAt: new Date(at.step.at),
    })
    .where(eq(subscriptions.id, sub.id))
    .returning();
  await tx.update(subscriptionItems).set({ createdAt: created, updatedAt: created }).where(eq(subscriptionItems.subscription, sub.id));
  // The customer's email is history too, set only now: the invoices above were made without one, so no
  // customer email goes out for them; their next renewal's does.
  await tx
    .update(customers)
    .set({ createdAt: new Date(finish.signedUp), email: finish.email })
    .where(eq(customers.id, h.customer));
  if (LIVE.includes(dated!.status)) declarePeriodRun(changes, dated!);
  if (dated!.status === "past_due" && finish.dunningPeriod) {
    declarePeriodRun(changes, { ...dated!, currentPeriodStart: new Date(finish.dunningPeriod.start), currentPeriodEnd: new Date(finish.dunningPeriod.end) });
  }
}

/**
 * Several rows of one table updated in one statement (`values` rows: the id, then each column's new value as
 * text; timestamps as ISO strings, jsonb as JSON), so a step's dating is a handful of round trips on PGlite.
 */
async function updateRows(tx: Transaction, table: "events" | "invoice_lines", columns: string[], rows: string[][]): Promise<void> {
  if (rows.length === 0) return;
  const types: Record<string, string> = {
    period_start: "timestamptz",
    period_end: "timestamptz",
    created_at: "timestamptz",
    updated_at: "timestamptz",
    data: "jsonb",
  };
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${sql.join(
          r.map((v) => sql`${v}`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );
  const set = sql.join(
    columns.map((c) => sql`${sql.identifier(c)} = v.${sql.identifier(c)}::${sql.raw(types[c]!)}`),
    sql`, `,
  );
  const names = sql.join(
    ["id", ...columns].map((c) => sql.identifier(c)),
    sql`, `,
  );
  await tx.execute(sql`update ${sql.identifier(table)} as t set ${set} from (values ${values}) as v(${names}) where t.id = v.id`);
}

/** Unix seconds then → Unix seconds meant; `boundary`: a period's start or end, never a moment of the step. */
type Sec = (s: number, boundary?: boolean) => number;
const SUBSCRIPTION_BOUNDARIES = ["billing_cycle_anchor", "current_period_start", "current_period_end", "trial_end", "cancel_at"];
const SUBSCRIPTION_MOMENTS = ["trial_start", "canceled_at", "ended_at"];

function redateSubscription(o: Record<string, unknown>, sec: Sec, created: number): void {
  for (const key of SUBSCRIPTION_BOUNDARIES) if (typeof o[key] === "number") o[key] = sec(o[key], true);
  for (const key of SUBSCRIPTION_MOMENTS) if (typeof o[key] === "number") o[key] = sec(o[key]);
  if ("created" in o) o.created = created;
  if ("start_date" in o) o.start_date = created;
  const items = (o.items as { data?: { created?: number }[] } | undefined)?.data;
  for (const item of items ?? []) item.created = created;
}

function redateInvoice(o: Record<string, unknown>, sec: Sec, dates: InvoiceDates): void {
  const s = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));
  for (const key of ["period_start", "period_end"]) if (typeof o[key] === "number") o[key] = sec(o[key], true);
  for (const line of (o.lines as { data?: { period: { start: number; end: number } }[] } | undefined)?.data ?? []) {
    line.period = { start: sec(line.period.start, true), end: sec(line.period.end, true) };
  }
  o.created = s(dates.created);
  const t = o.status_transitions as Record<string, number | null> | undefined;
  if (t) {
    if (t.finalized_at !== null) t.finalized_at = s(dates.created);
    if (t.paid_at !== null) t.paid_at = s(dates.paid);
    if (t.voided_at !== null) t.voided_at = s(dates.voided);
  }
}
