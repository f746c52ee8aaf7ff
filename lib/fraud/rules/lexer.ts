import type { CompareOp } from "./types";

export type Token =
  | { kind: "word"; text: string; position: number }
  | { kind: "attribute"; name: string; position: number; end: number }
  | { kind: "alias"; name: string; position: number }
  | { kind: "string"; value: string; position: number }
  | { kind: "number"; value: number; text: string; position: number }
  | { kind: "op"; op: CompareOp; position: number }
  | { kind: "(" | ")" | "," | "end"; position: number };

/** A lexing or parsing failure at an offset; the parser turns it into a RuleParseError with line and column. */
export class RuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const isDigit = (c: string): boolean => c >= "0" && c <= "9";
const isWordChar = (c: string): boolean => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || isDigit(c) || c === "_";

/** Splits a rule into tokens; the last is always `end` at the source's length. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: c, position: start });
      i++;
    } else if (c === ":") {
      i++;
      while (i < n && isWordChar(source[i]!)) i++;
      const name = source.slice(start + 1, i);
      if (name === "") throw new RuleSyntaxError("Expected an attribute name after ':'", start + 1, "attributes are written :name:");
      if (source[i] !== ":") throw new RuleSyntaxError(`Expected ':' to close the attribute :${name}`, i, `write :${name}:`);
      i++;
      tokens.push({ kind: "attribute", name, position: start, end: i });
    } else if (c === "@") {
      i++;
      while (i < n && (isWordChar(source[i]!) || source[i] === "-")) i++;
      if (i === start + 1) throw new RuleSyntaxError("Expected a list name after '@'", i, "e.g. @vip_customers");
      tokens.push({ kind: "alias", name: source.slice(start + 1, i), position: start });
    } else if (c === "'") {
      i++;
      let value = "";
      for (;;) {
        if (i >= n) throw new RuleSyntaxError("Unterminated string", start, "expected a closing ' for the string that starts here");
        const d = source[i]!;
        if (d === "\\" && (source[i + 1] === "'" || source[i + 1] === "\\")) {
          value += source[i + 1];
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: "string", value, position: start });
    } else if (c === '"') {
      throw new RuleSyntaxError("Unexpected '\"'", start, "strings use single quotes, e.g. 'US'");
    } else if (isDigit(c) || (c === "-" && isDigit(source[i + 1] ?? ""))) {
      i++;
      while (i < n && isDigit(source[i]!)) i++;
      if (source[i] === "." && isDigit(source[i + 1] ?? "")) {
        i += 2;
        while (i < n && isDigit(source[i]!)) i++;
      }
      if (i < n && (isWordChar(source[i]!) || source[i] === ".")) {
        while (i < n && (isWordChar(source[i]!) || source[i] === ".")) i++;
        throw new RuleSyntaxError(`Invalid number '${source.slice(start, i)}'`, start, "numbers are written 5000 or 0.5, amounts in major units");
      }
      const text = source.slice(start, i);
      tokens.push({ kind: "number", value: Number(text), text, position: start });
    } else if (c === "=" || c === "!" || c === "<" || c === ">") {
      const two = source.slice(i, i + 2);
      if (two === "!=" || two === ">=" || two === "<=") {
        tokens.push({ kind: "op", op: two, position: start });
        i += 2;
      } else if (two === "==") {
        throw new RuleSyntaxError("Unexpected '=='", start, "compare with a single '='");
      } else if (c === "!") {
        throw new RuleSyntaxError("Unexpected '!'", start, "use != or not");
      } else {
        tokens.push({ kind: "op", op: c as CompareOp, position: start });
        i++;
      }
    } else if (isWordChar(c)) {
      while (i < n && isWordChar(source[i]!)) i++;
      tokens.push({ kind: "word", text: source.slice(start, i), position: start });
    } else {
      throw new RuleSyntaxError(`Unexpected character '${c}'`, start);
    }
  }
  tokens.push({ kind: "end", position: n });
  return tokens;
}

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case "word":
      return `'${token.text}'`;
    case "attribute":
      return `:${token.name}:`;
    case "alias":
      return `@${token.name}`;
    case "string":
      return `'${token.value}'`;
    case "number":
      return token.text;
    case "op":
      return `'${token.op}'`;
    case "end":
      return "the end of the rule";
    default:
      return `'${token.kind}'`;
  }
}
