// API keys: who may call, in which mode, with a request id on every answer
import { expect, test } from "@playwright/test";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant } from "../support/api";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

test("a good test key reads its own account, with a request id and rate-limit headers", async ({ request }) => {
  const res = await request.get("/api/v1/account", { headers: auth(a.secretKey) });
  expect(res.status()).toBe(200);
  const account = await res.json();
  expect(account).toMatchObject({ id: a.merchantId, object: "account", livemode: false, business_name: "Shop a" });
  expect(res.headers()["request-id"]).toMatch(/^req_/);
  expect(Number(res.headers()["ratelimit-limit"])).toBe(100);
  expect(Number(res.headers()["ratelimit-remaining"])).toBeLessThan(100);
  expect(res.headers()["ratelimit-reset"]).toMatch(/^\d+$/);
});

test("a live key is live mode", async ({ request }) => {
  const res = await request.get("/api/v1/account", { headers: auth(a.liveKey) });
  expect((await res.json()).livemode).toBe(true);
});

test("missing key → 401 api_key_missing", async ({ request }) => {
  await expectError(await request.get("/api/v1/account"), 401, "api_key_missing", { type: "authentication_error" });
});

test("malformed key → 401 api_key_invalid", async ({ request }) => {
  await expectError(await request.get("/api/v1/account", { headers: auth("not-a-key") }), 401, "api_key_invalid");
  await expectError(await request.get("/api/v1/account", { headers: { Authorization: "Basic abc" } }), 401, "api_key_invalid");
  await expectError(await request.get("/api/v1/account", { headers: auth("sk_test_" + "x".repeat(32)) }), 401, "api_key_invalid");
});

test("wrong-mode key → 401: a test secret under a live prefix, and a publishable key", async ({ request }) => {
  const swapped = a.secretKey.replace("sk_test_", "sk_live_");
  await expectError(await request.get("/api/v1/account", { headers: auth(swapped) }), 401, "api_key_invalid");
  await expectError(await request.get("/api/v1/account", { headers: auth(a.publishableKey) }), 401, "secret_key_required");
});

test("revoked key → 401 api_key_expired", async ({ request }) => {
  const m = await seedMerchant("revoke");
  const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
  expect((await request.get("/api/v1/account", { headers: auth(m.secretKey) })).status()).toBe(200);
  await revokeApiKey({ ctx: m.ctx, id: m.secretKeyId });
  await expectError(await request.get("/api/v1/account", { headers: auth(m.secretKey) }), 401, "api_key_expired");
});
