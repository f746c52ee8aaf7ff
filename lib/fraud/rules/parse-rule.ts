import type { RuleNumberAttribute, RuleStringAttribute } from "../features";
import { attributeType, editDistance, isFlagAttribute, suggestAttribute } from "./attributes";
import { compile } from "./compile";
import { describeToken, RuleSyntaxError, tokenize, type Token } from "./lexer";
import {
  RULE_ACTIONS,
  RULE_MAX_CONDITIONS,
  RULE_MAX_LENGTH,
  type Operand,
  type ParseRuleResult,
  type RuleAction,
  type RuleAttribute,
  type RuleExpr,
  type RuleParseError,
} from "./types";

/**
 * Parses a rule such as `block if :amount_in_usd: > 5000 and :card_country: != :ip_country:` and compiles it for
 * `evaluateRule`. Grammar (keywords and actions case-insensitive):
 *
 *   rule       = action "if" or
 *   action     = "block" | "review" | "allow" | "request_3ds"
 *   or         = and { "or" and }
 *   and        = not { "and" not }
 *   not        = "not" not | "(" or ")" | condition
 *   condition  = attribute op value | attribute [ "not" ] "in" set | flag-attribute
 *   value      = attribute | number | string          (number: 5000, 0.5, -1; string: 'US', with \' and \\)
 *   set        = "@" alias | "(" string { "," string } ")"
 *   op         = "=" | "!=" | ">" | ">=" | "<" | "<="
 *
 * Attributes are RULE_NUMBER_ATTRIBUTES and RULE_STRING_ATTRIBUTES; both sides of a comparison have one type;
 * strings take only = and != (case-insensitive) and `in`; numbers take every operator and never `in`.
 */
export function parseRule(source: string): ParseRuleResult {
  if (source.length > RULE_MAX_LENGTH) {
    return fail(source, new RuleSyntaxError(`The rule is longer than ${RULE_MAX_LENGTH} characters`, RULE_MAX_LENGTH, `it has ${source.length}`));
  }
  try {
    const parser = new Parser(source, tokenize(source));
    const { action, condition } = parser.rule();
    const aliases: string[] = [];
    const attributes: RuleAttribute[] = [];
    collect(condition, aliases, attributes);
    return { ok: true, rule: { source, action, condition, aliases, attributes, test: compile(condition) } };
  } catch (e) {
    if (e instanceof RuleSyntaxError) return fail(source, e);
    throw e;
  }
}

/** "at column 7", or "at line 2, column 3" in a rule written over several lines. */
function where(source: string, position: number): string {
  const { line, column } = lineAndColumn(source, position);
  return source.includes("\n") ? `at line ${line}, column ${column}` : `at column ${column}`;
}

function lineAndColumn(source: string, position: number): { line: number; column: number } {
  const before = source.slice(0, position);
  return { line: before.split("\n").length, column: position - (before.lastIndexOf("\n") + 1) + 1 };
}

function fail(source: string, e: RuleSyntaxError): ParseRuleResult {
  const { line, column } = lineAndColumn(source, e.position);
  const error: RuleParseError = { message: `${e.message} ${where(source, e.position)}${e.hint ? ` (${e.hint})` : ""}`, position: e.position, column };
  if (source.includes("\n")) error.line = line;
  return { ok: false, error };
}

function collect(expr: RuleExpr, aliases: string[], attributes: RuleAttribute[]): void {
  const addAttribute = (name: RuleAttribute) => {
    if (!attributes.includes(name)) attributes.push(name);
  };
  switch (expr.kind) {
    case "and":
    case "or":
      collect(expr.left, aliases, attributes);
      collect(expr.right, aliases, attributes);
      return;
    case "not":
      collect(expr.operand, aliases, attributes);
      return;
    case "flag":
      addAttribute(expr.attribute);
      return;
    case "compare":
      addAttribute(expr.left.name);
      if (expr.right.kind === "attribute") addAttribute(expr.right.name);
      return;
    case "in":
      addAttribute(expr.attribute);
      if (expr.set.kind === "alias" && !aliases.includes(expr.set.alias)) aliases.push(expr.set.alias);
  }
}

