// Bad input to the API: each case its exact status and code, and nothing stored
import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant } from "../support/api";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

const post = (request: APIRequestContext, key: string, data: string, headers: Record<string, string> = {}) =>
  request.post("/api/v1/account", { headers: { ...auth(key), "Content-Type": "application/json", ...headers }, data: Buffer.from(data) });

test("unknown field → 400 parameter_unknown, nothing stored", async ({ request }) => {
  const err = await expectError(await post(request, a.secretKey, JSON.stringify({ business_name: "X", nickname: "y" })), 400, "parameter_unknown", {
    type: "invalid_request_error",
  });
  expect(err.param).toBe("nickname");
  const account = await (await request.get("/api/v1/account", { headers: auth(a.secretKey) })).json();
  expect(account.business_name).toBe("Shop a");
});

test("malformed JSON → 400 body_not_json", async ({ request }) => {
  await expectError(await post(request, a.secretKey, '{"business_name": '), 400, "body_not_json");
});

test("invalid value → 400 parameter_invalid with param", async ({ request }) => {
  const err = await expectError(await post(request, a.secretKey, JSON.stringify({ default_currency: "zzz" })), 400, "parameter_invalid");
  expect(err.param).toBe("default_currency");
});

test("body over 1 MB → 413 body_too_large", async ({ request }) => {
  const big = JSON.stringify({ business_name: "x".repeat(1024 * 1024 + 10) });
  await expectError(await post(request, a.secretKey, big), 413, "body_too_large");
});

test("limit=1000 → 400 parameter_invalid_integer", async ({ request }) => {
  const err = await expectError(await request.get("/api/v1/events?limit=1000", { headers: auth(a.secretKey) }), 400, "parameter_invalid_integer");
  expect(err.param).toBe("limit");
});

test("unknown query parameter → 400 parameter_unknown", async ({ request }) => {
  await expectError(await request.get("/api/v1/events?colour=red", { headers: auth(a.secretKey) }), 400, "parameter_unknown");
});

test("unknown route → 404 route_not_found as JSON", async ({ request }) => {
  await expectError(await request.get("/api/v1/nothing-here", { headers: auth(a.secretKey) }), 404, "route_not_found");
});
