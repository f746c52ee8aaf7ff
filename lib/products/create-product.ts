import { products } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { CreateProductInput } from "./inputs";
import { checkPriceTerms, insertPrice } from "./price-terms";
import { serializeProduct, type ProductObject } from "./serialize";

/**
 * POST /api/v1/products — a product, and with `default_price_data` its first price set as its default,
 * in one commit (Stripe's shape; the dashboard's form uses it). More prices: POST /api/v1/prices.
 */
export async function createProduct({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<ProductObject> {
  requirePermission(ctx, "products:write");
  const data = parseWith(CreateProductInput, input);
  if (data.default_price_data) checkPriceTerms(data.default_price_data, "default_price_data");
  return commit(
    ctx,
    async (tx, changes) => {
      const id = newId("product");
      const priceId = data.default_price_data ? newId("price") : null;
      const [row] = await tx
        .insert(products)
        .values({
          id,
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          active: data.active ?? true,
          name: data.name,
          description: data.description || null,
          metadata: data.metadata ?? {},
          defaultPrice: priceId,
        })
        .returning();
      changes.audit({ action: "product.created", targetType: "product", targetId: id });
      const object = serializeProduct(row!);
      changes.event("product.created", object);
      if (data.default_price_data) await insertPrice(tx, ctx, changes, id, data.default_price_data, priceId!);
      return object;
    },
    { respond: (object) => object },
  );
}
