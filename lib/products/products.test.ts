// Products and prices at service level on a real PostgreSQL: shapes, archive, default price, immutable
// prices, lookup keys, cursors, tenants, modes, roles, and the event and audit row of every write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, events, prices, products } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { crashThenRetry } from "@/test/idempotency";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { createPrice } from "./create-price";
import { createProduct } from "./create-product";
import { getPrice } from "./get-price";
import { getProduct } from "./get-product";
import { listPrices } from "./list-prices";
import { listProducts } from "./list-products";
import { updatePrice } from "./update-price";
import { updateProduct } from "./update-product";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("prod");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db);

const eventsOf = async (ctx: ServiceContext) => h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(events.id);
const auditsOf = async (ctx: ServiceContext) =>
  (
    await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), inArray(auditLog.targetType, ["product", "price"])))
      .orderBy(auditLog.id)
  ).map((a) => `${a.action} ${a.targetId}`);

const monthly = (product: string, extra: Record<string, unknown> = {}) => ({
  product,
  currency: "usd",
  unit_amount: 1500,
  recurring: { interval: "month" },
  ...extra,
});

describe("products", () => {
  it("create, read, update, archive and unarchive, list with cursors — each write with its event and audit row", async () => {
    const ctx = await merchant();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createProduct({ ctx, input: { name: `Plan ${i}`, metadata: { n: String(i) } } }));
    expect(made[0]).toEqual({
      id: expect.stringMatching(/^prod_[0-9a-z]{26}$/),
      object: "product",
      active: true,
      name: "Plan 0",
      description: null,
      metadata: { n: "0" },
      default_price: null,
      livemode: false,
      created: expect.any(Number),
      updated: expect.any(Number),
    });
    expect(await getProduct({ ctx, id: made[1]!.id })).toEqual(made[1]);
    const renamed = await updateProduct({ ctx, id: made[1]!.id, input: { name: "Pro", description: "Everything", metadata: { extra: "1" } } });
    expect(renamed).toMatchObject({ name: "Pro", description: "Everything", metadata: { n: "1", extra: "1" } });
    const archived = await updateProduct({ ctx, id: made[0]!.id, input: { active: false } });
    expect(archived.active).toBe(false);
    // The same values again change nothing: no event, no audit row.
    expect(await updateProduct({ ctx, id: made[0]!.id, input: { active: false } })).toEqual(archived);

    const page = await listProducts({ ctx, input: { limit: "2" }, url: "/api/v1/products" });
    expect(page).toMatchObject({ object: "list", has_more: true, url: "/api/v1/products" });
    expect(page.data.map((p) => p.id)).toEqual([made[2]!.id, made[1]!.id]);
    const older = await listProducts({ ctx, input: { limit: "2", starting_after: made[1]!.id }, url: "/x" });
    expect(older).toMatchObject({ has_more: false });
    expect(older.data.map((p) => p.id)).toEqual([made[0]!.id]);
    const newer = await listProducts({ ctx, input: { limit: "1", ending_before: made[0]!.id }, url: "/x" });
    expect(newer).toMatchObject({ has_more: true });
    expect(newer.data.map((p) => p.id)).toEqual([made[1]!.id]);
    expect((await listProducts({ ctx, input: { active: "false" }, url: "/x" })).data.map((p) => p.id)).toEqual([made[0]!.id]);
    expect((await listProducts({ ctx, input: { active: "true" }, url: "/x" })).data.map((p) => p.id)).toEqual([made[2]!.id, made[1]!.id]);

    expect((await updateProduct({ ctx, id: made[0]!.id, input: { active: true } })).active).toBe(true);

    const evts = await eventsOf(ctx);
    expect(evts.map((e) => e.type)).toEqual(["product.created", "product.created", "product.created", "product.updated", "product.updated", "product.updated"]);
    expect(evts[3]!.data).toMatchObject({
      object: { id: made[1]!.id, name: "Pro" },
      previous_attributes: { name: "Plan 1", description: null, metadata: { n: "1" } },
    });
    expect(evts[4]!.data.previous_attributes).toEqual({ active: true });
    expect(await auditsOf(ctx)).toEqual([
      `product.created ${made[0]!.id}`,
      `product.created ${made[1]!.id}`,
      `product.created ${made[2]!.id}`,
      `product.updated ${made[1]!.id}`,
      `product.archived ${made[0]!.id}`,
      `product.unarchived ${made[0]!.id}`,
    ]);
  });

  it("bad input names its parameter and stores nothing", async () => {
    const ctx = await merchant();
    expect(await code(createProduct({ ctx, input: {} }))).toBe("parameter_missing");
    expect(await code(createProduct({ ctx, input: { name: "x".repeat(251) } }))).toBe("parameter_invalid");
    expect(await code(createProduct({ ctx, input: { name: "ok", description: "x".repeat(1001) } }))).toBe("parameter_invalid");
    expect(await code(createProduct({ ctx, input: { name: "ok", images: [] } }))).toBe("parameter_unknown");
    expect(await code(listProducts({ ctx, input: { active: "maybe" }, url: "/x" }))).toBe("parameter_invalid");
    expect(await h.db.select().from(products).where(eq(products.merchantId, ctx.merchantId))).toEqual([]);
  });
});

