// The Workflows page on Inngest Cloud / a self-hosted Inngest: the relay's real sender posts to a
// local HTTP double of Inngest's event API and REST API (test/inngest-api-double.ts), the ids it answers
// are recorded, and the page's verbs list, read, re-run and cancel a merchant's runs through the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, workflowEngineEvents } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { errorCodeOf, makeMerchant } from "@/test/fixtures";
import type { OutboundEvent } from "@/lib/events/publish-events";
import { cancelWorkflowRun } from "../cancel-workflow-run";
import { getWorkflowRun, listWorkflowRuns } from "../list-runs";
import { rerunWorkflowRun } from "../rerun-workflow-run";
import { startInngestDouble } from "@/test/inngest-api-double";
import { inngestApiWorkflowRuns } from "./inngest-api";
import { runsEngineConfig } from "./index";

const SIGNING_KEY = "signkey-prod-0123456789abcdef0123456789abcdef";
const EVENT_KEY = "evtkey-double";

let h: DatabaseHandle & { url: string };
let double: Awaited<ReturnType<typeof startInngestDouble>>;
const saved = { ...process.env };

beforeAll(async () => {
  h = await freshPostgres("inngest_api");
  double = await startInngestDouble({
    signingKey: SIGNING_KEY,
    eventKey: EVENT_KEY,
    appId: "kassa",
    functions: [
      { slug: "kassa-settle-payment", event: "kassa/payment.processing" },
      { slug: "kassa-webhook-fan-out", event: "kassa/*", if: (e) => e.data.webhooks === true },
    ],
  });
  // Configured as for Inngest Cloud / self-hosted: keys, and the server's address.
  Object.assign(process.env, { DATABASE_URL: h.url, INNGEST_BASE_URL: double.url, INNGEST_EVENT_KEY: EVENT_KEY, INNGEST_SIGNING_KEY: SIGNING_KEY });
  delete process.env.INNGEST_DEV;
  delete process.env.KASSA_INNGEST_RUN_URL;
});
afterAll(async () => {
  process.env = saved;
  await double?.close();
  await h?.close();
});

/** An outbox event as the relay sends it (lib/events/publish-events.ts toOutboundEvent). */
function outbound(id: string, merchant: string | null, type: string, objectId: string, webhooks = true): OutboundEvent {
  const data = { id, object: "event", type, created: 1, livemode: false, data: { object: { id: objectId } } };
  return { id, name: `kassa/${type}`, data: merchant ? { ...data, merchant, webhooks } : data, ts: Date.now() };
}

async function relaySends(batch: OutboundEvent[]) {
  const { sendToInngest } = await import("@/inngest/send");
  await sendToInngest(batch);
}

const runOf = (eventId: string, slug = "kassa-settle-payment") => {
  const internal = double.events().find((e) => e.id === eventId)!.internal_id;
  return double.runs().find((r) => r.event_id === internal && r.function_id === double.functionId(slug))!;
};

describe("which engine's runs the page shows", () => {
  it("the embedded executor's when it runs here; Inngest's API with keys (Cloud, self-hosted) or a dev server; else the executor's tables", () => {
    const keys = { INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "signkey-prod-1" };
    expect(runsEngineConfig(keys, true)).toEqual({ kind: "embedded" });
    expect(runsEngineConfig({}, false)).toEqual({ kind: "embedded" });
    expect(runsEngineConfig({ INNGEST_EVENT_KEY: "e" }, false)).toEqual({ kind: "embedded" });
    const cloud = runsEngineConfig(keys, false);
    expect(cloud).toMatchObject({ kind: "inngest", apiBaseUrl: "https://api.inngest.com", signingKey: "signkey-prod-1" });
    expect(cloud.kind === "inngest" && cloud.runUrl("01ABC")).toBe("https://app.inngest.com/env/production/runs/01ABC");
    const branch = runsEngineConfig({ ...keys, INNGEST_ENV: "preview-7" }, false);
    expect(branch).toMatchObject({ env: "preview-7" });
    expect(branch.kind === "inngest" && branch.runUrl("01ABC")).toBe("https://app.inngest.com/env/preview-7/runs/01ABC");
    const selfHosted = runsEngineConfig({ ...keys, INNGEST_BASE_URL: "https://inngest.internal:8288/" }, false);
    expect(selfHosted).toMatchObject({ kind: "inngest", apiBaseUrl: "https://inngest.internal:8288" });
    expect(runsEngineConfig({ ...keys, INNGEST_BASE_URL: "https://x", INNGEST_API_BASE_URL: "https://api.x" }, false)).toMatchObject({
      apiBaseUrl: "https://api.x",
    });
    expect(runsEngineConfig({ INNGEST_DEV: "1" }, false)).toMatchObject({ kind: "inngest", apiBaseUrl: "http://127.0.0.1:8288" });
    const custom = runsEngineConfig({ ...keys, KASSA_INNGEST_RUN_URL: "https://ops.example/runs/{runId}" }, false);
    expect(custom.kind === "inngest" && custom.runUrl("01ABC")).toBe("https://ops.example/runs/01ABC");
  });
});

