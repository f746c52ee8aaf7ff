import type { RuleInput } from "../features";
import { RULE_ACTIONS, type ParsedRule, type RuleAction, type RuleAttribute } from "./types";

/** Whether the rule's condition holds for this payment. Runs the closure compiled at parse time; allocates nothing. */
export function evaluateRule(rule: ParsedRule, input: RuleInput): boolean {
  return rule.test(input);
}

/**
 * The rule that decides the payment, in Radar's order: every `request_3ds` rule first, then `allow`, then `block`,
 * then `review`; within one action the rules' own order (the merchant's). The first that matches wins, so an `allow`
 * rule that matches spares the payment every `block` and `review` rule, and a matching `request_3ds` rule ends the
 * evaluation (a caller that wants allow/block/review after authentication evaluates again without those rules).
 * Null when none matches.
 */
export function evaluateRules(rules: readonly ParsedRule[], input: RuleInput): { action: RuleAction; rule: ParsedRule } | null {
  for (const action of RULE_ACTIONS) {
    for (const rule of rules) {
      if (rule.action === action && rule.test(input)) return { action, rule };
    }
  }
  return null;
}

/** The `@aliases` (without the @) the rule reads, once each, in order of appearance: the lists that must exist to save it. */
export function listAliasesOf(rule: ParsedRule): readonly string[] {
  return rule.aliases;
}

/** The attributes the rule reads, once each, in order of appearance. */
export function attributesOf(rule: ParsedRule): readonly RuleAttribute[] {
  return rule.attributes;
}
