import { and, asc, eq } from "drizzle-orm";
import { prices, products } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { createPrice } from "@/lib/products/create-price";
import { createProduct } from "@/lib/products/create-product";
import { updateProduct } from "@/lib/products/update-product";

/** How long before the first start the demo catalogue is dated: before the 90 days of demo history sold from it. */
const CATALOGUE_AGE_MS = 120 * 86_400_000;

/**
 * The demo merchant's catalogue, made through the same verbs as the API: one-off goods, a coffee
 * subscription with a monthly and a yearly price (looked up by key), a rental in euros, a course in
 * rupees, and one product archived, so the Products pages show each kind a merchant has. Dated back
 * to before the demo subscriptions it sells, a minute apart in the order made.
 */
export async function seedDemoProducts(ctx: ServiceContext, now = Date.now()): Promise<number> {
  const product = (name: string, description: string, currency: string, unit_amount: number, recurring?: { interval: "month" | "year" }) =>
    createProduct({ ctx, input: { name, description, default_price_data: { currency, unit_amount, ...(recurring ? { recurring } : {}) } } });
  await product("House blend beans, 1 kg", "Whole beans, roasted weekly.", "usd", 2400);
  const subscription = await product("Coffee subscription", "A bag of the month's single origin at your door.", "usd", 1800, { interval: "month" });
  await createPrice({
    ctx,
    input: {
      product: subscription.id,
      currency: "usd",
      unit_amount: 18000,
      recurring: { interval: "year" },
      nickname: "Yearly (two months free)",
      lookup_key: "coffee_yearly",
    },
  });
  await product("Espresso machine rental", "A two-group machine, serviced monthly.", "eur", 4500, { interval: "month" });
  await product("Barista course", "One day, hands on, in our Bengaluru roastery.", "inr", 499_900);
  const retired = await product("Holiday gift box", "Last winter's gift box.", "usd", 3900);
  await updateProduct({ ctx, id: retired.id, input: { active: false } });
  const db = await executor(ctx);
  for (const table of [products, prices]) {
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.merchantId, ctx.merchantId), eq(table.livemode, ctx.livemode)))
      .orderBy(asc(table.id));
    for (const [i, row] of rows.entries()) {
      const at = new Date(now - CATALOGUE_AGE_MS + i * 60_000);
      await db.update(table).set({ createdAt: at, updatedAt: at }).where(eq(table.id, row.id));
    }
  }
  return 5;
}
