import { eq } from "drizzle-orm";
import { products, type ProductRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { UpdateProductInput } from "./inputs";
import { loadPrice, loadProduct } from "./load";
import { serializeProduct, type ProductObject } from "./serialize";

/** API names of the columns an update may set, for the event's previous_attributes. */
const API_NAME: Partial<Record<keyof ProductRow, keyof ProductObject>> = {
  name: "name",
  description: "description",
  metadata: "metadata",
  active: "active",
  defaultPrice: "default_price",
};

/**
 * POST /api/v1/products/:id — name, description, metadata, default_price, and `active: false` to
 * archive (there is no delete: prices and, later, subscriptions name the product).
 */
export async function updateProduct({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<ProductObject> {
  requirePermission(ctx, "products:write");
  const data = parseWith(UpdateProductInput, input ?? {});
  return commit(
    ctx,
    async (tx, changes) => {
      const before = await loadProduct(tx, ctx, id, { lock: true });
      if (data.default_price) {
        const price = await loadPrice(tx, ctx, data.default_price, { param: "default_price" });
        if (price.product !== id) {
          throw new KassaError("parameter_invalid", `Price ${price.id} belongs to another product; default_price must be one of this product's prices.`, {
            param: "default_price",
          });
        }
        if (!price.active) {
          throw new KassaError("parameter_invalid", `Price ${price.id} is archived; default_price must be an active price.`, { param: "default_price" });
        }
      }
      const set: Partial<ProductRow> = {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.description !== undefined ? { description: data.description || null } : {}),
        ...(data.metadata !== undefined ? { metadata: { ...before.metadata, ...data.metadata } } : {}),
        ...(data.active !== undefined ? { active: data.active } : {}),
        ...(data.default_price !== undefined ? { defaultPrice: data.default_price } : {}),
      };
      const changed = (Object.keys(set) as (keyof ProductRow)[]).filter((k) => JSON.stringify(set[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) return serializeProduct(before);
      const [after] = await tx.update(products).set(set).where(eq(products.id, id)).returning();
      const old = serializeProduct(before);
      const previous = Object.fromEntries(changed.map((k) => [API_NAME[k]!, old[API_NAME[k]!]]));
      const action = set.active === false && before.active ? "product.archived" : set.active && !before.active ? "product.unarchived" : "product.updated";
      changes.audit({ action, targetType: "product", targetId: id, metadata: { fields: changed } });
      const object = serializeProduct(after!);
      changes.event("product.updated", object, previous);
      return object;
    },
    { respond: (object) => object },
  );
}
