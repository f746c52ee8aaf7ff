// Products and prices over HTTP: create, read, update, archive, list; the bad-input matrix with nothing
// stored; other merchants' and the other mode's objects; Idempotency-Key replays; events to subscribe to.
import { eq } from "drizzle-orm";
import type { paths } from "@/clients/typescript";
import { prices, products } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { auth, type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("prod-a");
  b = await seedMerchant("prod-b");
});

const createProduct = (body: BodyOf<"/api/v1/products", "post">, key = a.secretKey, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/products", { body, headers });
const getProduct = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/products/{id}", { params: { path: { id } } });
const updateProduct = (id: string, body: BodyOf<"/api/v1/products/{id}", "post">, key = a.secretKey) =>
  kassa(key).POST("/api/v1/products/{id}", { params: { path: { id } }, body });
const listProducts = (query: NonNullable<paths["/api/v1/products"]["get"]["parameters"]["query"]>, key = a.secretKey) =>
  kassa(key).GET("/api/v1/products", { params: { query } });
const createPrice = (body: BodyOf<"/api/v1/prices", "post">, key = a.secretKey, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/prices", { body, headers });
const getPrice = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/prices/{id}", { params: { path: { id } } });
const updatePrice = (id: string, body: BodyOf<"/api/v1/prices/{id}", "post">, key = a.secretKey) =>
  kassa(key).POST("/api/v1/prices/{id}", { params: { path: { id } }, body });
const listPrices = (query: NonNullable<paths["/api/v1/prices"]["get"]["parameters"]["query"]>, key = a.secretKey) =>
  kassa(key).GET("/api/v1/prices", { params: { query } });
const eventTypes = async (type: string) =>
  (await ok(await kassa(a.secretKey).GET("/api/v1/events", { params: { query: { type, limit: 100 } } }))).data.map((e) => e.type);

const stored = async (merchantId: string) => {
  const h = await db();
  return {
    products: (await h.db.select().from(products).where(eq(products.merchantId, merchantId))).length,
    prices: (await h.db.select().from(prices).where(eq(prices.merchantId, merchantId))).length,
  };
};

test.describe("products and prices", () => {
  test("create a product and its prices, read, update, set the default, archive, list with filters and cursors", async ({ request }) => {
    const prod = await ok(await createProduct({ name: "Gym membership", description: "All clubs", metadata: { sku: "g1" } }));
    expect(prod).toMatchObject({ object: "product", active: true, name: "Gym membership", description: "All clubs", default_price: null, livemode: false });
    expect(prod.id).toMatch(/^prod_/);
    const monthly = await ok(
      await createPrice({ product: prod.id, currency: "usd", unit_amount: 2500, recurring: { interval: "month" }, lookup_key: "gym_m" }),
    );
    expect(monthly).toMatchObject({
      object: "price",
      product: prod.id,
      currency: "usd",
      unit_amount: 2500,
      type: "recurring",
      recurring: { interval: "month", interval_count: 1 },
      lookup_key: "gym_m",
      active: true,
    });
    expect(monthly.id).toMatch(/^price_/);
    const joining = await ok(await createPrice({ product: prod.id, currency: "EUR", unit_amount: 4999, nickname: "Joining fee" }));
    expect(joining).toMatchObject({ type: "one_time", recurring: null, currency: "eur", nickname: "Joining fee" });
    expect(await ok(await getPrice(monthly.id))).toEqual(monthly);
    // Stripe's default_price_data: a product and its first price (its default) in one call.
    const withPrice = await ok(await createProduct({ name: "Bundle", default_price_data: { currency: "jpy", unit_amount: 1200 } }));
    expect(await ok(await getPrice(withPrice.default_price as string))).toMatchObject({
      product: withPrice.id,
      unit_amount: 1200,
      type: "one_time",
    });

    expect(await ok(await updateProduct(prod.id, { default_price: monthly.id, name: "Gym" }))).toMatchObject({
      name: "Gym",
      default_price: monthly.id,
    });
    expect(await ok(await updatePrice(joining.id, { nickname: "Sign-up fee", metadata: { k: "v" } }))).toMatchObject({
      nickname: "Sign-up fee",
      metadata: { k: "v" },
      unit_amount: 4999,
    });
    const list = await ok(await listPrices({ product: prod.id, limit: 1 }));
    expect(list).toMatchObject({ has_more: true, url: "/api/v1/prices" });
    expect(list.data.map((p) => p.id)).toEqual([joining.id]);
    const next = await ok(await listPrices({ product: prod.id, starting_after: joining.id }));
    expect(next).toMatchObject({ has_more: false });
    expect(next.data.map((p) => p.id)).toEqual([monthly.id]);
    const byInterval = await ok(await listPrices({ product: prod.id, recurring: { interval: "month" }, type: "recurring" }));
    expect(byInterval.data.map((p) => p.id)).toEqual([monthly.id]);
    expect((await ok(await listPrices({ product: prod.id, currency: "eur" }))).data.map((p) => p.id)).toEqual([joining.id]);

    // Archive instead of delete: the product stays readable and listable as inactive; there is no DELETE.
    expect(await ok(await updateProduct(prod.id, { active: false }))).toMatchObject({ active: false });
    const inactive = await ok(await listProducts({ active: "false", limit: 100 }));
    expect(inactive.data.map((p) => p.id)).toContain(prod.id);
    const active = await ok(await listProducts({ active: "true", limit: 100 }));
    expect(active.data.map((p) => p.id)).not.toContain(prod.id);
    // Raw: the document has no DELETE on a product (that is the point), so the typed client cannot send one.
    expect((await request.delete(`/api/v1/products/${prod.id}`, { headers: auth(a.secretKey) })).status()).toBe(405);
    // Its default price cannot be archived while it is the default.
    await expectError(await updatePrice(monthly.id, { active: false }), 400, "parameter_invalid", "active");

    // Every write is an event that webhooks can subscribe to.
    const types = await eventTypes("product.*");
    expect(types).toEqual(expect.arrayContaining(["product.created", "product.updated"]));
    const priceTypes = await eventTypes("price.*");
    expect(priceTypes.sort()).toEqual(["price.created", "price.created", "price.created", "price.updated"]);
    // A fresh merchant (no later events to deliver to the unreachable address) subscribes to them by name.
    const hooks = await seedMerchant("prod-hooks");
    await ok(
      await kassa(hooks.secretKey).POST("/api/v1/webhook_endpoints", {
        body: { url: "http://127.0.0.1:9/kassa", enabled_events: ["product.created", "product.updated", "price.*"] },
      }),
    );
    await expectError(
      await kassa(hooks.secretKey).POST("/api/v1/webhook_endpoints", { body: { url: "http://127.0.0.1:9/kassa", enabled_events: ["product.deleted"] } }),
      400,
      "parameter_invalid",
    );
  });

  test("bad input → 400 with the exact code and parameter, and nothing stored", async () => {
    const m = await seedMerchant("prod-bad");
    const prod = await ok(await createProduct({ name: "Valid" }, m.secretKey));
    const before = await stored(m.merchantId);
    const productCases: [string, unknown, string, string][] = [
      ["missing name", { description: "x" }, "parameter_missing", "name"],
      ["empty name", { name: "" }, "parameter_invalid", "name"],
      ["oversized name", { name: "x".repeat(251) }, "parameter_invalid", "name"],
      ["oversized description", { name: "ok", description: "x".repeat(1001) }, "parameter_invalid", "description"],
      ["unknown field", { name: "ok", images: ["https://x.test/a.png"] }, "parameter_unknown", "images"],
      ["metadata not strings", { name: "ok", metadata: { a: 1 } }, "parameter_invalid", "metadata[a]"],
      [
        "first price in an unknown currency",
        { name: "ok", default_price_data: { currency: "xyz", unit_amount: 1 } },
        "currency_unsupported",
        "default_price_data[currency]",
      ],
      [
        "first price over 3 years",
        { name: "ok", default_price_data: { currency: "usd", unit_amount: 1, recurring: { interval: "year", interval_count: 4 } } },
        "parameter_invalid_integer",
        "default_price_data[recurring][interval_count]",
      ],
    ];
    for (const [label, body, code, param] of productCases) {
      await test.step(`product: ${label}`, async () => expectError(await createProduct(body as never, m.secretKey), 400, code, param));
    }
    const base = { product: prod.id, currency: "usd", unit_amount: 1000 };
    const priceCases: [string, unknown, string, string][] = [
      ["missing product", { currency: "usd", unit_amount: 1000 }, "parameter_missing", "product"],
      ["missing unit_amount", { product: prod.id, currency: "usd" }, "parameter_missing", "unit_amount"],
      ["negative unit_amount", { ...base, unit_amount: -1 }, "parameter_invalid_integer", "unit_amount"],
      ["a decimal unit_amount (wrong exponent)", { ...base, unit_amount: 10.5 }, "parameter_invalid_integer", "unit_amount"],
      ["unit_amount as a string", { ...base, unit_amount: "1000" }, "parameter_invalid", "unit_amount"],
      ["unit_amount over 99999999", { ...base, unit_amount: 100_000_000 }, "amount_too_large", "unit_amount"],
      ["unknown currency", { ...base, currency: "xyz" }, "currency_unsupported", "currency"],
      ["interval fortnight", { ...base, recurring: { interval: "fortnight" } }, "parameter_invalid", "recurring[interval]"],
      ["interval_count 0", { ...base, recurring: { interval: "month", interval_count: 0 } }, "parameter_invalid_integer", "recurring[interval_count]"],
      ["37 months (over 3 years)", { ...base, recurring: { interval: "month", interval_count: 37 } }, "parameter_invalid_integer", "recurring[interval_count]"],
      ["157 weeks", { ...base, recurring: { interval: "week", interval_count: 157 } }, "parameter_invalid_integer", "recurring[interval_count]"],
      ["1096 days", { ...base, recurring: { interval: "day", interval_count: 1096 } }, "parameter_invalid_integer", "recurring[interval_count]"],
      ["4 years", { ...base, recurring: { interval: "year", interval_count: 4 } }, "parameter_invalid_integer", "recurring[interval_count]"],
      ["unknown field in recurring", { ...base, recurring: { interval: "month", usage_type: "metered" } }, "parameter_unknown", "recurring[usage_type]"],
      ["type is derived, not sent", { ...base, type: "one_time" }, "parameter_unknown", "type"],
    ];
    for (const [label, body, code, param] of priceCases) {
      await test.step(`price: ${label}`, async () => expectError(await createPrice(body as never, m.secretKey), 400, code, param));
    }
    await expectError(await listPrices({ recurring: { interval: "fortnight" as never } }, m.secretKey), 400, "parameter_invalid", "recurring[interval]");
    await expectError(await listProducts({ limit: 101 }, m.secretKey), 400, "parameter_invalid_integer", "limit");
    expect(await stored(m.merchantId)).toEqual(before);

    // A price's amount, currency and recurrence never change.
    const price = await ok(await createPrice({ ...base, recurring: { interval: "year" } }, m.secretKey));
    for (const [field, value] of [
      ["unit_amount", 1],
      ["currency", "eur"],
      ["recurring", { interval: "month" }],
    ] as const) {
      await expectError(await updatePrice(price.id, { [field]: value } as never, m.secretKey), 400, "parameter_unknown", field);
    }
    expect(await ok(await getPrice(price.id, m.secretKey))).toEqual(price);

    // An archived product takes no new price; a lookup key held by an active price is refused.
    await ok(await createPrice({ ...base, lookup_key: "std" }, m.secretKey));
    await expectError(await createPrice({ ...base, lookup_key: "std" }, m.secretKey), 400, "lookup_key_in_use", "lookup_key");
    await ok(await updateProduct(prod.id, { active: false }, m.secretKey));
    await expectError(await createPrice(base, m.secretKey), 400, "product_inactive", "product");
    expect(await stored(m.merchantId)).toEqual({ products: before.products, prices: before.prices + 2 });
  });

  test("another merchant's ids and the other mode's objects are not found (404 resource_missing)", async () => {
    const prod = await ok(await createProduct({ name: "A's product" }));
    const price = await ok(await createPrice({ product: prod.id, currency: "usd", unit_amount: 500 }));
    const before = await stored(b.merchantId);
    for (const key of [b.secretKey, a.liveKey]) {
      await expectError(await getProduct(prod.id, key), 404, "resource_missing", "id");
      await expectError(await updateProduct(prod.id, { name: "stolen" }, key), 404, "resource_missing", "id");
      await expectError(await getPrice(price.id, key), 404, "resource_missing", "id");
      await expectError(await updatePrice(price.id, { active: false }, key), 404, "resource_missing", "id");
      await expectError(await createPrice({ product: prod.id, currency: "usd", unit_amount: 1 }, key), 404, "resource_missing", "product");
      expect((await ok(await listProducts({ limit: 100 }, key))).data.map((p) => p.id)).not.toContain(prod.id);
      expect((await ok(await listPrices({ product: prod.id }, key))).data).toEqual([]);
    }
    await expectError(await updateProduct(prod.id, { default_price: "price_nope" }), 404, "resource_missing", "default_price");
    expect(await stored(b.merchantId)).toEqual(before);
    expect(await ok(await getProduct(prod.id))).toMatchObject({ name: "A's product", active: true });
    // Live mode has products of its own (no processor is needed to sell): the test key does not see them.
    const live = await ok(await createProduct({ name: "Live product" }, a.liveKey));
    expect(live).toMatchObject({ livemode: true });
    await expectError(await getProduct(live.id), 404, "resource_missing");
  });

  test("the same Idempotency-Key replays one product and one price; other parameters → 422", async () => {
    const key = `prod-${Date.now()}`;
    const first = await ok(await createProduct({ name: "Once" }, a.secretKey, { "Idempotency-Key": key }));
    const again = await createProduct({ name: "Once" }, a.secretKey, { "Idempotency-Key": key });
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(await ok(again)).toEqual(first);
    await expectError(await createProduct({ name: "Twice" }, a.secretKey, { "Idempotency-Key": key }), 422, "idempotency_key_reused");

    const priceKey = `price-${Date.now()}`;
    const body: BodyOf<"/api/v1/prices", "post"> = {
      product: first.id,
      currency: "inr",
      unit_amount: 49_900,
      recurring: { interval: "week", interval_count: 2 },
    };
    const price = await ok(await createPrice(body, a.secretKey, { "Idempotency-Key": priceKey }));
    const replay = await createPrice(body, a.secretKey, { "Idempotency-Key": priceKey });
    expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
    expect(await ok(replay)).toEqual(price);
    const list = await ok(await listPrices({ product: first.id }));
    expect(list.data.map((p) => p.id)).toEqual([price.id]);
  });
});
