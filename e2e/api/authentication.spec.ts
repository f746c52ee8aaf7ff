// API keys: who may call, in which mode, with a request id on every answer
import { seedMerchant } from "../support/db";
import { expect, expectError, kassa, test, type Merchant } from "../support/api";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

const account = (key?: string, headers: Record<string, string> = {}) => kassa(key, headers).GET("/api/v1/account");

test("a good test key reads its own account, with a request id and rate-limit headers", async () => {
  const { data, response } = await account(a.secretKey);
  expect(response.status).toBe(200);
  expect(data).toMatchObject({ id: a.merchantId, object: "account", livemode: false, business_name: "Shop a" });
  expect(response.headers.get("request-id")).toMatch(/^req_/);
  expect(Number(response.headers.get("ratelimit-limit"))).toBe(100);
  expect(Number(response.headers.get("ratelimit-remaining"))).toBeLessThan(100);
  expect(response.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
});

test("a live key is live mode", async () => {
  expect((await account(a.liveKey)).data?.livemode).toBe(true);
});

test("missing key → 401 api_key_missing", async () => {
  await expectError(await account(), 401, "api_key_missing", { type: "authentication_error" });
});

test("malformed key → 401 api_key_invalid", async () => {
  await expectError(await account("not-a-key"), 401, "api_key_invalid");
  await expectError(await account(undefined, { Authorization: "Basic abc" }), 401, "api_key_invalid");
  await expectError(await account("sk_test_" + "x".repeat(32)), 401, "api_key_invalid");
});

test("wrong-mode key → 401: a test secret under a live prefix, and a publishable key", async () => {
  const swapped = a.secretKey.replace("sk_test_", "sk_live_");
  await expectError(await account(swapped), 401, "api_key_invalid");
  await expectError(await account(a.publishableKey), 401, "secret_key_required");
});

test("revoked key → 401 api_key_expired", async () => {
  const m = await seedMerchant("revoke");
  const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
  expect((await account(m.secretKey)).response.status).toBe(200);
  await revokeApiKey({ ctx: m.ctx, id: m.secretKeyId });
  await expectError(await account(m.secretKey), 401, "api_key_expired");
});
