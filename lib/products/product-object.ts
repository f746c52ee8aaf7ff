// The API's `product` and `price` (lib/products/serialize.ts types its answers by these).
import { PRICE_INTERVALS, PRICE_TYPES } from "@/db/schema/products";
import { currency, idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const ProductObject = z
  .strictObject({
    id: idOf("product"),
    object: z.literal("product"),
    active: z.boolean(),
    name: z.string(),
    description: z.string().nullable(),
    metadata: metadata(),
    default_price: idOf("price").nullable(),
    livemode: livemode(),
    created: unixTime("Created"),
    updated: unixTime("Last changed"),
  })
  .openapi("Product", { description: "What a merchant sells; archived (active false), never deleted." });

export const PriceObject = z
  .strictObject({
    id: idOf("price"),
    object: z.literal("price"),
    active: z.boolean(),
    product: idOf("product"),
    currency: currency(),
    unit_amount: minorUnits("The price of one unit."),
    type: z.enum(PRICE_TYPES),
    recurring: z
      .strictObject({ interval: z.enum(PRICE_INTERVALS), interval_count: z.int() })
      .nullable()
      .openapi({ description: "How often a recurring price bills; null for one_time." }),
    nickname: z.string().nullable(),
    lookup_key: z.string().nullable(),
    metadata: metadata(),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("Price", { description: "How much and how often a product costs; never changes once made." });
