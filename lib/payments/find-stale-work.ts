import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, refunds } from "@/db/schema";

/** Untouched this long, a processing payment or pending refund is the reconciliation job's to finish. */
export const STALE_AFTER_MS = 30_000;

/** Payments and refunds left mid-way (a crash, a lost answer), oldest first, a batch at a time. */
export async function findStaleWork(db: Executor, { now = Date.now(), limit = 100 } = {}) {
  const before = new Date(now - STALE_AFTER_MS);
  const stalePayments = await db
    .select({ id: payments.id, merchantId: payments.merchantId, livemode: payments.livemode })
    .from(payments)
    .where(and(or(eq(payments.status, "processing"), isNotNull(payments.pendingOperation)), lt(payments.updatedAt, before)))
    .orderBy(payments.updatedAt)
    .limit(limit);
  const staleRefunds = await db
    .select({ id: refunds.id, merchantId: refunds.merchantId, livemode: refunds.livemode })
    .from(refunds)
    // A refund on chain is its transaction's to finish (lib/chain-tx; wakeStaleSenders is its safety net).
    .where(and(eq(refunds.status, "pending"), isNull(refunds.crypto), lt(refunds.updatedAt, before)))
    .orderBy(refunds.updatedAt)
    .limit(limit);
  return { payments: stalePayments, refunds: staleRefunds };
}
