// Alerts at service level on a real PostgreSQL: real payments through the sandbox processor, then the
// evaluation verb with explicit times.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { alerts, events, paymentAttempts } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { later, paymentsTestBed } from "@/test/payments";
import { evaluateAlerts } from "./evaluate-alerts";
import { listOpenAlerts } from "./list-open-alerts";
import { updateAlertSettings } from "./update-alert-settings";
import { windowCounts } from "./window-counts";

const { env, merchant } = paymentsTestBed("alerts_eval");
const MIN = 60_000;

/** `n` confirmed card payments with a sandbox test card; a decline is an answer here, not an error. */
async function pay(ctx: ServiceContext, paymentMethod: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await createPayment({ ctx, input: { amount: 5000 + i, currency: "usd", payment_method: paymentMethod, confirm: true } }).catch((e: unknown) => {
      if (e && typeof e === "object" && "code" in e && (e.code === "card_declined" || e.code === "expired_card")) return null;
      throw e;
    });
    if (p) ids.push(p.id);
  }
  return ids;
}

const only = (ctx: ServiceContext) => ({ merchantId: ctx.merchantId, livemode: ctx.livemode });
const evaluate = (ctx: ServiceContext, at = Date.now() + 1000) => evaluateAlerts({ db: env.h.db, now: new Date(at), only: only(ctx) });
const alertEvents = async (ctx: ServiceContext) =>
  (await env.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId)))
    .filter((e) => e.type.startsWith("alert."))
    .map((e) => `${e.type}:${String(e.data.object.kind)}`)
    .sort();
const alertRows = (ctx: ServiceContext) => env.h.db.select().from(alerts).where(eq(alerts.merchantId, ctx.merchantId));

describe("payment failure rate", () => {
  it("above 10% over 15 minutes opens exactly one alert and one alert.opened; a second evaluation does nothing; it clears under 8%", async () => {
    const ctx = await merchant();
    await pay(ctx, "pm_card_visa", 18);
    await pay(ctx, "pm_card_chargeDeclined", 3); // 3 of 21: 14.3%
    const first = await evaluate(ctx);
    expect(first.opened).toHaveLength(1);
    expect(await alertEvents(ctx)).toEqual(["alert.opened:payment_failure_rate"]);
    const [row] = await alertRows(ctx);
    expect(row).toMatchObject({ kind: "payment_failure_rate", attempts: 21, matching: 3, valueBp: 1429, thresholdBp: 1000, resolvedAt: null });
    const [event] = (await env.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId))).filter((e) => e.type === "alert.opened");
    expect(event!.data.object).toMatchObject({ id: row!.id, object: "alert", status: "open", value: 14.29, threshold: 10, window_minutes: 15, attempts: 21 });
    expect(await listOpenAlerts({ ctx })).toMatchObject([{ id: row!.id, kind: "payment_failure_rate" }]);

    expect(await evaluate(ctx)).toMatchObject({ opened: [], resolved: [] });
    // 3 of 31 (9.7%): under the threshold but above 8% — hysteresis keeps it open.
    await pay(ctx, "pm_card_visa", 10);
    expect(await evaluate(ctx)).toMatchObject({ opened: [], resolved: [] });
    // 3 of 39 (7.7%): clears, once.
    await pay(ctx, "pm_card_visa", 8);
    expect((await evaluate(ctx)).resolved).toEqual([row!.id]);
    expect(await evaluate(ctx)).toMatchObject({ opened: [], resolved: [] });
    expect(await alertEvents(ctx)).toEqual(["alert.opened:payment_failure_rate", "alert.resolved:payment_failure_rate"]);
    expect((await alertRows(ctx))[0]).toMatchObject({ resolvedValueBp: 769 });
    expect(await listOpenAlerts({ ctx })).toEqual([]);
  });

  it("failures older than 15 minutes do not count: the same traffic evaluated 16 minutes later opens nothing", async () => {
    const ctx = await merchant();
    await pay(ctx, "pm_card_visa", 15);
    await pay(ctx, "pm_card_chargeDeclined", 5);
    expect(await evaluate(ctx, Date.now() + 16 * MIN)).toMatchObject({ opened: [], resolved: [] });
    expect((await evaluate(ctx)).opened).toHaveLength(1);
  });

  it("below the minimum volume nothing opens (1 of 2, and 5 of 19 with the default minimum of 20)", async () => {
    const ctx = await merchant();
    await pay(ctx, "pm_card_visa", 1);
    await pay(ctx, "pm_card_chargeDeclined", 1);
    expect(await evaluate(ctx)).toMatchObject({ opened: [] });
    await pay(ctx, "pm_card_visa", 13);
    await pay(ctx, "pm_card_chargeDeclined", 4); // 5 of 19: 26%, but under 20 attempts
    expect(await evaluate(ctx)).toMatchObject({ opened: [] });
    expect(await alertEvents(ctx)).toEqual([]);
    // The 20th counted attempt makes it enough.
    await pay(ctx, "pm_card_visa", 1);
    expect((await evaluate(ctx)).opened).toHaveLength(1);
  });

  it("two evaluations at once open one alert and one event (the unique index on open alerts)", async () => {
    const ctx = await merchant();
    await pay(ctx, "pm_card_visa", 16);
    await pay(ctx, "pm_card_chargeDeclined", 4);
    const runs = await Promise.all([evaluate(ctx), evaluate(ctx), evaluate(ctx)]);
    expect(runs.flatMap((r) => r.opened)).toHaveLength(1);
    expect(await alertEvents(ctx)).toEqual(["alert.opened:payment_failure_rate"]);
  });

  it("blocked by Kassa's fraud check is not a processor failure: neither counted nor failed", async () => {
    const ctx = await merchant();
    await pay(ctx, "pm_card_visa", 20);
    await pay(ctx, "pm_card_riskLevelHighest", 6);
    const blocked = await env.h.db
      .select()
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.merchantId, ctx.merchantId), eq(paymentAttempts.status, "failed")));
    expect(blocked).toHaveLength(6);
    expect(blocked.every((a) => a.processorId === null && a.failure?.decline_code === "fraudulent")).toBe(true);
    const [counts] = await windowCounts(env.h.db, { from: new Date(Date.now() - 15 * MIN), to: new Date(Date.now() + 1000) }, only(ctx));
    expect(counts).toMatchObject({ attempts: 20, failures: 0, timeouts: 0 });
    expect(await evaluate(ctx)).toMatchObject({ opened: [] });
  });
});

