import type { z } from "zod";
import { KassaError } from "@/lib/service/errors";

function pathToParam(path: PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join("");
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** The path of the first string holding a NUL character (Postgres text cannot store one), if any. */
function nulAt(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = nulAt(v, [...path, Array.isArray(value) ? Number(k) : k]) ?? (k.includes("\u0000") ? [...path, k] : null);
      if (found) return found;
    }
  }
  return null;
}

/** Parses with zod and turns the first issue into a Stripe-style error naming the parameter. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = nulAt(input);
  if (nul) {
    const param = pathToParam(nul);
    throw new KassaError("parameter_invalid", `Invalid ${param ?? "request"}: text may not contain NUL characters.`, { param });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    const param = pathToParam([...issue.path, key]);
    throw new KassaError("parameter_unknown", `Received unknown parameter: ${param}`, { param });
  }
  const param = pathToParam(issue.path);
  const absent = valueAt(input, issue.path) === undefined;
  if ((issue.code === "invalid_type" || (issue.code === "invalid_union" && issue.path.length > 0)) && absent) {
    throw new KassaError("parameter_missing", `Missing required param: ${param}.`, { param });
  }
  if (issue.code === "invalid_type" && issue.expected === "int") {
    throw new KassaError("parameter_invalid_integer", `Invalid integer: ${param}.`, { param });
  }
  if ((issue.code === "too_big" || issue.code === "too_small") && issue.origin === "number") {
    throw new KassaError("parameter_invalid_integer", `Invalid ${param}: ${issue.message}`, { param });
  }
  throw new KassaError("parameter_invalid", `Invalid ${param ?? "request"}: ${issue.message}`, { param });
}
