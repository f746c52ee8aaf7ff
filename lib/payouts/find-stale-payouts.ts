import { and, eq, lt, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payouts } from "@/db/schema";

/** Pending this long, a payout's send run is taken for lost (its retries spent while the bank was down, a dead engine). */
export const PAYOUT_SEND_STALE_MS = 15 * 60_000;
/** In transit this long past its arrival date, a payout is asked about by the sweep as well as by its own run. */
export const PAYOUT_SETTLE_STALE_MS = 60 * 60_000;

/**
 * Payouts their workflow left behind, oldest first, a batch at a time: pending ones never handed to the
 * bank (or handed without the answer recorded), and in-transit ones past their arrival date.
 */
export async function findStalePayouts(db: Executor, { now = Date.now(), limit = 100 } = {}) {
  return db
    .select({ id: payouts.id, merchantId: payouts.merchantId, livemode: payouts.livemode, status: payouts.status })
    .from(payouts)
    .where(
      or(
        and(eq(payouts.status, "pending"), lt(payouts.createdAt, new Date(now - PAYOUT_SEND_STALE_MS))),
        and(eq(payouts.status, "in_transit"), lt(payouts.arrivalDate, new Date(now - PAYOUT_SETTLE_STALE_MS))),
      ),
    )
    .orderBy(payouts.createdAt)
    .limit(limit);
}
