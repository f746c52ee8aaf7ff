import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * The payouts against the ledger, per merchant, mode and currency (the whole database, or one merchant):
 * payouts_in_transit holds exactly the payouts pending or in transit, bank_clearing exactly the paid ones,
 * and every automatic payout's settled balance transactions sum to its amount. Reads only.
 */
export async function checkPayoutInvariants(db: Executor, scope: { merchantId?: string } = {}): Promise<{ ok: boolean; problems: string[] }> {
  const only = (col: string) => (scope.merchantId ? sql.raw(`and ${col} = '${scope.merchantId.replace(/'/g, "''")}'`) : sql``);
  const accounts = await db.execute(sql`
    with ledger as (
      select merchant_id, livemode, currency, account, sum(amount) as total from journal_lines
      where account in ('payouts_in_transit', 'bank_clearing') ${only("merchant_id")}
      group by merchant_id, livemode, currency, account
    ), expected as (
      select merchant_id, livemode, currency,
             sum(amount) filter (where status in ('pending', 'in_transit')) as in_transit,
             sum(amount) filter (where status = 'paid') as paid
      from payouts where true ${only("merchant_id")} group by merchant_id, livemode, currency
    )
    select coalesce(e.merchant_id, l.merchant_id) as merchant, coalesce(e.currency, l.currency) as currency,
           coalesce(-sum(l.total) filter (where l.account = 'payouts_in_transit'), 0)::text as ledger_in_transit,
           coalesce(max(e.in_transit), 0)::text as payouts_in_transit,
           coalesce(sum(l.total) filter (where l.account = 'bank_clearing'), 0)::text as ledger_paid,
           coalesce(-max(e.paid), 0)::text as payouts_paid
    from expected e full join ledger l on l.merchant_id = e.merchant_id and l.livemode = e.livemode and l.currency = e.currency
    group by 1, 2, e.livemode, l.livemode`);
  const problems: string[] = [];
  for (const r of accounts.rows as Record<string, string>[]) {
    if (r.ledger_in_transit !== r.payouts_in_transit) {
      problems.push(
        `merchant ${r.merchant} ${r.currency}: payouts_in_transit ${r.ledger_in_transit} but payouts pending or in transit ${r.payouts_in_transit}`,
      );
    }
    if (r.ledger_paid !== r.payouts_paid)
      problems.push(`merchant ${r.merchant} ${r.currency}: bank_clearing ${r.ledger_paid} but paid payouts ${r.payouts_paid}`);
  }
  const reconciled = await db.execute(sql`
    select p.id, p.amount::text as amount, coalesce(sum(bt.net), 0)::text as settled
    from payouts p left join payout_settlements s on s.payout_id = p.id left join balance_transactions bt on bt.id = s.balance_transaction_id
    where p.automatic ${only("p.merchant_id")} group by p.id, p.amount having coalesce(sum(bt.net), 0) <> p.amount`);
  for (const r of reconciled.rows as Record<string, string>[]) problems.push(`automatic payout ${r.id} settles ${r.settled}, its amount is ${r.amount}`);
  return { ok: problems.length === 0, problems };
}
