// The OpenAPI 3.1 document of /api/v1, built from the operation registry (lib/openapi/operations.ts), the
// handlers' own zod schemas and the objects' schemas (lib/openapi/objects.ts): no hand-written copy.
import { OpenAPIRegistry, OpenApiGeneratorV31, getRefId, zodToOpenAPIRegistry, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { ZodType } from "zod";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { ERROR_CODES, type ErrorCode } from "@/lib/service/error-codes";
import { ObjectSchemas, type ObjectName } from "./objects";
import { LocalObjectSchemas } from "./local-objects";
import { OPERATION_KEYS, operation, type AnyOperation } from "./operations";
import { OPERATION_TAGS, type ResponseSpec } from "./operation-types";
import { objectForEvent } from "./event-objects";
import { ErrorSchema, listOf, deletedOf, RESPONSE_HEADERS } from "./document-parts";
import { z } from "./zod";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

/** Names each object schema as a component (unless its area already did), so uses are `$ref`s. */
function nameObjects(): void {
  for (const [name, schema] of Object.entries({ ...ObjectSchemas, ...LocalObjectSchemas }) as [string, ZodType][]) {
    if (getRefId(schema)) continue;
    const meta = zodToOpenAPIRegistry.get(schema) ?? {};
    zodToOpenAPIRegistry.add(schema, { ...meta, _internal: { ...meta._internal, refId: name } });
  }
}

function responseSchema(spec: ResponseSpec): ZodType {
  if (typeof spec === "string") return (ObjectSchemas as Record<string, ZodType>)[spec] ?? (LocalObjectSchemas as Record<string, ZodType>)[spec]!;
  if ("list" in spec) return listOf(spec.list);
  return deletedOf(spec.deleted);
}

/** Every code an operation can answer: its own, and those of the checks every call of its kind passes. */
export function operationErrorCodes(op: AnyOperation): ErrorCode[] {
  const codes = new Set<ErrorCode>(["api_error"]);
  if (op.auth !== "none") codes.add("rate_limited");
  if (op.auth !== "none") for (const c of ["api_key_missing", "api_key_invalid", "api_key_expired"] as const) codes.add(c);
  if (op.auth === "secret") codes.add("secret_key_required");
  if (op.permission) codes.add("permission_denied");
  // An id in the path, or in a parameter (a customer, a payment, a price, a list…): unknown or another
  // merchant's is 404 resource_missing.
  if (op.route.includes(":") || op.body || op.query) codes.add("resource_missing");
  if (op.method !== "GET") for (const c of ["body_not_json", "body_too_large", "content_type_unsupported", "parameter_unknown"] as const) codes.add(c);
  if (op.body || op.query) for (const c of ["parameter_invalid", "parameter_missing", "parameter_unknown", "parameter_invalid_integer"] as const) codes.add(c);
  if (op.idempotent) for (const c of ["idempotency_key_invalid", "idempotency_key_in_use", "idempotency_key_reused"] as const) codes.add(c);
  for (const c of op.errors ?? []) codes.add(c);
  return [...codes];
}

function errorResponses(op: AnyOperation): Record<string, ResponseConfig> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of operationErrorCodes(op)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, ResponseConfig> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: `Error codes: ${codes.map((c) => `\`${c}\``).join(", ")}.`,
      headers: status === 429 ? { ...RESPONSE_HEADERS.always, ...RESPONSE_HEADERS.retry } : RESPONSE_HEADERS.error,
      content: { "application/json": { schema: ErrorSchema } },
    };
  }
  return out;
}

/** What a POST without parameters takes: nothing, or an empty object (anything in it is 400 parameter_unknown). */
const NoParameters = z.object({}).strict().openapi("NoParameters", { description: "This call takes no parameters: send no body or `{}`." });

function registerOperation(registry: OpenAPIRegistry, op: AnyOperation): void {
  const params = [...op.route.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const path = op.route.replace(/:(\w+)/g, "{$1}");
  const security = op.auth === "secret" ? [{ SecretKey: [] }] : op.auth === "publishable" ? [{ PublishableKey: [] }] : [];
  const permission = op.permission ? `\n\nA restricted key needs \`${op.permission.replace(":", ": ")}\`.` : "";
  const successHeaders =
    op.auth === "none" ? RESPONSE_HEADERS.error : op.idempotent ? { ...RESPONSE_HEADERS.always, ...RESPONSE_HEADERS.idempotent } : RESPONSE_HEADERS.always;
  registry.registerPath({
    method: op.method.toLowerCase() as "get" | "post" | "patch" | "put" | "delete",
    path,
    operationId: operationId(op),
    summary: op.summary,
    description: `${op.description ?? op.summary}${permission}`,
    tags: [op.tag],
    security,
    ...(op.permission ? { "x-kassa-permission": op.permission } : {}),
    ...(op.idempotent ? { parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }] } : {}),
    request: {
      ...(params.length ? { params: pathParams(params, path) } : {}),
      ...(op.query ? { query: op.query as never } : {}),
      ...(op.body
        ? { body: { required: true, content: { "application/json": { schema: op.body } } } }
        : op.method === "POST"
          ? { body: { required: false, content: { "application/json": { schema: NoParameters } } } }
          : {}),
    },
    responses: {
      "200": { description: "OK", headers: successHeaders, content: { "application/json": { schema: responseSchema(op.response) } } },
      ...errorResponses(op),
    },
  });
}

