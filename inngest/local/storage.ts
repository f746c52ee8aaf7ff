import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Clock } from "./clock";
import type { Conn, ExecutorDatabase } from "./db";
import { preparedQuery } from "@/db/prepared";
import type { Executor } from "@/db/client";
import {
  inngestEvents,
  inngestFunctions,
  inngestQueue,
  inngestRuns,
  inngestSteps,
  inngestWaits,
  type InngestFunctionRow,
  type InngestQueueKind,
  type InngestQueueRow,
  type InngestRunRow,
  type InngestRunStatus,
} from "./schema";
import { nextCronTime } from "./cron";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

let lastTime = -1;
let lastRandom: number[] = [];

/** A ULID (time-sortable, like Inngest's run and event ids); monotonic within one millisecond. */
export function ulid(at = Date.now()): string {
  if (at <= lastTime) {
    at = lastTime;
    let i = lastRandom.length - 1;
    while (i >= 0 && lastRandom[i] === 31) lastRandom[i--] = 0;
    if (i >= 0) lastRandom[i]! += 1;
  } else {
    lastTime = at;
    lastRandom = [...randomBytes(16)].map((b) => b % 32);
    lastRandom[0]! &= 15; // headroom so increments within a millisecond never wrap
  }
  let time = "";
  for (let i = 0, t = at; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  return time + lastRandom.map((d) => CROCKFORD[d]).join("");
}

export interface StoredEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  user?: Record<string, unknown>;
  ts: number;
  v?: string;
}
export type StepResult = { data: unknown } | { error: unknown } | null | Record<string, unknown>;
export type FunctionConfig = {
  id: string;
  name?: string;
  triggers?: { event?: string; expression?: string; cron?: string }[];
  steps?: Record<string, { runtime?: { url?: string }; retries?: { attempts?: number } }>;
  cancel?: { event: string; if?: string; timeout?: string }[];
  idempotency?: string;
  concurrency?: unknown;
};

const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
/** How long another process's registration may take to be seen by this executor's fan-out (its own: at once). */
const FUNCTIONS_CACHE_MS = 2_000;
/** How long a claimed queue item is this executor's: after a crash, its items come back when the lease ends. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** All executor state lives in Postgres; this is the one place that queries it. */
export class Storage {
  constructor(
    readonly db: ExecutorDatabase,
    readonly clock: Clock,
    /** A crashed executor's items come back when it ends; a live one renews the leases of its work in flight. */
    readonly leaseMs: number = DEFAULT_LEASE_MS,
  ) {}

  /**
   * Stores events; a sender id seen in the last 24 h is not stored again. Returns the event, what to do —
   * "new" (act on it), "duplicate" (acted on before), "unfinished" (stored but never fanned out — the executor
   * died, or a step threw, while acting on it: act again) — and whether there is anything to act on. The caller
   * (ingest) never asks while this process is still acting on the same sender id, so a stored event that is not
   * fanned out is one nobody is acting on: the embedded executor is one process per database.
   *
   * `quiet`: no registered function triggers on or cancels by this event's name, so only a wait could want it.
   * A new event with a sender id is then stored already fanned out unless a wait for its name exists — in the
   * same statement as the duplicate check, so the common case (an outbox event nothing listens to) costs one
   * round trip instead of six. `waiting`: a wait for the event's name may exist (false only when the insert saw none).
   */
  async insertEvent(
    e: Omit<StoredEvent, "id">,
    externalId?: string,
    db: Conn = this.db,
    { quiet = false }: { quiet?: boolean } = {},
  ): Promise<[StoredEvent, "new" | "duplicate" | "unfinished", { actOn: boolean; waiting: boolean }]> {
    const now = this.clock.now();
    const id = ulid(now.getTime());
    if (!externalId) {
      // Only an event with a sender id can be sent again, so only its fan-out is tracked.
      await db
        .insert(inngestEvents)
        .values({ id, externalId: null, name: e.name, data: e.data, user: e.user ?? null, ts: e.ts, receivedAt: now, fannedOut: true });
      return [{ ...e, id }, "new", { actOn: true, waiting: true }];
    }
    const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
    const [inserted] = await insertEventOnce(db as unknown as Executor, [
      id,
      externalId,
      e.name,
      JSON.stringify(e.data),
      e.user ? JSON.stringify(e.user) : null,
      e.ts,
      now.toISOString(),
      quiet,
      since.toISOString(),
    ]);
    if (inserted) return [{ ...e, id }, "new", { actOn: !inserted.fanned_out, waiting: inserted.waiting }];
    const [dup] = await db
      .select()
      .from(inngestEvents)
      .where(and(eq(inngestEvents.externalId, externalId), gt(inngestEvents.receivedAt, since)))
      .limit(1);
    if (!dup) throw new Error(`inngest/local: event ${externalId} was neither stored nor found`);
    const unfinished = !dup.fannedOut;
    return [toEvent(dup), unfinished ? "unfinished" : "duplicate", { actOn: unfinished, waiting: true }];
  }

