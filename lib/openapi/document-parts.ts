// The document's shared parts: the Error component, list envelopes, deleted stubs and response headers.
import type { ZodType } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/service/error-codes";
import { ObjectSchemas, type ObjectName } from "./objects";
import { z } from "./zod";

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
const types = [...new Set(Object.values(ERROR_CODES).map((e) => e.type))] as [string, ...string[]];

/** errorBody() in lib/service/error-codes.ts: every code and type the API can answer. */
export const ErrorSchema = z
  .strictObject({
    error: z.strictObject({
      type: z.enum(types).openapi({ description: "The kind of error; each code belongs to one type." }),
      code: z.enum(codes).openapi({ description: "What went wrong, for programs (lib/service/error-codes.ts)." }),
      message: z.string().openapi({ description: "What went wrong, for people. Never shows internals." }),
      param: z.string().optional().openapi({ description: "The parameter (or header) at fault, e.g. `amount` or `items[0][price]`." }),
      decline_code: z.string().optional().openapi({ description: "For card errors: the issuer's reason, when it gave one." }),
      request_id: z.string().openapi({ description: "The request's id, as in the Request-Id header; quote it to support." }),
    }),
  })
  .openapi("Error", { description: "Every non-2xx answer of the API." });

const lists = new Map<ObjectName, ZodType>();
/** `{ object: "list", data, has_more, url }` of one object (lib/service/pagination.ts ListResponse). */
export function listOf(name: ObjectName): ZodType {
  const known = lists.get(name);
  if (known) return known;
  const list = z
    .strictObject({
      object: z.literal("list"),
      data: z.array(ObjectSchemas[name] as ZodType),
      has_more: z.boolean().openapi({ description: "Whether more objects follow this page (pass the last id as `starting_after`)." }),
      url: z.string().openapi({ description: "The list's path." }),
    })
    .openapi(`${name}List`, { description: `A page of ${name} objects, newest first.` });
  lists.set(name, list);
  return list;
}

const deleted = new Map<ObjectName, ZodType>();
/** The answer to a DELETE: `{ id, object, deleted: true }`. */
export function deletedOf(name: ObjectName): ZodType {
  const known = deleted.get(name);
  if (known) return known;
  const objectName = objectLiteral(name);
  const stub = z
    .strictObject({ id: z.string(), object: objectName ? z.literal(objectName) : z.string(), deleted: z.literal(true) })
    .openapi(`Deleted${name}`, { description: `A deleted ${name}.` });
  deleted.set(name, stub);
  return stub;
}

/** The `object` literal of an object schema ("payment"), when it has one. */
function objectLiteral(name: ObjectName): string | undefined {
  const shape = (ObjectSchemas[name] as unknown as { shape?: Record<string, { value?: unknown }> }).shape;
  const value = shape?.object?.value;
  return typeof value === "string" ? value : undefined;
}

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

export const RESPONSE_HEADERS = {
  components: {
    "Request-Id": { description: "This request's id (`req_…`); error bodies carry it as `request_id`.", schema: { type: "string" as const } },
    "Idempotent-Replayed": {
      description: "`true` when the answer is the stored one of an earlier request with the same Idempotency-Key.",
      schema: { type: "string" as const, enum: ["true"] },
    },
    "RateLimit-Limit": { description: "Requests the key may make in the current window.", schema: { type: "integer" as const } },
    "RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" as const } },
    "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" as const } },
    "Retry-After": { description: "Seconds to wait before retrying (rate_limited).", schema: { type: "integer" as const } },
  },
  always: {
    "Request-Id": ref("Request-Id"),
    "RateLimit-Limit": ref("RateLimit-Limit"),
    "RateLimit-Remaining": ref("RateLimit-Remaining"),
    "RateLimit-Reset": ref("RateLimit-Reset"),
  },
  error: { "Request-Id": ref("Request-Id") },
  idempotent: { "Idempotent-Replayed": ref("Idempotent-Replayed") },
  retry: { "Retry-After": ref("Retry-After") },
};
