// Idempotency-Key over HTTP: replays, conflicts, concurrent requests, key length
import { expect, test } from "@playwright/test";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant } from "../support/api";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

test("same key and body replays the first response; another body → 422", async ({ request }) => {
  const m = await seedMerchant("idem");
  const headers = { ...auth(m.secretKey), "Idempotency-Key": "same-key" };
  const first = await request.post("/api/v1/account", { headers, data: { business_name: "First" } });
  expect(first.status()).toBe(200);
  await request.post("/api/v1/account", { headers: auth(m.secretKey), data: { business_name: "Changed since" } });
  const replay = await request.post("/api/v1/account", { headers, data: { business_name: "First" } });
  expect(replay.status()).toBe(200);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.json()).toEqual(await first.json());
  await expectError(await request.post("/api/v1/account", { headers, data: { business_name: "Other" } }), 422, "idempotency_key_reused", {
    type: "idempotency_error",
  });
});

test("two concurrent requests with one key: one effect, the other 409 or a replay", async ({ request }) => {
  const m = await seedMerchant("race");
  const headers = { ...auth(m.secretKey), "Idempotency-Key": "race-key" };
  const responses = await Promise.all(Array.from({ length: 6 }, () => request.post("/api/v1/account", { headers, data: { business_name: "Raced" } })));
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
  expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
  for (const r of responses.filter((x) => x.status() === 409)) {
    expect((await r.json()).error.code).toBe("idempotency_key_in_use");
  }
  const events = await (await request.get("/api/v1/events?type=account.updated", { headers: auth(m.secretKey) })).json();
  expect(events.data).toHaveLength(1);
});

test("an Idempotency-Key over 255 characters → 400", async ({ request }) => {
  await expectError(
    await request.post("/api/v1/account", { headers: { ...auth(a.secretKey), "Idempotency-Key": "k".repeat(256) }, data: {} }),
    400,
    "idempotency_key_invalid",
  );
});
