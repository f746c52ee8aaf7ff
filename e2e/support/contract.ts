// The API's answers checked against its OpenAPI document: the status must be one the operation documents,
// and the body must validate against that status's schema (ajv, JSON Schema 2020-12 as OAS 3.1 uses);
// every error body also against the Error component. Used by the typed client's middleware and by the
// raw `request` fixture of the api project (e2e/support/api.ts), so every /api/v1 answer the suite sees is
// checked. Loaded once per worker from the server under test (GET /api/v1/openapi.json).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";

type Json = Record<string, unknown>;
export interface OpenApiDocument {
  openapi: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const COMPONENTS_ID = "kassa:components";
/** Keywords OpenAPI adds to JSON Schema that carry no validation. */
const ANNOTATIONS = ["example", "discriminator", "xml", "externalDocs"];

/** A document's `$ref` to a component schema, pointed at the schema registered with ajv. */
function retarget<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema, (key, value) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `${COMPONENTS_ID}#/$defs/${value.slice("#/components/schemas/".length)}`
        : value,
    ),
  ) as T;
}

function extensionKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => extensionKeywords(n, found));
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeywords(value, found);
    }
  return found;
}

interface Template {
  path: string;
  pattern: RegExp;
  literals: number;
}

function templates(document: OpenApiDocument): Template[] {
  return Object.keys(document.paths ?? {})
    .map((path) => {
      const segments = path.split("/");
      const source = segments.map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))).join("/");
      return { path, pattern: new RegExp(`^${source}/?$`), literals: segments.filter((s) => !s.startsWith("{")).length };
    })
    .sort((x, y) => y.literals - x.literals); // "/invoices/upcoming" before "/invoices/{id}"
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const where = e.instancePath || "(body)";
      const extra =
        "additionalProperty" in e.params
          ? ` "${String(e.params.additionalProperty)}"`
          : "allowedValues" in e.params
            ? ` ${JSON.stringify(e.params.allowedValues)}`
            : "";
      return `  ${where} ${e.message ?? e.keyword}${extra}  [${e.schemaPath}]`;
    })
    .join("\n");
}

export interface Checked {
  method: string;
  /** The concrete path (no query string); or the template, which matches itself. */
  path: string;
  status: number;
  /** The parsed JSON body; undefined when the answer has none. */
  body: unknown;
  /** The answer's Content-Type header. */
  contentType?: string | null;
}

export interface Contract {
  document: OpenApiDocument;
  /** The document's path template for a concrete path ("/api/v1/payments/pay_1" → "/api/v1/payments/{id}"). */
  templateOf(path: string): string | undefined;
  /** Undefined when the answer is what the document says; otherwise a readable account of why not. */
  problem(answer: Checked): string | undefined;
  /** Throws the problem, if any. */
  assert(answer: Checked): void;
}

export function createContract(document: OpenApiDocument): Contract {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  for (const keyword of [...ANNOTATIONS, ...extensionKeywords(document.components?.schemas)]) ajv.addKeyword(keyword);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: retarget(document.components?.schemas ?? {}) });
  const errorSchema = document.components?.schemas?.Error ? ajv.getSchema(`${COMPONENTS_ID}#/$defs/Error`) : undefined;
  const all = templates(document);
  const compiled = new Map<string, ValidateFunction | null>();

  const templateOf = (path: string) => all.find((t) => t.pattern.test(path.split("?")[0]!))?.path;

  function responseOf(operation: Json, status: number): Json | undefined {
    const responses = (operation.responses ?? {}) as Record<string, Json>;
    let response = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
    const ref = response?.$ref;
    if (typeof ref === "string") response = document.components?.responses?.[ref.split("/").pop()!] as Json | undefined;
    return response;
  }

  function validatorFor(key: string, response: Json): ValidateFunction | null {
    if (!compiled.has(key)) {
      const schema = (response.content as Record<string, { schema?: unknown }> | undefined)?.["application/json"]?.schema;
      compiled.set(key, schema === undefined ? null : ajv.compile(retarget(schema as object)));
    }
    return compiled.get(key)!;
  }

  function problem({ method, path, status, body, contentType }: Checked): string | undefined {
    const m = method.toLowerCase();
    const template = templateOf(path);
    const at = `${method.toUpperCase()} ${path} → ${status}`;
    // A path the document does not know is no route: the catch-all (app/api/v1/[...path]) answers 404
    // route_not_found with an Error body, and nothing else is acceptable.
    if (!template) {
      const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
      if (status === 404 && code === "route_not_found" && (!errorSchema || errorSchema(body))) return undefined;
      return `${at}: the OpenAPI document has no path matching ${path} (only 404 route_not_found may answer there)`;
    }
    const operation = document.paths![template]![m] as Json | undefined;
    // A method the route file does not export: Next answers 405 with no body before any Kassa code runs.
    if (!operation || !METHODS.includes(m as (typeof METHODS)[number]))
      return status === 405 && body === undefined ? undefined : `${at}: the document has no ${method.toUpperCase()} ${template}`;
    const response = responseOf(operation, status);
    if (!response) {
      const documented = Object.keys((operation.responses ?? {}) as Json).join(", ");
      return `${at}: status ${status} is not documented for ${method.toUpperCase()} ${template} (documented: ${documented})`;
    }
    const content = response.content as Json | undefined;
    if (body === undefined) {
      return content && Object.keys(content).length > 0
        ? `${at}: the document promises a body (${Object.keys(content).join(", ")}) and the answer has none`
        : undefined;
    }
    if (!content?.["application/json"])
      return `${at}: the answer has a JSON body but the document describes ${content ? Object.keys(content).join(", ") : "no body"}`;
    if (contentType && !/^application\/json\b/i.test(contentType)) return `${at}: Content-Type ${contentType}, the document says application/json`;
    const excerpt = JSON.stringify(body).slice(0, 600);
    const validate = validatorFor(`${m} ${template} ${status}`, response);
    if (validate && !validate(body)) return `${at} (${template}): the body does not match the document:\n${describeErrors(validate.errors)}\nbody: ${excerpt}`;
    if (status >= 400 && errorSchema && !errorSchema(body))
      return `${at} (${template}): the error body is not the Error component:\n${describeErrors(errorSchema.errors)}\nbody: ${excerpt}`;
    return undefined;
  }

  return {
    document,
    templateOf,
    problem,
    assert(answer) {
      const found = problem(answer);
      if (found) throw new Error(`API contract: ${found}`);
    },
  };
}

let loaded: Promise<Contract> | undefined;

/** The document the server under test serves, fetched and compiled once per worker. */
export function serverContract(baseUrl: string): Promise<Contract> {
  return (loaded ??= fetch(new URL("/api/v1/openapi.json", baseUrl)).then(async (res) => {
    if (res.status !== 200) throw new Error(`API contract: GET /api/v1/openapi.json answered ${res.status}`);
    return createContract((await res.json()) as OpenApiDocument);
  }));
}

/** Reads a Response's body for checking without consuming the caller's copy. */
export async function checkResponse(contract: Contract, method: string, response: Response): Promise<void> {
  const text = await response.clone().text();
  contract.assert({
    method,
    path: new URL(response.url).pathname,
    status: response.status,
    body: text === "" ? undefined : parseJson(text, `${method} ${response.url} → ${response.status}`),
    contentType: response.headers.get("content-type"),
  });
}

export function parseJson(text: string, at: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`API contract: ${at}: the body is not JSON: ${text.slice(0, 200)}`);
  }
}
