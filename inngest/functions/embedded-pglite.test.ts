// The embedded default as `npm run dev` runs it: one process, one PGlite, the executor and the
// outbox relay inside it, /api/inngest served by its real route module. Guards the single-connection
// case (a relay holding a transaction open while the in-process engine writes would deadlock) and the
// signing every mode must have: unsigned or forged calls to /api/inngest are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, sandboxCharges } from "@/db/schema";
import { inngestFunctions } from "@/inngest/local/schema";
import { canonicalJson, signBody } from "@/inngest/signature";
import { freePort } from "@/scripts/pg-server";
import { makeMerchant } from "@/test/fixtures";
import { rawRequest, serveRoute } from "@/test/route-server";

let db: Database;
let app: Awaited<ReturnType<typeof serveRoute>>;
let executorUrl: string;
let stopRelay: () => void;
let stopExecutor: () => Promise<void>;

beforeAll(async () => {
  process.env.DATABASE_URL = "memory://";
  process.env.KASSA_EXECUTOR_PORT = String(await freePort());
  for (const k of ["INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL", "INNGEST_SERVE_ORIGIN"]) delete process.env[k];
  const { getDb } = await import("@/db/client");
  db = await getDb();
  // As in Next: the executor starts (and sets the SDK's environment) before the route module first loads.
  const appPort = await freePort();
  const { startLocalEngine } = await import("@/lib/workflows/local-engine");
  const started = await startLocalEngine(db, appPort);
  app = await serveRoute(await import("@/app/api/inngest/route"), appPort);
  executorUrl = started!.url;
  stopExecutor = started!.stop;
  // The executor syncs the app in the background (a signed PUT → the SDK registers with the executor).
  for (let i = 0; i < 100 && (await db.select().from(inngestFunctions)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  const { startOutboxRelay } = await import("@/lib/events/outbox-relay");
  const { sendToInngest } = await import("@/inngest/send");
  stopRelay = startOutboxRelay(sendToInngest);
});
afterAll(async () => {
  stopRelay?.();
  await stopExecutor?.();
  await app?.close();
});

it("a payment whose answer was lost is settled by the in-process engine on PGlite, over signed calls", async () => {
  const { createPayment } = await import("@/lib/payments/create-payment");
  const { ctx } = await makeMerchant(db);
  const p = await createPayment({
    ctx: { ...ctx, db: undefined },
    input: { amount: 2200, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true },
  });
  expect(p.status).toBe("processing");
  await expect
    .poll(async () => (await db.select().from(payments).where(eq(payments.id, p.id)))[0]!.status, { timeout: 10_000, interval: 50 })
    .toBe("succeeded");
  expect(await db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, p.id))).toHaveLength(1);
});

describe("/api/inngest takes only the engine's signed calls", () => {
  const call = {
    version: 2,
    event: { name: "kassa/payment.processing", data: {} },
    events: [],
    steps: {},
    ctx: { run_id: "r", attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
  };

  it("an unsigned or badly signed sync (PUT) is 401, and a forged Host re-registers nothing", async () => {
    const before = await db.select().from(inngestFunctions);
    expect(before.every((f) => f.url.startsWith(`http://127.0.0.1:${app.port}/api/inngest`))).toBe(true);
    const unsigned = await rawRequest(`${app.url}/api/inngest`, { method: "PUT", headers: { host: "attacker.example:8996" } });
    expect(unsigned.status).toBe(401);
    expect((JSON.parse(unsigned.body) as { error: { code: string } }).error.code).toBe("workflow_signature_invalid");
    const wrongKey = await rawRequest(`${app.url}/api/inngest`, {
      method: "PUT",
      headers: { host: "attacker.example:8996", "x-inngest-signature": signBody("", "signkey-local-" + "ab".repeat(32)) },
    });
    expect(wrongKey.status).toBe(401);
    // Even a correctly signed sync registers the configured origin, never the request's Host.
    const signed = await rawRequest(`${app.url}/api/inngest`, {
      method: "PUT",
      headers: { host: "attacker.example:8996", "x-inngest-signature": signBody("", process.env.INNGEST_SIGNING_KEY!) },
    });
    expect(signed.status, signed.body).toBe(200);
    const after = await db.select().from(inngestFunctions);
    expect(after.length).toBe(before.length);
    expect(after.map((f) => f.url).filter((u) => u.includes("attacker"))).toEqual([]);
  });

  it("an unsigned or forged function call (POST) is 401 and runs nothing", async () => {
    const url = `${app.url}/api/inngest?fnId=kassa-webhook-deliver&stepId=step`;
    const body = canonicalJson(call);
    const unsigned = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(unsigned.status).toBe(401);
    const forged = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-inngest-signature": signBody(body, "signkey-local-" + "cd".repeat(32)) },
    });
    expect(forged.status).toBe(401);
    const stale = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": signBody(body, process.env.INNGEST_SIGNING_KEY!, Math.round(Date.now() / 1000) - 3600),
      },
    });
    expect(stale.status).toBe(401);
  });

  it("the executor takes events and registrations only with the app's keys", async () => {
    const event = JSON.stringify([{ name: "kassa/test.forged", data: {} }]);
    expect((await fetch(`${executorUrl}/e/NO_EVENT_KEY_SET`, { method: "POST", body: event })).status).toBe(401);
    expect((await fetch(`${executorUrl}/e/${process.env.INNGEST_EVENT_KEY}`, { method: "POST", body: event })).status).toBe(200);
    const register = JSON.stringify({ appName: "kassa", functions: [] });
    expect((await fetch(`${executorUrl}/fn/register`, { method: "POST", body: register })).status).toBe(401);
    expect((await fetch(`${executorUrl}/fn/register`, { method: "POST", body: register, headers: { authorization: "Bearer signkey-local-00" } })).status).toBe(
      401,
    );
  });
});
