import { toDecimalString } from "@/lib/money";
import type { ServiceContext } from "@/lib/service/context";
import { getPayoutReconciliation } from "./get-payout-reconciliation";

export const RECONCILIATION_COLUMNS = [
  "balance_transaction",
  "created",
  "available_on",
  "type",
  "source",
  "currency",
  "amount",
  "fee",
  "net",
  "description",
] as const;

/** RFC 4180 quoting; text starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function text(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A payout's reconciliation as CSV (Stripe's payout reconciliation report, itemised): one line per balance
 * transaction it settles, amounts in major units, and a total line equal to the payout's amount.
 */
export async function payoutReconciliationCsv({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<string> {
  const { payout, settled } = await getPayoutReconciliation({ ctx, id });
  const money = (n: number) => toDecimalString(BigInt(n), payout.currency);
  const lines = [RECONCILIATION_COLUMNS.join(",")];
  for (const t of settled) {
    lines.push(
      [
        t.id,
        new Date(t.created * 1000).toISOString(),
        new Date(t.available_on * 1000).toISOString(),
        t.type,
        text(t.source),
        t.currency,
        money(t.amount),
        money(t.fee),
        money(t.net),
        text(t.description),
      ].join(","),
    );
  }
  const total = settled.reduce((s, t) => s + t.net, 0);
  lines.push(["total", "", "", "", payout.id, payout.currency, "", "", money(total), ""].join(","));
  return lines.join("\r\n") + "\r\n";
}
