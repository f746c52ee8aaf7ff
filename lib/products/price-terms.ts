import type { Transaction } from "@/db/client";
import { prices, type PriceRow } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { MAX_INTERVAL_COUNT } from "@/lib/billing/periods";
import { isCurrency, MAX_AMOUNT, toDecimalString } from "@/lib/money";
import type { PriceTerms } from "./inputs";
import { serializePrice } from "./serialize";

/** Currency known, amount within Kassa's ceiling, recurrence within three years. `prefix` names nested params (default_price_data). */
export function checkPriceTerms(terms: PriceTerms, prefix = ""): void {
  const param = (name: string) => (prefix ? `${prefix}[${name}]` : name);
  if (!isCurrency(terms.currency)) {
    throw new KassaError("currency_unsupported", `Invalid currency: ${terms.currency}. Kassa supports ISO 4217 codes such as usd, eur, inr, jpy.`, {
      param: param("currency"),
    });
  }
  if (BigInt(terms.unit_amount) > MAX_AMOUNT) {
    throw new KassaError("amount_too_large", `unit_amount must be no more than ${toDecimalString(MAX_AMOUNT, terms.currency)} ${terms.currency}.`, {
      param: param("unit_amount"),
    });
  }
  const r = terms.recurring;
  if (r && (r.interval_count ?? 1) > MAX_INTERVAL_COUNT[r.interval]) {
    throw new KassaError(
      "parameter_invalid_integer",
      `Invalid ${param("recurring")}[interval_count]: a billing period may be at most 3 years (${MAX_INTERVAL_COUNT[r.interval]} ${r.interval}s).`,
      { param: `${param("recurring")}[interval_count]` },
    );
  }
}

/** Inserts a checked price of `product` with its audit row and `price.created` event, inside the caller's commit. */
export async function insertPrice(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Changes,
  product: string,
  p: PriceTerms & { active?: boolean; nickname?: string; lookup_key?: string; metadata?: Record<string, string> },
  id = newId("price"),
): Promise<PriceRow> {
  const [created] = await tx
    .insert(prices)
    .values({
      id,
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      product,
      active: p.active ?? true,
      currency: p.currency,
      unitAmount: BigInt(p.unit_amount),
      type: p.recurring ? "recurring" : "one_time",
      recurringInterval: p.recurring?.interval ?? null,
      recurringIntervalCount: p.recurring ? (p.recurring.interval_count ?? 1) : null,
      nickname: p.nickname || null,
      lookupKey: p.lookup_key ?? null,
      metadata: p.metadata ?? {},
    })
    .returning();
  changes.audit({ action: "price.created", targetType: "price", targetId: created!.id, metadata: { product } });
  changes.event("price.created", serializePrice(created!));
  return created!;
}
