import type { RuleInput, RuleNumberAttribute, RuleStringAttribute } from "../features";

/** What a matching rule does to the payment. Evaluated in this order by `evaluateRules` (Radar's). */
export const RULE_ACTIONS = ["request_3ds", "allow", "block", "review"] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

export type RuleAttribute = RuleNumberAttribute | RuleStringAttribute;
export type CompareOp = "=" | "!=" | ">" | ">=" | "<" | "<=";

/** The longest rule source accepted, in characters, and the most conditions (comparisons, `in`s, flags) in one rule. */
export const RULE_MAX_LENGTH = 1000;
export const RULE_MAX_CONDITIONS = 50;

export type Operand =
  | { kind: "attribute"; name: RuleAttribute; type: "number" | "string"; position: number }
  | { kind: "number"; value: number; position: number }
  | { kind: "string"; value: string; position: number };

/** The parsed condition tree. Positions are 0-based offsets into the rule's source. */
export type RuleExpr =
  | { kind: "or" | "and"; left: RuleExpr; right: RuleExpr }
  | { kind: "not"; operand: RuleExpr }
  /** `:attr: <op> <value>`; the left side is always an attribute. String values are kept lowercased. */
  | { kind: "compare"; op: CompareOp; left: Operand & { kind: "attribute" }; right: Operand; position: number }
  /** `:attr: [not] in @alias` or `:attr: [not] in ('a', 'b')` (literal values lowercased). */
  | {
      kind: "in";
      negated: boolean;
      attribute: RuleStringAttribute;
      set: { kind: "alias"; alias: string } | { kind: "literal"; values: readonly string[] };
      position: number;
    }
  /** A yes/no attribute on its own: `:is_first_payment_for_card:` means `= 1`. */
  | { kind: "flag"; attribute: RuleNumberAttribute; position: number };

/**
 * A rule ready to evaluate: its source, action and tree, plus the tree compiled once into a closure. Store
 * the source (not this object) and parse it again on load; the closure does not serialise.
 */
export interface ParsedRule {
  readonly source: string;
  readonly action: RuleAction;
  readonly condition: RuleExpr;
  /** The `@aliases` the rule reads, once each, in order of appearance. */
  readonly aliases: readonly string[];
  /** The attributes the rule reads, once each, in order of appearance. */
  readonly attributes: readonly RuleAttribute[];
  readonly test: (input: RuleInput) => boolean;
}

export interface RuleParseError {
  /** Says what was expected and where, e.g. "Expected a value after '>' at column 27". */
  message: string;
  /** 0-based offset into the source. */
  position: number;
  /** 1-based; present when the source spans more than one line. */
  line?: number;
  /** 1-based, within the line. */
  column: number;
}

export type ParseRuleResult = { ok: true; rule: ParsedRule } | { ok: false; error: RuleParseError };
