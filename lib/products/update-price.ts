import { eq } from "drizzle-orm";
import { prices, type PriceRow } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { UpdatePriceInput } from "./inputs";
import { assertLookupKeyFree, loadPrice, loadProduct, lookupKeyInUse } from "./load";
import { serializePrice, type PriceObject } from "./serialize";

const API_NAME: Partial<Record<keyof PriceRow, keyof PriceObject>> = { active: "active", nickname: "nickname", lookupKey: "lookup_key", metadata: "metadata" };

/**
 * POST /api/v1/prices/:id — only active, nickname, lookup_key and metadata: amount, currency and
 * recurrence are fixed once a price exists (a new price replaces it). The product's default price
 * cannot be archived until the product names another (Stripe's rule).
 */
export async function updatePrice({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<PriceObject> {
  requirePermission(ctx, "products:write");
  const data = parseWith(UpdatePriceInput, input ?? {});
  let key = "";
  return commit(
    ctx,
    async (tx, changes) => {
      const before = await loadPrice(tx, ctx, id, { lock: true });
      const set: Partial<PriceRow> = {
        ...(data.active !== undefined ? { active: data.active } : {}),
        ...(data.nickname !== undefined ? { nickname: data.nickname || null } : {}),
        ...(data.lookup_key !== undefined ? { lookupKey: data.lookup_key } : {}),
        ...(data.metadata !== undefined ? { metadata: { ...before.metadata, ...data.metadata } } : {}),
      };
      const changed = (Object.keys(set) as (keyof PriceRow)[]).filter((k) => JSON.stringify(set[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) return serializePrice(before);
      const next = { ...before, ...set };
      if (before.active && !next.active) {
        const product = await loadProduct(tx, ctx, before.product);
        if (product.defaultPrice === id) {
          throw new KassaError("parameter_invalid", `Price ${id} is the default price of product ${product.id}; set another default_price on it first.`, {
            param: "active",
          });
        }
      }
      if (next.active && next.lookupKey) {
        key = next.lookupKey;
        await assertLookupKeyFree(tx, ctx, key, id);
      }
      const [after] = await tx.update(prices).set(set).where(eq(prices.id, id)).returning();
      const old = serializePrice(before);
      const previous = Object.fromEntries(changed.map((k) => [API_NAME[k]!, old[API_NAME[k]!]]));
      const action = set.active === false && before.active ? "price.archived" : set.active && !before.active ? "price.unarchived" : "price.updated";
      changes.audit({ action, targetType: "price", targetId: id, metadata: { fields: changed } });
      const object = serializePrice(after!);
      changes.event("price.updated", object, previous);
      return object;
    },
    { respond: (object) => object },
  ).catch((error: unknown) => {
    // Two requests racing for one lookup key: the unique index answers for the slower one.
    if (key && isUniqueViolation(error)) throw lookupKeyInUse(key);
    throw error;
  });
}