describe("a product with its first price (default_price_data)", () => {
  it("makes both in one commit, the price as the product's default; a bad price stores neither", async () => {
    const ctx = await merchant();
    const prod = await createProduct({
      ctx,
      input: { name: "Yoga", default_price_data: { currency: "KWD", unit_amount: 12_345, recurring: { interval: "week", interval_count: 2 } } },
    });
    expect(prod.default_price).toMatch(/^price_/);
    expect(await getPrice({ ctx, id: prod.default_price! })).toMatchObject({
      product: prod.id,
      currency: "kwd",
      unit_amount: 12_345,
      type: "recurring",
      recurring: { interval: "week", interval_count: 2 },
    });
    expect((await eventsOf(ctx)).map((e) => e.type)).toEqual(["product.created", "price.created"]);
    expect(await auditsOf(ctx)).toEqual([`product.created ${prod.id}`, `price.created ${prod.default_price}`]);
    const bad = (default_price_data: Record<string, unknown>) => createProduct({ ctx, input: { name: "No", default_price_data } }).catch((e: unknown) => e);
    expect(await bad({ currency: "xyz", unit_amount: 1 })).toMatchObject({ code: "currency_unsupported", param: "default_price_data[currency]" });
    expect(await bad({ currency: "usd", unit_amount: 100_000_000 })).toMatchObject({ code: "amount_too_large", param: "default_price_data[unit_amount]" });
    expect(await bad({ currency: "usd", unit_amount: 1, recurring: { interval: "month", interval_count: 37 } })).toMatchObject({
      code: "parameter_invalid_integer",
      param: "default_price_data[recurring][interval_count]",
    });
    expect(await bad({ currency: "usd", unit_amount: 1, lookup_key: "x" })).toMatchObject({
      code: "parameter_unknown",
      param: "default_price_data[lookup_key]",
    });
    expect(await h.db.select().from(products).where(eq(products.merchantId, ctx.merchantId))).toHaveLength(1);
    expect(await h.db.select().from(prices).where(eq(prices.merchantId, ctx.merchantId))).toHaveLength(1);
  });
});

