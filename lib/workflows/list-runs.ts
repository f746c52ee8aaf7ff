import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { inngestEvents, inngestRuns, inngestSteps, type InngestRunRow } from "@/inngest/local/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/**
 * A run belongs to a merchant when one of its triggering events carries that merchant (every
 * outbox event does). Platform runs (crons) belong to no merchant and are not shown here.
 */
export const ofMerchant = (merchantId: string) => sql`exists (
  select 1 from ${inngestEvents} e
  where e.id in (select jsonb_array_elements_text(${inngestRuns.eventIds}))
    and e.data->>'merchant' = ${merchantId})`;

export interface RunTrigger {
  event: string;
  /** The id of the object the event is about (pay_…, re_…), when it carries one. */
  object: string | null;
}

export function serializeRun(r: InngestRunRow, attempts = 0, trigger: RunTrigger | null = null) {
  return {
    id: r.id,
    function: r.functionId,
    trigger,
    status: r.status,
    attempts,
    error: r.error?.message ?? null,
    started: Math.floor(r.startedAt.getTime() / 1000),
    ended: r.endedAt ? Math.floor(r.endedAt.getTime() / 1000) : null,
  };
}

export type RunObject = ReturnType<typeof serializeRun>;

/** The merchant's most recent workflow runs, with the most attempts any of their steps took. */
export async function listWorkflowRuns({ ctx, status, limit = 50 }: { ctx: ServiceContext; status?: string; limit?: number }) {
  requirePermission(ctx, "workflows:read");
  const db = await executor(ctx);
  const runs = await db
    .select()
    .from(inngestRuns)
    .where(and(ofMerchant(ctx.merchantId), status ? eq(inngestRuns.status, status as InngestRunRow["status"]) : undefined))
    .orderBy(desc(inngestRuns.startedAt))
    .limit(limit);
  if (runs.length === 0) return [];
  const attempts = await db
    .select({ runId: inngestSteps.runId, attempts: sql<number>`max(${inngestSteps.attempts})::int` })
    .from(inngestSteps)
    .where(inArray(inngestSteps.runId, runs.map((r) => r.id)))
    .groupBy(inngestSteps.runId);
  const byRun = new Map(attempts.map((a) => [a.runId, a.attempts]));
  const triggers = await triggersOf(db, runs);
  return runs.map((r) => serializeRun(r, byRun.get(r.id) ?? 0, triggers.get(r.eventIds[0] ?? "") ?? null));
}

/** One run of the merchant's with its steps in completion order. */
export async function getWorkflowRun({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "workflows:read");
  const db = await executor(ctx);
  const [run] = await db.select().from(inngestRuns).where(and(eq(inngestRuns.id, id), ofMerchant(ctx.merchantId)));
  if (!run) throw new KassaError("resource_missing", `No such run: '${id}'`, { param: "id" });
  const steps = await db.select().from(inngestSteps).where(eq(inngestSteps.runId, id)).orderBy(asc(inngestSteps.position));
  const triggers = await triggersOf(db, [run]);
  return {
    ...serializeRun(run, Math.max(0, ...steps.map((s) => s.attempts)), triggers.get(run.eventIds[0] ?? "") ?? null),
    output: run.output ?? null,
    steps: steps.map((s) => ({
      id: s.stepId,
      op: s.op,
      name: s.name,
      attempts: s.attempts,
      result: s.result,
      completed: Math.floor(s.completedAt.getTime() / 1000),
    })),
  };
}

/** The first triggering event of each run: its name and the object it is about. */
async function triggersOf(db: Executor, runs: InngestRunRow[]): Promise<Map<string, RunTrigger>> {
  const ids = [...new Set(runs.map((r) => r.eventIds[0]).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: inngestEvents.id, name: inngestEvents.name, data: inngestEvents.data }).from(inngestEvents).where(inArray(inngestEvents.id, ids));
  return new Map(
    rows.map((e) => {
      const object = (e.data as { data?: { object?: { id?: unknown } } }).data?.object?.id;
      return [e.id, { event: e.name, object: typeof object === "string" ? object : null }];
    }),
  );
}
