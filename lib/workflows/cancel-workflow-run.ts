import { commit } from "@/lib/service/commit";
import { requirePermission } from "@/lib/service/roles";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { workflowRuns, type WorkflowRuns } from "./runs";

/** Cancels a running run of the merchant's (it runs no further step) and audits it. */
export async function cancelWorkflowRun({
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
    const outcome = await runs.cancel({ merchantId: ctx.merchantId }, id, tx);
    if (!outcome) throw new KassaError("resource_missing", `No such run: '${id}'`, { param: "id" });
    if ("ended" in outcome) throw new KassaError("workflow_run_ended", "This run has already ended; there is nothing to cancel.");
    changes.audit({ action: "workflow_run.cancel", targetType: "workflow_run", targetId: id });
    return { id };
  });
}
