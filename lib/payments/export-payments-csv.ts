import type { PaymentRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { toDecimalString } from "@/lib/money";
import { PaymentFilters } from "./dashboard-filters";
import { searchPaymentRows } from "./search-payments";

const BATCH = 1000;
export const CSV_COLUMNS = [
  "id",
  "created",
  "amount",
  "currency",
  "status",
  "amount_received",
  "amount_refunded",
  "fee",
  "customer",
  "email",
  "card_brand",
  "card_last4",
  "description",
] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function cell(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function line(p: PaymentRow): string {
  return [
    p.id,
    p.createdAt.toISOString(),
    toDecimalString(p.amount, p.currency),
    p.currency,
    p.status,
    toDecimalString(p.amountReceived, p.currency),
    toDecimalString(p.amountRefunded, p.currency),
    toDecimalString(p.fee, p.currency),
    p.customer,
    p.receiptEmail,
    p.card?.brand ?? null,
    p.card?.last4 ?? null,
    p.description,
  ]
    .map(cell)
    .join(",");
}

/**
 * Every payment matching the filters as CSV, newest first, streamed: each pull reads one keyset batch
 * of 1,000 rows, so memory stays flat however many rows there are and a slow reader slows the reads.
 */
export async function exportPaymentsCsv({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<ReadableStream<Uint8Array>> {
  requirePermission(ctx, "payments:read");
  const filters = parseWith(PaymentFilters, input);
  const db = await executor(ctx);
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(",")}\r\n`));
          return;
        }
        const page = await searchPaymentRows(db, ctx, { ...filters, limit: BATCH, cursor });
        if (page.rows.length) controller.enqueue(encoder.encode(page.rows.map((p) => `${line(p)}\r\n`).join("")));
        if (!page.next_cursor) controller.close();
        else cursor = page.next_cursor;
      },
    },
    { highWaterMark: 1 },
  );
}
