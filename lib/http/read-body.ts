import { KassaError } from "@/lib/service/errors";

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
