// The Workflows page on Inngest Cloud / a self-hosted Inngest: the relay's real sender posts to a
// local HTTP double of Inngest's event API and REST API (test/inngest-api-double.ts), the ids it answers
// are recorded, and the page's verbs list, read and cancel a merchant's runs through the API, and
// re-run them through the outbox (the relay sends the re-run's event; nothing else sends).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, like, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, events, workflowEngineEvents } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { errorCodeOf, makeMerchant } from "@/test/fixtures";
import { getEvent } from "@/lib/events/get-event";
import { listEvents } from "@/lib/events/list-events";
import { startOutboxRelay } from "@/lib/events/outbox-relay";
import { publishPendingEvents, type OutboundEvent } from "@/lib/events/publish-events";
import { createPayment } from "@/lib/payments/create-payment";
import { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
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

/** The relay's real sender (imported once the environment points the Inngest client at the double). */
async function sendToInngest(batch: OutboundEvent[]) {
  const { sendToInngest: send } = await import("@/inngest/send");
  await send(batch);
}
const relaySends = sendToInngest;

/** The merchant's internal outbox rows of the re-run kind (a workflow event's own name). */
const rerunRows = (merchantId: string) =>
  h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, merchantId), like(events.type, "kassa/%")))
    .orderBy(asc(events.id));
const rerunAudits = (merchantId: string) =>
  h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.merchantId, merchantId), eq(auditLog.action, "workflow_run.rerun")));
/**
 * When the transaction that wrote a row started, to the microsecond: `created_at` defaults to now(),
 * which is the same for every row of one transaction (xmin would not do: the relay updates the event).
 */
