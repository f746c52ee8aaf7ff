// A small CEL subset for trigger, waitForEvent, cancelOn and idempotency expressions:
// paths (event.data.x, async.data.y), string/number/bool/null literals, == != < <= > >=, && || !, ( ).
// Anything else throws, so an unsupported expression fails loudly instead of matching silently.

type Token = { t: "path" | "str" | "num" | "op" | "lit"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (["==", "!=", "<=", ">=", "&&", "||"].includes(two)) {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("<>!()".includes(c)) {
      out.push({ t: "op", v: c });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1,
        s = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\") j++;
        s += src[j++] ?? "";
      }
      if (j >= src.length) throw new Error(`unterminated string in expression: ${src}`);
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*/.exec(src.slice(i));
    if (id) {
      out.push({ t: ["true", "false", "null"].includes(id[0]) ? "lit" : "path", v: id[0] });
      i += id[0].length;
      continue;
    }
    throw new Error(`unsupported expression syntax at "${src.slice(i)}"`);
  }
  return out;
}

export type Scope = Record<string, unknown>;

function lookup(path: string, scope: Scope): unknown {
  let cur: unknown = scope;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (typeof a === "object" && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** Evaluates `src` against `scope` (e.g. `{ event, async }`) and returns the value. */
export function evaluate(src: string, scope: Scope): unknown {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const eat = (v?: string) => {
    const tok = toks[p];
    if (!tok || (v !== undefined && tok.v !== v)) throw new Error(`unexpected token in expression: ${src}`);
    p++;
    return tok;
  };
  const primary = (): unknown => {
    const tok = eat();
    if (tok.t === "op" && tok.v === "(") {
      const v = or();
      eat(")");
      return v;
    }
    if (tok.t === "op" && tok.v === "!") return !primary();
    if (tok.t === "str") return tok.v;
    if (tok.t === "num") return Number(tok.v);
    if (tok.t === "lit") return tok.v === "true" ? true : tok.v === "false" ? false : null;
    if (tok.t === "path") {
      if (peek()?.v === "(") throw new Error(`function calls are not supported in expressions: ${src}`);
      return lookup(tok.v, scope);
    }
    throw new Error(`unexpected "${tok.v}" in expression: ${src}`);
  };
  const cmp = (): unknown => {
    const left = primary();
    const op = peek();
    if (op?.t !== "op" || !["==", "!=", "<", "<=", ">", ">="].includes(op.v)) return left;
    p++;
    const right = primary();
    switch (op.v) {
      case "==":
        return equal(left, right);
      case "!=":
        return !equal(left, right);
      case "<":
        return (left as number) < (right as number);
      case "<=":
        return (left as number) <= (right as number);
      case ">":
        return (left as number) > (right as number);
      default:
        return (left as number) >= (right as number);
    }
  };
  const and = (): unknown => {
    let v = cmp();
    while (peek()?.v === "&&") {
      p++;
      const r = cmp();
      v = Boolean(v) && Boolean(r);
    }
    return v;
  };
  const or = (): unknown => {
    let v = and();
    while (peek()?.v === "||") {
      p++;
      const r = and();
      v = Boolean(v) || Boolean(r);
    }
    return v;
  };
  const value = or();
  if (p !== toks.length) throw new Error(`unexpected trailing tokens in expression: ${src}`);
  return value;
}

export function matches(src: string | undefined | null, scope: Scope): boolean {
  if (!src) return true;
  return evaluate(src, scope) === true;
}
