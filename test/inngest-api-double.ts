// Test-only: a local HTTP server that behaves like Inngest's event API and REST API v1 for the calls
// Kassa makes, as Inngest documents them and its server (inngest/inngest pkg/api/apiv1) answers:
// `Authorization: Bearer <signing key>` on /v1 (401 otherwise), the event key in POST /e/<key>,
// answers wrapped in `{ data, metadata }`, errors as `{ error, status }`, 400 for an id that is not a
// ULID, run statuses "Running" / "Completed" / "Failed" / "Cancelled", function ids as UUIDs.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ulid } from "@/inngest/local/storage";

export interface DoubleFunction {
  /** The SDK's `<app>-<function id>`. */
  slug: string;
  event: string;
  /** A trigger `if`, as a predicate on the event. */
  if?: (event: { name: string; data: Record<string, unknown> }) => boolean;
}

interface Run {
  run_id: string;
  run_started_at: string;
  function_id: string;
  function_version: number;
  environment_id: string;
  event_id: string;
  status: "Running" | "Completed" | "Failed" | "Cancelled";
  ended_at: string | null;
  output?: unknown;
}

interface StoredEvent {
  internal_id: string;
  id?: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  received_at: string;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

export async function startInngestDouble(opts: { signingKey: string; eventKey: string; appId: string; functions: DoubleFunction[] }) {
  const envId = randomUUID();
  const fns = opts.functions.map((f) => ({ ...f, id: randomUUID(), createdAt: new Date().toISOString() }));
  const events = new Map<string, StoredEvent>();
  const runs = new Map<string, Run>();
  const requests: { method: string; path: string; authorization?: string }[] = [];
  let failNext: number | undefined;
  let refuseEvents: number | null = null;

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };
  const data = (res: ServerResponse, body: unknown) => send(res, 200, { data: body, metadata: { fetched_at: new Date().toISOString(), cached_until: null } });
  const error = (res: ServerResponse, status: number, message: string) => send(res, status, { error: message, status });

  function ingest(e: { id?: string; name: string; data?: Record<string, unknown>; ts?: number }): string {
    const dup = e.id ? [...events.values()].find((x) => x.id === e.id) : undefined;
    if (dup) return dup.internal_id;
    const stored: StoredEvent = {
      internal_id: ulid(),
      ...(e.id ? { id: e.id } : {}),
      name: e.name,
      data: e.data ?? {},
      ts: e.ts ?? Date.now(),
      received_at: new Date().toISOString(),
    };
    events.set(stored.internal_id, stored);
    for (const f of fns) {
      const hit = f.event.endsWith("*") ? stored.name.startsWith(f.event.slice(0, -1)) : stored.name === f.event;
      if (!hit || (f.if && !f.if(stored))) continue;
      const run: Run = {
        run_id: ulid(),
        run_started_at: new Date().toISOString(),
        function_id: f.id,
        function_version: 1,
        environment_id: envId,
        event_id: stored.internal_id,
        status: "Running",
        ended_at: null,
      };
      runs.set(run.run_id, run);
    }
    return stored.internal_id;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://double");
    const parts = url.pathname.split("/").filter(Boolean);
    requests.push({ method: req.method ?? "", path: url.pathname, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    if (failNext) {
      const status = failNext;
      failNext = undefined;
      return error(res, status, "Something went wrong.  Please try again");
    }
    if (req.method === "POST" && parts[0] === "e") {
      if (refuseEvents) return error(res, refuseEvents, "Something went wrong.  Please try again");
      if (parts[1] !== opts.eventKey) return error(res, 401, "Event key not found");
      let body = "";
      for await (const chunk of req) body += chunk;
      const parsed = JSON.parse(body) as Parameters<typeof ingest>[0] | Parameters<typeof ingest>[0][];
      const ids = (Array.isArray(parsed) ? parsed : [parsed]).map(ingest);
      return send(res, 200, { ids, status: 200 });
    }
    if (parts[0] !== "v1") return error(res, 404, "Not found");
    if (req.headers.authorization !== `Bearer ${opts.signingKey}`) return error(res, 401, "Authentication failed");
    const [, resource, id, sub] = parts;
    if (resource === "apps" && sub === "functions" && req.method === "GET") {
      // This endpoint answers the bare list of functions, fields as Go names them.
      if (id !== opts.appId) return send(res, 200, []);
      return send(
        res,
        200,
        fns.map((f) => ({ ID: f.id, AppID: envId, Slug: f.slug, Name: f.slug, Config: "{}", CreatedAt: f.createdAt })),
      );
    }
    if (resource === "events" && id) {
      if (!ULID.test(id)) return error(res, 400, `Invalid event ID: ${id}`);
      const event = events.get(id);
      if (req.method === "GET" && sub === "runs")
        return data(
          res,
          [...runs.values()].filter((r) => r.event_id === id),
        );
      if (req.method === "GET" && !sub)
        return event
          ? data(res, { ...event, account_id: randomUUID(), environment_id: envId, source: "key", source_id: null })
          : error(res, 404, "Event not found");
    }
    if (resource === "runs" && id && !sub) {
      if (!ULID.test(id)) return error(res, 400, `Invalid run ID: ${id}`);
      const run = runs.get(id);
      if (!run) return error(res, 404, `Unable to load function run: ${id}`);
      if (req.method === "GET") return data(res, run);
      if (req.method === "DELETE") {
        if (run.status === "Running") Object.assign(run, { status: "Cancelled", ended_at: new Date().toISOString() });
        return send(res, 200);
      }
    }
    return error(res, 404, `no route for ${req.method} ${url.pathname}`);
  }

  const server = createServer((req, res) => void handle(req, res).catch((err: Error) => error(res, 500, err.message)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    events: () => [...events.values()],
    runs: () => [...runs.values()],
    functionId: (slug: string) => fns.find((f) => f.slug === slug)!.id,
    /** Ends a run as Inngest would: its output is the return value, or the error for a failure. */
    finish(runId: string, status: "Completed" | "Failed", output: unknown) {
      Object.assign(runs.get(runId)!, { status, ended_at: new Date().toISOString(), output });
    },
    /** The next request is answered with this status. */
    failNext: (status: number) => void (failNext = status),
    /** Every event sent is refused with this status (an outage of the event API, past the SDK's retries) until `null`. */
    refuseEvents: (status: number | null) => void (refuseEvents = status),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