/** "POST /api/v1/payments/:id/capture" → "PostPaymentsIdCapture" (stable, unique, from the key). */
function operationId(op: AnyOperation): string {
  const words = [op.method.toLowerCase(), ...op.route.replace("/api/v1/", "").split(/[/_:.]+/)].filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
}

function pathParams(names: string[], path: string) {
  // Ids are checked by lookup, not by pattern: an unknown or foreign id is a 404 resource_missing.
  return z.strictObject(
    Object.fromEntries(
      names.map((n) => [
        n,
        z
          .string()
          .min(1)
          .openapi({ description: `The object's \`${n}\` (${path}).` }),
      ]),
    ),
  );
}

function registerWebhooks(registry: OpenAPIRegistry): void {
  for (const type of EVENT_TYPES) {
    const object: ObjectName = objectForEvent(type);
    registry.registerWebhook({
      method: "post",
      path: type,
      operationId: `event_${type.replace(/\./g, "_")}`,
      summary: type,
      description: `Kassa POSTs this event to every webhook endpoint subscribed to \`${type}\` (Standard Webhooks signature headers). \`data.object\` is a ${object}.`,
      tags: ["Webhooks"],
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: {
                allOf: [
                  { $ref: "#/components/schemas/Event" },
                  {
                    type: "object",
                    properties: {
                      type: { type: "string", const: type },
                      data: { type: "object", properties: { object: { $ref: `#/components/schemas/${object}` } }, required: ["object"] },
                    },
                  },
                ],
              },
            },
          },
        },
      },
      responses: { "200": { description: "Any 2xx acknowledges the event; anything else is retried on the Standard Webhooks schedule." } },
    });
  }
}

let built: OpenApiDocument | undefined;

/** The whole document; built once per process (it depends on code only). */
export function buildOpenApiDocument(): OpenApiDocument {
  if (built) return built;
  nameObjects();
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "SecretKey", {
    type: "http",
    scheme: "bearer",
    description:
      "A secret key (`sk_test_…`, `sk_live_…`) or a restricted key (`rk_test_…`, `rk_live_…`) as `Authorization: Bearer <key>`. The key's mode decides test or live data.",
  });
  // Described only while an operation takes one (none under /api/v1 today: browsers pay on Kassa's own pages).
  if (OPERATION_KEYS.some((k) => (operation(k) as AnyOperation).auth === "publishable")) {
    registry.registerComponent("securitySchemes", "PublishableKey", {
      type: "http",
      scheme: "bearer",
      description: "A publishable key (`pk_test_…`, `pk_live_…`): only for the calls a browser makes.",
    });
  }
  registry.registerComponent("parameters", "IdempotencyKey", {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`); with another body it is refused (`idempotency_key_reused`).",
    schema: { type: "string", minLength: 1, maxLength: 255 },
  });
  for (const [name, header] of Object.entries(RESPONSE_HEADERS.components)) registry.registerComponent("headers", name, header);
  for (const key of OPERATION_KEYS) registerOperation(registry, operation(key) as AnyOperation);
  registerWebhooks(registry);

  built = new OpenApiGeneratorV31([...registry.definitions, ErrorSchema, ...(Object.values(ObjectSchemas) as ZodType[])], {
    sortComponents: "alphabetically",
  }).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Kassa API",
      version: "v1",
      description:
        "Kassa's REST API: JSON in and out, Stripe-shaped objects, cursor pagination (`limit`, `starting_after`, `ending_before`), `Idempotency-Key` on every POST, errors as `{ error: { type, code, message, param?, request_id } }`.",
      license: { name: "Proprietary", identifier: "LicenseRef-Kassa" },
    },
    servers: [{ url: "/", description: "This Kassa instance" }],
    tags: OPERATION_TAGS.map((name) => ({ name, description: `${name} operations.` })),
    security: [{ SecretKey: [] }],
  });
  return built;
}
