import { requirePermission } from "@/lib/service/roles";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { runStatuses, workflowRuns, type RunStatus, type WorkflowRuns } from "./runs";

/**
 * The merchant's most recent workflow runs, from whichever engine runs them (./runs). A run belongs
 * to a merchant when its triggering event carries that merchant (every outbox event does); platform
 * runs (crons) belong to no merchant and are not shown.
 */
export async function listWorkflowRuns({
  ctx,
  status,
  limit = 50,
  runs = workflowRuns({ db: ctx.db }),
}: {
  ctx: ServiceContext;
  status?: string;
  limit?: number;
  runs?: WorkflowRuns;
}) {
  requirePermission(ctx, "workflows:read");
  const filter = runStatuses.find((s) => s === status) as RunStatus | undefined;
  return runs.list({ merchantId: ctx.merchantId }, { status: filter, limit });
}

/** One run of the merchant's with its steps in completion order (when the engine hands them out). */
export async function getWorkflowRun({ ctx, id, runs = workflowRuns({ db: ctx.db }) }: { ctx: ServiceContext; id: string; runs?: WorkflowRuns }) {
  requirePermission(ctx, "workflows:read");
  const run = await runs.get({ merchantId: ctx.merchantId }, id);
  if (!run) throw new KassaError("resource_missing", `No such run: '${id}'`, { param: "id" });
  return run;
}