describe("runs on Inngest, through its REST API", () => {
  it("the relay's sender records the ids Inngest gave each merchant event, not platform events", async () => {
    const a = await makeMerchant(h.db);
    await relaySends([outbound("evt_rec_1", a.merchantId, "payment.processing", "pay_rec"), outbound("evt_rec_2", null, "payment.processing", "pay_platform")]);
    const rows = await h.db.select().from(workflowEngineEvents).where(eq(workflowEngineEvents.merchantId, a.merchantId));
    expect(rows).toEqual([expect.objectContaining({ eventId: "evt_rec_1", name: "kassa/payment.processing", objectId: "pay_rec", livemode: false })]);
    expect(rows[0]!.engineEventId).toBe(double.events().find((e) => e.id === "evt_rec_1")!.internal_id);
    expect(await h.db.select().from(workflowEngineEvents).where(eq(workflowEngineEvents.eventId, "evt_rec_2"))).toHaveLength(0);
  });

  it("lists and shows only the merchant's runs, with Inngest's status, output, error and dashboard link", async () => {
    const a = await makeMerchant(h.db);
    const b = await makeMerchant(h.db);
    await relaySends([outbound("evt_l_a", a.merchantId, "payment.processing", "pay_a"), outbound("evt_l_b", b.merchantId, "payment.processing", "pay_b")]);
    const mine = runOf("evt_l_a");
    const list = await listWorkflowRuns({ ctx: a.ctx });
    expect(list.map((r) => r.id).sort()).toEqual([mine.run_id, runOf("evt_l_a", "kassa-webhook-fan-out").run_id].sort());
    expect(list.find((r) => r.id === mine.run_id)).toEqual({
      id: mine.run_id,
      function: "kassa-settle-payment",
      trigger: { event: "kassa/payment.processing", object: "pay_a" },
      status: "running",
      attempts: null,
      error: null,
      started: expect.any(Number),
      ended: null,
      url: `${double.url}/run?runID=${mine.run_id}`,
    });
    expect(await listWorkflowRuns({ ctx: a.ctx, status: "failed" })).toEqual([]);

    double.finish(mine.run_id, "Failed", { name: "Error", message: "processor unreachable" });
    const [failed] = await listWorkflowRuns({ ctx: a.ctx, status: "failed" });
    expect(failed).toMatchObject({ id: mine.run_id, status: "failed", error: "processor unreachable", ended: expect.any(Number) });
    const detail = await getWorkflowRun({ ctx: a.ctx, id: mine.run_id });
    expect(detail).toMatchObject({ status: "failed", output: { name: "Error", message: "processor unreachable" }, steps: null });

    // Another merchant's run, an id Inngest does not have, one that is not an id at all: not found.
    expect(await errorCodeOf(getWorkflowRun({ ctx: b.ctx, id: mine.run_id }))).toBe("resource_missing");
    expect(await errorCodeOf(getWorkflowRun({ ctx: a.ctx, id: "01J0000000000000000000000Z" }))).toBe("resource_missing");
    expect(await errorCodeOf(getWorkflowRun({ ctx: a.ctx, id: "../v1/apps" }))).toBe("resource_missing");
    expect(await errorCodeOf(listWorkflowRuns({ ctx: { ...a.ctx, role: "analyst" } }))).toBe("permission_denied");
    // Every API call carried the signing key as Inngest documents.
    const api = double.requests.filter((r) => r.path.startsWith("/v1/"));
    expect(api.length).toBeGreaterThan(3);
    expect(api.every((r) => r.authorization === `Bearer ${SIGNING_KEY}`)).toBe(true);
  });

  it("re-runs an ended run by sending its event again under a new id (no webhook re-fan-out), waits for the run, audits it", async () => {
    const a = await makeMerchant(h.db);
    const b = await makeMerchant(h.db);
    await relaySends([outbound("evt_r", a.merchantId, "payment.processing", "pay_r", true)]);
    const first = runOf("evt_r");
    expect(await errorCodeOf(rerunWorkflowRun({ ctx: a.ctx, id: first.run_id }))).toBe("workflow_run_active");
    double.finish(first.run_id, "Failed", { message: "timeout" });
    expect(await errorCodeOf(rerunWorkflowRun({ ctx: b.ctx, id: first.run_id }))).toBe("resource_missing");
    expect(await errorCodeOf(rerunWorkflowRun({ ctx: { ...a.ctx, role: "developer" }, id: first.run_id }))).toBe("permission_denied");
    const sentBefore = double.events().length;

    const { id } = await rerunWorkflowRun({ ctx: a.ctx, id: first.run_id });
    expect(id).not.toBe(first.run_id);
    const resent = double.events().slice(sentBefore);
    expect(resent).toHaveLength(1);
    expect(resent[0]!.id).toMatch(/^evt_r-rerun-/);
    const originalData = double.events().find((e) => e.id === "evt_r")!.data;
    expect(resent[0]).toMatchObject({ name: "kassa/payment.processing", data: { ...originalData, webhooks: false } });
    expect(originalData.webhooks).toBe(true);
    // Only the settlement ran again: the fan-out's trigger does not match the re-sent event.
    expect(
      double
        .runs()
        .filter((r) => r.event_id === resent[0]!.internal_id)
        .map((r) => r.run_id),
    ).toEqual([id]);
    const fresh = double.runs().find((r) => r.run_id === id)!;
    expect(fresh).toMatchObject({ function_id: double.functionId("kassa-settle-payment"), event_id: resent[0]!.internal_id, status: "Running" });
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit).toMatchObject({ action: "workflow_run.rerun", merchantId: a.merchantId, metadata: { from: first.run_id, function: "kassa-settle-payment" } });
    // The new run is the merchant's: it shows in the list and its page.
    expect((await listWorkflowRuns({ ctx: a.ctx })).map((r) => r.id)).toEqual(expect.arrayContaining([id, first.run_id]));
    expect((await getWorkflowRun({ ctx: a.ctx, id })).trigger).toEqual({ event: "kassa/payment.processing", object: "pay_r" });
  });

  it("cancels a running run with DELETE /v1/runs/{id}, audits it, and refuses an ended one", async () => {
    const a = await makeMerchant(h.db);
    const b = await makeMerchant(h.db);
    await relaySends([outbound("evt_c", a.merchantId, "payment.processing", "pay_c", false)]);
    const run = runOf("evt_c");
    expect(await errorCodeOf(cancelWorkflowRun({ ctx: b.ctx, id: run.run_id }))).toBe("resource_missing");
    expect(await errorCodeOf(cancelWorkflowRun({ ctx: { ...a.ctx, role: "developer" }, id: run.run_id }))).toBe("permission_denied");
    expect(double.runs().find((r) => r.run_id === run.run_id)!.status).toBe("Running");
    expect(await cancelWorkflowRun({ ctx: a.ctx, id: run.run_id })).toEqual({ id: run.run_id });
    expect(double.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/v1/runs/${run.run_id}` });
    expect((await getWorkflowRun({ ctx: a.ctx, id: run.run_id })).status).toBe("cancelled");
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.targetId, run.run_id));
    expect(audit).toMatchObject({ action: "workflow_run.cancel", merchantId: a.merchantId });
    expect(await errorCodeOf(cancelWorkflowRun({ ctx: a.ctx, id: run.run_id }))).toBe("workflow_run_ended");
  });

  it("a wrong signing key or a failing Inngest is a clear service_unavailable, never a crash or an empty page", async () => {
    const a = await makeMerchant(h.db);
    await relaySends([outbound("evt_e", a.merchantId, "payment.processing", "pay_e")]);
    const wrongKey = inngestApiWorkflowRuns({ apiBaseUrl: double.url, signingKey: "signkey-prod-wrong", appId: "kassa", send: async () => [], db: h.db });
    const denied = await wrongKey.list({ merchantId: a.merchantId }, { limit: 10 }).then(
      () => null,
      (e: Error) => e,
    );
    expect(denied).toMatchObject({ code: "service_unavailable", message: expect.stringMatching(/signing key/) });
    double.failNext(500);
    expect(await errorCodeOf(getWorkflowRun({ ctx: a.ctx, id: runOf("evt_e").run_id }))).toBe("service_unavailable");
    const down = inngestApiWorkflowRuns({ apiBaseUrl: "http://127.0.0.1:9", signingKey: SIGNING_KEY, appId: "kassa", send: async () => [], db: h.db });
    expect(await errorCodeOf(down.get({ merchantId: a.merchantId }, runOf("evt_e").run_id))).toBe("service_unavailable");
  });
});
