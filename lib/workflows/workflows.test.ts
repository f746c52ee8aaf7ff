import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, events } from "@/db/schema";
import { inngestEvents, inngestQueue, inngestRuns, inngestWaits } from "@/inngest/local/schema";
import { migrateExecutor } from "@/inngest/local/migrate";
import { systemClock } from "@/inngest/local/clock";
import { Storage } from "@/inngest/local/storage";
import { KassaError } from "@/lib/service/errors";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { getWorkflowRun, listWorkflowRuns } from "./list-runs";
import { cancelWorkflowRun } from "./cancel-workflow-run";
import { rerunWorkflowRun } from "./rerun-workflow-run";

let h: DatabaseHandle;
let storage: Storage;
beforeAll(async () => {
  h = await freshPostgres("wf");
  await migrateExecutor(h.db);
  storage = new Storage(h.db, systemClock);
});
afterAll(() => h.close());

/** A run of `fn` triggered by an outbox event of `merchantId`, ended with `status` (or left running). */
async function runFor(merchantId: string, status: "failed" | "completed" | "running" = "failed") {
  const [event] = await storage.insertEvent({ name: "kassa/payment.succeeded", data: { merchant: merchantId, id: "evt_x" }, ts: Date.now() });
  const run = await storage.createRun({ functionId: "kassa-deliver", eventIds: [event.id], maxAttempts: 4 });
  if (status !== "running") {
    await h.db.transaction((tx) =>
      storage.endRun(tx, run.id, status, { error: status === "failed" ? { name: "Error", message: "endpoint down" } : undefined }),
    );
  }
  return run;
}

const code = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof KassaError ? e.code : String(e)),
  );

describe("workflow runs (operations page), embedded executor", () => {
  it("lists and shows only the merchant's runs, with the failure", async () => {
    const a = await makeMerchant(h.db);
    const b = await makeMerchant(h.db);
    const run = await runFor(a.merchantId);
    await runFor(b.merchantId);
    const list = await listWorkflowRuns({ ctx: a.ctx });
    expect(list.map((r) => r.id)).toEqual([run.id]);
    expect(list[0]).toMatchObject({ function: "kassa-deliver", status: "failed", error: "endpoint down" });
    expect((await getWorkflowRun({ ctx: a.ctx, id: run.id })).id).toBe(run.id);
    expect(await code(getWorkflowRun({ ctx: b.ctx, id: run.id }))).toBe("resource_missing");
    expect(await code(listWorkflowRuns({ ctx: { ...a.ctx, role: "analyst" } }))).toBe("permission_denied");
  });

  it("re-runs an ended run with the same events, queued for the executor in the audit's commit, and audits it", async () => {
    const a = await makeMerchant(h.db);
    const run = await runFor(a.merchantId);
    const answer = await rerunWorkflowRun({ ctx: a.ctx, id: run.id });
    if (answer.id === null) throw new Error(`the embedded executor answered no run: ${JSON.stringify(answer)}`);
    const { id } = answer;
    expect(id).not.toBe(run.id);
    // The executor's run is written in the commit itself: no event through the outbox.
    expect(await h.db.select().from(events).where(eq(events.merchantId, a.merchantId))).toEqual([]);
    const [fresh] = await h.db.select().from(inngestRuns).where(eq(inngestRuns.id, id));
    expect(fresh).toMatchObject({ functionId: "kassa-deliver", eventIds: run.eventIds, status: "running", maxAttempts: 4 });
    expect(await h.db.select().from(inngestQueue).where(eq(inngestQueue.runId, id))).toHaveLength(1);
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit).toMatchObject({ action: "workflow_run.rerun", merchantId: a.merchantId, metadata: { from: run.id, function: "kassa-deliver" } });
    // The new run shows on the merchant's page too.
    expect((await listWorkflowRuns({ ctx: a.ctx })).map((r) => r.id)).toContain(id);
  });

  it("refuses a running run, another merchant's run, and a developer", async () => {
    const a = await makeMerchant(h.db);
    const b = await makeMerchant(h.db);
    const running = await runFor(a.merchantId, "running");
    expect(await code(rerunWorkflowRun({ ctx: a.ctx, id: running.id }))).toBe("workflow_run_active");
    const ended = await runFor(a.merchantId, "completed");
    expect(await code(rerunWorkflowRun({ ctx: b.ctx, id: ended.id }))).toBe("resource_missing");
    expect(await code(rerunWorkflowRun({ ctx: { ...a.ctx, role: "developer" }, id: ended.id }))).toBe("permission_denied");
    expect(await code(rerunWorkflowRun({ ctx: a.ctx, id: "nope" }))).toBe("resource_missing");
    const runs = await h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, "kassa-deliver"));
    expect(runs.filter((r) => r.eventIds[0] === ended.eventIds[0])).toHaveLength(1);
  });

  it("cancels a running run: no more queue items or waits, function.cancelled recorded, audited; refuses an ended run, another merchant's, a developer", async () => {
    const a = await makeMerchant(h.db);
    const b = await makeMerchant(h.db);
    const running = await runFor(a.merchantId, "running");
    await h.db.transaction((tx) =>
      storage.addWait(tx, { runId: running.id, stepId: "w", eventName: "kassa/x", expression: null, expiresAt: new Date(Date.now() + 60_000) }),
    );
    expect(await code(cancelWorkflowRun({ ctx: b.ctx, id: running.id }))).toBe("resource_missing");
    expect(await code(cancelWorkflowRun({ ctx: { ...a.ctx, role: "developer" }, id: running.id }))).toBe("permission_denied");
    expect(await cancelWorkflowRun({ ctx: a.ctx, id: running.id })).toEqual({ id: running.id });
    const [after] = await h.db.select().from(inngestRuns).where(eq(inngestRuns.id, running.id));
    expect(after).toMatchObject({ status: "cancelled", error: { message: "run cancelled" } });
    expect(after!.endedAt).not.toBeNull();
    expect(await h.db.select().from(inngestQueue).where(eq(inngestQueue.runId, running.id))).toHaveLength(0);
    expect(await h.db.select().from(inngestWaits).where(eq(inngestWaits.runId, running.id))).toHaveLength(0);
    const cancelledEvents = await h.db.select().from(inngestEvents).where(eq(inngestEvents.name, "inngest/function.cancelled"));
    expect(cancelledEvents.map((e) => (e.data as { run_id: string }).run_id)).toContain(running.id);
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.targetId, running.id));
    expect(audit).toMatchObject({ action: "workflow_run.cancel", merchantId: a.merchantId });
    expect(await code(cancelWorkflowRun({ ctx: a.ctx, id: running.id }))).toBe("workflow_run_ended");
    expect((await getWorkflowRun({ ctx: a.ctx, id: running.id })).status).toBe("cancelled");
  });
});
