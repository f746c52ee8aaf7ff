import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { IncomingEvent } from "./ingest";
import type { FunctionConfig } from "./storage";

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface HttpHandlers {
  sendEvents(events: IncomingEvent[]): Promise<string[]>;
  register(appId: string, functions: FunctionConfig[]): Promise<void>;
  /**
   * When set, only the app may talk to the executor: events need this event key in `/e/:key`, and a
   * registration the SDK's bearer (the hashed signing key) — as Inngest Cloud checks them.
   */
  auth?: { eventKey: string; registerBearer: string };
}

class BadRequest extends Error {}

/** Checks a body from `POST /e/:key`; throws BadRequest with a message fit for the sender. */
export function validateEvents(raw: string): IncomingEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new BadRequest("body is not valid JSON");
  }
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) throw new BadRequest("no events in body");
  return list.map((e, i) => {
    const where = Array.isArray(body) ? `event ${i}` : "event";
    if (!e || typeof e !== "object" || Array.isArray(e)) throw new BadRequest(`${where} is not an object`);
    const { id, name, data, user, ts } = e as Record<string, unknown>;
    if (typeof name !== "string" || name.trim() === "") throw new BadRequest(`${where} needs a non-empty string "name"`);
    if (name.startsWith("inngest/")) throw new BadRequest(`${where}: "${name}" is a reserved internal event name`);
    if (data !== undefined && data !== null && (typeof data !== "object" || Array.isArray(data))) throw new BadRequest(`${where}: "data" must be an object`);
    if (user !== undefined && user !== null && (typeof user !== "object" || Array.isArray(user))) throw new BadRequest(`${where}: "user" must be an object`);
    if (id !== undefined && id !== null && typeof id !== "string") throw new BadRequest(`${where}: "id" must be a string`);
    if (ts !== undefined && ts !== null && typeof ts !== "number") throw new BadRequest(`${where}: "ts" must be a number (ms)`);
    return {
      name,
      data: (data as Record<string, unknown>) ?? {},
      ...(user ? { user: user as Record<string, unknown> } : {}),
      ...(id ? { id: id as string } : {}),
      ...(ts ? { ts: ts as number } : {}),
    };
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequest("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The dev server's HTTP surface the SDK talks to: event API, registration, health. */
export function createExecutorServer(h: HttpHandlers): Server {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { status: "ok" });
      if (req.method === "POST" && /^\/e\/[^/]+\/?$/.test(url.pathname)) {
        if (h.auth && !same(url.pathname.split("/")[2] ?? "", h.auth.eventKey)) return send(res, 401, { error: "event key not recognised", status: 401 });
        const events = validateEvents(await readBody(req));
        // The SDK resends a failed batch with the same seed header: dedupe those like sender ids.
        const seed = req.headers["x-inngest-event-id-seed"];
        if (typeof seed === "string" && seed)
          events.forEach((e, i) => {
            e.id ??= `seed:${seed}:${i}`;
          });
        const ids = await h.sendEvents(events);
        return send(res, 200, { ids, status: 200 });
      }
      if (req.method === "POST" && url.pathname === "/fn/register") {
        if (h.auth && !same(req.headers.authorization ?? "", `Bearer ${h.auth.registerBearer}`))
          return send(res, 401, { error: "registration needs the app's signing key", status: 401 });
        let body: { appName?: unknown; functions?: unknown };
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          throw new BadRequest("body is not valid JSON");
        }
        if (typeof body.appName !== "string" || !Array.isArray(body.functions)) throw new BadRequest("expected { appName, functions: [...] }");
        await h.register(body.appName, body.functions as FunctionConfig[]);
        return send(res, 200, { ok: true, status: 200, modified: true, skipped: false });
      }
      return send(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
    } catch (err) {
      if (err instanceof BadRequest) return send(res, 400, { error: err.message, status: 400 });
      console.error("inngest/local: request failed", err);
      return send(res, 500, { error: "internal error in the local executor", status: 500 });
    }
  });
}
