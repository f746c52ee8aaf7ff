import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { prices, products, type PriceRow, type ProductRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;

export const noSuchProduct = (id: string, param = "id") => new KassaError("resource_missing", `No such product: '${id}'`, { param });
export const noSuchPrice = (id: string, param = "id") => new KassaError("resource_missing", `No such price: '${id}'`, { param });

/** The merchant's product in this mode; another tenant's (or mode's) is "not found". */
export async function loadProduct(db: Executor, ctx: Tenant, id: string, opts: { lock?: boolean; param?: string } = {}): Promise<ProductRow> {
  if (!isId("product", id)) throw noSuchProduct(id, opts.param);
  const query = db
    .select()
    .from(products)
    .where(and(eq(products.id, id), eq(products.merchantId, ctx.merchantId), eq(products.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchProduct(id, opts.param);
  return row;
}

export async function loadPrice(db: Executor, ctx: Tenant, id: string, opts: { lock?: boolean; param?: string } = {}): Promise<PriceRow> {
  if (!isId("price", id)) throw noSuchPrice(id, opts.param);
  const query = db
    .select()
    .from(prices)
    .where(and(eq(prices.id, id), eq(prices.merchantId, ctx.merchantId), eq(prices.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchPrice(id, opts.param);
  return row;
}

export const lookupKeyInUse = (key: string) =>
  new KassaError("lookup_key_in_use", `Another active price already uses the lookup_key '${key}'. Archive that price or choose another key.`, {
    param: "lookup_key",
  });

/** Refuses a lookup key another active price of this merchant and mode holds (the unique index stays the last word). */
export async function assertLookupKeyFree(db: Executor, ctx: Tenant, key: string, exceptPrice?: string): Promise<void> {
  const [taken] = await db
    .select({ id: prices.id })
    .from(prices)
    .where(
      and(
        eq(prices.merchantId, ctx.merchantId),
        eq(prices.livemode, ctx.livemode),
        eq(prices.active, true),
        eq(prices.lookupKey, key),
        exceptPrice ? ne(prices.id, exceptPrice) : undefined,
      ),
    );
  if (taken) throw lookupKeyInUse(key);
}
