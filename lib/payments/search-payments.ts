import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { payments } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { PaymentFilters, paymentFiltersWhere } from "./dashboard-filters";
import { serializePayment } from "./serialize-payment";

export const SearchPaymentsInput = PaymentFilters.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(25),
  /** The id of the last payment of the previous page (keyset: no OFFSET, any depth costs the same). */
  cursor: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^pay_[0-9a-z]{26}$/, "must be a payment id")
      .optional(),
  ),
});

/**
 * One keyset page, newest first by (created, id); the cursor row's key is read in SQL, at full
 * microsecond precision. Shared by the list, its JSON endpoint and the CSV export.
 */
export async function searchPaymentRows(db: Executor, ctx: ServiceContext, q: z.output<typeof SearchPaymentsInput>) {
  if (q.cursor) {
    const [found] = await db
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.id, q.cursor), eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode)));
    if (!found) throw new KassaError("resource_missing", `No such payment: '${q.cursor}'`, { param: "cursor" });
  }
  const rows = await db
    .select()
    .from(payments)
    .where(
      and(
        paymentFiltersWhere(ctx, q),
        q.cursor ? sql`(${payments.createdAt}, ${payments.id}) < (select c.created_at, c.id from ${payments} c where c.id = ${q.cursor})` : undefined,
      ),
    )
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(q.limit + 1);
  const has_more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return { rows: page, has_more, next_cursor: has_more ? page.at(-1)!.id : null };
}

/** The dashboard's payments list: filters, search, keyset pages. */
export async function searchPayments({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "payments:read");
  const q = parseWith(SearchPaymentsInput, input);
  const { rows, has_more, next_cursor } = await searchPaymentRows(await executor(ctx), ctx, q);
  return { object: "list" as const, data: rows.map(serializePayment), has_more, next_cursor };
}

/** How many payments match the filters (for the export's progress). */
export async function countPayments({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<number> {
  requirePermission(ctx, "payments:read");
  const f = parseWith(PaymentFilters, input);
  const [row] = await (
    await executor(ctx)
  )
    .select({ n: sql<string>`count(*)` })
    .from(payments)
    .where(paymentFiltersWhere(ctx, f));
  return Number(row?.n ?? 0);
}
