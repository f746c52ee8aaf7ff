import type { Executor } from "@/db/client";
import type { FraudAssessmentRow, FraudRiskLevel, PaymentOutcome } from "@/db/schema";
import { newId } from "@/lib/ids";
import { currencyExponent } from "@/lib/money";
import { computeFeatures, keysOf } from "./compute-features";
import type { AttemptFraudKeys } from "./counter-writes";
import { listValuesOf, rulesAndLists, type LoadedRule } from "./load-rules";
import { MODEL_VERSION, scoreFeatures } from "./model/score";
import { RULE_ACTIONS, ruleNumbersFrom } from "./rules";
import type { RuleStringAttribute } from "./features";
import type { PaymentSignals } from "./signals";
import { amountInUsdCents } from "./usd";

import { BLOCK_AT, REVIEW_AT } from "./thresholds";

export type FraudDecision = "authorized" | "review" | "blocked" | "request_3ds";

export interface Assessment {
  decision: FraudDecision;
  outcome: PaymentOutcome;
  /** The fraud_assessments row to write in the attempt's phase A. */
  row: FraudAssessmentRow;
  /** What the attempt keeps for its counters' phase B. */
  keys: AttemptFraudKeys;
}

/** The score's band, raised to the card network's own signal when that is higher (as Radar merges them). */
const levelOf = (riskScore: number, networkRisk: number): FraudRiskLevel =>
  riskScore >= BLOCK_AT || networkRisk >= 2 ? "highest" : riskScore >= REVIEW_AT || networkRisk >= 1 ? "elevated" : "normal";

/**
 * Kassa's fraud check of one attempt, before anything is sent to a processor: the features in one round
 * trip (with the merchant's rules and the list entries matching this payment's values), the model's score,
 * then the rules in Radar's order (request_3ds → allow → block → review; the default rules after the
 * merchant's: block lists, the network's highest risk, a score of 80+, review at 65+). Reads only; the
 * caller writes the row and the counters in its phase A.
 */
export async function assessPayment(
  db: Executor,
  tenant: { merchantId: string; livemode: boolean },
  args: { paymentId: string; attemptId: string; amount: bigint; currency: string; signals: PaymentSignals; now?: number },
): Promise<Assessment> {
  const started = process.hrtime.bigint();
  const now = args.now ?? Date.now();
  const keys = keysOf(args.signals);
  const amountUsd = amountInUsdCents(args.amount, args.currency);
  const looked = await computeFeatures(db, tenant, { keys, signals: args.signals, amountUsd, now, listValues: listValuesOf(args.signals) });
  const features = looked.features;
  const { rules, lists } = rulesAndLists(tenant.livemode, looked.rules, looked.listItems);
  const score = scoreFeatures(features);
  const riskScore = Math.min(99, Math.max(0, Math.floor(score * 100)));
  const s = args.signals;
  const strings: Partial<Record<RuleStringAttribute, string | null>> = {
    currency: args.currency,
    card_brand: s.cardBrand,
    card_country: s.cardCountry,
    card_bin: s.cardBin,
    card_fingerprint: s.cardFingerprint,
    card_funding: s.cardFunding,
    ip_address: s.ipAddress,
    ip_country: s.ipCountry,
    email: s.email,
    email_domain: s.email?.split("@")[1] ?? null,
    customer: s.customer,
    vpa: s.vpa,
    payment_method_type: s.paymentMethodType,
  };
  const input = { numbers: ruleNumbersFrom(features, Number(args.amount), currencyExponent(args.currency), riskScore), strings, lists };
  // Each rule is tested once: every match is recorded, and the first match in Radar's order (evaluateRules'
  // order: request_3ds, allow, block, review; the rules' own order within one) decides.
  const matched = rules.filter((r) => r.parsed.test(input));
  let rule: LoadedRule | null = null;
  for (const action of RULE_ACTIONS) {
    rule = matched.find((r) => r.parsed.action === action) ?? null;
    if (rule) break;
  }
  const action = rule?.parsed.action;
  const decision: FraudDecision = !action || action === "allow" ? "authorized" : action === "block" ? "blocked" : action;
  const outcome: PaymentOutcome = {
    risk_score: riskScore,
    risk_level: levelOf(riskScore, args.signals.networkRisk),
    type: decision === "blocked" ? "blocked" : decision === "review" ? "manual_review" : "authorized",
    rule: rule?.id ?? null,
    reason: rule ? rule.reason : null,
  };
  const tookUs = Number((process.hrtime.bigint() - started) / 1000n);
  const row: FraudAssessmentRow = {
    id: newId("fraudAssessment"),
    merchantId: tenant.merchantId,
    livemode: tenant.livemode,
    paymentId: args.paymentId,
    attemptId: args.attemptId,
    score,
    riskScore,
    riskLevel: outcome.risk_level,
    outcome: outcome.type,
    rule: outcome.rule,
    reason: outcome.reason,
    features: { ...features },
    signals: {
      payment_method_type: s.paymentMethodType,
      card_brand: s.cardBrand,
      card_country: s.cardCountry,
      card_bin: s.cardBin,
      card_fingerprint: s.cardFingerprint,
      email_domain: strings.email_domain ?? null,
      customer: s.customer,
      ip_country: s.ipCountry,
    },
    rulesMatched: matched.map((r) => ({ id: r.id, action: r.parsed.action, source: r.parsed.source })),
    modelVersion: MODEL_VERSION,
    tookUs,
    createdAt: new Date(now),
  };
  return { decision, outcome, row, keys: { ...keys, amountUsd, at: now, ...(decision === "request_3ds" ? { threeDSecure: true } : {}) } };
}
