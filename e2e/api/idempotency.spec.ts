// Idempotency-Key over HTTP: replays, conflicts, concurrent requests, key length
import { seedMerchant } from "../support/db";
import { expect, expectError, kassa, ok, test, type Merchant } from "../support/api";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

test("same key and body replays the first response; another body → 422", async () => {
  const m = await seedMerchant("idem");
  const api = kassa(m.secretKey);
  const headers = { "Idempotency-Key": "same-key" };
  const first = await api.POST("/api/v1/account", { headers, body: { business_name: "First" } });
  expect(first.response.status).toBe(200);
  await ok(await api.POST("/api/v1/account", { body: { business_name: "Changed since" } }));
  const replay = await api.POST("/api/v1/account", { headers, body: { business_name: "First" } });
  expect(replay.response.status).toBe(200);
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect(replay.data).toEqual(first.data);
  await expectError(await api.POST("/api/v1/account", { headers, body: { business_name: "Other" } }), 422, "idempotency_key_reused", {
    type: "idempotency_error",
  });
});

test("two concurrent requests with one key: one effect, the other 409 or a replay", async () => {
  const m = await seedMerchant("race");
  const api = kassa(m.secretKey);
  const headers = { "Idempotency-Key": "race-key" };
  const responses = await Promise.all(Array.from({ length: 6 }, () => api.POST("/api/v1/account", { headers, body: { business_name: "Raced" } })));
  const statuses = responses.map((r) => r.response.status);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
  expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
  for (const r of responses.filter((x) => x.response.status === 409)) {
    expect(r.error?.error.code).toBe("idempotency_key_in_use");
  }
  const events = await ok(await api.GET("/api/v1/events", { params: { query: { type: "account.updated" } } }));
  expect(events.data).toHaveLength(1);
});

test("an Idempotency-Key over 255 characters → 400", async () => {
  await expectError(
    await kassa(a.secretKey).POST("/api/v1/account", { headers: { "Idempotency-Key": "k".repeat(256) }, body: {} }),
    400,
    "idempotency_key_invalid",
  );
});
