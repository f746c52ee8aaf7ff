import type { z } from "zod";
import { KassaError } from "@/lib/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a body of at most `maxBytes` as UTF-8 text without buffering more than that. */
export async function readRawBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a JSON body of at most 1 MB without buffering more than that. */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<{ value: unknown; raw: string }> {
  const raw = await readRawBody(req, maxBytes);
  if (raw.trim() === "") return { value: {}, raw: "" };
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/(json|[\w.+-]+\+json)\b/i.test(type)) {
    throw new KassaError("content_type_unsupported", "Send the request body as JSON with Content-Type: application/json.");
  }
  try {
    return { value: JSON.parse(raw), raw };
  } catch {
    throw new KassaError("body_not_json", "The request body is not valid JSON.");
  }
}

function tooLarge(maxBytes: number): KassaError {
  return new KassaError("body_too_large", `The request body exceeds ${maxBytes} bytes.`);
}

function pathToParam(path: PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`))
    .join("");
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
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
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

/** Query string as an object; `created[gte]=1` nests one level (Stripe's style); repeated keys keep the last value. */
export function queryObject(url: URL): Record<string, string | Record<string, string>> {
  const out: Record<string, string | Record<string, string>> = {};
  for (const [key, value] of url.searchParams.entries()) {
    const nested = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
    if (!nested) {
      out[key] = value;
      continue;
    }
    const [, outer, inner] = nested as unknown as [string, string, string];
    const current = out[outer];
    out[outer] = { ...(typeof current === "object" ? current : {}), [inner]: value };
  }
  return out;
}
