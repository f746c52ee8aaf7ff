import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { LedgerScope } from "@/lib/ledger/check-ledger-invariants";

type Row = { id: string; problem: string };
const rowsOf = (result: unknown): Row[] => (result as { rows?: Row[] }).rows ?? (result as Row[]);

/**
 * Escrow's invariants (part of checkMoneyInvariants): per merchant, mode and currency the escrow account's
 * credit balance equals what its held and disputed escrows hold (amount − fee on each payment); no
 * escrowed payment's held amount exceeds what it received less its succeeded refunds; a released escrow
 * has its escrow_release entry with exactly the net it held, and one still held or pending has none.
 */
export async function checkEscrowInvariants(db: Executor, scope: LedgerScope = {}): Promise<string[]> {
  const lines = sql.join(
    [
      sql`l.account = 'escrow'`,
      ...(scope.merchantId ? [sql`l.merchant_id = ${scope.merchantId}`] : []),
      ...(scope.livemode !== undefined ? [sql`l.livemode = ${scope.livemode}`] : []),
    ],
    sql` and `,
  );
  const pays = sql.join(
    [
      sql`p.escrow is not null`,
      ...(scope.merchantId ? [sql`p.merchant_id = ${scope.merchantId}`] : []),
      ...(scope.livemode !== undefined ? [sql`p.livemode = ${scope.livemode}`] : []),
    ],
    sql` and `,
  );
  const result = await db.execute(sql`
    with ledger as (
      select l.merchant_id, l.livemode, l.currency, -sum(l.amount) as balance from journal_lines l where ${lines}
      group by l.merchant_id, l.livemode, l.currency
    ),
    p as (select * from payments p where ${pays}),
    held as (
      select merchant_id, livemode, currency, sum((escrow->>'amount')::bigint - (escrow->>'fee')::bigint) as balance
      from p where escrow->>'status' in ('held', 'disputed') group by merchant_id, livemode, currency
    ),
    releases as (
      select e.source_id as payment_id, count(distinct e.id) as n, sum(l.amount) filter (where l.account = 'escrow') as net
      from journal_entries e join journal_lines l on l.entry_id = e.id
      where e.type = 'escrow_release' and e.source_id in (select id from p) group by e.source_id
    ),
    refunded as (
      select payment_id, sum(amount) as amount from refunds where status = 'succeeded' and payment_id in (select id from p) group by payment_id
    )
    select coalesce(ledger.merchant_id, held.merchant_id) || '/' || coalesce(ledger.currency, held.currency) as id,
      'escrow account holds ' || coalesce(ledger.balance, 0) || ' but held escrows hold ' || coalesce(held.balance, 0) as problem
    from ledger full join held on held.merchant_id = ledger.merchant_id and held.livemode = ledger.livemode and held.currency = ledger.currency
    where coalesce(ledger.balance, 0) <> coalesce(held.balance, 0)
    union all
    select p.id, problem from p
      left join releases r on r.payment_id = p.id
      left join refunded f on f.payment_id = p.id,
    lateral (values
      (case when (p.escrow->>'amount')::bigint > p.amount_received - coalesce(f.amount, 0) and p.escrow->>'status' in ('held', 'disputed')
        then 'escrow holds more than received less refunds' end),
      (case when p.escrow->>'status' = 'released' and (p.escrow->>'amount')::bigint > (p.escrow->>'fee')::bigint
        and (coalesce(r.n, 0) <> 1 or r.net <> (p.escrow->>'amount')::bigint - (p.escrow->>'fee')::bigint)
        then 'released escrow without exactly one release of its net' end),
      (case when p.escrow->>'status' in ('pending', 'held', 'disputed', 'refunded') and coalesce(r.n, 0) <> 0 then 'escrow release entry for an escrow not released' end)
    ) as checks(problem)
    where problem is not null
  `);
  return rowsOf(result).map((r) => `${r.id}: ${r.problem}`);
}
