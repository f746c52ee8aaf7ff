import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { products, type PriceRow } from "@/db/schema";
import type { Period } from "@/lib/billing/periods";
import { prorateAmount, unixSeconds } from "@/lib/billing/proration";
import type { NewLine } from "@/lib/invoices/build-invoice";
import { formatMoney } from "@/lib/money";

export interface BilledItem {
  id: string;
  price: PriceRow;
  quantity: number;
}

/** Product names by id, for line descriptions ("2 × Pro (at $20.00 / month)"). */
export async function productNames(db: Executor, prices: readonly PriceRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(prices.map((p) => p.product))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const per = (p: PriceRow) => (p.recurringIntervalCount === 1 ? p.recurringInterval : `${p.recurringIntervalCount} ${p.recurringInterval}s`);

export function itemDescription(item: BilledItem, names: Map<string, string>, prefix = ""): string {
  const name = item.price.nickname ?? names.get(item.price.product) ?? item.price.id;
  return `${prefix}${item.quantity} × ${name} (at ${formatMoney(item.price.unitAmount, item.price.currency)} / ${per(item.price)})`;
}

/**
 * One line per item for `period`. With `fullPeriod` longer than `period` (a first period cut short by a
 * billing_cycle_anchor) each line is that share of the price, to the second; `free` makes trial lines at zero.
 */
export function itemLines(
  items: readonly BilledItem[],
  names: Map<string, string>,
  period: Period,
  opts: { fullPeriod?: Period; free?: boolean } = {},
): NewLine[] {
  return items.map((item) => {
    const full = item.price.unitAmount * BigInt(item.quantity);
    let amount = full;
    if (opts.free) amount = 0n;
    else if (opts.fullPeriod) {
      const whole = unixSeconds(opts.fullPeriod.end) - unixSeconds(opts.fullPeriod.start);
      const part = unixSeconds(period.end) - unixSeconds(period.start);
      amount = prorateAmount(item.price.unitAmount, item.quantity, part < whole ? part : whole, whole);
    }
    return {
      description: opts.free ? `Trial period for ${itemDescription(item, names)}` : itemDescription(item, names),
      amount,
      quantity: item.quantity,
      period,
      proration: false,
      price: item.price.id,
      subscriptionItem: item.id,
    };
  });
}
