// The fraud rule language (issue 17, point 4): parsing, the exact position and wording of every error, evaluation
// (precedence, case-insensitive strings, missing values, lists), Radar's order across rules, and amounts in major units.
import { describe, expect, it } from "vitest";
import { MODEL_FEATURES, RULE_NUMBER_ATTRIBUTES, type FeatureVector, type RuleInput, type RuleNumberAttribute, type RuleStringAttribute } from "../features";
import { attributesOf, evaluateRule, evaluateRules, listAliasesOf, parseRule, ruleNumbersFrom, RULE_MAX_LENGTH, type ParsedRule } from "./index";

function input(
  numbers: Partial<Record<RuleNumberAttribute, number>> = {},
  strings: Partial<Record<RuleStringAttribute, string | null>> = {},
  lists: Record<string, string[]> = {},
): RuleInput {
  const all = Object.fromEntries(RULE_NUMBER_ATTRIBUTES.map((name) => [name, 0])) as Record<RuleNumberAttribute, number>;
  return { numbers: { ...all, ...numbers }, strings, lists: Object.fromEntries(Object.entries(lists).map(([alias, values]) => [alias, new Set(values)])) };
}

function rule(source: string): ParsedRule {
  const result = parseRule(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.rule;
}

const matches = (source: string, given: RuleInput): boolean => evaluateRule(rule(source), given);

describe("the issue's examples", () => {
  it("blocks a large payment whose card and IP countries differ", () => {
    const r = rule("block if :amount_in_usd: > 5000 and :card_country: != :ip_country:");
    expect(r.action).toBe("block");
    expect(evaluateRule(r, input({ amount_in_usd: 5000.01 }, { card_country: "US", ip_country: "NG" }))).toBe(true);
    expect(evaluateRule(r, input({ amount_in_usd: 5000 }, { card_country: "US", ip_country: "NG" }))).toBe(false);
    expect(evaluateRule(r, input({ amount_in_usd: 9000 }, { card_country: "US", ip_country: "us" }))).toBe(false);
    expect(evaluateRule(r, input({ amount_in_usd: 9000 }, { card_country: "US", ip_country: null }))).toBe(false);
    expect(evaluateRule(r, input({ amount_in_usd: 9000 }, { card_country: "US" }))).toBe(false);
  });

  it("reviews a risk score of 65 or more", () => {
    const r = rule("review if :risk_score: >= 65");
    expect(r.action).toBe("review");
    expect(evaluateRule(r, input({ risk_score: 65 }))).toBe(true);
    expect(evaluateRule(r, input({ risk_score: 99 }))).toBe(true);
    expect(evaluateRule(r, input({ risk_score: 64 }))).toBe(false);
  });

  it("allows an email on the @vip_customers list, whatever its case", () => {
    const r = rule("allow if :email: in @vip_customers");
    const lists = { vip_customers: ["asha@example.com"] };
    expect(evaluateRule(r, input({}, { email: "Asha@Example.COM" }, lists))).toBe(true);
    expect(evaluateRule(r, input({}, { email: "asha@example.com" }, lists))).toBe(true);
    expect(evaluateRule(r, input({}, { email: "mallory@example.com" }, lists))).toBe(false);
    expect(evaluateRule(r, input({}, { email: null }, lists))).toBe(false);
    expect(evaluateRule(r, input({}, { email: "asha@example.com" }, {}))).toBe(false);
  });

  it("requests 3DS on a card's first payment (a yes/no attribute alone means = 1)", () => {
    const r = rule("request_3ds if :is_first_payment_for_card:");
    expect(r.condition).toEqual({ kind: "flag", attribute: "is_first_payment_for_card", position: 15 });
    expect(evaluateRule(r, input({ is_first_payment_for_card: 1 }))).toBe(true);
    expect(evaluateRule(r, input({ is_first_payment_for_card: 0 }))).toBe(false);
  });
});

describe("amounts in major units", () => {
  const features = Object.fromEntries(MODEL_FEATURES.map((name, i) => [name, i])) as FeatureVector;

  it("divides USD cents by 100 and the payment's amount by its currency's exponent", () => {
    const numbers = ruleNumbersFrom({ ...features, amount_in_usd: 500_001 }, 1999, 2, 72);
    expect(numbers.amount_in_usd).toBe(5000.01);
    expect(numbers.amount).toBe(19.99);
    expect(numbers.risk_score).toBe(72);
    expect(numbers.card_attempts_1h).toBe(MODEL_FEATURES.indexOf("card_attempts_1h"));
    expect(Object.keys(numbers).sort()).toEqual([...RULE_NUMBER_ATTRIBUTES].sort());
    expect(ruleNumbersFrom(features, 500, 0, 0).amount).toBe(500);
    expect(ruleNumbersFrom(features, 1234, 3, 0).amount).toBe(1.234);
  });

  it("makes `:amount_in_usd: > 5000` mean USD 5,000 and `:amount: = 19.99` an exact match", () => {
    const strings = { card_country: "US", ip_country: "NG" };
    const big = rule("block if :amount_in_usd: > 5000 and :card_country: != :ip_country:");
    const at = (cents: number) => ({ numbers: ruleNumbersFrom({ ...features, amount_in_usd: cents }, 1999, 2, 0), strings, lists: {} });
    expect(evaluateRule(big, at(500_001))).toBe(true);
    expect(evaluateRule(big, at(500_000))).toBe(false);
    expect(evaluateRule(rule("review if :amount: = 19.99"), at(0))).toBe(true);
  });
});

describe("operators, precedence and parentheses", () => {
  it("compares numbers with all six operators, against numbers and other attributes", () => {
    const n = input({ amount: 10, card_attempts_1h: 3, card_attempts_24h: 3, risk_score: 0.5 });
    const expectations: [string, boolean][] = [
      [":amount: = 10", true],
      [":amount: != 10", false],
      [":amount: > 9.5", true],
      [":amount: >= 10", true],
      [":amount: < 10", false],
      [":amount: <= 10", true],
      [":risk_score: = 0.5", true],
      [":risk_score: > -1", true],
      [":card_attempts_1h: = :card_attempts_24h:", true],
      [":card_attempts_1h: != :card_attempts_24h:", false],
      [":card_attempts_1h: < :amount:", true],
      [":card_attempts_1h: <= :card_attempts_24h:", true],
      [":amount: > :card_attempts_1h:", true],
      [":amount: >= :amount:", true],
    ];
    for (const [condition, expected] of expectations) expect(matches(`block if ${condition}`, n), condition).toBe(expected);
  });

  it("binds not tighter than and, and tighter than or; parentheses override", () => {
    const a = ":card_attempts_1h: = 1";
    const b = ":card_declines_1h: = 1";
    const c = ":ip_attempts_1h: = 1";
    for (let bits = 0; bits < 8; bits++) {
      const [x, y, z] = [bits & 1, (bits >> 1) & 1, (bits >> 2) & 1].map(Boolean) as [boolean, boolean, boolean];
      const n = input({ card_attempts_1h: Number(x), card_declines_1h: Number(y), ip_attempts_1h: Number(z) });
      const label = `a=${x} b=${y} c=${z}`;
      expect(matches(`block if ${a} or ${b} and ${c}`, n), label).toBe(x || (y && z));
      expect(matches(`block if (${a} or ${b}) and ${c}`, n), label).toBe((x || y) && z);
      expect(matches(`block if not ${a} and ${b}`, n), label).toBe(!x && y);
      expect(matches(`block if not (${a} and ${b})`, n), label).toBe(!(x && y));
      expect(matches(`block if not ${a} or ${b} and not ${c}`, n), label).toBe(!x || (y && !z));
      expect(matches(`block if not not ${a}`, n), label).toBe(x);
      expect(matches(`block if ((${a}) or (${b} and (${c})))`, n), label).toBe(x || (y && z));
      expect(matches(`block if ${a} and ${b} or ${c}`, n), label).toBe((x && y) || z);
    }
  });

  it("builds or over and over not in the tree", () => {
    const tree = rule("block if :is_first_time_customer: or not :card_country_mismatch: and :is_first_payment_for_card:").condition;
    expect(tree.kind).toBe("or");
    expect(tree.kind === "or" && tree.right.kind).toBe("and");
    expect(tree.kind === "or" && tree.right.kind === "and" && tree.right.left.kind).toBe("not");
  });

  it("reads keywords and actions in any case, across lines and tabs", () => {
    const r = rule("BLOCK IF\n\t:amount: > 1 AND NOT :email: IN ('a@b.c')\n  Or :risk_score: >= 90");
    expect(r.action).toBe("block");
    expect(evaluateRule(r, input({ amount: 2 }, { email: "x@y.z" }))).toBe(true);
    expect(evaluateRule(r, input({ amount: 2 }, { email: "A@B.C" }))).toBe(false);
    expect(evaluateRule(r, input({ risk_score: 95 }))).toBe(true);
  });
});

describe("strings, lists and missing values", () => {
  it("compares strings case-insensitively, literal and attribute against attribute", () => {
    const n = input({}, { card_country: "us", ip_country: "US", card_brand: "Visa", email_domain: "ÖRNSKÖLDSVIK.se" });
    expect(matches("block if :card_country: = 'US'", n)).toBe(true);
    expect(matches("block if :card_country: != 'us'", n)).toBe(false);
    expect(matches("block if :card_country: = :ip_country:", n)).toBe(true);
    expect(matches("block if :card_country: != :ip_country:", n)).toBe(false);
    expect(matches("block if :card_brand: = 'VISA'", n)).toBe(true);
    expect(matches("block if :card_brand: = 'visa2'", n)).toBe(false);
    expect(matches("block if :email_domain: = 'örnsköldsvik.SE'", n)).toBe(true);
    expect(matches("block if :card_brand: in ('MasterCard', 'VISA')", n)).toBe(true);
    expect(matches("block if :card_brand: not in ('MasterCard', 'VISA')", n)).toBe(false);
    expect(matches("block if :card_country: in ('NG', 'RU')", n)).toBe(false);
    expect(matches("block if :card_country: not in ('NG', 'RU')", n)).toBe(true);
  });

  it("reads \\' and \\\\ inside single-quoted strings", () => {
    const r = rule("block if :email: = 'o\\'brien\\\\x@example.com'");
    expect(evaluateRule(r, input({}, { email: "O'Brien\\x@example.com" }))).toBe(true);
  });

  it("makes every condition on a missing string false, != and not in included (Radar's behaviour)", () => {
    for (const missing of [input({}, { card_country: null, ip_country: "US" }, { risky: ["ng"] }), input({}, { ip_country: "US" }, { risky: ["ng"] })]) {
      for (const condition of [
        ":card_country: = 'US'",
        ":card_country: != 'US'",
        ":card_country: = :ip_country:",
        ":card_country: != :ip_country:",
        ":ip_country: != :card_country:",
        ":card_country: in ('US')",
        ":card_country: not in ('US')",
        ":card_country: in @risky",
        ":card_country: not in @risky",
      ]) {
        expect(matches(`block if ${condition}`, missing), condition).toBe(false);
      }
      expect(matches("block if not (:card_country: = 'US')", missing)).toBe(true);
    }
  });

  it("treats a list the input does not carry as empty, and compares an empty string as a value", () => {
    const n = input({}, { email: "a@b.c", card_country: "" });
    expect(matches("block if :email: in @missing", n)).toBe(false);
    expect(matches("block if :email: not in @missing", n)).toBe(true);
    expect(matches("block if :card_country: != 'US'", n)).toBe(true);
    expect(matches("block if :card_country: = ''", n)).toBe(true);
  });

  it("lists the aliases and attributes a rule reads, once each, in order", () => {
    const r = rule(
      "block if :email: in @vip or (:card_country: != :ip_country: and :email: not in @watch) or :card_fingerprint: in @vip or :amount: > 5 or :is_first_time_customer:",
    );
    expect(listAliasesOf(r)).toEqual(["vip", "watch"]);
    expect(attributesOf(r)).toEqual(["email", "card_country", "ip_country", "card_fingerprint", "amount", "is_first_time_customer"]);
    expect(listAliasesOf(rule("review if :risk_score: > 50"))).toEqual([]);
  });
});

describe("errors name the position and what was expected", () => {
  const cases: [source: string, message: string, position: number][] = [
    // syntax
    ["", "Expected an action at column 1 (block, review, allow or request_3ds; found the end of the rule)", 0],
    ["deny if :amount: > 5", "Unknown action 'deny' at column 1 (expected block, review, allow or request_3ds)", 0],
    ["blok if :amount: > 5", "Unknown action 'blok' at column 1 (did you mean 'block'?)", 0],
    ["block :amount: > 5", "Expected 'if' after 'block' at column 7 (found :amount:)", 6],
    ["block if", "Expected a condition after 'if' at column 9 (a condition starts with an attribute such as :amount:)", 8],
    ["block if 5000 < :amount:", "Expected a condition after 'if' at column 10 (a condition starts with an attribute such as :amount:; found 5000)", 9],
    ["block if :amount: > 5 and", "Expected a condition after 'and' at column 26 (a condition starts with an attribute such as :amount:)", 25],
    ["block if not", "Expected a condition after 'not' at column 13 (a condition starts with an attribute such as :amount:)", 12],
    ["block if :amount_in_usd: >", "Expected a value after '>' at column 27", 26],
    ["block if :amount: > abc", "Expected a value after '>' at column 21 (found 'abc'; strings are written in single quotes, e.g. 'US')", 20],
    ["block if :amount: > )", "Expected a value after '>' at column 21 (found ')')", 20],
    ["block if (:amount: > 5", "Expected ')' at column 23 (to close the '(' at column 10)", 22],
    ["block if (:amount: > 5 :email:", "Expected ')' at column 24 (to close the '(' at column 10; found :email:)", 23],
    ["block if :amount: > 5)", "Unexpected ')' at column 22 (no '(' is open)", 21],
    ["block if :amount: > 5 xyz", "Expected 'and', 'or' or the end of the rule at column 23 (found 'xyz')", 22],
    ["block if :email:", "Expected an operator after :email: at column 17 (:email: is a string attribute: compare it with = or !=, or use in)", 16],
    [
      "block if :amount: and :is_first_time_customer:",
      "Expected an operator after :amount: at column 19 (only yes/no attributes such as :is_first_payment_for_card: stand alone; compare :amount: with =, !=, >, >=, < or <=)",
      18,
    ],
    ["block if :email: in ()", "Expected a value after '(' at column 22 (found ')')", 21],
    ["block if :email: in ('a',)", "Expected a value after ',' at column 26 (found ')')", 25],
    ["block if :email: in ('a' 'b')", "Expected ',' or ')' in the set at column 26 (found 'b')", 25],
    ["block if :email: in ('a'", "Expected ',' or ')' in the set at column 25", 24],
    ["block if :email: in vip", "Expected a list (@name) or a set ('a', 'b') after 'in' at column 21 (e.g. @vip_customers or ('NG', 'RU'); found 'vip')", 20],
    ["block if :email: not vip", "Expected 'in' after 'not' at column 22 (found 'vip')", 21],
    // lexical
    ['block if :email: = "x"', "Unexpected '\"' at column 20 (strings use single quotes, e.g. 'US')", 19],
    ["block if :email: = 'x", "Unterminated string at column 20 (expected a closing ' for the string that starts here)", 19],
    ["block if :amount: == 5", "Unexpected '==' at column 19 (compare with a single '=')", 18],
    ["block if :amount: ! 5", "Unexpected '!' at column 19 (use != or not)", 18],
    ["block if :amount: > 5000usd", "Invalid number '5000usd' at column 21 (numbers are written 5000 or 0.5, amounts in major units)", 20],
    ["block if :amount: > 1.2.3", "Invalid number '1.2.3' at column 21 (numbers are written 5000 or 0.5, amounts in major units)", 20],
    ["block if :amount", "Expected ':' to close the attribute :amount at column 17 (write :amount:)", 16],
    ["block if :: = 1", "Expected an attribute name after ':' at column 11 (attributes are written :name:)", 10],
    ["block if :email: in @", "Expected a list name after '@' at column 22 (e.g. @vip_customers)", 21],
    ["block if :amount: # 5", "Unexpected character '#' at column 19", 18],
    // unknown attributes
    ["block if :amout: > 5", "Unknown attribute :amout: at column 10 (did you mean :amount:?)", 9],
    ["block if :country: = 'US'", "Unknown attribute :country: at column 10 (did you mean :card_country:?)", 9],
    ["block if :Amount: > 5", "Unknown attribute :Amount: at column 10 (did you mean :amount:?)", 9],
    ["block if :amount: > :velocity_of_everything:", "Unknown attribute :velocity_of_everything: at column 21", 20],
    ["block if :zzz: > 5", "Unknown attribute :zzz: at column 10", 9],
    // types
    ["block if :card_country: > 5", "Operator '>' compares numbers, but :card_country: is a string attribute at column 25 (use = or !=)", 24],
    ["block if :card_country: <= 'US'", "Operator '<=' compares numbers, but :card_country: is a string attribute at column 25 (use = or !=)", 24],
    [
      "block if :amount: in @vip",
      "'in' takes a string attribute, but :amount: is a number attribute at column 19 (compare numbers with =, !=, >, >=, < or <=)",
      18,
    ],
    [
      "block if :amount: not in ('1')",
      "'not in' takes a string attribute, but :amount: is a number attribute at column 19 (compare numbers with =, !=, >, >=, < or <=)",
      18,
    ],
    ["block if :amount: = 'US'", "Expected a number after '=' at column 21 (:amount: is a number attribute)", 20],
    ["block if :card_bin: = 424242", "Expected a string in single quotes after '=' at column 23 (:card_bin: is a string attribute; write '424242')", 22],
    ["block if :email: in (1)", "Expected a string in single quotes after '(' at column 22 (:email: is a string attribute; write '1')", 21],
    ["block if :amount: = :email:", "Cannot compare number attribute :amount: with string attribute :email: at column 21", 20],
    ["block if :email: != :risk_score:", "Cannot compare string attribute :email: with number attribute :risk_score: at column 21", 20],
  ];

  it.each(cases)("%j", (source, message, position) => {
    const result = parseRule(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ message, position, column: position + 1 });
  });

  it("gives the line and the column within it for a rule over several lines", () => {
    const result = parseRule("review if\n  :amount: > 5 and\n  :amout: > 3");
    expect(result).toEqual({
      ok: false,
      error: { message: "Unknown attribute :amout: at line 3, column 3 (did you mean :amount:?)", position: 31, line: 3, column: 3 },
    });
    const unclosed = parseRule("block if (\n:amount: > 5");
    expect(unclosed.ok || unclosed.error.message).toBe("Expected ')' at line 2, column 13 (to close the '(' at line 1, column 10)");
  });

  it("takes up to 1000 characters and refuses more at the 1001st", () => {
    const base = "block if :amount: > 1";
    expect(parseRule(base + " ".repeat(RULE_MAX_LENGTH - base.length)).ok).toBe(true);
    expect(parseRule(base + " ".repeat(RULE_MAX_LENGTH + 1 - base.length))).toEqual({
      ok: false,
      error: { message: "The rule is longer than 1000 characters at column 1001 (it has 1001)", position: 1000, column: 1001 },
    });
  });

  it("takes up to 50 conditions and names the 51st", () => {
    const conditions = (n: number) => `block if ${Array.from({ length: n }, () => ":amount: > 1").join(" or ")}`;
    expect(parseRule(conditions(50)).ok).toBe(true);
    expect(parseRule(conditions(51))).toEqual({
      ok: false,
      error: { message: "Too many conditions: a rule may have at most 50 at column 810 (this is condition 51)", position: 809, column: 810 },
    });
    // An attribute on the right of a comparison is part of its condition, not another one: 26 conditions read 52 attributes.
    expect(parseRule(`block if ${Array.from({ length: 26 }, () => ":amount: > :risk_score:").join(" or ")}`).ok).toBe(true);
  });
});