class Parser {
  private index = 0;
  private conditions = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  rule(): { action: RuleAction; condition: RuleExpr } {
    const first = this.next();
    const actions = "block, review, allow or request_3ds";
    if (first.kind !== "word") throw new RuleSyntaxError("Expected an action", first.position, `${actions}; found ${describeToken(first)}`);
    const action = RULE_ACTIONS.find((a) => a === first.text.toLowerCase());
    if (!action) {
      const near = RULE_ACTIONS.find((a) => editDistance(a, first.text.toLowerCase()) <= 2);
      throw new RuleSyntaxError(`Unknown action '${first.text}'`, first.position, near ? `did you mean '${near}'?` : `expected ${actions}`);
    }
    const ifToken = this.next();
    if (!this.isWord(ifToken, "if")) throw new RuleSyntaxError(`Expected 'if' after '${first.text}'`, ifToken.position, `found ${describeToken(ifToken)}`);
    const condition = this.or();
    const rest = this.peek();
    if (rest.kind === ")") throw new RuleSyntaxError("Unexpected ')'", rest.position, "no '(' is open");
    if (rest.kind !== "end") throw new RuleSyntaxError("Expected 'and', 'or' or the end of the rule", rest.position, `found ${describeToken(rest)}`);
    return { action, condition };
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== "end") this.index++;
    return token;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === "word" && token.text.toLowerCase() === word;
  }

  private or(): RuleExpr {
    let left = this.and();
    while (this.isWord(this.peek(), "or")) {
      this.next();
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): RuleExpr {
    let left = this.not();
    while (this.isWord(this.peek(), "and")) {
      this.next();
      left = { kind: "and", left, right: this.not() };
    }
    return left;
  }

  private not(): RuleExpr {
    const token = this.peek();
    if (this.isWord(token, "not")) {
      this.next();
      return { kind: "not", operand: this.not() };
    }
    if (token.kind === "(") {
      this.next();
      const inner = this.or();
      const close = this.peek();
      if (close.kind !== ")") {
        const found = close.kind === "end" ? "" : `; found ${describeToken(close)}`;
        throw new RuleSyntaxError("Expected ')'", close.position, `to close the '(' ${where(this.source, token.position)}${found}`);
      }
      this.next();
      return inner;
    }
    if (token.kind === "attribute") return this.condition();
    const previous = this.tokens[this.index - 1]!;
    const after = previous.kind === "word" ? `'${previous.text}'` : `'${previous.kind}'`;
    const found = token.kind === "end" ? "" : `; found ${describeToken(token)}`;
    throw new RuleSyntaxError(`Expected a condition after ${after}`, token.position, `a condition starts with an attribute such as :amount:${found}`);
  }

  private attribute(token: Extract<Token, { kind: "attribute" }>): Operand & { kind: "attribute" } {
    const type = attributeType(token.name);
    if (!type) {
      const suggestion = suggestAttribute(token.name);
      throw new RuleSyntaxError(`Unknown attribute :${token.name}:`, token.position, suggestion ? `did you mean :${suggestion}:?` : undefined);
    }
    return { kind: "attribute", name: token.name as RuleAttribute, type, position: token.position };
  }

  private condition(): RuleExpr {
    const token = this.next() as Extract<Token, { kind: "attribute" }>;
    const left = this.attribute(token);
    if (++this.conditions > RULE_MAX_CONDITIONS) {
      throw new RuleSyntaxError(`Too many conditions: a rule may have at most ${RULE_MAX_CONDITIONS}`, token.position, `this is condition ${this.conditions}`);
    }
    const after = this.peek();
    if (after.kind === "op") {
      this.next();
      return this.comparison(left, after);
    }
    if (this.isWord(after, "in")) {
      this.next();
      return this.membership(left, after, false);
    }
    if (this.isWord(after, "not")) {
      const inToken = this.tokens[this.index + 1]!;
      if (!this.isWord(inToken, "in")) throw new RuleSyntaxError("Expected 'in' after 'not'", inToken.position, `found ${describeToken(inToken)}`);
      this.index += 2;
      return this.membership(left, after, true);
    }
    if (left.type === "number" && isFlagAttribute(left.name)) return { kind: "flag", attribute: left.name as RuleNumberAttribute, position: left.position };
    const hint =
      left.type === "string"
        ? `:${left.name}: is a string attribute: compare it with = or !=, or use in`
        : `only yes/no attributes such as :is_first_payment_for_card: stand alone; compare :${left.name}: with =, !=, >, >=, < or <=`;
    throw new RuleSyntaxError(`Expected an operator after :${left.name}:`, after.position, hint);
  }

  private comparison(left: Operand & { kind: "attribute" }, opToken: Extract<Token, { kind: "op" }>): RuleExpr {
    const op = opToken.op;
    if (left.type === "string" && op !== "=" && op !== "!=") {
      throw new RuleSyntaxError(`Operator '${op}' compares numbers, but :${left.name}: is a string attribute`, opToken.position, "use = or !=");
    }
    const valueToken = this.next();
    const expected = `Expected a value after '${op}'`;
    let right: Operand;
    switch (valueToken.kind) {
      case "attribute": {
        const other = this.attribute(valueToken);
        if (other.type !== left.type) {
          throw new RuleSyntaxError(`Cannot compare ${left.type} attribute :${left.name}: with ${other.type} attribute :${other.name}:`, valueToken.position);
        }
        right = other;
        break;
      }
      case "number":
        if (left.type === "string") {
          throw new RuleSyntaxError(
            `Expected a string in single quotes after '${op}'`,
            valueToken.position,
            `:${left.name}: is a string attribute; write '${valueToken.text}'`,
          );
        }
        right = { kind: "number", value: valueToken.value, position: valueToken.position };
        break;
      case "string":
        if (left.type === "number") {
          throw new RuleSyntaxError(`Expected a number after '${op}'`, valueToken.position, `:${left.name}: is a number attribute`);
        }
        right = { kind: "string", value: valueToken.value.toLowerCase(), position: valueToken.position };
        break;
      case "end":
        throw new RuleSyntaxError(expected, valueToken.position);
      case "word":
        throw new RuleSyntaxError(expected, valueToken.position, `found ${describeToken(valueToken)}; strings are written in single quotes, e.g. 'US'`);
      default:
        throw new RuleSyntaxError(expected, valueToken.position, `found ${describeToken(valueToken)}`);
    }
    return { kind: "compare", op, left, right, position: left.position };
  }

  private membership(left: Operand & { kind: "attribute" }, inToken: Token, negated: boolean): RuleExpr {
    const word = negated ? "not in" : "in";
    if (left.type === "number") {
      throw new RuleSyntaxError(
        `'${word}' takes a string attribute, but :${left.name}: is a number attribute`,
        inToken.position,
        "compare numbers with =, !=, >, >=, < or <=",
      );
    }
    const attribute = left.name as RuleStringAttribute;
    const setToken = this.next();
    if (setToken.kind === "alias") return { kind: "in", negated, attribute, set: { kind: "alias", alias: setToken.name }, position: left.position };
    if (setToken.kind !== "(") {
      const found = setToken.kind === "end" ? "" : `; found ${describeToken(setToken)}`;
      throw new RuleSyntaxError(
        `Expected a list (@name) or a set ('a', 'b') after '${word}'`,
        setToken.position,
        `e.g. @vip_customers or ('NG', 'RU')${found}`,
      );
    }
    const values: string[] = [];
    for (;;) {
      const value = this.next();
      const after = values.length === 0 ? "'('" : "','";
      if (value.kind === "number") {
        throw new RuleSyntaxError(
          `Expected a string in single quotes after ${after}`,
          value.position,
          `:${attribute}: is a string attribute; write '${value.text}'`,
        );
      }
      if (value.kind !== "string") {
        throw new RuleSyntaxError(`Expected a value after ${after}`, value.position, value.kind === "end" ? undefined : `found ${describeToken(value)}`);
      }
      values.push(value.value.toLowerCase());
      const separator = this.next();
      if (separator.kind === ")") break;
      if (separator.kind !== ",") {
        throw new RuleSyntaxError(
          "Expected ',' or ')' in the set",
          separator.position,
          separator.kind === "end" ? undefined : `found ${describeToken(separator)}`,
        );
      }
    }
    return { kind: "in", negated, attribute, set: { kind: "literal", values }, position: left.position };
  }
}
