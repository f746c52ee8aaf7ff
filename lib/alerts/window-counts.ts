import { and, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { paymentAttempts } from "@/db/schema";

/** One merchant's mode over the window: counted attempts, failed ones, and ones whose answer was lost (timeouts). */
export interface WindowCounts {
  merchantId: string;
  livemode: boolean;
  attempts: number;
  failures: number;
  timeouts: number;
}

/**
 * The attempts made in [from, to), per merchant and mode with traffic, in one statement on
 * payment_attempts_created_idx (a range scan over the window only, never the table).
 *
 * Counted: every attempt that reached an outcome — not one still `started` (in flight, no answer yet), and
 * not one Kassa's fraud check blocked (failed with decline code `fraudulent` and no processor id: it never
 * reached a processor, so it says nothing about the processor; a processor's own fraud decline has a
 * processor id and counts). Failures: `failed` attempts — card declines, processor refusals, transient
 * declines that are retried (each try counts). Timeouts: attempts whose answer was lost (unknown outcome),
 * counted even after reconciliation settled them; they are not failures.
 */
export async function windowCounts(db: Executor, window: { from: Date; to: Date }, only?: { merchantId: string; livemode: boolean }): Promise<WindowCounts[]> {
  return windowCountsQuery(db, window, only);
}

/** The statement itself (its EXPLAIN is checked on 1,000,000 attempts in window-counts.explain.test.ts). */
export function windowCountsQuery(db: Executor, window: { from: Date; to: Date }, only?: { merchantId: string; livemode: boolean }) {
  const a = paymentAttempts;
  return db
    .select({
      merchantId: a.merchantId,
      livemode: a.livemode,
      attempts: sql<number>`count(*)::int`.mapWith(Number),
      failures: sql<number>`count(*) filter (where ${a.status} = 'failed')`.mapWith(Number),
      timeouts: sql<number>`count(*) filter (where ${a.outcomeUnknownAt} is not null or ${a.status} = 'unknown')`.mapWith(Number),
    })
    .from(a)
    .where(
      and(
        gte(a.createdAt, window.from),
        lt(a.createdAt, window.to),
        ne(a.status, "started"),
        sql`not (${a.status} = 'failed' and ${a.processorId} is null and ${a.failure}->>'decline_code' = 'fraudulent')`,
        only ? eq(a.merchantId, only.merchantId) : undefined,
        only ? eq(a.livemode, only.livemode) : undefined,
      ),
    )
    .groupBy(a.merchantId, a.livemode);
}
