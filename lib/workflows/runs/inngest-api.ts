import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { workflowEngineEvents, type WorkflowEngineEventRow } from "@/db/schema";
import { executor } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import type { RunOwner, RunStatus, WorkflowRunDetail, WorkflowRunSummary, WorkflowRuns } from "./types";

// Inngest Cloud or a self-hosted Inngest, through its REST API (v1), authenticated with the signing
// key as a Bearer token (https://api-docs.inngest.com/authentication). Responses are `{ data, metadata }`;
// errors `{ error, status }`. Used here: GET /v1/events/{id}/runs, GET /v1/runs/{id},
// DELETE /v1/runs/{id} (cancel), GET /v1/events/{id} (a run's trigger, to declare it again for a
// re-run) and GET /v1/apps/{app}/functions (function ids → slugs). Nothing here sends events: a re-run
// is an outbox row the relay sends. The API finds runs only by Inngest's own event ids, so the relay
// records the ids Inngest gave the merchant's events it sent (workflow_engine_events): they are how a
// merchant's runs are found, and the proof a run is theirs.

export interface OutgoingEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
}

export interface InngestApiOptions {
  /** https://api.inngest.com, or a self-hosted Inngest's (or a dev server's) address. */
  apiBaseUrl: string;
  signingKey?: string;
  /** A branch environment's name (X-Inngest-Env). */
  env?: string;
  /** The SDK app id the functions are registered under. */
  appId: string;
  /** Inngest's dashboard page for a run. */
  runUrl?: (runId: string) => string | null;
  /** Where workflow_engine_events are; the app's database by default. */
  db?: Executor;
  timeoutMs?: number;
  /** How long, after a re-run committed, to wait for the relay to send it and Inngest to start its run. */
  rerunWaitMs?: number;
  /** How many of the merchant's latest events the list looks at (one API call each). */
  recentEvents?: number;
}

/** A run as Inngest's v1 API answers it. */
interface ApiRun {
  run_id: string;
  run_started_at: string;
  function_id: string;
  event_id: string;
  status: string;
  ended_at?: string | null;
  output?: unknown;
}

