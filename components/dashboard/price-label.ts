import type { PriceObject } from "@/lib/products/serialize";
import { formatMoney } from "@/lib/money";

/** "$25.00 / month", "€10.00 every 3 weeks", "¥500" for a one-off price. */
export function priceLabel(p: Pick<PriceObject, "unit_amount" | "currency" | "recurring">): string {
  const amount = formatMoney(p.unit_amount, p.currency);
  if (!p.recurring) return amount;
  const { interval, interval_count: n } = p.recurring;
  return n === 1 ? `${amount} / ${interval}` : `${amount} every ${n} ${interval}s`;
}
