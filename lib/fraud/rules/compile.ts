import type { RuleInput, RuleNumberAttribute, RuleStringAttribute } from "../features";
import type { RuleExpr } from "./types";

type Test = (input: RuleInput) => boolean;

/**
 * Compiles a condition tree into one closure, once at parse time, so evaluating a rule on the payment's hot
 * path is a few property reads and comparisons: no tree walk, no allocation (a string is lowercased only when
 * it has capitals or non-ASCII letters and is looked up in a set).
 */
export function compile(expr: RuleExpr): Test {
  switch (expr.kind) {
    case "and": {
      const left = compile(expr.left);
      const right = compile(expr.right);
      return (input) => left(input) && right(input);
    }
    case "or": {
      const left = compile(expr.left);
      const right = compile(expr.right);
      return (input) => left(input) || right(input);
    }
    case "not": {
      const operand = compile(expr.operand);
      return (input) => !operand(input);
    }
    case "flag": {
      const key = expr.attribute;
      return (input) => input.numbers[key] === 1;
    }
    case "compare":
      return expr.left.type === "number" ? compileNumberCompare(expr) : compileStringCompare(expr);
    case "in":
      return compileIn(expr);
  }
}

function compileNumberCompare(expr: Extract<RuleExpr, { kind: "compare" }>): Test {
  const key = expr.left.name as RuleNumberAttribute;
  const right = expr.right;
  if (right.kind === "number") {
    const v = right.value;
    switch (expr.op) {
      case "=":
        return (input) => input.numbers[key] === v;
      case "!=":
        return (input) => input.numbers[key] !== v;
      case ">":
        return (input) => input.numbers[key] > v;
      case ">=":
        return (input) => input.numbers[key] >= v;
      case "<":
        return (input) => input.numbers[key] < v;
      case "<=":
        return (input) => input.numbers[key] <= v;
    }
  }
  const other = (right as { name: RuleNumberAttribute }).name;
  switch (expr.op) {
    case "=":
      return (input) => input.numbers[key] === input.numbers[other];
    case "!=":
      return (input) => input.numbers[key] !== input.numbers[other];
    case ">":
      return (input) => input.numbers[key] > input.numbers[other];
    case ">=":
      return (input) => input.numbers[key] >= input.numbers[other];
    case "<":
      return (input) => input.numbers[key] < input.numbers[other];
    case "<=":
      return (input) => input.numbers[key] <= input.numbers[other];
  }
}

/** Strings compare case-insensitively; a missing (null or absent) string makes `=` and `!=` both false. */
function compileStringCompare(expr: Extract<RuleExpr, { kind: "compare" }>): Test {
  const key = expr.left.name as RuleStringAttribute;
  const negated = expr.op === "!=";
  const right = expr.right;
  if (right.kind === "string") {
    const v = right.value;
    return negated
      ? (input) => {
          const s = input.strings[key];
          return s != null && !equalsIgnoringCase(s, v);
        }
      : (input) => {
          const s = input.strings[key];
          return s != null && equalsIgnoringCase(s, v);
        };
  }
  const other = (right as { name: RuleStringAttribute }).name;
  return (input) => {
    const a = input.strings[key];
    const b = input.strings[other];
    return a != null && b != null && equalsIgnoringCase(a, b) !== negated;
  };
}

/** `in` a missing list is false and `not in` it true (an empty list); a missing string makes both false. */
function compileIn(expr: Extract<RuleExpr, { kind: "in" }>): Test {
  const key = expr.attribute;
  const negated = expr.negated;
  if (expr.set.kind === "literal") {
    const values: ReadonlySet<string> = new Set(expr.set.values);
    return (input) => {
      const s = input.strings[key];
      return s != null && values.has(lowercased(s)) !== negated;
    };
  }
  const alias = expr.set.alias;
  return (input) => {
    const s = input.strings[key];
    if (s == null) return false;
    const list = input.lists[alias];
    return (list !== undefined && list.has(lowercased(s))) !== negated;
  };
}

const isAscii = (s: string): boolean => {
  for (let j = 0; j < s.length; j++) if (s.charCodeAt(j) > 127) return false;
  return true;
};

/** `a.toLowerCase() === b.toLowerCase()` without allocating for ASCII strings (country codes, emails, BINs). */
export function equalsIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let j = 0;
    for (; j < a.length; j++) {
      const x = a.charCodeAt(j);
      const y = b.charCodeAt(j);
      if (x === y) continue;
      const folded = x | 32;
      // Different code units match only as the two cases of one ASCII letter.
      if (folded !== (y | 32) || folded < 97 || folded > 122) break;
    }
    if (j === a.length) return true;
  }
  return isAscii(a) && isAscii(b) ? false : a.toLowerCase() === b.toLowerCase();
}

/** The string itself when it has no capitals and is ASCII (no allocation), else its lowercase. */
export function lowercased(s: string): string {
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}