describe("prices", () => {
  it("one-off and recurring prices: shapes, bigint amounts, filters and cursors", async () => {
    const ctx = await merchant();
    const prod = await createProduct({ ctx, input: { name: "Gym" } });
    const month = await createPrice({ ctx, input: monthly(prod.id, { nickname: "Monthly", lookup_key: "gym_monthly", metadata: { tier: "1" } }) });
    expect(month).toEqual({
      id: expect.stringMatching(/^price_[0-9a-z]{26}$/),
      object: "price",
      active: true,
      product: prod.id,
      currency: "usd",
      unit_amount: 1500,
      type: "recurring",
      recurring: { interval: "month", interval_count: 1 },
      nickname: "Monthly",
      lookup_key: "gym_monthly",
      metadata: { tier: "1" },
      livemode: false,
      created: expect.any(Number),
    });
    const once = await createPrice({ ctx, input: { product: prod.id, currency: "JPY", unit_amount: 99_999_999 } });
    expect(once).toMatchObject({ type: "one_time", recurring: null, currency: "jpy", unit_amount: 99_999_999, lookup_key: null });
    const [row] = await h.db.select().from(prices).where(eq(prices.id, once.id));
    expect(row!.unitAmount).toBe(99_999_999n);
    const free = await createPrice({ ctx, input: { product: prod.id, currency: "kwd", unit_amount: 0, recurring: { interval: "year", interval_count: 3 } } });
    expect(free).toMatchObject({ unit_amount: 0, recurring: { interval: "year", interval_count: 3 } });
    expect(await getPrice({ ctx, id: month.id })).toEqual(month);

    const ids = async (input: Record<string, unknown>) => (await listPrices({ ctx, input, url: "/x" })).data.map((p) => p.id);
    expect(await ids({})).toEqual([free.id, once.id, month.id]);
    expect(await ids({ type: "one_time" })).toEqual([once.id]);
    expect(await ids({ currency: "USD" })).toEqual([month.id]);
    expect(await ids({ recurring: { interval: "year" } })).toEqual([free.id]);
    expect(await ids({ product: prod.id, limit: "2" })).toEqual([free.id, once.id]);
    expect(await ids({ product: prod.id, starting_after: once.id })).toEqual([month.id]);
    expect(await ids({ ending_before: month.id, limit: "1" })).toEqual([once.id]);
    await updatePrice({ ctx, id: once.id, input: { active: false } });
    expect(await ids({ active: "false" })).toEqual([once.id]);
    expect(await ids({ active: "true" })).toEqual([free.id, month.id]);
    expect(await code(listPrices({ ctx, input: { recurring: { interval: "fortnight" } }, url: "/x" }))).toBe("parameter_invalid");
  });

  it("bad prices are refused with a precise code and store nothing", async () => {
    const ctx = await merchant();
    const prod = await createProduct({ ctx, input: { name: "Box" } });
    const cases: [Record<string, unknown>, string][] = [
      [{ unit_amount: -1 }, "parameter_invalid_integer"],
      [{ unit_amount: 10.5 }, "parameter_invalid_integer"],
      [{ unit_amount: "100" }, "parameter_invalid"],
      [{ unit_amount: 100_000_000 }, "amount_too_large"],
      [{ currency: "xyz" }, "currency_unsupported"],
      [{ recurring: { interval: "fortnight" } }, "parameter_invalid"],
      [{ recurring: { interval: "month", interval_count: 0 } }, "parameter_invalid_integer"],
      [{ recurring: { interval: "month", interval_count: 37 } }, "parameter_invalid_integer"],
      [{ recurring: { interval: "week", interval_count: 157 } }, "parameter_invalid_integer"],
      [{ recurring: { interval: "day", interval_count: 1096 } }, "parameter_invalid_integer"],
      [{ recurring: { interval: "year", interval_count: 4 } }, "parameter_invalid_integer"],
      [{ type: "recurring" }, "parameter_unknown"],
      [{ product: undefined }, "parameter_missing"],
      [{ product: "prod_missing" }, "resource_missing"],
    ];
    for (const [extra, expected] of cases) expect([extra, await code(createPrice({ ctx, input: monthly(prod.id, extra) }))]).toEqual([extra, expected]);
    // The three-year edges themselves are allowed.
    for (const [interval, count] of [
      ["day", 1095],
      ["week", 156],
      ["month", 36],
      ["year", 3],
    ] as const)
      expect((await createPrice({ ctx, input: monthly(prod.id, { recurring: { interval, interval_count: count } }) })).recurring).toEqual({
        interval,
        interval_count: count,
      });
    await updateProduct({ ctx, id: prod.id, input: { active: false } });
    const err = await createPrice({ ctx, input: monthly(prod.id) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "product_inactive", param: "product" });
    expect(await h.db.select().from(prices).where(eq(prices.merchantId, ctx.merchantId))).toHaveLength(4);
  });

  it("amount, currency and recurrence are immutable; nickname, metadata, active and lookup_key change", async () => {
    const ctx = await merchant();
    const prod = await createProduct({ ctx, input: { name: "News" } });
    const price = await createPrice({ ctx, input: monthly(prod.id) });
    for (const field of ["unit_amount", "currency", "recurring", "product", "type"]) {
      const err = await updatePrice({ ctx, id: price.id, input: { [field]: field === "unit_amount" ? 1 : "x" } }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "parameter_unknown", param: field });
    }
    const changed = await updatePrice({ ctx, id: price.id, input: { nickname: "Basic", metadata: { a: "1" }, lookup_key: "news" } });
    expect(changed).toMatchObject({ nickname: "Basic", metadata: { a: "1" }, lookup_key: "news", unit_amount: 1500, currency: "usd" });
    const evts = (await eventsOf(ctx)).filter((e) => e.type === "price.updated");
    expect(evts.map((e) => e.data.previous_attributes)).toEqual([{ nickname: null, metadata: {}, lookup_key: null }]);
  });

  it("lookup_key is unique among a merchant's active prices in one mode; archiving frees it", async () => {
    const ctx = await merchant();
    const other = await merchant();
    const prod = await createProduct({ ctx, input: { name: "A" } });
    const first = await createPrice({ ctx, input: monthly(prod.id, { lookup_key: "standard" }) });
    expect(await code(createPrice({ ctx, input: monthly(prod.id, { lookup_key: "standard" }) }))).toBe("lookup_key_in_use");
    const second = await createPrice({ ctx, input: monthly(prod.id, { unit_amount: 2000 }) });
    expect(await code(updatePrice({ ctx, id: second.id, input: { lookup_key: "standard" } }))).toBe("lookup_key_in_use");
    // Another merchant, and the same merchant's live mode, have their own keys.
    const otherProd = await createProduct({ ctx: other, input: { name: "B" } });
    expect((await createPrice({ ctx: other, input: monthly(otherProd.id, { lookup_key: "standard" }) })).lookup_key).toBe("standard");
    const live = { ...ctx, livemode: true };
    const liveProd = await createProduct({ ctx: live, input: { name: "A live" } });
    expect((await createPrice({ ctx: live, input: monthly(liveProd.id, { lookup_key: "standard" }) })).lookup_key).toBe("standard");
    // An inactive price holds no key; reactivating it while another holds the key is refused.
    const inactive = await createPrice({ ctx, input: monthly(prod.id, { lookup_key: "standard", active: false }) });
    expect(await code(updatePrice({ ctx, id: inactive.id, input: { active: true } }))).toBe("lookup_key_in_use");
    await updatePrice({ ctx, id: first.id, input: { active: false } });
    expect((await updatePrice({ ctx, id: second.id, input: { lookup_key: "standard" } })).lookup_key).toBe("standard");
    expect(await code(updatePrice({ ctx, id: first.id, input: { active: true } }))).toBe("lookup_key_in_use");
    // The unique index is the last word when two requests race past the check.
    const raced = await Promise.all([0, 1].map(() => code(createPrice({ ctx, input: monthly(prod.id, { lookup_key: "race" }) }))));
    expect(raced.sort()).toEqual(["lookup_key_in_use", "ok"]);
    // The refused writes left no event or audit row behind: four prices made in test mode, one in live.
    const created = (await eventsOf(ctx)).filter((e) => e.type === "price.created");
    expect(created.map((e) => e.livemode).sort()).toEqual([false, false, false, false, true]);
    expect((await auditsOf(ctx)).filter((a) => a.startsWith("price.created"))).toHaveLength(5);
  });

  it("default_price must be one of the product's own active prices; the default cannot be archived", async () => {
    const ctx = await merchant();
    const prod = await createProduct({ ctx, input: { name: "Main" } });
    const otherProd = await createProduct({ ctx, input: { name: "Other" } });
    const price = await createPrice({ ctx, input: monthly(prod.id) });
    const foreign = await createPrice({ ctx, input: monthly(otherProd.id) });
    const archived = await createPrice({ ctx, input: monthly(prod.id, { active: false }) });
    expect(await updateProduct({ ctx, id: prod.id, input: { default_price: price.id } })).toMatchObject({ default_price: price.id });
    const errOf = (input: Record<string, unknown>) => updateProduct({ ctx, id: prod.id, input }).catch((e: unknown) => e);
    expect(await errOf({ default_price: foreign.id })).toMatchObject({ code: "parameter_invalid", param: "default_price" });
    expect(await errOf({ default_price: archived.id })).toMatchObject({ code: "parameter_invalid", param: "default_price" });
    expect(await errOf({ default_price: "price_missing" })).toMatchObject({ code: "resource_missing", param: "default_price" });
    const b = await merchant();
    const bProd = await createProduct({ ctx: b, input: { name: "B" } });
    expect(await code(updateProduct({ ctx: b, id: bProd.id, input: { default_price: price.id } }))).toBe("resource_missing");
    expect(await updatePrice({ ctx, id: price.id, input: { active: false } }).catch((e: unknown) => e)).toMatchObject({
      code: "parameter_invalid",
      param: "active",
    });
    expect((await updateProduct({ ctx, id: prod.id, input: { default_price: null } })).default_price).toBeNull();
    expect((await updatePrice({ ctx, id: price.id, input: { active: false } })).active).toBe(false);
    expect((await getProduct({ ctx, id: prod.id })).default_price).toBeNull();
  });
});

