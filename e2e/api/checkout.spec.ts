// Checkout sessions and payment links over real HTTP: bad input, tenancy, idempotency.
import { seedMerchant } from "../support/db";
import { auth, type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("co-a");
  b = await seedMerchant("co-b");
});

const session: BodyOf<"/api/v1/checkout/sessions", "post"> = {
  amount: 4200,
  currency: "usd",
  success_url: "https://shop.example/ok",
  cancel_url: "https://shop.example/cart",
};

test.describe("POST /api/v1/checkout/sessions", () => {
  // `data` is typed loosely: most cases here send deliberately invalid bodies (`as never` to the typed client).
  const post = (data: unknown, key = a.secretKey, headers: Record<string, string> = {}) =>
    kassa(key).POST("/api/v1/checkout/sessions", { body: data as never, headers });

  test("creates an open session", async ({ baseURL }) => {
    const s = await ok(await post({ ...session, payment_method_types: ["card"], metadata: { order: "42" }, embed_origins: ["https://shop.example"] }));
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
    await expectError(await post({ ...session, amount: undefined }), 400, "parameter_missing", { param: "amount" });
    await expectError(await post({ ...session, success_url: undefined }), 400, "parameter_missing", { param: "success_url" });
    await expectError(await post({ ...session, amount: "42" }), 400, "parameter_invalid", { param: "amount" });
    await expectError(await post({ ...session, amount: 42.5 }), 400, "parameter_invalid_integer", { param: "amount" });
    await expectError(await post({ ...session, amount: 10 }), 400, "amount_too_small", { param: "amount" });
    await expectError(await post({ ...session, amount: 100_000_000 }), 400, "amount_too_large", { param: "amount" });
    await expectError(await post({ ...session, currency: "xyz" }), 400, "currency_unsupported", { param: "currency" });
    await expectError(await post({ ...session, success_url: "ftp://shop.example/ok" }), 400, "parameter_invalid", { param: "success_url" });
    await expectError(await post({ ...session, cancel_url: "not a url" }), 400, "parameter_invalid", { param: "cancel_url" });
    await expectError(await post({ ...session, payment_method_types: ["cash"] }), 400, "parameter_invalid", { param: "payment_method_types[0]" });
    await expectError(await post({ ...session, capture_method: "later" }), 400, "parameter_invalid", { param: "capture_method" });
    await expectError(await post({ ...session, embed_origins: ["https://shop.example/checkout"] }), 400, "parameter_invalid", {
      param: "embed_origins[0]",
    });
    await expectError(await post({ ...session, embed_origins: Array.from({ length: 6 }, (_, i) => `https://s${i}.example`) }), 400, "parameter_invalid", {
      param: "embed_origins",
    });
    await expectError(await post({ ...session, customer_email: "nope" }), 400, "parameter_invalid", { param: "customer_email" });
    await expectError(await post({ ...session, amount_override: 1 }), 400, "parameter_unknown", { param: "amount_override" });
    await expectError(await post({ ...session, description: "x".repeat(1001) }), 400, "parameter_invalid", { param: "description" });
    await expectError(await post({ ...session, description: "x".repeat(1_100_000) }), 413, "body_too_large");
    // Broken JSON the typed client cannot send: raw `request` (its answer checked against the document too).
    await expectError(
      await request.post("/api/v1/checkout/sessions", { headers: { ...auth(a.secretKey), "Content-Type": "application/json" }, data: Buffer.from("{nope") }),
      400,
      "body_not_json",
    );
  });

  test("a missing, wrong or publishable key is refused with 401", async () => {
    await expectError(await kassa().POST("/api/v1/checkout/sessions", { body: session }), 401, "api_key_missing");
    await expectError(await post(session, "sk_test_wrong"), 401, "api_key_invalid");
    await expectError(await post(session, a.publishableKey), 401, "secret_key_required");
  });

  test("duplicate: the same Idempotency-Key replays the same session; a different body is refused", async () => {
    const key = `co-${Date.now()}`;
    const first = await post(session, a.secretKey, { "Idempotency-Key": key });
    const again = await post(session, a.secretKey, { "Idempotency-Key": key });
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect((await ok(again)).id).toBe((await ok(first)).id);
    await expectError(await post({ ...session, amount: 5000 }, a.secretKey, { "Idempotency-Key": key }), 422, "idempotency_key_reused");
  });
});

test.describe("GET /api/v1/checkout/sessions/:id", () => {
  const get = (id: string, key?: string) => kassa(key).GET("/api/v1/checkout/sessions/{id}", { params: { path: { id } } });
  test("one session; another merchant's, another mode's and unknown ids are not found", async () => {
    const s = await ok(await kassa(a.secretKey).POST("/api/v1/checkout/sessions", { body: session }));
    expect(await ok(await get(s.id, a.secretKey))).toMatchObject({ id: s.id, status: "open" });
    await expectError(await get(s.id, b.secretKey), 404, "resource_missing");
    await expectError(await get(s.id, a.liveKey), 404, "resource_missing");
    await expectError(await get("cs_00000000000000000000000000", a.secretKey), 404, "resource_missing");
    await expectError(await get("pay_123", a.secretKey), 404, "resource_missing");
    await expectError(await get(s.id), 401, "api_key_missing");
  });
});

