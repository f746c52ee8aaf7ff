import { products, type ProductRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { CreateProductInput } from "./inputs";
import { serializeProduct, type ProductObject } from "./serialize";

/** POST /api/v1/products — a product with no price yet (prices are added with POST /api/v1/prices). */
export async function createProduct({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<ProductObject> {
  requirePermission(ctx, "products:write");
  const data = parseWith(CreateProductInput, input);
  const row = await commit(
    ctx,
    async (tx, changes) => {
      const [created] = await tx
        .insert(products)
        .values({
          id: newId("product"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          active: data.active ?? true,
          name: data.name,
          description: data.description || null,
          metadata: data.metadata ?? {},
        })
        .returning();
      changes.audit({ action: "product.created", targetType: "product", targetId: created!.id });
      changes.event("product.created", serializeProduct(created!));
      return created as ProductRow;
    },
    { respond: serializeProduct },
  );
  return serializeProduct(row);
}
