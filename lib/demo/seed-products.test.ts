// The demo catalogue: made through the product verbs on the embedded database, each kind a merchant has.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { systemActor } from "@/lib/service/context";
import { listPrices } from "@/lib/products/list-prices";
import { listProducts } from "@/lib/products/list-products";
import { freshPglite } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { seedDemoProducts } from "./seed-products";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshPglite();
});
afterAll(() => h.close());

it("makes one-off and recurring prices in three currencies, a yearly price by lookup key, and one archived product, dated before the demo history", async () => {
  const { merchantId } = await makeMerchant(h.db);
  const ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db: h.db };
  expect(await seedDemoProducts(ctx)).toBe(5);
  const products = (await listProducts({ ctx, input: { limit: "100" }, url: "/api/v1/products" })).data;
  expect(products).toHaveLength(5);
  expect(products.filter((p) => !p.active).map((p) => p.name)).toEqual(["Holiday gift box"]);
  expect(products.every((p) => p.default_price?.startsWith("price_"))).toBe(true);
  // Dated before the 90 days of demo subscriptions sold from it.
  expect(products.every((p) => p.created < Date.now() / 1000 - 90 * 86_400)).toBe(true);
  const prices = (await listPrices({ ctx, input: { limit: "100" }, url: "/api/v1/prices" })).data;
  expect(new Set(prices.map((p) => p.currency))).toEqual(new Set(["usd", "eur", "inr"]));
  expect(
    prices
      .filter((p) => p.type === "recurring")
      .map((p) => p.recurring?.interval)
      .sort(),
  ).toEqual(["month", "month", "year"]);
  expect(prices.every((p) => p.created < Date.now() / 1000 - 90 * 86_400)).toBe(true);
  const yearly = prices.find((p) => p.lookup_key === "coffee_yearly");
  expect(yearly).toMatchObject({ unit_amount: 18000, currency: "usd", recurring: { interval: "year", interval_count: 1 } });
  expect(products.find((p) => p.id === yearly!.product)!.name).toBe("Coffee subscription");
});
