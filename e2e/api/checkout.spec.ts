// Checkout sessions and payment links over real HTTP: bad input, tenancy, idempotency.
import { expect, test } from "@playwright/test";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant, ok } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("co-a");
  b = await seedMerchant("co-b");
});

const session = { amount: 4200, currency: "usd", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/cart" };

test.describe("POST /api/v1/checkout/sessions", () => {
  const post = (request: import("@playwright/test").APIRequestContext, data: unknown, key = a.secretKey, headers: Record<string, string> = {}) =>
    request.post("/api/v1/checkout/sessions", { headers: auth(key, headers), data: data as Record<string, unknown> });

  test("creates an open session", async ({ request, baseURL }) => {
    const s = await ok(await post(request, { ...session, payment_method_types: ["card"], metadata: { order: "42" }, embed_origins: ["https://shop.example"] }));
    expect(s).toMatchObject({
      object: "checkout.session",
      status: "open",
      amount: 4200,
      currency: "usd",
      payment: null,
      livemode: false,
      metadata: { order: "42" },
      url: `${baseURL}/pay/${s.id}`,
    });
    expect(s.id).toMatch(/^cs_/);
    expect((s.expires_at as number) - (s.created as number)).toBe(86400);
  });

  test("missing, invalid and oversized input", async ({ request }) => {
    await expectError(await post(request, { ...session, amount: undefined }), 400, "parameter_missing", { param: "amount" });
    await expectError(await post(request, { ...session, success_url: undefined }), 400, "parameter_missing", { param: "success_url" });
    await expectError(await post(request, { ...session, amount: "42" }), 400, "parameter_invalid", { param: "amount" });
    await expectError(await post(request, { ...session, amount: 42.5 }), 400, "parameter_invalid_integer", { param: "amount" });
    await expectError(await post(request, { ...session, amount: 10 }), 400, "amount_too_small", { param: "amount" });
    await expectError(await post(request, { ...session, amount: 100_000_000 }), 400, "amount_too_large", { param: "amount" });
    await expectError(await post(request, { ...session, currency: "xyz" }), 400, "currency_unsupported", { param: "currency" });
    await expectError(await post(request, { ...session, success_url: "ftp://shop.example/ok" }), 400, "parameter_invalid", { param: "success_url" });
    await expectError(await post(request, { ...session, cancel_url: "not a url" }), 400, "parameter_invalid", { param: "cancel_url" });
    await expectError(await post(request, { ...session, payment_method_types: ["cash"] }), 400, "parameter_invalid", { param: "payment_method_types[0]" });
    await expectError(await post(request, { ...session, capture_method: "later" }), 400, "parameter_invalid", { param: "capture_method" });
    await expectError(await post(request, { ...session, embed_origins: ["https://shop.example/checkout"] }), 400, "parameter_invalid", {
      param: "embed_origins[0]",
    });
    await expectError(
      await post(request, { ...session, embed_origins: Array.from({ length: 6 }, (_, i) => `https://s${i}.example`) }),
      400,
      "parameter_invalid",
      { param: "embed_origins" },
    );
    await expectError(await post(request, { ...session, customer_email: "nope" }), 400, "parameter_invalid", { param: "customer_email" });
    await expectError(await post(request, { ...session, amount_override: 1 }), 400, "parameter_unknown", { param: "amount_override" });
    await expectError(await post(request, { ...session, description: "x".repeat(1001) }), 400, "parameter_invalid", { param: "description" });
    await expectError(await post(request, { ...session, description: "x".repeat(1_100_000) }), 413, "body_too_large");
    await expectError(
      await request.post("/api/v1/checkout/sessions", { headers: { ...auth(a.secretKey), "Content-Type": "application/json" }, data: Buffer.from("{nope") }),
      400,
      "body_not_json",
    );
  });

  test("a missing, wrong or publishable key is refused with 401", async ({ request }) => {
    await expectError(await request.post("/api/v1/checkout/sessions", { data: session }), 401, "api_key_missing");
    await expectError(await post(request, session, "sk_test_wrong"), 401, "api_key_invalid");
    await expectError(await post(request, session, a.publishableKey), 401, "secret_key_required");
  });

  test("duplicate: the same Idempotency-Key replays the same session; a different body is refused", async ({ request }) => {
    const key = `co-${Date.now()}`;
    const first = await post(request, session, a.secretKey, { "Idempotency-Key": key });
    const again = await post(request, session, a.secretKey, { "Idempotency-Key": key });
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect((await ok(again)).id).toBe((await ok(first)).id);
    await expectError(await post(request, { ...session, amount: 5000 }, a.secretKey, { "Idempotency-Key": key }), 422, "idempotency_key_reused");
  });
});

test.describe("GET /api/v1/checkout/sessions/:id", () => {
  test("one session; another merchant's, another mode's and unknown ids are not found", async ({ request }) => {
    const s = await ok<{ id: string }>(await request.post("/api/v1/checkout/sessions", { headers: auth(a.secretKey), data: session }));
    expect(await ok(await request.get(`/api/v1/checkout/sessions/${s.id}`, { headers: auth(a.secretKey) }))).toMatchObject({ id: s.id, status: "open" });
    await expectError(await request.get(`/api/v1/checkout/sessions/${s.id}`, { headers: auth(b.secretKey) }), 404, "resource_missing");
    await expectError(await request.get(`/api/v1/checkout/sessions/${s.id}`, { headers: auth(a.liveKey) }), 404, "resource_missing");
    await expectError(await request.get("/api/v1/checkout/sessions/cs_00000000000000000000000000", { headers: auth(a.secretKey) }), 404, "resource_missing");
    await expectError(await request.get("/api/v1/checkout/sessions/pay_123", { headers: auth(a.secretKey) }), 404, "resource_missing");
    await expectError(await request.get(`/api/v1/checkout/sessions/${s.id}`), 401, "api_key_missing");
  });
});

test.describe("payment links", () => {
  const link = { amount: 1500, currency: "usd", description: "Yoga class" };
  const post = (request: import("@playwright/test").APIRequestContext, data: unknown, key = a.secretKey, headers: Record<string, string> = {}) =>
    request.post("/api/v1/payment_links", { headers: auth(key, headers), data: data as Record<string, unknown> });

  test("create, list, get, deactivate", async ({ request, baseURL }) => {
    const l = await ok<{ id: string; url: string; active: boolean }>(await post(request, { ...link, quantity: 2 }));
    expect(l).toMatchObject({ object: "payment_link", active: true, amount: 1500, quantity: 2, url: `${baseURL}/l/${l.id}` });
    const list = await ok<{ data: { id: string }[] }>(await request.get("/api/v1/payment_links?limit=5", { headers: auth(a.secretKey) }));
    expect(list.data.map((x) => x.id)).toContain(l.id);
    expect(await ok(await request.get(`/api/v1/payment_links/${l.id}`, { headers: auth(a.secretKey) }))).toEqual(l);
    expect(await ok(await request.post(`/api/v1/payment_links/${l.id}/deactivate`, { headers: auth(a.secretKey) }))).toMatchObject({ id: l.id, active: false });
    expect(await ok(await request.post(`/api/v1/payment_links/${l.id}`, { headers: auth(a.secretKey), data: { active: true } }))).toMatchObject({
      active: true,
    });
    const inactive = await ok<{ data: { id: string }[] }>(await request.get("/api/v1/payment_links?active=false", { headers: auth(a.secretKey) }));
    expect(inactive.data.map((x) => x.id)).not.toContain(l.id);
  });

  test("missing, invalid and oversized input", async ({ request }) => {
    await expectError(await post(request, { ...link, description: undefined }), 400, "parameter_missing", { param: "description" });
    await expectError(await post(request, { ...link, currency: undefined }), 400, "parameter_missing", { param: "currency" });
    await expectError(await post(request, { ...link, currency: "zzz" }), 400, "currency_unsupported", { param: "currency" });
    await expectError(await post(request, { ...link, amount: 0 }), 400, "parameter_invalid_integer", { param: "amount" });
    await expectError(await post(request, { ...link, amount: 10 }), 400, "amount_too_small", { param: "amount" });
    await expectError(await post(request, { ...link, amount: 99_999_999, quantity: 2 }), 400, "amount_too_large", { param: "amount" });
    await expectError(await post(request, { ...link, quantity: 101 }), 400, "parameter_invalid_integer", { param: "quantity" });
    await expectError(await post(request, { ...link, description: "x".repeat(501) }), 400, "parameter_invalid", { param: "description" });
    await expectError(await post(request, { ...link, success_url: "javascript:alert(1)" }), 400, "parameter_invalid", { param: "success_url" });
    await expectError(await post(request, { ...link, color: "red" }), 400, "parameter_unknown", { param: "color" });
    await expectError(await post(request, { ...link, description: "x".repeat(1_100_000) }), 413, "body_too_large");
    await expectError(await request.get("/api/v1/payment_links?active=maybe", { headers: auth(a.secretKey) }), 400, "parameter_invalid", { param: "active" });
    await expectError(await request.get("/api/v1/payment_links?limit=1000", { headers: auth(a.secretKey) }), 400, "parameter_invalid_integer", {
      param: "limit",
    });
    const l = await ok<{ id: string }>(await post(request, link));
    await expectError(await request.post(`/api/v1/payment_links/${l.id}`, { headers: auth(a.secretKey), data: { active: "no" } }), 400, "parameter_invalid", {
      param: "active",
    });
    await expectError(await request.post(`/api/v1/payment_links/${l.id}`, { headers: auth(a.secretKey), data: {} }), 400, "parameter_missing", {
      param: "active",
    });
    await expectError(
      await request.post(`/api/v1/payment_links/${l.id}/deactivate`, { headers: auth(a.secretKey), data: { now: true } }),
      400,
      "parameter_unknown",
      { param: "now" },
    );
  });

  test("wrong tenant and mode: not found; keys checked", async ({ request }) => {
    const l = await ok<{ id: string }>(await post(request, link));
    await expectError(await request.get(`/api/v1/payment_links/${l.id}`, { headers: auth(b.secretKey) }), 404, "resource_missing");
    await expectError(await request.post(`/api/v1/payment_links/${l.id}/deactivate`, { headers: auth(b.secretKey) }), 404, "resource_missing");
    await expectError(await request.post(`/api/v1/payment_links/${l.id}`, { headers: auth(a.liveKey), data: { active: false } }), 404, "resource_missing");
    const listB = await ok<{ data: { id: string }[] }>(await request.get("/api/v1/payment_links", { headers: auth(b.secretKey) }));
    expect(listB.data.map((x) => x.id)).not.toContain(l.id);
    await expectError(await request.get("/api/v1/payment_links"), 401, "api_key_missing");
    await expectError(await post(request, link, a.publishableKey), 401, "secret_key_required");
  });

  test("duplicate: the same Idempotency-Key makes one link", async ({ request }) => {
    const key = `pl-${Date.now()}`;
    const first = await ok<{ id: string }>(await post(request, link, a.secretKey, { "Idempotency-Key": key }));
    const again = await post(request, link, a.secretKey, { "Idempotency-Key": key });
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect((await ok<{ id: string }>(again)).id).toBe(first.id);
    await expectError(await post(request, { ...link, amount: 1600 }, a.secretKey, { "Idempotency-Key": key }), 422, "idempotency_key_reused");
  });
});