  /**
   * insertEvent for several events with sender ids, all quiet, in one statement: each is stored (already fanned out
   * unless a wait may want it) unless its sender id was seen in the idempotency window. Returns, by sender id, each
   * stored event and its flags; a duplicate is absent (the caller asks insertEvent, which finds it). Sender ids must
   * be distinct.
   */
  async insertQuietEvents(
    incoming: { fields: Omit<StoredEvent, "id">; externalId: string }[],
  ): Promise<Map<string, { event: StoredEvent; actOn: boolean; waiting: boolean }>> {
    const stored = new Map<string, { event: StoredEvent; actOn: boolean; waiting: boolean }>();
    if (incoming.length === 0) return stored;
    const now = this.clock.now();
    const rows = incoming.map(({ fields, externalId }) => ({
      id: ulid(now.getTime()),
      external_id: externalId,
      name: fields.name,
      data: fields.data,
      user: fields.user ?? null,
      ts: fields.ts,
    }));
    const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
    const inserted = await insertQuietEventsOnce(this.db as unknown as Executor, [JSON.stringify(rows), now.toISOString(), since.toISOString()]);
    const byExternalId = new Map(rows.map((r, i) => [r.external_id, { id: r.id, fields: incoming[i]!.fields }]));
    for (const row of inserted) {
      const { id, fields } = byExternalId.get(row.external_id)!;
      stored.set(row.external_id, { event: { ...fields, id }, actOn: !row.fanned_out, waiting: row.waiting });
    }
    return stored;
  }

  /** The event's waits, cancels and runs have all been acted on: a resend is a duplicate from now on. */
  async markFannedOut(eventId: string): Promise<void> {
    await this.db.update(inngestEvents).set({ fannedOut: true }).where(eq(inngestEvents.id, eventId));
  }

