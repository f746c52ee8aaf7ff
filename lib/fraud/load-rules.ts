import { parseRule, type ParsedRule } from "./rules";
import { BLOCK_AT, REVIEW_AT } from "./thresholds";
import type { PaymentSignals } from "./signals";

export interface LoadedRule {
  /** The merchant's rule id, or the default rule's name. */
  id: string;
  parsed: ParsedRule;
  /** Outcome's `reason`. */
  reason: string;
}

/**
 * Radar's default rules, after the merchant's own: values on the merchant's allow lists pass (`allow_*`),
 * values on its block lists are blocked (`block_*`), then the card network's highest risk and a score of
 * 80 or more are blocked, and 65 or more reviewed; a card trying its tenth tiny payment (under USD 5) within the
 * hour is reviewed (card testing).
 */
const DEFAULTS: { id: string; source: string; reason: string }[] = [
  ...(["card_fingerprint", "email", "ip_address", "vpa", "card_bin", "customer", "card_country"] as const).flatMap((attr) => [
    { id: `default_allow_${attr}`, source: `allow if :${attr}: in @allow_${attr}`, reason: "allow_listed" },
    { id: `default_block_${attr}`, source: `block if :${attr}: in @block_${attr}`, reason: "block_listed" },
  ]),
  { id: "default_network_risk", source: "block if :network_risk: >= 2", reason: "highest_risk_level" },
  { id: "default_network_elevated", source: "review if :network_risk: = 1", reason: "elevated_risk_level" },
  // Card testing: one card trying many tiny amounts within the hour (the counts are before this attempt).
  { id: "default_card_testing", source: "review if :card_attempts_1h: >= 10 and :amount_in_usd: < 5", reason: "card_testing" },
];

/**
 * The model's own default rules act in live mode only. In test mode every payment is still scored and the
 * score shown (and a merchant's own `:risk_score:` rules act on it), but the sandbox's few test cards are
 * shared by every test a developer runs, so their velocity says nothing about fraud: as at Stripe, test
 * mode's outcomes come from the test cards (pm_card_riskLevelElevated, pm_card_riskLevelHighest), the
 * lists and the rules.
 */
const LIVE_DEFAULTS: { id: string; source: string; reason: string }[] = [
  { id: "default_block_risk_score", source: `block if :risk_score: >= ${BLOCK_AT}`, reason: "highest_risk_level" },
  { id: "default_review_risk_score", source: `review if :risk_score: >= ${REVIEW_AT}`, reason: "elevated_risk_level" },
];

const parseDefaults = (list: typeof DEFAULTS): LoadedRule[] =>
  list.map((d) => {
    const r = parseRule(d.source);
    if (!r.ok) throw new Error(`default fraud rule '${d.source}' does not parse: ${r.error.message}`);
    return { id: d.id, parsed: r.rule, reason: d.reason };
  });
const testDefaults = parseDefaults(DEFAULTS);
const liveDefaults = parseDefaults([...DEFAULTS, ...LIVE_DEFAULTS]);

/** Parsed merchant rules by id and version (a rule's source never changes under its id). */
const cache = new Map<string, ParsedRule>();

/**
 * The rules to evaluate: the merchant's active ones (read with the features, parsed once per process)
 * then the defaults for the mode; and the lists as the rules see them, from the entries that hold this
 * payment's own values (all a rule's `in @alias` can ever match), so a list's size costs nothing.
 */
export function rulesAndLists(
  livemode: boolean,
  own: { id: string; source: string }[],
  items: { alias: string; value: string }[],
): { rules: LoadedRule[]; lists: Record<string, Set<string>> } {
  const rules: LoadedRule[] = [];
  for (const r of own) {
    let parsed = cache.get(r.id);
    if (!parsed) {
      const result = parseRule(r.source);
      if (!result.ok) continue; // saved rules were parsed when saved; a grammar change never blocks payments
      parsed = result.rule;
      cache.set(r.id, parsed);
    }
    rules.push({ id: r.id, parsed, reason: "rule" });
  }
  const lists: Record<string, Set<string>> = {};
  for (const i of items) (lists[i.alias] ??= new Set()).add(i.value);
  return { rules: [...rules, ...(livemode ? liveDefaults : testDefaults)], lists };
}

/** The payment's values a list can hold, lowercased. */
export const listValuesOf = (s: PaymentSignals): string[] =>
  [s.cardFingerprint, s.email, s.ipAddress, s.vpa, s.cardBin, s.customer, s.cardCountry].filter((v): v is string => Boolean(v)).map((v) => v.toLowerCase());
