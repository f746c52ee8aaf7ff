import { prices, type PriceInterval, type PriceRow } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { isCurrency, MAX_AMOUNT, toDecimalString } from "@/lib/money";
import { CreatePriceInput } from "./inputs";
import { assertLookupKeyFree, loadProduct, lookupKeyInUse } from "./load";
import { serializePrice, type PriceObject } from "./serialize";

/** Stripe's ceiling: one billing period is at most three years. */
export const MAX_INTERVAL_COUNT: Record<PriceInterval, number> = { day: 1095, week: 156, month: 36, year: 3 };

/** Currency known, amount within Kassa's ceiling, recurrence within three years. */
function checkPrice(data: CreatePriceInput): void {
  if (!isCurrency(data.currency)) {
    throw new KassaError("currency_unsupported", `Invalid currency: ${data.currency}. Kassa supports ISO 4217 codes such as usd, eur, inr, jpy.`, {
      param: "currency",
    });
  }
  if (BigInt(data.unit_amount) > MAX_AMOUNT) {
    throw new KassaError("amount_too_large", `unit_amount must be no more than ${toDecimalString(MAX_AMOUNT, data.currency)} ${data.currency}.`, {
      param: "unit_amount",
    });
  }
  const r = data.recurring;
  if (r && (r.interval_count ?? 1) > MAX_INTERVAL_COUNT[r.interval]) {
    throw new KassaError(
      "parameter_invalid_integer",
      `Invalid recurring[interval_count]: a billing period may be at most 3 years (${MAX_INTERVAL_COUNT[r.interval]} ${r.interval}s).`,
      { param: "recurring[interval_count]" },
    );
  }
}

/** POST /api/v1/prices — a one-off or recurring price of one of the merchant's active products (same mode). */
export async function createPrice({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PriceObject> {
  requirePermission(ctx, "products:write");
  const data = parseWith(CreatePriceInput, input);
  checkPrice(data);
  const active = data.active ?? true;
  const row = await commit(
    ctx,
    async (tx, changes) => {
      const product = await loadProduct(tx, ctx, data.product, { param: "product" });
      if (!product.active) {
        throw new KassaError("product_inactive", `Product ${product.id} is archived; unarchive it before adding a price.`, { param: "product" });
      }
      if (data.lookup_key && active) await assertLookupKeyFree(tx, ctx, data.lookup_key);
      const [created] = await tx
        .insert(prices)
        .values({
          id: newId("price"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          product: product.id,
          active,
          currency: data.currency,
          unitAmount: BigInt(data.unit_amount),
          type: data.recurring ? "recurring" : "one_time",
          recurringInterval: data.recurring?.interval ?? null,
          recurringIntervalCount: data.recurring ? (data.recurring.interval_count ?? 1) : null,
          nickname: data.nickname || null,
          lookupKey: data.lookup_key ?? null,
          metadata: data.metadata ?? {},
        })
        .returning();
      changes.audit({ action: "price.created", targetType: "price", targetId: created!.id, metadata: { product: product.id } });
      changes.event("price.created", serializePrice(created!));
      return created as PriceRow;
    },
    { respond: serializePrice },
  ).catch((error: unknown) => {
    // Two requests racing for one lookup key: the unique index answers for the slower one.
    if (data.lookup_key && isUniqueViolation(error)) throw lookupKeyInUse(data.lookup_key);
    throw error;
  });
  return serializePrice(row);
}
