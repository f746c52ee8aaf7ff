import type { Executor } from "@/db/client";
import { executor } from "@/lib/service/context";
import { cancelRun, getRun, listRuns, rerunRun, type RunScope, type RunView } from "@/inngest/local/runs";
import type { RunOwner, RunTrigger, WorkflowRunSummary, WorkflowRuns } from "./types";

// Kassa's embedded executor: its runs live in this database, read through the executor's own module.

const scopeOf = (owner: RunOwner): RunScope => ({ eventData: { merchant: owner.merchantId } });
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

function triggerOf(view: RunView): RunTrigger | null {
  if (!view.trigger) return null;
  const object = (view.trigger.data as { data?: { object?: { id?: unknown } } }).data?.object?.id;
  return { event: view.trigger.name, object: typeof object === "string" ? object : null };
}

function summary(view: RunView): WorkflowRunSummary {
  const { run } = view;
  return {
    id: run.id,
    function: run.functionId,
    trigger: triggerOf(view),
    status: run.status,
    attempts: view.attempts,
    error: run.error?.message ?? null,
    started: seconds(run.startedAt),
    ended: run.endedAt ? seconds(run.endedAt) : null,
    url: null,
  };
}

/** `db`: where the executor's tables are (the app's database; a test's own). */
export function localWorkflowRuns(db?: Executor): WorkflowRuns {
  const conn = () => executor({ db });
  return {
    engine: "embedded",
    async list(owner, { status, limit }) {
      return (await listRuns(await conn(), scopeOf(owner), { status, limit })).map(summary);
    },
    async get(owner, id) {
      const view = await getRun(await conn(), scopeOf(owner), id);
      if (!view) return null;
      return {
        ...summary(view),
        output: view.run.output ?? null,
        steps: view.steps.map((s) => ({ id: s.stepId, op: s.op, name: s.name, attempts: s.attempts, result: s.result, completed: seconds(s.completedAt) })),
      };
    },
    async rerun(owner, id, tx) {
      const outcome = await rerunRun(tx, scopeOf(owner), id);
      if (!outcome) return null;
      return "active" in outcome ? { active: true } : { started: { id: outcome.started.id, function: outcome.started.functionId } };
    },
    async cancel(owner, id, tx) {
      const outcome = await cancelRun(tx, scopeOf(owner), id);
      if (!outcome) return null;
      return "ended" in outcome ? { ended: true } : { cancelled: true };
    },
  };
}
