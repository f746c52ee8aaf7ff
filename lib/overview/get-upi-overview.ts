import { and, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { payments, UPI_FLOWS, type UpiFlow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { addDays, OverviewInput } from "./inputs";

export interface UpiFlowRate {
  flow: UpiFlow;
  succeeded: number;
  failed: number;
  expired: number;
  /** Still waiting for the customer's app: not counted in the rate. */
  pending: number;
  /** succeeded ÷ (succeeded + failed + expired), in percent to one decimal; null when none has finished. */
  rate: number | null;
}

/**
 * UPI success rate per flow over a range of UTC days (payments created in it): succeeded ÷ finished,
 * by the UPI transaction's own state (payments.upi->>'status'). One grouped query over the range's UPI
 * payments, walked through the (merchant, mode, created_at) index; a payment tried again counts its
 * latest attempt's state. UPI is INR only, so no currency split.
 */
export async function getUpiOverview({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "payments:read");
  const q = parseWith(OverviewInput, input);
  const db = await executor(ctx);
  const status = sql`${payments.upi}->>'status'`;
  const rows = await db
    .select({
      flow: sql<UpiFlow>`${payments.upi}->>'flow'`,
      succeeded: sql<string>`count(*) filter (where ${status} = 'success')`,
      failed: sql<string>`count(*) filter (where ${status} = 'failed')`,
      expired: sql<string>`count(*) filter (where ${status} = 'expired')`,
      pending: sql<string>`count(*) filter (where ${status} = 'pending')`,
    })
    .from(payments)
    .where(
      and(
        eq(payments.merchantId, ctx.merchantId),
        eq(payments.livemode, ctx.livemode),
        gte(payments.createdAt, new Date(`${q.from}T00:00:00Z`)),
        lt(payments.createdAt, new Date(`${addDays(q.to, 1)}T00:00:00Z`)),
        isNotNull(payments.upi),
      ),
    )
    .groupBy(sql`1`);
  const flows: UpiFlowRate[] = UPI_FLOWS.flatMap((flow) => {
    const r = rows.find((x) => x.flow === flow);
    if (!r) return [];
    const [succeeded, failed, expired, pending] = [r.succeeded, r.failed, r.expired, r.pending].map(Number) as [number, number, number, number];
    const finished = succeeded + failed + expired;
    return [{ flow, succeeded, failed, expired, pending, rate: finished === 0 ? null : Math.round((succeeded / finished) * 1000) / 10 }];
  });
  return { range: { from: q.from, to: q.to }, flows };
}
export type UpiOverview = Awaited<ReturnType<typeof getUpiOverview>>;
