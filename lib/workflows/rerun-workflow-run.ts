import { declareRerunEvent } from "@/lib/events/internal-events";
import { commit } from "@/lib/service/commit";
import { requirePermission } from "@/lib/service/roles";
import { isTransaction, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { logger } from "@/lib/logger";
import { workflowRuns, type WorkflowRuns } from "./runs";

/** The new run's id; or, while the engine has not started it yet, the id of the event that will (`evt_…`). */
export type RerunAnswer = { id: string } | { id: null; event: string };

/**
 * Starts a fresh run of an ended run's function with the same triggering event — what an engineer
 * does once the cause of a failure (a stuck UPI poll, a dead webhook endpoint) is fixed — and audits
 * it. With the embedded executor the new run is written in the audit's transaction. With Inngest the
 * trigger is declared again as an internal outbox event in that transaction; the relay sends it after
 * commit, and the answer is the new run if Inngest starts it within a short wait, else the event's id.
 */
export async function rerunWorkflowRun({
  ctx,
  id,
  runs = workflowRuns({ db: ctx.db }),
}: {
  ctx: ServiceContext;
  id: string;
  runs?: WorkflowRuns;
}): Promise<RerunAnswer> {
  requirePermission(ctx, "workflows:write");
  const owner = { merchantId: ctx.merchantId };
  const done = await commit(ctx, async (tx, changes) => {
    const outcome = await runs.rerun(owner, id, tx);
    if (!outcome) throw new KassaError("resource_missing", `No such run: '${id}'`, { param: "id" });
    if ("active" in outcome) throw new KassaError("workflow_run_active", "This run is still going; re-run it once it has ended.");
    if ("started" in outcome) {
      changes.audit({
        action: "workflow_run.rerun",
        targetType: "workflow_run",
        targetId: outcome.started.id,
        metadata: { from: id, function: outcome.started.function },
      });
      return { id: outcome.started.id };
    }
    const event = declareRerunEvent(changes, outcome.resend);
    // The new run has no id yet: the audit row names the run re-run and the event that starts the new one.
    changes.audit({ action: "workflow_run.rerun", targetType: "workflow_run", targetId: id, metadata: { from: id, function: outcome.resend.function, event } });
    return { id: null, event, function: outcome.resend.function };
  });
  if (done.id !== null) return { id: done.id };
  // Inside a caller's transaction the event is not out until that commits: nothing to wait for.
  if (!runs.startedBy || (ctx.db && isTransaction(ctx.db))) return { id: null, event: done.event };
  const started = await runs.startedBy(owner, done.event, done.function).catch((err: unknown) => {
    // The re-run is committed and the relay (or the sweep) sends it; only the answer lacks its run.
    logger.warn({ err, event: done.event }, "could not look up the re-run's new run");
    return null;
  });
  return started ? { id: started } : { id: null, event: done.event };
}
