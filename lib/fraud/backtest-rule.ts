import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { fraudAssessments, fraudListItems, fraudLists, payments, type FraudOutcomeType } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { currencyExponent, isCurrency } from "@/lib/money";
import { RULE_STRING_ATTRIBUTES, type FeatureVector, type RuleInput, type RuleStringAttribute } from "./features";
import { checkRuleSource } from "./check-rule-source";
import { BacktestRuleInput } from "./radar-inputs";
import { evaluateRule, ruleNumbersFrom } from "./rules";

/** How far back a backtest looks, and the most assessments it reads (the newest). */
export const BACKTEST_DAYS = 30;
export const BACKTEST_MAX_ASSESSMENTS = 50_000;
const EXAMPLES = 10;

const unix = (d: Date) => Math.floor(d.getTime() / 1000);
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The strings a rule saw, from an assessment's stored signals (keyed by rule attribute, or as PaymentSignals). */
function stringsFrom(signals: Record<string, unknown>, currency: string): RuleInput["strings"] {
  const strings: RuleInput["strings"] = {};
  for (const name of RULE_STRING_ATTRIBUTES) {
    const v = signals[name] ?? signals[camel(name)];
    strings[name as RuleStringAttribute] = typeof v === "string" ? v : null;
  }
  strings.currency ??= currency;
  if (!strings.email_domain && strings.email?.includes("@")) strings.email_domain = strings.email.slice(strings.email.indexOf("@") + 1);
  return strings;
}

/**
 * POST /api/v1/radar/rules/backtest — what a draft rule would have matched: the last 30 days' payments (their latest
 * fraud assessment each, at most the newest 50,000 assessments; `truncated` says when there were more) re-evaluated
 * in process with the stored features, signals and risk score and the lists as they are now. Counts, the amounts
 * (per currency, and in USD at the fraud features' reference rates), what Kassa decided for them then, and up to 10
 * examples, newest first. Nothing is stored.
 */
export async function backtestRule({ ctx, input, limit = BACKTEST_MAX_ASSESSMENTS }: { ctx: ServiceContext; input: unknown; limit?: number }) {
  requirePermission(ctx, "radar:read");
  const data = parseWith(BacktestRuleInput, input ?? {});
  const db = await executor(ctx);
  const rule = await checkRuleSource(db, ctx, data.source);

  const lists: Record<string, Set<string>> = Object.fromEntries(rule.aliases.map((a) => [a, new Set<string>()]));
  if (rule.aliases.length > 0) {
    const items = await db
      .select({ alias: fraudLists.alias, value: fraudListItems.value })
      .from(fraudListItems)
      .innerJoin(fraudLists, eq(fraudLists.id, fraudListItems.listId))
      .where(and(eq(fraudLists.merchantId, ctx.merchantId), eq(fraudLists.livemode, ctx.livemode), inArray(fraudLists.alias, [...rule.aliases])));
    for (const i of items) lists[i.alias]!.add(i.value);
  }

  const until = new Date();
  const since = new Date(until.getTime() - BACKTEST_DAYS * 86_400_000);
  const rows = await db
    .select({
      paymentId: fraudAssessments.paymentId,
      created: fraudAssessments.createdAt,
      features: fraudAssessments.features,
      signals: fraudAssessments.signals,
      riskScore: fraudAssessments.riskScore,
      outcome: fraudAssessments.outcome,
      rule: fraudAssessments.rule,
      amount: payments.amount,
      currency: payments.currency,
      paymentCreated: payments.createdAt,
    })
    .from(fraudAssessments)
    .innerJoin(payments, and(eq(payments.id, fraudAssessments.paymentId), eq(payments.merchantId, fraudAssessments.merchantId)))
    .where(and(eq(fraudAssessments.merchantId, ctx.merchantId), eq(fraudAssessments.livemode, ctx.livemode), gte(fraudAssessments.createdAt, since)))
    .orderBy(desc(fraudAssessments.createdAt), desc(fraudAssessments.id))
    .limit(limit + 1);
  const truncated = rows.length > limit;

  const seen = new Set<string>();
  const byOutcome: Record<FraudOutcomeType, number> = { authorized: 0, manual_review: 0, blocked: 0 };
  const byCurrency = new Map<string, bigint>();
  const examples = [];
  let evaluated = 0;
  let matched = 0;
  let usdCents = 0;
  for (const r of rows.slice(0, limit)) {
    // A payment's latest assessment stands for it (rows come newest first).
    if (seen.has(r.paymentId)) continue;
    seen.add(r.paymentId);
    evaluated++;
    const exponent = isCurrency(r.currency) ? currencyExponent(r.currency) : 2;
    const ruleInput: RuleInput = {
      numbers: ruleNumbersFrom(r.features as FeatureVector, Number(r.amount), exponent, r.riskScore),
      strings: stringsFrom(r.signals, r.currency),
      lists,
    };
    if (!evaluateRule(rule, ruleInput)) continue;
    matched++;
    byOutcome[r.outcome]++;
    byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0n) + r.amount);
    usdCents += Math.round(r.features.amount_in_usd ?? 0);
    if (examples.length < EXAMPLES) {
      examples.push({
        id: r.paymentId,
        amount: Number(r.amount),
        currency: r.currency,
        created: unix(r.paymentCreated),
        outcome: { type: r.outcome, risk_score: r.riskScore, rule: r.rule },
      });
    }
  }
  return {
    object: "radar.rule_backtest" as const,
    action: rule.action,
    source: data.source,
    since: unix(since),
    until: unix(until),
    /** Payments re-evaluated (each once, by its latest assessment). */
    evaluated,
    matched,
    matched_by_outcome: byOutcome,
    /** The matched payments' amounts: per currency in minor units, and together in USD cents (reference rates). */
    amount: {
      by_currency: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount: Number(amount) })),
      total_in_usd: usdCents,
    },
    examples,
    /** More than BACKTEST_MAX_ASSESSMENTS assessments in the window: only the newest were read. */
    truncated,
    max_assessments: limit,
  };
}
export type BacktestObject = Awaited<ReturnType<typeof backtestRule>>;