test.describe("payment links", () => {
  const link = { amount: 1500, currency: "usd", description: "Yoga class" };
  // `data` is typed loosely: most cases here send deliberately invalid bodies (`as never` to the typed client).
  const post = (data: unknown, key = a.secretKey, headers: Record<string, string> = {}) =>
    kassa(key).POST("/api/v1/payment_links", { body: data as never, headers });
  const get = (id: string, key: string | undefined = a.secretKey) => kassa(key).GET("/api/v1/payment_links/{id}", { params: { path: { id } } });
  const update = (id: string, data: unknown, key = a.secretKey) =>
    kassa(key).POST("/api/v1/payment_links/{id}", { params: { path: { id } }, body: data as never });
  const deactivate = (id: string, data?: unknown, key = a.secretKey) =>
    kassa(key).POST("/api/v1/payment_links/{id}/deactivate", { params: { path: { id } }, body: data as never });
  const listLinks = (query: Record<string, unknown> = {}, key?: string) => kassa(key).GET("/api/v1/payment_links", { params: { query: query as never } });

  test("create, list, get, deactivate", async ({ baseURL }) => {
    const l = await ok<{ id: string; url: string; active: boolean }>(await post({ ...link, quantity: 2 }));
    expect(l).toMatchObject({ object: "payment_link", active: true, amount: 1500, quantity: 2, url: `${baseURL}/l/${l.id}` });
    const list = await ok<{ data: { id: string }[] }>(await listLinks({ limit: 5 }, a.secretKey));
    expect(list.data.map((x) => x.id)).toContain(l.id);
    expect(await ok(await get(l.id, a.secretKey))).toEqual(l);
    expect(await ok(await deactivate(l.id, undefined, a.secretKey))).toMatchObject({ id: l.id, active: false });
    expect(await ok(await update(l.id, { active: true }, a.secretKey))).toMatchObject({
      active: true,
    });
    const inactive = await ok<{ data: { id: string }[] }>(await listLinks({ active: false }, a.secretKey));
    expect(inactive.data.map((x) => x.id)).not.toContain(l.id);
  });

  test("missing, invalid and oversized input", async () => {
    await expectError(await post({ ...link, description: undefined }), 400, "parameter_missing", { param: "description" });
    await expectError(await post({ ...link, currency: undefined }), 400, "parameter_missing", { param: "currency" });
    await expectError(await post({ ...link, currency: "zzz" }), 400, "currency_unsupported", { param: "currency" });
    await expectError(await post({ ...link, amount: 0 }), 400, "parameter_invalid_integer", { param: "amount" });
    await expectError(await post({ ...link, amount: 10 }), 400, "amount_too_small", { param: "amount" });
    await expectError(await post({ ...link, amount: 99_999_999, quantity: 2 }), 400, "amount_too_large", { param: "amount" });
    await expectError(await post({ ...link, quantity: 101 }), 400, "parameter_invalid_integer", { param: "quantity" });
    await expectError(await post({ ...link, description: "x".repeat(501) }), 400, "parameter_invalid", { param: "description" });
    await expectError(await post({ ...link, success_url: "javascript:alert(1)" }), 400, "parameter_invalid", { param: "success_url" });
    await expectError(await post({ ...link, color: "red" }), 400, "parameter_unknown", { param: "color" });
    await expectError(await post({ ...link, description: "x".repeat(1_100_000) }), 413, "body_too_large");
    await expectError(await listLinks({ active: "maybe" }, a.secretKey), 400, "parameter_invalid", { param: "active" });
    await expectError(await listLinks({ limit: 1000 }, a.secretKey), 400, "parameter_invalid_integer", {
      param: "limit",
    });
    const l = await ok<{ id: string }>(await post(link));
    await expectError(await update(l.id, { active: "no" }, a.secretKey), 400, "parameter_invalid", {
      param: "active",
    });
    await expectError(await update(l.id, {}, a.secretKey), 400, "parameter_missing", {
      param: "active",
    });
    await expectError(await deactivate(l.id, { now: true }, a.secretKey), 400, "parameter_unknown", { param: "now" });
  });

  test("wrong tenant and mode: not found; keys checked", async () => {
    const l = await ok<{ id: string }>(await post(link));
    await expectError(await get(l.id, b.secretKey), 404, "resource_missing");
    await expectError(await deactivate(l.id, undefined, b.secretKey), 404, "resource_missing");
    await expectError(await update(l.id, { active: false }, a.liveKey), 404, "resource_missing");
    const listB = await ok<{ data: { id: string }[] }>(await listLinks({}, b.secretKey));
    expect(listB.data.map((x) => x.id)).not.toContain(l.id);
    await expectError(await listLinks(), 401, "api_key_missing");
    await expectError(await post(link, a.publishableKey), 401, "secret_key_required");
  });

  test("duplicate: the same Idempotency-Key makes one link", async () => {
    const key = `pl-${Date.now()}`;
    const first = await ok<{ id: string }>(await post(link, a.secretKey, { "Idempotency-Key": key }));
    const again = await post(link, a.secretKey, { "Idempotency-Key": key });
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect((await ok<{ id: string }>(again)).id).toBe(first.id);
    await expectError(await post({ ...link, amount: 1600 }, a.secretKey, { "Idempotency-Key": key }), 422, "idempotency_key_reused");
  });
});
