// Operations endpoints: health, metrics and cron closed without their secret, the workflow engine registered
import { db, seedMerchant } from "../support/db";
import { expect, expectError, kassa, test } from "../support/api";

// Raw `request` below for /api/health, /api/metrics, /api/cron/* and /api/inngest: not /api/v1 routes, so not in the typed client.
test("health and metrics", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).checks.database.status).toBe("ok");
  // Closed without the token (production fails closed, lib/http/with-cron.ts).
  await expectError(await request.get("/api/metrics"), 401, "unauthorized");
  await expectError(await request.get("/api/metrics", { headers: { Authorization: "Bearer wrong" } }), 401, "unauthorized");
  await expectError(await request.post("/api/cron/reap-idempotency-keys"), 401, "unauthorized");
  // A call of its own to count, whatever ran before.
  const m = await seedMerchant("metrics");
  expect((await kassa(m.secretKey).GET("/api/v1/account")).response.status).toBe(200);
  const metrics = await (await request.get("/api/metrics", { headers: { Authorization: "Bearer e2e-metrics-token" } })).text();
  expect(metrics).toMatch(/kassa_http_requests_total\{route="\/api\/v1\/account",method="GET",status="200"\} \d+/);
  expect(metrics).toMatch(/kassa_http_request_duration_seconds_bucket/);
});

test("the Inngest serve handler at /api/inngest registered Kassa's functions with the executor, and answers no unsigned caller", async ({ request }) => {
  const { functions } = await import("@/inngest/index");
  expect(functions.length).toBeGreaterThanOrEqual(6);
  const { inngestFunctions } = await import("@/inngest/local/schema");
  const registered = await (await db()).db.select().from(inngestFunctions);
  // Each function and its -failure handler, all at this server's /api/inngest.
  expect(registered.length).toBeGreaterThanOrEqual(functions.length);
  expect(registered.every((f) => f.url.startsWith(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/api/inngest`))).toBe(true);
  const res = await request.get("/api/inngest");
  expect(res.status()).toBe(401);
});
