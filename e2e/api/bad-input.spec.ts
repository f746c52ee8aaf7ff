// Bad input to the API: each case its exact status and code, and nothing stored
import { seedMerchant } from "../support/db";
import { auth, expect, expectError, kassa, test, type Merchant } from "../support/api";
import type { APIRequestContext } from "@playwright/test";

let a: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
});

// Raw bytes (broken JSON, an oversized body) the typed client cannot send: `request`, checked against the document too.
const postRaw = (request: APIRequestContext, key: string, data: string, headers: Record<string, string> = {}) =>
  request.post("/api/v1/account", { headers: { ...auth(key), "Content-Type": "application/json", ...headers }, data: Buffer.from(data) });

test("unknown field → 400 parameter_unknown, nothing stored", async () => {
  // Deliberately invalid: `nickname` is no account field.
  const body = { business_name: "X", nickname: "y" } as never;
  const err = await expectError(await kassa(a.secretKey).POST("/api/v1/account", { body }), 400, "parameter_unknown", { type: "invalid_request_error" });
  expect(err.param).toBe("nickname");
  const { data: account } = await kassa(a.secretKey).GET("/api/v1/account");
  expect(account?.business_name).toBe("Shop a");
});

test("malformed JSON → 400 body_not_json", async ({ request }) => {
  await expectError(await postRaw(request, a.secretKey, '{"business_name": '), 400, "body_not_json");
});

test("invalid value → 400 parameter_invalid with param", async () => {
  // Deliberately invalid: no such currency.
  const body = { default_currency: "zzz" } as never;
  const err = await expectError(await kassa(a.secretKey).POST("/api/v1/account", { body }), 400, "parameter_invalid");
  expect(err.param).toBe("default_currency");
});

test("body over 1 MB → 413 body_too_large", async ({ request }) => {
  const big = JSON.stringify({ business_name: "x".repeat(1024 * 1024 + 10) });
  await expectError(await postRaw(request, a.secretKey, big), 413, "body_too_large");
});

test("limit=1000 → 400 parameter_invalid_integer", async () => {
  // Deliberately out of range (the document says at most 100).
  const query = { limit: 1000 } as never;
  const err = await expectError(await kassa(a.secretKey).GET("/api/v1/events", { params: { query } }), 400, "parameter_invalid_integer");
  expect(err.param).toBe("limit");
});

test("unknown query parameter → 400 parameter_unknown", async () => {
  // Deliberately invalid: `colour` is no parameter of the list.
  const query = { colour: "red" } as never;
  await expectError(await kassa(a.secretKey).GET("/api/v1/events", { params: { query } }), 400, "parameter_unknown");
});

test("unknown route → 404 route_not_found as JSON", async () => {
  // Deliberately a path the document does not have.
  await expectError(await kassa(a.secretKey).GET("/api/v1/nothing-here" as never), 404, "route_not_found");
});