describe("evaluateRules", () => {
  const all = [
    rule("review if :risk_score: >= 10"),
    rule("block if :risk_score: >= 20"),
    rule("allow if :email: in @vip"),
    rule("request_3ds if :is_first_payment_for_card:"),
    rule("block if :risk_score: >= 30"),
  ];
  const [review, block20, allow, threeDs, block30] = all as [ParsedRule, ParsedRule, ParsedRule, ParsedRule, ParsedRule];
  const vip = { vip: ["vip@example.com"] };

  it("takes request_3ds, then allow, then block, then review, whatever the rules' order", () => {
    const everything = input({ risk_score: 50, is_first_payment_for_card: 1 }, { email: "vip@example.com" }, vip);
    expect(evaluateRules(all, everything)).toEqual({ action: "request_3ds", rule: threeDs });
    expect(evaluateRules(all, input({ risk_score: 50 }, { email: "vip@example.com" }, vip))).toEqual({ action: "allow", rule: allow });
    expect(evaluateRules(all, input({ risk_score: 50 }, { email: "other@example.com" }, vip))).toEqual({ action: "block", rule: block20 });
    expect(evaluateRules(all, input({ risk_score: 15 }))).toEqual({ action: "review", rule: review });
    expect(evaluateRules(all, input({ risk_score: 5 }))).toBeNull();
    expect(evaluateRules([], input())).toBeNull();
  });

  it("takes the first matching rule of one action in the merchant's order", () => {
    expect(evaluateRules([block30, block20], input({ risk_score: 50 }))?.rule).toBe(block30);
    expect(evaluateRules([block30, block20], input({ risk_score: 25 }))?.rule).toBe(block20);
  });
});
