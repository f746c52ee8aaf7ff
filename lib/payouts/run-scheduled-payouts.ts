import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { bankAccounts, payouts, payoutSettings, type BankAccountRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import { commit } from "@/lib/service/commit";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { lockAvailableBalance } from "./available-balance";
import { postPayout } from "./post-payout";
import { isPayoutDue, scheduleSlot } from "./schedule";

export interface ScheduledRun {
  created: string[];
}

/**
 * System verb (the payout-schedule cron): for every merchant and mode whose schedule is due on `now`'s
 * day, one automatic payout per currency with a default bank account and a positive available balance.
 * Idempotent per day: the slot (the UTC date) is unique per merchant, mode and currency.
 */
export async function runScheduledPayouts({ now = new Date(), db }: { now?: Date; db?: Executor } = {}): Promise<ScheduledRun> {
  const handle = db ?? (await getDb());
  const schedules = await handle.select().from(payoutSettings).where(ne(payoutSettings.interval, "manual"));
  const created: string[] = [];
  for (const s of schedules) {
    if (!isPayoutDue(s, now)) continue;
    const accounts = await handle
      .select()
      .from(bankAccounts)
      .where(
        and(
          eq(bankAccounts.merchantId, s.merchantId),
          eq(bankAccounts.livemode, s.livemode),
          eq(bankAccounts.defaultForCurrency, true),
          isNull(bankAccounts.deletedAt),
        ),
      );
    for (const account of accounts) {
      const ctx: ServiceContext = { merchantId: s.merchantId, livemode: s.livemode, actor: systemActor("payout-schedule"), ...(db ? { db } : {}) };
      try {
        const id = await createAutomaticPayout(ctx, account, scheduleSlot(now));
        if (id) created.push(id);
      } catch (error) {
        // One merchant's problem must not hold up the others' payouts; the next tick tries again.
        logger.error({ err: error, merchant: s.merchantId, currency: account.currency }, "automatic payout failed");
      }
    }
  }
  return { created };
}

/**
 * One automatic payout of the whole available balance, settling every available balance transaction not
 * yet settled by an automatic payout (each automatic payout's own `payout` transaction excluded). They sum
 * to the available balance — the ledger's invariant that available transactions explain the available
 * balance, with each earlier automatic payout's settled set equal to its own amount — and the sum is
 * checked here, in the same statement that reads them.
 */
export async function createAutomaticPayout(ctx: ServiceContext, account: BankAccountRow, slot: string): Promise<string | null> {
  return commit(ctx, async (tx, changes) => {
    const key = { merchantId: ctx.merchantId, livemode: ctx.livemode, currency: account.currency };
    await lockAvailableBalance(tx, key);
    const [existing] = await tx
      .select({ id: payouts.id })
      .from(payouts)
      .where(
        and(eq(payouts.merchantId, ctx.merchantId), eq(payouts.livemode, ctx.livemode), eq(payouts.currency, account.currency), eq(payouts.scheduleKey, slot)),
      );
    if (existing) return null;
    const result = await tx.execute(sql`
      with available as (
        select coalesce(-sum(amount), 0)::text as available from journal_lines
        where merchant_id = ${ctx.merchantId} and livemode = ${ctx.livemode} and currency = ${account.currency} and account = 'merchant_available'
      ), open as (
        select bt.id, bt.net from balance_transactions bt
        where bt.merchant_id = ${ctx.merchantId} and bt.livemode = ${ctx.livemode} and bt.currency = ${account.currency} and bt.status = 'available'
          and not exists (select 1 from payout_settlements s where s.balance_transaction_id = bt.id)
          and not exists (select 1 from payouts p where p.balance_transaction_id = bt.id and p.automatic
            and p.merchant_id = ${ctx.merchantId} and p.livemode = ${ctx.livemode})
      )
      select open.id, open.net::text as net, available.available from available left join open on true`);
    const rows = result.rows as { id: string | null; net: string | null; available: string }[];
    const available = BigInt(rows[0]?.available ?? "0");
    const settles = rows.filter((r) => r.id !== null);
    const sum = settles.reduce((s, r) => s + BigInt(r.net!), 0n);
    if (sum !== available) {
      throw new KassaError("api_error", `Unsettled balance transactions sum to ${sum}, the available balance is ${available} (${account.currency}).`);
    }
    if (available <= 0n) return null;
    const row = await postPayout(tx, ctx, changes, {
      amount: available,
      available,
      currency: account.currency,
      bankAccount: account,
      automatic: { scheduleKey: slot, settles: settles.map((r) => r.id!) },
    });
    return row.id;
  });
}
