// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document (no key needed; built once per process)
import { createHash } from "node:crypto";
import { queryObject } from "@/lib/http/read-body";
import { withPublic } from "@/lib/http/with-public";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { operation } from "@/lib/openapi/operations";
import { parseWith } from "@/lib/service/parse";

const op = operation("GET /api/v1/openapi.json");
let served: { text: string; etag: string } | undefined;

export const GET = withPublic(op.route, async ({ req }) => {
  parseWith(op.query, queryObject(new URL(req.url)));
  const { text, etag } = (served ??= document());
  const headers = { "Cache-Control": "public, max-age=300", ETag: etag, "Access-Control-Allow-Origin": "*" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
});

function document() {
  const text = JSON.stringify(buildOpenApiDocument());
  return { text, etag: `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"` };
}
