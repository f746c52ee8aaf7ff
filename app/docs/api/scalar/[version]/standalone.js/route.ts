// GET /docs/api/scalar/<version>/standalone.js — Scalar's API reference renderer from this origin (no CDN)
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { SCALAR_BUNDLE_FILE, SCALAR_VERSION } from "../../../scalar-bundle";

export async function GET(_req: Request, { params }: { params: Promise<{ version: string }> }) {
  // Only the installed version: a stale URL must not be cached for a year with other content.
  if ((await params).version !== SCALAR_VERSION) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  const body = Readable.toWeb(createReadStream(SCALAR_BUNDLE_FILE)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=31536000, immutable" },
  });
}
