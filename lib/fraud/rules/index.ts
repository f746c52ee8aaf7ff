/**
 * Kassa's fraud rules: a small language like Stripe Radar's. A rule is `<action> if <condition>`, e.g.
 * `block if :amount_in_usd: > 5000 and :card_country: != :ip_country:`. Parse once (parseRule compiles the
 * condition into a closure), evaluate per payment (evaluateRule / evaluateRules, microseconds, no allocation).
 *
 * Semantics worth knowing:
 * - Amounts are in major units: build the numbers with ruleNumbersFrom (`:amount_in_usd: > 5000` is USD 5,000).
 * - Strings compare case-insensitively ('us' = 'US'); lists hold lowercased values.
 * - A missing string attribute (null or absent) makes every condition on it false: `=`, `!=`, `in` and `not in`
 *   alike, as in Radar, so `:card_country: != 'US'` does not match a payment without a card country. Only an explicit
 *   `not (...)` turns that false into true.
 * - An alias with no list behaves as an empty list (`in` false, `not in` true); refuse to save such a rule with
 *   listAliasesOf.
 * - evaluateRules: request_3ds, then allow, then block, then review; first match wins.
 */
export { parseRule } from "./parse-rule";
export { evaluateRule, evaluateRules, listAliasesOf, attributesOf } from "./evaluate";
export { ruleNumbersFrom } from "./rule-numbers";
export { RULE_FLAG_ATTRIBUTES } from "./attributes";
export { RULE_ACTIONS, RULE_MAX_CONDITIONS, RULE_MAX_LENGTH } from "./types";
export type { ParsedRule, ParseRuleResult, RuleAction, RuleAttribute, RuleExpr, RuleParseError, CompareOp, Operand } from "./types";