async function transactionOf(table: typeof events | typeof auditLog, id: string): Promise<string> {
  const [row] = await h.db
    .select({ at: sql<string>`${table.createdAt}::text` })
    .from(table)
    .where(eq(table.id, id));
  return row!.at;
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

  it("re-runs an ended run through the outbox: its trigger committed with the audit row, sent by the relay under the outbox id (no webhook re-fan-out); the answer is the new run", async () => {
    const a = await makeMerchant(h.db);
    const b = await makeMerchant(h.db);
    // A real payment whose processor answer is lost (payment.processing → the settlement), of a merchant
    // with a webhook endpoint (so its events carry webhooks: true), sent by a real relay pass.
    await createWebhookEndpoint({ ctx: a.ctx, input: { url: "https://hooks.example.com/k", enabled_events: ["*"] } });
    const payment = await createPayment({ ctx: a.ctx, input: { amount: 2200, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true } });
    expect(payment.status).toBe("processing");
    await publishPendingEvents({ db: h.db, send: sendToInngest });
    const [processing] = await h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, a.merchantId), eq(events.type, "payment.processing")));
    const first = runOf(processing!.id);
    const original = double.events().find((e) => e.id === processing!.id)!;
    expect(original.data.webhooks).toBe(true);

    // Refused re-runs commit nothing: no outbox row, no audit row.
    expect(await errorCodeOf(rerunWorkflowRun({ ctx: a.ctx, id: first.run_id }))).toBe("workflow_run_active");
    double.finish(first.run_id, "Failed", { message: "timeout" });
    expect(await errorCodeOf(rerunWorkflowRun({ ctx: b.ctx, id: first.run_id }))).toBe("resource_missing");
    expect(await errorCodeOf(rerunWorkflowRun({ ctx: { ...a.ctx, role: "developer" }, id: first.run_id }))).toBe("permission_denied");
    expect(await rerunRows(a.merchantId)).toEqual([]);
    expect(await rerunAudits(a.merchantId)).toEqual([]);

    // The app's after-commit relay, as lib/startup.ts starts it.
    const stop = startOutboxRelay(sendToInngest);
    const answer = await rerunWorkflowRun({ ctx: a.ctx, id: first.run_id }).finally(stop);

    const rows = await rerunRows(a.merchantId);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ type: "kassa/payment.processing", data: { object: { ...original.data, webhooks: false } } });
    expect(row.publishedAt).not.toBeNull();
    const [audit] = await rerunAudits(a.merchantId);
    expect(audit).toMatchObject({
      targetType: "workflow_run",
      targetId: first.run_id,
      metadata: { from: first.run_id, function: "kassa-settle-payment", event: row.id },
    });
    // One commit wrote both.
    expect(await transactionOf(auditLog, audit!.id)).toBe(await transactionOf(events, row.id));

    // At the engine: the outbox id as event id, the trigger's own name, its data with the fan-out off.
    const resent = double.events().filter((e) => e.id === row.id);
    expect(resent).toEqual([expect.objectContaining({ name: "kassa/payment.processing", data: { ...original.data, webhooks: false } })]);
    // Only the settlement ran again: the fan-out's trigger does not match the re-sent event.
    const started = double.runs().filter((r) => r.event_id === resent[0]!.internal_id);
    expect(started.map((r) => r.function_id)).toEqual([double.functionId("kassa-settle-payment")]);
    expect(answer).toEqual({ id: started[0]!.run_id });
    // The new run is the merchant's: it shows in the list and its page.
    expect((await listWorkflowRuns({ ctx: a.ctx })).map((r) => r.id)).toEqual(expect.arrayContaining([started[0]!.run_id, first.run_id]));
    expect((await getWorkflowRun({ ctx: a.ctx, id: started[0]!.run_id })).trigger).toEqual({ event: "kassa/payment.processing", object: payment.id });
    expect(await errorCodeOf(getWorkflowRun({ ctx: b.ctx, id: started[0]!.run_id }))).toBe("resource_missing");

    // The re-run's event is a hand-off, not the payment's history nor an API event.
    const timeline = await getPaymentTimeline({ ctx: a.ctx, id: payment.id });
    const titles = timeline.timeline.filter((t) => t.kind === "event").map((t) => t.title);
    expect(titles).toContain("payment.processing");
    expect(timeline.timeline.map((t) => t.ref)).not.toContain(row.id);
    expect((await listEvents({ ctx: a.ctx, input: { limit: 100 }, url: "/v1/events" })).data.map((e) => e.id)).not.toContain(row.id);
    expect(await errorCodeOf(getEvent({ ctx: a.ctx, id: row.id }))).toBe("resource_missing");
  });

  it("a failing engine loses no re-run: its event stays in the outbox, and the sweep sends it under the same id", async () => {
    const a = await makeMerchant(h.db);
    await relaySends([outbound("evt_f", a.merchantId, "payment.processing", "pay_f", false)]);
    const first = runOf("evt_f");
    double.finish(first.run_id, "Failed", { message: "timeout" });
    const runs = inngestApiWorkflowRuns({ apiBaseUrl: double.url, signingKey: SIGNING_KEY, appId: "kassa", db: h.db, rerunWaitMs: 300 });

    double.refuseEvents(500);
    let answer: Awaited<ReturnType<typeof rerunWorkflowRun>>;
    try {
      answer = await rerunWorkflowRun({ ctx: a.ctx, id: first.run_id, runs });
      // The relay's pass fails (past the SDK's own retries) and frees the row.
      await expect(publishPendingEvents({ db: h.db, send: sendToInngest })).rejects.toThrow();
    } finally {
      double.refuseEvents(null);
    }
    const [row] = await rerunRows(a.merchantId);
    // Committed with its audit row whatever the engine does; the answer says it is requested.
    expect(answer).toEqual({ id: null, event: row!.id });
    expect(row).toMatchObject({ type: "kassa/payment.processing", publishedAt: null, publishLeasedUntil: null });
    expect(await rerunAudits(a.merchantId)).toEqual([
      expect.objectContaining({ targetId: first.run_id, metadata: expect.objectContaining({ event: row!.id }) }),
    ]);
    expect(double.events().filter((e) => e.id === row!.id)).toEqual([]);

    // The sweep (inngest/functions/outbox-sweep.ts) sends it: same id, name and data.
    await publishPendingEvents({ db: h.db, send: sendToInngest, olderThan: new Date(Date.now() + 1000) });
    const resent = double.events().filter((e) => e.id === row!.id);
    expect(resent).toEqual([
      expect.objectContaining({ name: "kassa/payment.processing", data: { ...double.events().find((e) => e.id === "evt_f")!.data, webhooks: false } }),
    ]);
    const run = double.runs().find((r) => r.event_id === resent[0]!.internal_id)!;
    // The page finds the new run by the re-run's event id, and lists it.
    expect(await runs.startedBy!({ merchantId: a.merchantId }, row!.id, "kassa-settle-payment")).toBe(run.run_id);
    expect((await listWorkflowRuns({ ctx: a.ctx })).map((r) => r.id)).toContain(run.run_id);
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
    const wrongKey = inngestApiWorkflowRuns({ apiBaseUrl: double.url, signingKey: "signkey-prod-wrong", appId: "kassa", db: h.db });
    const denied = await wrongKey.list({ merchantId: a.merchantId }, { limit: 10 }).then(
      () => null,
      (e: Error) => e,
    );
    expect(denied).toMatchObject({ code: "service_unavailable", message: expect.stringMatching(/signing key/) });
    double.failNext(500);
    expect(await errorCodeOf(getWorkflowRun({ ctx: a.ctx, id: runOf("evt_e").run_id }))).toBe("service_unavailable");
    const down = inngestApiWorkflowRuns({ apiBaseUrl: "http://127.0.0.1:9", signingKey: SIGNING_KEY, appId: "kassa", db: h.db });
    expect(await errorCodeOf(down.get({ merchantId: a.merchantId }, runOf("evt_e").run_id))).toBe("service_unavailable");
  });
});