describe("processor timeout rate", () => {
  it("answers lost on over 5% of attempts open processor_timeout_rate (not a failure alert), still counted once settled; it clears when the window empties", async () => {
    const ctx = await merchant();
    await pay(ctx, "pm_card_visa", 19);
    const lost = await pay(ctx, "pm_card_lostResponse", 2); // 2 of 21: 9.5%
    // Reconciliation settles them; the timeouts still count.
    for (const id of lost) await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: id, now: later() });
    const attempts = await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.merchantId, ctx.merchantId));
    expect(attempts.filter((a) => a.outcomeUnknownAt !== null).map((a) => a.status)).toEqual(["succeeded", "succeeded"]);
    const opened = await evaluate(ctx);
    expect(opened.opened).toHaveLength(1);
    expect(await alertEvents(ctx)).toEqual(["alert.opened:processor_timeout_rate"]);
    expect(await evaluate(ctx)).toMatchObject({ opened: [], resolved: [] });
    expect((await evaluate(ctx, Date.now() + 16 * MIN)).resolved).toEqual(opened.opened);
    expect(await alertEvents(ctx)).toEqual(["alert.opened:processor_timeout_rate", "alert.resolved:processor_timeout_rate"]);
  });
});

describe("isolation and settings", () => {
  it("another merchant's failures never open this merchant's alert; one evaluation across merchants opens only theirs", async () => {
    const quiet = await merchant();
    const failing = await merchant();
    await pay(quiet, "pm_card_visa", 20);
    await pay(failing, "pm_card_visa", 15);
    await pay(failing, "pm_card_chargeDeclined", 5);
    const all = await evaluateAlerts({ db: env.h.db, now: new Date(Date.now() + 1000) });
    expect(all.evaluated).toBeGreaterThanOrEqual(2);
    expect((await alertRows(failing)).map((a) => a.kind)).toEqual(["payment_failure_rate"]);
    expect(await alertRows(quiet)).toEqual([]);
    expect(await listOpenAlerts({ ctx: quiet })).toEqual([]);
  });

  it("the other mode is separate: test-mode alerts are not live mode's, and each mode has its own thresholds", async () => {
    const ctx = await merchant();
    const live = { ...ctx, livemode: true };
    await updateAlertSettings({
      ctx: { ...live, actor: { type: "user", id: "u", label: "u" }, role: "owner" },
      input: { failure_rate_threshold: 1, timeout_rate_threshold: 1, min_attempts: 1 },
    });
    await pay(ctx, "pm_card_visa", 17);
    await pay(ctx, "pm_card_chargeDeclined", 3); // 15% in test mode
    expect((await evaluate(ctx)).opened).toHaveLength(1);
    expect(await evaluate(live)).toMatchObject({ evaluated: 0, opened: [] });
    expect(await listOpenAlerts({ ctx: live })).toEqual([]);
    expect((await listOpenAlerts({ ctx })).map((a) => a.livemode)).toEqual([false]);
  });

  it("the merchant's own thresholds decide: 15% under a 20% threshold opens nothing, over a 12.5% threshold opens", async () => {
    const ctx = await merchant();
    const owner = { ...ctx, actor: { type: "user" as const, id: "u", label: "u" }, role: "owner" as const };
    await updateAlertSettings({ ctx: owner, input: { failure_rate_threshold: 20, timeout_rate_threshold: 5, min_attempts: 10 } });
    await pay(ctx, "pm_card_visa", 17);
    await pay(ctx, "pm_card_chargeDeclined", 3);
    expect(await evaluate(ctx)).toMatchObject({ opened: [] });
    await updateAlertSettings({ ctx: owner, input: { failure_rate_threshold: 12.5, timeout_rate_threshold: 5, min_attempts: 10 } });
    const opened = await evaluate(ctx);
    expect(opened.opened).toHaveLength(1);
    expect((await alertRows(ctx))[0]).toMatchObject({ thresholdBp: 1250 });
  });
});