describe("tenants, modes, roles and commits", () => {
  it("another merchant's, or the other mode's, product and price are not found", async () => {
    const a = await merchant();
    const b = await merchant();
    const prod = await createProduct({ ctx: a, input: { name: "Mine" } });
    const price = await createPrice({ ctx: a, input: monthly(prod.id) });
    for (const ctx of [b, { ...a, livemode: true }]) {
      expect(await code(getProduct({ ctx, id: prod.id }))).toBe("resource_missing");
      expect(await code(updateProduct({ ctx, id: prod.id, input: { name: "x" } }))).toBe("resource_missing");
      expect(await code(getPrice({ ctx, id: price.id }))).toBe("resource_missing");
      expect(await code(updatePrice({ ctx, id: price.id, input: { nickname: "x" } }))).toBe("resource_missing");
      expect(await createPrice({ ctx, input: monthly(prod.id) }).catch((e: unknown) => e)).toMatchObject({ code: "resource_missing", param: "product" });
      expect((await listProducts({ ctx, input: {}, url: "/x" })).data).toEqual([]);
      expect((await listPrices({ ctx, input: { product: prod.id }, url: "/x" })).data).toEqual([]);
    }
    expect(await h.db.select().from(prices).where(eq(prices.merchantId, b.merchantId))).toEqual([]);
  });

  it("an analyst reads but cannot write (403 permission_denied); a restricted key needs products grants", async () => {
    const owner = await merchant();
    const analyst: ServiceContext = { ...owner, role: "analyst" };
    const prod = await createProduct({ ctx: owner, input: { name: "Read me" } });
    const price = await createPrice({ ctx: owner, input: monthly(prod.id) });
    expect((await getProduct({ ctx: analyst, id: prod.id })).id).toBe(prod.id);
    expect((await listPrices({ ctx: analyst, input: {}, url: "/x" })).data.map((p) => p.id)).toEqual([price.id]);
    expect(await code(createProduct({ ctx: analyst, input: { name: "x" } }))).toBe("permission_denied");
    expect(await code(updateProduct({ ctx: analyst, id: prod.id, input: { active: false } }))).toBe("permission_denied");
    expect(await code(createPrice({ ctx: analyst, input: monthly(prod.id) }))).toBe("permission_denied");
    expect(await code(updatePrice({ ctx: analyst, id: price.id, input: { active: false } }))).toBe("permission_denied");
    const key = (grants: Record<string, "read" | "write">): ServiceContext => ({ ...owner, actor: { type: "api_key", id: "key_x" }, keyPermissions: grants });
    expect(await code(getProduct({ ctx: key({ customers: "write" }), id: prod.id }))).toBe("permission_denied");
    expect(await code(getPrice({ ctx: key({ products: "read" }), id: price.id }))).toBe("ok");
    expect(await code(createPrice({ ctx: key({ products: "read" }), input: monthly(prod.id) }))).toBe("permission_denied");
    expect(await code(createPrice({ ctx: key({ products: "write" }), input: monthly(prod.id) }))).toBe("ok");
    expect((await h.db.select().from(products).where(eq(products.merchantId, owner.merchantId))).map((p) => p.active)).toEqual([true]);
  });

  it("every write stores its answer in its own commit: a retry after a crash replays it, with no second event", async () => {
    const ctx = await merchant();
    const made = await crashThenRetry(h.db, ctx, "/api/v1/products", (c) => createProduct({ ctx: c, input: { name: "Once" } }));
    expect(made.retry).toEqual({ kind: "replay", status: 200, body: made.first, text: JSON.stringify(made.first) });
    const id = made.first.id;
    const price = await crashThenRetry(h.db, ctx, "/api/v1/prices", (c) => createPrice({ ctx: c, input: monthly(id) }));
    expect(price.retry).toMatchObject({ kind: "replay", status: 200, body: price.first });
    const upd = await crashThenRetry(h.db, ctx, `/api/v1/products/${id}`, (c) => updateProduct({ ctx: c, id, input: { default_price: price.first.id } }));
    expect(upd.retry).toMatchObject({ kind: "replay", status: 200, body: { default_price: price.first.id } });
    const pid = price.first.id;
    const arch = await crashThenRetry(h.db, ctx, `/api/v1/prices/${pid}`, (c) => updatePrice({ ctx: c, id: pid, input: { nickname: "n" } }));
    expect(arch.retry).toMatchObject({ kind: "replay", status: 200, body: { nickname: "n" } });
    const evts = await eventsOf(ctx);
    expect(evts.map((e) => e.type)).toEqual(["product.created", "price.created", "product.updated", "price.updated"]);
    expect(await auditsOf(ctx)).toEqual([`product.created ${id}`, `price.created ${pid}`, `product.updated ${id}`, `price.updated ${pid}`]);
    // Each event and audit row was written by the request that made the change.
    expect(new Set(evts.map((e) => e.idempotencyKey)).size).toBe(4);
  });
});
