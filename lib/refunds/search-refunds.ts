import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { REFUND_STATUSES, refunds } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { serializeRefund } from "./serialize-refund";

const blank = (v: unknown) => (v === "" ? undefined : v);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31");

export const SearchRefundsInput = z.strictObject({
  status: z.preprocess(blank, z.enum(REFUND_STATUSES).optional()),
  from: z.preprocess(blank, isoDay.optional()),
  to: z.preprocess(blank, isoDay.optional()),
  currency: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "must be a 3-letter currency code")
      .transform((s) => s.toLowerCase())
      .optional(),
  ),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.preprocess(
    blank,
    z
      .string()
      .regex(/^re_[0-9a-z]{26}$/, "must be a refund id")
      .optional(),
  ),
});

/** The dashboard's refunds list: the overview's refund figure links here with the same range. */
export async function searchRefunds({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "payments:read");
  const q = parseWith(SearchRefundsInput, input);
  const rows = await (
    await executor(ctx)
  )
    .select()
    .from(refunds)
    .where(
      and(
        eq(refunds.merchantId, ctx.merchantId),
        eq(refunds.livemode, ctx.livemode),
        q.status ? eq(refunds.status, q.status) : undefined,
        q.currency ? eq(refunds.currency, q.currency) : undefined,
        q.from ? gte(refunds.createdAt, new Date(`${q.from}T00:00:00Z`)) : undefined,
        q.to ? lt(refunds.createdAt, new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000)) : undefined,
        q.cursor
          ? sql`(${refunds.createdAt}, ${refunds.id}) < (select c.created_at, c.id from ${refunds} c where c.id = ${q.cursor} and c.merchant_id = ${ctx.merchantId})`
          : undefined,
      ),
    )
    .orderBy(desc(refunds.createdAt), desc(refunds.id))
    .limit(q.limit + 1);
  const has_more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return { data: page.map(serializeRefund), has_more, next_cursor: has_more ? page.at(-1)!.id : null, filters: q };
}
