// The rule backtest on a real PostgreSQL: stored assessments re-evaluated with a draft rule — the last 30 days only,
// a payment once (its latest assessment), lists as they are now, amounts per currency and in USD, examples, the cap
// (truncated), and the same refusals as saving a rule; other merchants' and modes' payments never counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { fraudAssessments, payments, type FraudOutcomeType } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { freshPostgres } from "@/test/db";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { backtestRule } from "./backtest-rule";
import { createValueListItem } from "./create-value-list-item";
import { MODEL_FEATURES } from "./features";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("radar_backtest");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const DAY = 86_400_000;

/** A payment and its assessment, `daysAgo` old. */
async function assessed(
  ctx: ServiceContext,
  p: {
    amount: number;
    currency?: string;
    usdCents?: number;
    daysAgo?: number;
    outcome?: FraudOutcomeType;
    risk?: number;
    country?: string;
    email?: string;
    paymentId?: string;
  },
) {
  const paymentId = p.paymentId ?? newId("payment");
  const created = new Date(Date.now() - (p.daysAgo ?? 1) * DAY);
  if (!p.paymentId) {
    await h.db.insert(payments).values({
      id: paymentId,
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      amount: BigInt(p.amount),
      currency: p.currency ?? "usd",
      status: "succeeded",
      captureMethod: "automatic",
      connector: "sandbox",
      createdAt: created,
    });
  }
  const features = Object.fromEntries(MODEL_FEATURES.map((f) => [f, 0]));
  features.amount_in_usd = p.usdCents ?? p.amount;
  await h.db.insert(fraudAssessments).values({
    id: newId("fraudAssessment"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    paymentId,
    attemptId: newId("paymentAttempt"),
    score: (p.risk ?? 10) / 100,
    riskScore: p.risk ?? 10,
    riskLevel: "normal",
    outcome: p.outcome ?? "authorized",
    rule: null,
    reason: null,
    features,
    signals: { card_country: p.country ?? "US", email: p.email ?? "buyer@example.com", payment_method_type: "card" },
    rulesMatched: [],
    modelVersion: "test",
    tookUs: 100,
    createdAt: created,
  });
  return paymentId;
}

describe("backtestRule", () => {
  it("counts the last 30 days' payments a draft rule matches, with amounts, outcomes and up to 10 examples, newest first", async () => {
    const ctx = await makeMerchantContext(h.db);
    const big1 = await assessed(ctx, { amount: 900_000, daysAgo: 3, country: "NG" });
    const big2 = await assessed(ctx, { amount: 750_000, currency: "eur", usdCents: 810_000, daysAgo: 2, country: "NG", outcome: "manual_review", risk: 70 });
    await assessed(ctx, { amount: 1_000, daysAgo: 1, country: "NG" });
    await assessed(ctx, { amount: 600_000, daysAgo: 1, country: "US" });
    await assessed(ctx, { amount: 990_000, daysAgo: 31, country: "NG" }); // older than 30 days
    // A payment assessed twice counts once, as its latest assessment saw it.
    const twice = await assessed(ctx, { amount: 800_000, daysAgo: 5, country: "US" });
    await assessed(ctx, { amount: 800_000, daysAgo: 0.5, country: "NG", paymentId: twice, outcome: "blocked", risk: 91 });
    // Another merchant's, and this merchant's live mode, are not this backtest's.
    await assessed(await makeMerchantContext(h.db), { amount: 900_000, country: "NG" });
    await assessed({ ...ctx, livemode: true }, { amount: 900_000, country: "NG" });

    const result = await backtestRule({ ctx, input: { source: "block if :amount_in_usd: > 5000 and :card_country: = 'ng'" } });
    expect(result).toMatchObject({
      object: "radar.rule_backtest",
      action: "block",
      evaluated: 5,
      matched: 3,
      matched_by_outcome: { authorized: 1, manual_review: 1, blocked: 1 },
      amount: {
        by_currency: [
          { currency: "eur", amount: 750_000 },
          { currency: "usd", amount: 1_700_000 },
        ],
        total_in_usd: 900_000 + 810_000 + 800_000,
      },
      truncated: false,
      max_assessments: 50_000,
    });
    expect(result.until - result.since).toBe(30 * 86_400);
    expect(result.examples).toEqual([
      { id: twice, amount: 800_000, currency: "usd", created: expect.any(Number), outcome: { type: "blocked", risk_score: 91, rule: null } },
      { id: big2, amount: 750_000, currency: "eur", created: expect.any(Number), outcome: { type: "manual_review", risk_score: 70, rule: null } },
      { id: big1, amount: 900_000, currency: "usd", created: expect.any(Number), outcome: { type: "authorized", risk_score: 10, rule: null } },
    ]);
    // :amount: is the payment's own amount in major units; :risk_score: the stored score.
    expect((await backtestRule({ ctx, input: { source: "review if :amount: >= 7500 and :currency: = 'EUR'" } })).matched).toBe(1);
    expect((await backtestRule({ ctx, input: { source: "review if :risk_score: >= 65" } })).matched).toBe(2);
  });

  it("reads lists as they are now; caps the assessments read and says so; at most 10 examples", async () => {
    const ctx = await makeMerchantContext(h.db);
    for (let i = 0; i < 12; i++) await assessed(ctx, { amount: 1_000 + i, email: i % 2 ? "bad@fraud.io" : "good@shop.io", daysAgo: 1 + i / 100 });
    expect((await backtestRule({ ctx, input: { source: "block if :email: in @block_email" } })).matched).toBe(0);
    await createValueListItem({ ctx, input: { value_list: "block_email", value: "BAD@fraud.io" } });
    const listed = await backtestRule({ ctx, input: { source: "block if :email: in @block_email" } });
    expect(listed).toMatchObject({ evaluated: 12, matched: 6, truncated: false });
    const all = await backtestRule({ ctx, input: { source: "review if :amount: > 0" } });
    expect(all.matched).toBe(12);
    expect(all.examples).toHaveLength(10);
    expect(all.examples[0]!.amount).toBe(1_000);
    const capped = await backtestRule({ ctx, input: { source: "review if :amount: > 0" }, limit: 5 });
    expect(capped).toMatchObject({ evaluated: 5, matched: 5, truncated: true, max_assessments: 5 });
  });

  it("refuses what saving would refuse: syntax (rule_invalid naming the column), unknown lists, unknown fields; needs radar:read", async () => {
    const ctx = await makeMerchantContext(h.db);
    expect(await backtestRule({ ctx, input: { source: "block if :amount: >" } }).catch((e: unknown) => e)).toMatchObject({
      code: "rule_invalid",
      param: "source",
      message: "Invalid rule: Expected a value after '>' at column 20.",
    });
    expect(await code(backtestRule({ ctx, input: { source: "block if :email: in @nope" } }))).toBe("rule_invalid");
    expect(await code(backtestRule({ ctx, input: { source: "block if :amount: > 1", action: "block" } }))).toBe("parameter_unknown");
    expect(await code(backtestRule({ ctx: { ...ctx, role: "analyst" }, input: { source: "block if :amount: > 1" } }))).toBe("ok");
    expect(await code(backtestRule({ ctx: { ...ctx, role: "support" }, input: { source: "block if :amount: > 1" } }))).toBe("permission_denied");
  });
});