  /** Whether a function already has a run triggered by this event (an unfinished fan-out acted on again). */
  async hasRunFor(functionId: string, eventId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: inngestRuns.id })
      .from(inngestRuns)
      .where(and(eq(inngestRuns.functionId, functionId), sql`jsonb_exists(${inngestRuns.eventIds}, ${eventId})`))
      .limit(1);
    return Boolean(row);
  }

  async getEvents(ids: string[], db: Conn = this.db): Promise<StoredEvent[]> {
    if (!ids.length) return [];
    const rows = await db.select().from(inngestEvents).where(inArray(inngestEvents.id, ids));
    return ids.map((id) => toEvent(rows.find((r) => r.id === id)!));
  }

  async listEvents(name?: string): Promise<StoredEvent[]> {
    const rows = await this.db
      .select()
      .from(inngestEvents)
      .where(name ? eq(inngestEvents.name, name) : undefined)
      .orderBy(asc(inngestEvents.id));
    return rows.map(toEvent);
  }

  /** Replaces an app's registered functions with `configs`. */
  async registerApp(appId: string, configs: FunctionConfig[]): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await tx.delete(inngestFunctions).where(eq(inngestFunctions.appId, appId));
      for (const c of configs) {
        const url = c.steps?.step?.runtime?.url;
        if (!url) throw new Error(`function "${c.id}" has no step URL`);
        await tx
          .insert(inngestFunctions)
          .values({ id: c.id, appId, name: c.name ?? null, url, config: c, updatedAt: now })
          .onConflictDoUpdate({ target: inngestFunctions.id, set: { appId, name: c.name ?? null, url, config: c, updatedAt: now } });
      }
      await this.syncCrons(tx, configs, now);
    });
    this.functionsCache = undefined;
  }

  /** One durable "cron" queue item per (function, schedule); kept if unchanged, so a due tick survives a re-sync. */
  private async syncCrons(tx: Conn, configs: FunctionConfig[], now: Date): Promise<void> {
    const wanted = configs.flatMap((c) => (c.triggers ?? []).filter((t) => t.cron).map((t) => ({ fnId: c.id, cron: t.cron! })));
    const existing = await tx.select().from(inngestQueue).where(eq(inngestQueue.kind, "cron"));
    const live = new Set((await tx.select({ id: inngestFunctions.id }).from(inngestFunctions)).map((f) => f.id));
    for (const item of existing) {
      const keep = live.has(item.runId) && (!configs.some((c) => c.id === item.runId) || wanted.some((w) => w.fnId === item.runId && w.cron === item.stepId));
      if (!keep) await tx.delete(inngestQueue).where(eq(inngestQueue.id, item.id));
    }
    for (const w of wanted) {
      if (existing.some((i) => i.runId === w.fnId && i.stepId === w.cron)) continue;
      await this.enqueue(tx, { runId: w.fnId, kind: "cron", stepId: w.cron, attempt: 0, dueAt: nextCronTime(w.cron, now) });
    }
  }

  listFunctions(): Promise<InngestFunctionRow[]> {
    return this.db.select().from(inngestFunctions);
  }

  private functionsCache?: { at: number; rows: Promise<InngestFunctionRow[]> };

  /**
   * The registered functions as of at most FUNCTIONS_CACHE_MS ago — what each incoming event is matched
   * against. This executor's own registrations clear it at once; another process's show within the window.
   */
  cachedFunctions(): Promise<InngestFunctionRow[]> {
    const cache = this.functionsCache;
    if (cache && Date.now() - cache.at < FUNCTIONS_CACHE_MS) return cache.rows;
    // A real promise (drizzle's query is a thenable that runs again on every await).
    const rows = Promise.resolve().then(() => this.listFunctions());
    this.functionsCache = { at: Date.now(), rows };
    rows.catch(() => (this.functionsCache = undefined));
    return rows;
  }

  async getFunction(id: string): Promise<InngestFunctionRow | undefined> {
    const [row] = await this.db.select().from(inngestFunctions).where(eq(inngestFunctions.id, id));
    return row;
  }

  /**
   * Inside `tx`: waits for any other transaction holding the function's idempotency key (an advisory lock on it,
   * held to commit), then whether a run with that key started in the last 24 h. Two events with one key started
   * at once (one batch's parallel fan-out, or two executors on one database) thus make one run.
   */
  async idempotencyKeyTaken(tx: Conn, functionId: string, key: string): Promise<boolean> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`inngest_idempotency:${functionId}:${key}`}, 0))`);
    return Boolean(await this.findIdempotentRun(functionId, key, tx));
  }

  /** A run with an idempotency key already used by the function in the last 24 h. */
  async findIdempotentRun(functionId: string, key: string, db: Conn = this.db): Promise<InngestRunRow | undefined> {
    const since = new Date(this.clock.now().getTime() - IDEMPOTENCY_WINDOW_MS);
    const [row] = await db
      .select()
      .from(inngestRuns)
      .where(and(eq(inngestRuns.functionId, functionId), eq(inngestRuns.idempotencyKey, key), gt(inngestRuns.startedAt, since)))
      .limit(1);
    return row;
  }

  async createRun(args: { functionId: string; eventIds: string[]; maxAttempts: number; idempotencyKey?: string }, db?: Conn): Promise<InngestRunRow> {
    const now = this.clock.now();
    const inTx = (fn: (tx: Conn) => Promise<InngestRunRow>) => (db ? fn(db) : this.db.transaction(fn));
    return inTx(async (tx) => {
      const [run] = await tx
        .insert(inngestRuns)
        .values({
          id: ulid(now.getTime()),
          functionId: args.functionId,
          eventIds: args.eventIds,
          status: "running",
          maxAttempts: args.maxAttempts,
          idempotencyKey: args.idempotencyKey ?? null,
          startedAt: now,
        })
        .returning();
      if (!run) throw new Error("run insert returned nothing");
      await this.enqueue(tx, { runId: run.id, kind: "call", stepId: "step", attempt: 0, dueAt: now });
      return run;
    });
  }

  async getRun(id: string): Promise<InngestRunRow | undefined> {
    const [row] = await this.db.select().from(inngestRuns).where(eq(inngestRuns.id, id));
    return row;
  }

  listRuns(functionId?: string): Promise<InngestRunRow[]> {
    return this.db
      .select()
      .from(inngestRuns)
      .where(functionId ? eq(inngestRuns.functionId, functionId) : undefined)
      .orderBy(asc(inngestRuns.id));
  }

  runningRunsOf(functionIds: string[]): Promise<InngestRunRow[]> {
    if (!functionIds.length) return Promise.resolve([]);
    return this.db
      .select()
      .from(inngestRuns)
      .where(and(inArray(inngestRuns.functionId, functionIds), eq(inngestRuns.status, "running")));
  }

  /** Steps in completion (stack) order. */
  getSteps(runId: string, db: Conn = this.db) {
    return db.select().from(inngestSteps).where(eq(inngestSteps.runId, runId)).orderBy(asc(inngestSteps.position));
  }

  async enqueue(db: Conn, item: { runId: string; kind: InngestQueueKind; stepId: string; attempt: number; dueAt: Date }): Promise<void> {
    await db.insert(inngestQueue).values({ id: ulid(this.clock.now().getTime()), ...item });
  }

  /** Leases up to `limit` due items, so a crashed executor's items come back after the lease. */
  async claimDue(limit = 25): Promise<InngestQueueRow[]> {
    if (limit <= 0) return [];
    const now = this.clock.now();
    // One statement: the oldest due items no one holds, locked as they are read (another executor's claim skips
    // them rather than waiting), leased to this one.
    const due = this.db
      .select({ id: inngestQueue.id })
      .from(inngestQueue)
      .where(and(lte(inngestQueue.dueAt, now), or(isNull(inngestQueue.leasedUntil), lt(inngestQueue.leasedUntil, now))))
      .orderBy(asc(inngestQueue.dueAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    const claimed = await this.db
      .update(inngestQueue)
      .set({ leasedUntil: new Date(now.getTime() + this.leaseMs) })
      .where(inArray(inngestQueue.id, due))
      .returning();
    return claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /**
   * Keeps a claimed item this executor's while its work is still going (a step call slower than the lease):
   * moves the lease on if it is still the one `item` holds. Returns the item with its new lease, or undefined
   * when the lease was lost (it ran out and another executor claimed the item, or the item is gone).
   */
  async renewLease(item: InngestQueueRow): Promise<InngestQueueRow | undefined> {
    if (!item.leasedUntil) return undefined;
    const [row] = await this.db
      .update(inngestQueue)
      .set({ leasedUntil: new Date(Math.max(this.clock.now().getTime() + this.leaseMs, item.leasedUntil.getTime() + 1)) })
      .where(and(eq(inngestQueue.id, item.id), eq(inngestQueue.leasedUntil, item.leasedUntil)))
      .returning();
    return row;
  }

  /** Gives a leased item back, due again at `dueAt`. */
  async postpone(id: string, dueAt: Date): Promise<void> {
    await this.db.update(inngestQueue).set({ dueAt, leasedUntil: null }).where(eq(inngestQueue.id, id));
  }

  async deleteQueueItem(id: string, db: Conn = this.db): Promise<void> {
    await db.delete(inngestQueue).where(eq(inngestQueue.id, id));
  }

  async nextDueAt(): Promise<Date | undefined> {
    const [row] = await this.db.select({ dueAt: sql<Date>`min(${inngestQueue.dueAt})`.mapWith(inngestQueue.dueAt) }).from(inngestQueue);
    return row?.dueAt ?? undefined;
  }

  /** Runs `fn` with the run row locked, so concurrent step results update it one at a time. */
  withRun<T>(runId: string, fn: (tx: Conn, run: InngestRunRow) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const [run] = await tx.select().from(inngestRuns).where(eq(inngestRuns.id, runId)).for("update");
      if (!run) throw new Error(`run ${runId} not found`);
      return fn(tx, run);
    });
  }

  async updateRun(tx: Conn, runId: string, set: Partial<InngestRunRow>): Promise<void> {
    await tx.update(inngestRuns).set(set).where(eq(inngestRuns.id, runId));
  }

  /** Memoises a step (once) at the top of the stack; returns false if it was already stored. */
  async saveStep(tx: Conn, args: { runId: string; stepId: string; op: string; name?: string; result: StepResult; attempts: number }): Promise<boolean> {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(inngestSteps)
      .where(eq(inngestSteps.runId, args.runId));
    const rows = await tx
      .insert(inngestSteps)
      .values({
        runId: args.runId,
        stepId: args.stepId,
        position: n,
        op: args.op,
        name: args.name ?? null,
        result: args.result,
        attempts: args.attempts,
        completedAt: this.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ stepId: inngestSteps.stepId });
    return rows.length > 0;
  }

  async countSteps(tx: Conn, runId: string): Promise<number> {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(inngestSteps)
      .where(eq(inngestSteps.runId, runId));
    return n;
  }

  /** Ends a run: no more queue items or waits for it. */
  async endRun(
    tx: Conn,
    runId: string,
    status: Exclude<InngestRunStatus, "running">,
    result: { output?: unknown; error?: InngestRunRow["error"] },
  ): Promise<void> {
    await tx
      .update(inngestRuns)
      .set({ status, output: result.output ?? null, error: result.error ?? null, pending: [], endedAt: this.clock.now() })
      .where(eq(inngestRuns.id, runId));
    await tx.delete(inngestQueue).where(eq(inngestQueue.runId, runId));
    await tx.delete(inngestWaits).where(eq(inngestWaits.runId, runId));
  }

  async addWait(tx: Conn, w: typeof inngestWaits.$inferInsert): Promise<void> {
    await tx.insert(inngestWaits).values(w).onConflictDoNothing();
  }

  waitsFor(eventName: string) {
    return this.db.select().from(inngestWaits).where(eq(inngestWaits.eventName, eventName));
  }

  /** Removes a wait and returns it; undefined if another event or the timeout already took it. */
  async takeWait(tx: Conn, runId: string, stepId: string): Promise<typeof inngestWaits.$inferSelect | undefined> {
    const [row] = await tx
      .delete(inngestWaits)
      .where(and(eq(inngestWaits.runId, runId), eq(inngestWaits.stepId, stepId)))
      .returning();
    await tx.delete(inngestQueue).where(and(eq(inngestQueue.runId, runId), eq(inngestQueue.stepId, stepId), eq(inngestQueue.kind, "wait-timeout")));
    return row;
  }

  async hasDiscoveryQueued(tx: Conn, runId: string): Promise<boolean> {
    const rows = await tx
      .select({ id: inngestQueue.id })
      .from(inngestQueue)
      .where(and(eq(inngestQueue.runId, runId), eq(inngestQueue.kind, "call"), eq(inngestQueue.stepId, "step")))
      .limit(1);
    return rows.length > 0;
  }
}

/**
 * insertEventOnce for a batch of quiet events, one fixed text: the rows as one JSON document ($1), stored at $2, each
 * unless its sender id was seen since $3. Returns each stored row's sender id, fanned_out and whether a wait is on
 * its name.
 */
const insertQuietEventsOnce = preparedQuery<{ external_id: string; fanned_out: boolean; waiting: boolean }>(
  "inngest_local_insert_quiet_events",
  `insert into "inngest_local"."inngest_events" (id, external_id, name, data, "user", ts, received_at, fanned_out)
   select i.id, i.external_id, i.name, coalesce(i.data, '{}'::jsonb), i."user", i.ts, $2::timestamptz,
          not exists (select 1 from "inngest_local"."inngest_waits" w where w."event_name" = i.name)
     from json_to_recordset($1::json) as i(id text, external_id text, name text, data jsonb, "user" jsonb, ts bigint)
    where not exists (select 1 from "inngest_local"."inngest_events" e where e."external_id" = i.external_id and e."received_at" > $3::timestamptz)
   returning external_id, fanned_out, exists (select 1 from "inngest_local"."inngest_waits" w where w."event_name" = "inngest_events".name) as waiting`,
);

function toEvent(r: typeof inngestEvents.$inferSelect): StoredEvent {
  return { id: r.id, name: r.name, data: r.data, ...(r.user ? { user: r.user } : {}), ts: r.ts };
}

/**
 * An event with a sender id, stored unless that id was seen in the idempotency window — one fixed text, a
 * named statement (parsed and planned once per connection: every outbox event comes through here). A quiet
 * event (no function wants it) is stored already fanned out unless a wait may want it. Returns its
 * fanned_out and whether any wait is on its name; no row when it was a duplicate.
 */
const insertEventOnce = preparedQuery<{ fanned_out: boolean; waiting: boolean }>(
  "inngest_local_insert_event",
  `insert into "inngest_local"."inngest_events" (id, external_id, name, data, "user", ts, received_at, fanned_out)
   select $1::text, $2::text, $3::text, $4::jsonb, $5::jsonb, $6::bigint, $7::timestamptz,
          case when $8::boolean then not exists (select 1 from "inngest_local"."inngest_waits" where "event_name" = $3::text) else false end
    where not exists (select 1 from "inngest_local"."inngest_events" where "external_id" = $2::text and "received_at" > $9::timestamptz)
   returning fanned_out, exists (select 1 from "inngest_local"."inngest_waits" where "event_name" = $3::text) as waiting`,
);
