import { and, asc, lte, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { payments } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { loadPayment } from "@/lib/payments/load-payment";
import { releaseIn } from "./release-in";

export type DueRelease = { released: true } | { released: false; reason: string };

/**
 * System verb (the escrow's timer and the sweep): releases the payment's escrow if it is still held and
 * its release time has come by `now`. A disputed escrow stays put — only a resolution releases it — and a
 * released or refunded one is left alone, so the timer and the sweep may both run: one releases, the
 * other finds it done (and the ledger keys post once in any case).
 */
export async function releaseDueEscrow({ ctx, paymentId, now }: { ctx: ServiceContext; paymentId: string; now: Date }): Promise<DueRelease> {
  return commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, paymentId, { lock: true });
    const escrow = payment.escrow;
    if (!escrow || escrow.status !== "held") return { released: false, reason: escrow ? escrow.status : "not escrowed" };
    if (!payment.escrowReleaseAt || payment.escrowReleaseAt.getTime() > now.getTime()) return { released: false, reason: "not due" };
    await releaseIn(tx, changes, payment, now, "timelock");
    return { released: true };
  });
}

/** Cron backstop for a lost timer: every held escrow whose release time has passed, released (per payment, one commit each). */
export async function sweepDueEscrows(args: { db?: Executor; now?: Date; batchSize?: number } = {}): Promise<{ released: number }> {
  const db = (args.db ?? (await getDb())) as Database;
  const now = args.now ?? new Date();
  let released = 0;
  let after = "";
  for (;;) {
    const due = await db
      .select({ id: payments.id, merchantId: payments.merchantId, livemode: payments.livemode })
      .from(payments)
      .where(and(sql`${payments.escrow}->>'status' = 'held'`, lte(payments.escrowReleaseAt, now), sql`${payments.id} > ${after}`))
      .orderBy(asc(payments.id))
      .limit(args.batchSize ?? 100);
    for (const p of due) {
      const ctx: ServiceContext = { merchantId: p.merchantId, livemode: p.livemode, actor: systemActor("escrow-release-sweep"), db };
      if ((await releaseDueEscrow({ ctx, paymentId: p.id, now })).released) released++;
    }
    if (due.length < (args.batchSize ?? 100)) return { released };
    after = due[due.length - 1]!.id;
  }
}
