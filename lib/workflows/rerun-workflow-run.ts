import { commit } from "@/lib/service/commit";
import { requirePermission } from "@/lib/service/roles";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { workflowRuns, type WorkflowRuns } from "./runs";

/**
 * Starts a fresh run of an ended run's function with the same triggering event — what an engineer
 * does once the cause of a failure (a stuck UPI poll, a dead webhook endpoint) is fixed — and audits
 * it. With the embedded executor the new run is written in the audit's transaction.
 */
export async function rerunWorkflowRun({
  ctx,
  id,
  runs = workflowRuns({ db: ctx.db }),
}: {
  ctx: ServiceContext;
  id: string;
  runs?: WorkflowRuns;
}): Promise<{ id: string }> {
  requirePermission(ctx, "workflows:write");
  return commit(ctx, async (tx, changes) => {
    const outcome = await runs.rerun({ merchantId: ctx.merchantId }, id, tx);
    if (!outcome) throw new KassaError("resource_missing", `No such run: '${id}'`, { param: "id" });
    if ("active" in outcome) throw new KassaError("workflow_run_active", "This run is still going; re-run it once it has ended.");
    changes.audit({
      action: "workflow_run.rerun",
      targetType: "workflow_run",
      targetId: outcome.started.id,
      metadata: { from: id, function: outcome.started.function },
    });
    return { id: outcome.started.id };
  });
}