interface ApiEvent {
  internal_id?: string;
  id?: string;
  name: string;
  data: Record<string, unknown>;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Inngest's run statuses (Running, Completed, Failed, Cancelled, Scheduled, Skipped, …) as Kassa's four. */
export function statusOf(status: string): RunStatus {
  switch (status.toLowerCase()) {
    case "completed":
      return "completed";
    case "failed":
    case "overflowed":
      return "failed";
    case "cancelled":
    case "canceled":
    case "skipped":
      return "cancelled";
    default:
      // Running, Scheduled, Queued, Paused, Unknown: not ended as far as Inngest says.
      return "running";
  }
}

/** A failed run's output is its error (`{ name, message }`, sometimes under `error`). */
function errorOf(run: ApiRun): string | null {
  if (statusOf(run.status) !== "failed") return null;
  const out = run.output as { message?: unknown; error?: { message?: unknown } } | string | null | undefined;
  if (typeof out === "string") return out;
  const message = out?.error?.message ?? out?.message;
  return typeof message === "string" ? message : "failed";
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function inngestApiWorkflowRuns(opts: InngestApiOptions): WorkflowRuns {
  const base = opts.apiBaseUrl.replace(/\/+$/, "");
  let slugs: { at: number; byId: Map<string, string> } | undefined;

  async function call<T>(method: "GET" | "DELETE", path: string): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (opts.signingKey) headers.authorization = `Bearer ${opts.signingKey}`;
    if (opts.env) headers["x-inngest-env"] = opts.env;
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { method, headers, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
    } catch (error) {
      throw new KassaError("service_unavailable", "Inngest's API could not be reached; try again in a moment.", { cause: error });
    }
    const text = await res.text();
    if (!res.ok) {
      if (res.status === 401 || res.status === 403) {
        throw new KassaError("service_unavailable", "Inngest refused Kassa's signing key (INNGEST_SIGNING_KEY); check it is this environment's key.", {
          cause: new ApiError(res.status, text),
        });
      }
      throw new ApiError(res.status, text);
    }
    if (!text) return undefined as T;
    const body = JSON.parse(text) as { data?: unknown };
    // v1 wraps answers in { data, metadata }; the functions list is a bare array.
    return (body && typeof body === "object" && !Array.isArray(body) && "data" in body ? body.data : body) as T;
  }

  /** A not-found answer (Inngest answers 400 to an id it cannot parse, 404 to one it does not have). */
  async function maybe<T>(p: Promise<T>): Promise<T | null> {
    try {
      return await p;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
      if (error instanceof ApiError)
        throw new KassaError("service_unavailable", `Inngest's API answered ${error.status}; try again in a moment.`, { cause: error });
      throw error;
    }
  }

  /** Function ids (UUIDs in the API) → the app's function slugs, cached for a minute. */
  async function slugOf(functionId: string): Promise<string> {
    if (!slugs || Date.now() - slugs.at > 60_000) {
      const fns = await maybe(
        call<{ ID?: string; id?: string; Slug?: string; slug?: string }[]>("GET", `/v1/apps/${encodeURIComponent(opts.appId)}/functions`),
      ).catch(() => null);
      slugs = { at: Date.now(), byId: new Map((fns ?? []).map((f) => [String(f.ID ?? f.id), String(f.Slug ?? f.slug ?? f.ID ?? f.id)])) };
    }
    return slugs.byId.get(functionId) ?? functionId;
  }

  async function summary(run: ApiRun, event: WorkflowEngineEventRow): Promise<WorkflowRunSummary> {
    return {
      id: run.run_id,
      function: await slugOf(run.function_id),
      trigger: { event: event.name, object: event.objectId },
      status: statusOf(run.status),
      attempts: null,
      error: errorOf(run),
      started: seconds(run.run_started_at),
      ended: run.ended_at ? seconds(run.ended_at) : null,
      url: opts.runUrl?.(run.run_id) ?? null,
    };
  }

  const db = () => executor({ db: opts.db });

  /** The run, if it exists and its triggering event is one the relay recorded for this owner. */
  async function owned(owner: RunOwner, id: string, conn?: Executor): Promise<{ run: ApiRun; event: WorkflowEngineEventRow } | null> {
    if (!ULID.test(id)) return null;
    const run = await maybe(call<ApiRun>("GET", `/v1/runs/${id}`));
    if (!run?.event_id) return null;
    const [event] = await (conn ?? (await db()))
      .select()
      .from(workflowEngineEvents)
      .where(and(eq(workflowEngineEvents.engineEventId, run.event_id), eq(workflowEngineEvents.merchantId, owner.merchantId)));
    return event ? { run, event } : null;
  }

  return {
    engine: "inngest",
    async list(owner, { status, limit }) {
      const events = await (
        await db()
      )
        .select()
        .from(workflowEngineEvents)
        .where(eq(workflowEngineEvents.merchantId, owner.merchantId))
        .orderBy(desc(workflowEngineEvents.createdAt))
        .limit(opts.recentEvents ?? 50);
      const found: { run: ApiRun; event: WorkflowEngineEventRow }[] = [];
      // A few calls at a time: Inngest rate-limits its API.
      for (let i = 0; i < events.length; i += 5) {
        const batch = await Promise.all(
          events
            .slice(i, i + 5)
            .map(async (event) => ((await maybe(call<ApiRun[]>("GET", `/v1/events/${event.engineEventId}/runs`))) ?? []).map((run) => ({ run, event }))),
        );
        found.push(...batch.flat());
      }
      const runs = await Promise.all(found.map(({ run, event }) => summary(run, event)));
      return runs
        .filter((r) => !status || r.status === status)
        .sort((a, b) => b.started - a.started || (a.id < b.id ? 1 : -1))
        .slice(0, limit);
    },

    async get(owner, id): Promise<WorkflowRunDetail | null> {
      const hit = await owned(owner, id);
      if (!hit) return null;
      // v1 gives a run's status and output; its steps are on Inngest's dashboard (`url`).
      return { ...(await summary(hit.run, hit.event)), output: hit.run.output ?? null, steps: null };
    },

    async rerun(owner, id, tx) {
      const hit = await owned(owner, id, tx);
      if (!hit) return null;
      if (statusOf(hit.run.status) === "running") return { active: true };
      const original = await maybe(call<ApiEvent>("GET", `/v1/events/${hit.event.engineEventId}`));
      if (!original) throw new KassaError("service_unavailable", "Inngest no longer has this run's triggering event, so it cannot be sent again.");
      const slug = await slugOf(hit.run.function_id);
      // The same event again, which the caller commits to the outbox: the relay sends it under the
      // outbox id, a new id (Inngest drops a repeated id for 24 h). Every function the event triggers
      // runs again; the webhook fan-out only when it is the run asked for, so a re-run of a settlement
      // never re-sends the merchant's webhooks.
      const data = { ...original.data, ...(slug.endsWith("webhook-fan-out") ? {} : { webhooks: false }) };
      return { resend: { name: original.name, data, function: slug } };
    },

    async startedBy(owner, eventId, fn) {
      const deadline = Date.now() + (opts.rerunWaitMs ?? 5_000);
      for (;;) {
        // The relay records the id Inngest gave the event once it has sent it (recordSentEvents).
        const [sent] = await (
          await db()
        )
          .select({ engineEventId: workflowEngineEvents.engineEventId })
          .from(workflowEngineEvents)
          .where(and(eq(workflowEngineEvents.merchantId, owner.merchantId), eq(workflowEngineEvents.eventId, eventId)));
        if (sent) {
          for (const run of (await maybe(call<ApiRun[]>("GET", `/v1/events/${sent.engineEventId}/runs`))) ?? []) {
            if ((await slugOf(run.function_id)) === fn) return run.run_id;
          }
        }
        if (Date.now() >= deadline) return null;
        await new Promise((r) => setTimeout(r, 250));
      }
    },

    async cancel(owner, id, tx) {
      const hit = await owned(owner, id, tx);
      if (!hit) return null;
      if (statusOf(hit.run.status) !== "running") return { ended: true };
      const done = await maybe(call<unknown>("DELETE", `/v1/runs/${id}`).then(() => true));
      return done ? { cancelled: true } : null;
    },
  };
}

/**
 * Records the ids Inngest gave a batch the relay sent (`ids` in the batch's order): every event whose
 * data carries a merchant — the merchant's events, and re-runs of their runs (internal events with the
 * original trigger's name and data) — whose runs the Workflows page lists. Events with no merchant
 * (platform events, delivery requests) are not recorded.
 */
export async function recordEngineEvents(db: Executor, batch: OutgoingEvent[], ids: string[]): Promise<void> {
  const rows = batch.flatMap((e, i) => {
    const merchant = e.data.merchant;
    const engineEventId = ids[i];
    if (typeof merchant !== "string" || !engineEventId) return [];
    const object = (e.data as { data?: { object?: { id?: unknown } } }).data?.object?.id;
    return [
      {
        engineEventId,
        eventId: e.id,
        merchantId: merchant,
        livemode: e.data.livemode === true,
        name: e.name,
        objectId: typeof object === "string" ? object : null,
      },
    ];
  });
  if (rows.length) await db.insert(workflowEngineEvents).values(rows).onConflictDoNothing();
}
