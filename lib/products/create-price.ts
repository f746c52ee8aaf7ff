import { isUniqueViolation } from "@/db/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { CreatePriceInput } from "./inputs";
import { assertLookupKeyFree, loadProduct, lookupKeyInUse } from "./load";
import { checkPriceTerms, insertPrice } from "./price-terms";
import { serializePrice, type PriceObject } from "./serialize";

/** POST /api/v1/prices — a one-off or recurring price of one of the merchant's active products (same mode). */
export async function createPrice({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PriceObject> {
  requirePermission(ctx, "products:write");
  const data = parseWith(CreatePriceInput, input);
  checkPriceTerms(data);
  const row = await commit(
    ctx,
    async (tx, changes) => {
      const product = await loadProduct(tx, ctx, data.product, { param: "product" });
      if (!product.active) {
        throw new KassaError("product_inactive", `Product ${product.id} is archived; unarchive it before adding a price.`, { param: "product" });
      }
      if (data.lookup_key && (data.active ?? true)) await assertLookupKeyFree(tx, ctx, data.lookup_key);
      return insertPrice(tx, ctx, changes, product.id, data);
    },
    { respond: serializePrice },
  ).catch((error: unknown) => {
    // Two requests racing for one lookup key: the unique index answers for the slower one.
    if (data.lookup_key && isUniqueViolation(error)) throw lookupKeyInUse(data.lookup_key);
    throw error;
  });
  return serializePrice(row);
}
