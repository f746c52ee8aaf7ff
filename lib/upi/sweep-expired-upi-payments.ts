import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments } from "@/db/schema";
import { logger } from "@/lib/logger";
import { systemActor } from "@/lib/service/context";
import { checkUpiPayment } from "./check-upi-payment";

/** How long past its expiry a UPI payment may still be waiting before the sweep steps in (its own run had that long). */
export const SWEEP_GRACE_MS = 2 * 60_000;

/**
 * Every 15 minutes (inngest/functions/upi-expiry-sweep.ts): UPI payments still waiting for the customer's
 * app well past their expiry — their status-poll run was lost — are checked once more and expired unless the
 * PSP says they were paid. Across merchants (system); each payment is booked in its own commit.
 */
export async function sweepExpiredUpiPayments({ db, now = Date.now(), limit = 500 }: { db: Executor; now?: number; limit?: number }) {
  const cutoff = Math.floor((now - SWEEP_GRACE_MS) / 1000);
  const stale = await db
    .select({ id: payments.id, merchantId: payments.merchantId, livemode: payments.livemode })
    .from(payments)
    .where(and(eq(payments.status, "requires_action"), isNotNull(payments.upi), sql`(${payments.upi}->>'expires_at')::bigint < ${cutoff}`))
    .orderBy(asc(payments.updatedAt))
    .limit(limit);
  let expired = 0;
  let paid = 0;
  for (const p of stale) {
    const ctx = { merchantId: p.merchantId, livemode: p.livemode, actor: systemActor("upi-expiry-sweep") };
    try {
      const c = await checkUpiPayment({ ctx, paymentId: p.id, source: "sweep", expire: true });
      if (c.payment.status === "succeeded") paid++;
      else expired++;
    } catch (err) {
      logger.warn({ err, payment: p.id }, "UPI sweep could not settle a payment; the next sweep tries again");
    }
  }
  return { checked: stale.length, expired, paid };
}
