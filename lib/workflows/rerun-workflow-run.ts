import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { inngestRuns } from "@/inngest/local/schema";
import { systemClock } from "@/inngest/local/clock";
import { Storage } from "@/inngest/local/storage";
import { writeAudit } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/service/roles";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { ofMerchant } from "./list-runs";

/**
 * Starts a fresh run of an ended run's function with the same triggering events — what an engineer
 * does once the cause of a failure (a stuck UPI poll, a dead webhook endpoint) is fixed. The local
 * executor picks the run up on its next poll. Idempotency keys are deliberately not applied.
 */
export async function rerunWorkflowRun({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<{ id: string }> {
  requirePermission(ctx, "workflows:write");
  return withTransaction(ctx, async (tx) => {
    const [run] = await tx
      .select()
      .from(inngestRuns)
      .where(and(eq(inngestRuns.id, id), ofMerchant(ctx.merchantId)))
      .for("update");
    if (!run) throw new KassaError("resource_missing", `No such run: '${id}'`, { param: "id" });
    if (run.status === "running") {
      throw new KassaError("workflow_run_active", "This run is still going; re-run it once it has ended.");
    }
    const storage = new Storage(tx as unknown as Database, systemClock);
    const fresh = await storage.createRun({ functionId: run.functionId, eventIds: run.eventIds, maxAttempts: run.maxAttempts }, tx);
    await writeAudit(tx, ctx, { action: "workflow_run.rerun", targetType: "workflow_run", targetId: fresh.id, metadata: { from: run.id, function: run.functionId } });
    return { id: fresh.id };
  });
}
