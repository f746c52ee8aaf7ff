import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { systemClock, type Clock } from "./clock";
import type { Conn, ExecutorDatabase } from "./db";
import { inngestEvents, inngestRuns, inngestSteps, type InngestRunRow, type InngestRunStatus } from "./schema";
import { Storage, type StoredEvent } from "./storage";

/**
 * The executor's runs as an operator sees them: list, read, re-run, cancel. This is how anything
 * outside the executor reads its tables. `scope` keeps a caller to the runs whose triggering events
 * carry the given top-level `data` fields (an app's tenant, say); a run outside it is not found.
 */
export interface RunScope {
  eventData: Record<string, string>;
}

export interface RunView {
  run: InngestRunRow;
  /** The most attempts any of its steps took. */
  attempts: number;
  /** Its first triggering event, if it still exists. */
  trigger: StoredEvent | null;
}

export interface RunDetail extends RunView {
  steps: { stepId: string; op: string; name: string | null; attempts: number; result: unknown; completedAt: Date }[];
}

function inScope(scope: RunScope): SQL {
  const conditions = Object.entries(scope.eventData).map(([key, value]) => sql`e.data->>${key} = ${value}`);
  if (conditions.length === 0) throw new Error("a run scope needs at least one event data field");
  return sql`exists (
    select 1 from ${inngestEvents} e
    where e.id in (select jsonb_array_elements_text(${inngestRuns.eventIds})) and ${sql.join(conditions, sql` and `)})`;
}

/** The scope's most recent runs, newest first. */
export async function listRuns(db: Conn, scope: RunScope, opts: { status?: InngestRunStatus; limit?: number } = {}): Promise<RunView[]> {
  if (!(await hasTables(db))) return [];
  const runs = await db
    .select()
    .from(inngestRuns)
    .where(and(inScope(scope), opts.status ? eq(inngestRuns.status, opts.status) : undefined))
    .orderBy(desc(inngestRuns.startedAt))
    .limit(opts.limit ?? 50);
  if (runs.length === 0) return [];
  const attempts = await db
    .select({ runId: inngestSteps.runId, attempts: sql<number>`max(${inngestSteps.attempts})::int` })
    .from(inngestSteps)
    .where(
      inArray(
        inngestSteps.runId,
        runs.map((r) => r.id),
      ),
    )
    .groupBy(inngestSteps.runId);
  const byRun = new Map(attempts.map((a) => [a.runId, a.attempts]));
  const triggers = await triggersOf(db, runs);
  return runs.map((run) => ({ run, attempts: byRun.get(run.id) ?? 0, trigger: triggers.get(run.eventIds[0] ?? "") ?? null }));
}

/** One run of the scope with its steps in completion order; undefined outside the scope. */
export async function getRun(db: Conn, scope: RunScope, id: string): Promise<RunDetail | undefined> {
  if (!(await hasTables(db))) return undefined;
  const [run] = await db
    .select()
    .from(inngestRuns)
    .where(and(eq(inngestRuns.id, id), inScope(scope)));
  if (!run) return undefined;
  const steps = await db.select().from(inngestSteps).where(eq(inngestSteps.runId, id)).orderBy(asc(inngestSteps.position));
  const triggers = await triggersOf(db, [run]);
  return {
    run,
    attempts: Math.max(0, ...steps.map((s) => s.attempts)),
    trigger: triggers.get(run.eventIds[0] ?? "") ?? null,
    steps: steps.map((s) => ({ stepId: s.stepId, op: s.op, name: s.name, attempts: s.attempts, result: s.result, completedAt: s.completedAt })),
  };
}

/** The run, locked for this transaction, if it is in `scope`. */
async function lockRun(tx: Conn, scope: RunScope, id: string): Promise<InngestRunRow | undefined> {
  if (!(await hasTables(tx))) return undefined;
  const [run] = await tx
    .select()
    .from(inngestRuns)
    .where(and(eq(inngestRuns.id, id), inScope(scope)))
    .for("update");
  return run;
}

/**
 * Starts a fresh run of an ended run's function with the same triggering events, inside `tx` (so a
 * caller can commit its own record of it alongside). The engine picks it up on its next poll.
 * Idempotency keys are deliberately not applied: a re-run is asked for.
 */
export async function rerunRun(
  tx: Conn,
  scope: RunScope,
  id: string,
  clock: Clock = systemClock,
): Promise<{ started: InngestRunRow } | { active: InngestRunRow } | undefined> {
  const run = await lockRun(tx, scope, id);
  if (!run) return undefined;
  if (run.status === "running") return { active: run };
  const storage = new Storage(tx as ExecutorDatabase, clock);
  const started = await storage.createRun({ functionId: run.functionId, eventIds: run.eventIds, maxAttempts: run.maxAttempts }, tx);
  return { started };
}

/**
 * Cancels a running run inside `tx`: it ends as `cancelled` with its queue items and waits gone, so
 * the engine never calls it again (an answer already on its way is dropped, the run having ended), and
 * `inngest/function.cancelled` is recorded. Functions triggered by that event are not started from
 * here, only by an engine's own cancellations (cancelOn).
 */
export async function cancelRun(
  tx: Conn,
  scope: RunScope,
  id: string,
  clock: Clock = systemClock,
): Promise<{ cancelled: InngestRunRow } | { ended: InngestRunRow } | undefined> {
  const run = await lockRun(tx, scope, id);
  if (!run) return undefined;
  if (run.status !== "running") return { ended: run };
  const storage = new Storage(tx as ExecutorDatabase, clock);
  await storage.endRun(tx, run.id, "cancelled", { error: { name: "Error", message: "run cancelled" } });
  const [event] = await storage.getEvents(run.eventIds.slice(0, 1), tx);
  await storage.insertEvent(
    { name: "inngest/function.cancelled", data: { function_id: run.functionId, run_id: run.id, event }, ts: clock.now().getTime() },
    undefined,
    tx,
  );
  const [cancelled] = await tx.select().from(inngestRuns).where(eq(inngestRuns.id, run.id));
  return { cancelled: cancelled! };
}

/** The first triggering event of each run. */
async function triggersOf(db: Conn, runs: InngestRunRow[]): Promise<Map<string, StoredEvent>> {
  const ids = [...new Set(runs.map((r) => r.eventIds[0]).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(inngestEvents).where(inArray(inngestEvents.id, ids));
  return new Map(rows.map((e) => [e.id, { id: e.id, name: e.name, data: e.data, ...(e.user ? { user: e.user } : {}), ts: e.ts }]));
}

/**
 * Whether this database has the executor's tables: a process that never ran the executor (another
 * server on the same database, or one configured without a workflow engine) reads nothing rather than
 * failing. The executor creates them at its start (migrate.ts).
 */
async function hasTables(db: Conn): Promise<boolean> {
  const result = await db.execute(sql`select to_regclass('inngest_local.inngest_runs')::text as found`);
  const rows = (result as { rows?: { found: string | null }[] }).rows ?? (result as unknown as { found: string | null }[]);
  return Boolean(rows[0]?.found);
}
