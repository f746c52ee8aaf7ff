import type { PriceRow, ProductRow } from "@/db/schema";
import type { z } from "zod";
import type { ProductObject as ProductSchema, PriceObject as PriceSchema } from "./product-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** The API's `product` object (Stripe's shape for the fields Kassa keeps). */
export function serializeProduct(p: ProductRow) {
  return {
    id: p.id,
    object: "product" as const,
    active: p.active,
    name: p.name,
    description: p.description,
    metadata: p.metadata,
    default_price: p.defaultPrice,
    livemode: p.livemode,
    created: unix(p.createdAt),
    updated: unix(p.updatedAt),
  } satisfies z.input<typeof ProductSchema>;
}
export type ProductObject = ReturnType<typeof serializeProduct>;

/** The API's `price` object; `unit_amount` in minor units (within MAX_AMOUNT, so a safe JSON number). */
export function serializePrice(p: PriceRow) {
  return {
    id: p.id,
    object: "price" as const,
    active: p.active,
    product: p.product,
    currency: p.currency,
    unit_amount: Number(p.unitAmount),
    type: p.type,
    recurring: p.type === "recurring" ? { interval: p.recurringInterval!, interval_count: p.recurringIntervalCount! } : null,
    nickname: p.nickname,
    lookup_key: p.lookupKey,
    metadata: p.metadata,
    livemode: p.livemode,
    created: unix(p.createdAt),
  } satisfies z.input<typeof PriceSchema>;
}
export type PriceObject = ReturnType<typeof serializePrice>;
