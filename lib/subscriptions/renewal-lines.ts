import type { Executor } from "@/db/client";
import type { SubscriptionRow } from "@/db/schema";
import { addInterval, periodAt, type Interval, type Period } from "@/lib/billing/periods";
import type { NewLine } from "@/lib/invoices/build-invoice";
import { itemLines, productNames } from "./item-lines";
import { itemsOf } from "./load";

/**
 * What the renewal at `periodEnd` bills: the period it starts and one line per item for it. One function for
 * the renewal itself and for its preview (the upcoming invoice), so the preview is what the renewal will do.
 */
export async function renewalLines(db: Executor, sub: SubscriptionRow, periodEnd: Date): Promise<{ period: Period; lines: NewLine[] }> {
  const interval = sub.interval as Interval;
  const next = periodAt(sub.billingCycleAnchor, interval, sub.intervalCount, periodEnd);
  const period: Period = { start: periodEnd, end: next.end };
  const whole = { start: addInterval(period.end, interval, sub.intervalCount, -1), end: period.end };
  const items = await itemsOf(db, sub.id);
  const billed = items.map(({ item, price }) => ({ id: item.id, price, quantity: item.quantity }));
  const names = await productNames(
    db,
    items.map((i) => i.price),
  );
  // A period that starts after the anchor's boundary (a trial ending mid-cycle) is billed for its share.
  return { period, lines: itemLines(billed, names, period, period.start.getTime() > whole.start.getTime() ? { fullPeriod: whole } : {}) };
}
