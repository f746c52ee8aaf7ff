import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { LedgerScope } from "@/lib/ledger/check-ledger-invariants";

/**
 * Crypto payments' invariants, per deposit: the merchant's refunds (pending and succeeded) never pass the
 * amount paid, and equal the deposit's reservation while it is confirmed; an expired deposit sends back
 * exactly what it received; each succeeded refund has exactly one `crypto_refund` entry of its amount and
 * no other refund has one; and per sending account the mined transactions' nonces never repeat.
 */
export async function checkCryptoInvariants(db: Executor, scope: LedgerScope = {}): Promise<string[]> {
  const where = sql.join(
    [
      sql`true`,
      ...(scope.merchantId ? [sql`d.merchant_id = ${scope.merchantId}`] : []),
      ...(scope.livemode !== undefined ? [sql`d.livemode = ${scope.livemode}`] : []),
    ],
    sql` and `,
  );
  const result = await db.execute<{ id: string; problem: string }>(sql`
    with d as (select * from crypto_deposits d where ${where}),
    r as (
      select payment_id,
        coalesce(sum((crypto->>'amount')::numeric) filter (where status in ('pending', 'succeeded') and coalesce(reason, '') not in ('overpayment', 'expired_uncaptured_charge')), 0) as merchants,
        coalesce(sum((crypto->>'amount')::numeric) filter (where status in ('pending', 'succeeded') and reason = 'expired_uncaptured_charge'), 0) as returned,
        count(*) filter (where status = 'succeeded') as succeeded
      from refunds where crypto is not null and payment_id in (select id from d) group by payment_id
    ),
    e as (
      select rf.payment_id, count(distinct je.id) as n,
        bool_and(jl.amount = (rf.crypto->>'amount')::numeric or jl.amount = -(rf.crypto->>'amount')::numeric) as exact,
        bool_or(rf.status <> 'succeeded') as stray
      from journal_entries je join refunds rf on rf.id = je.source_id join journal_lines jl on jl.entry_id = je.id
      where je.type in ('crypto_refund', 'crypto_escrow_refund') and rf.payment_id in (select id from d) group by rf.payment_id
    )
    select d.id, problem from d left join r on r.payment_id = d.id left join e on e.payment_id = d.id,
    lateral (values
      (case when coalesce(r.merchants, 0) > d.amount then 'crypto refunds above the amount paid' end),
      (case when d.status = 'confirmed' and coalesce(r.merchants, 0) <> d.amount_refunded then 'crypto refunds differ from the reservation' end),
      (case when d.status = 'expired' and d.amount_refunded <> d.amount_received then 'an expired deposit not sent back in full' end),
      (case when d.status = 'expired' and coalesce(r.returned, 0) > d.amount_received then 'sent back more than an expired deposit received' end),
      (case when coalesce(e.n, 0) <> coalesce(r.succeeded, 0) then 'crypto_refund entries differ from succeeded crypto refunds' end),
      (case when e.exact = false then 'a crypto_refund entry of another amount than its refund' end),
      (case when e.stray then 'a crypto_refund entry for a refund not succeeded' end)
    ) as checks(problem)
    where problem is not null
    union all
    select t.from_address, 'nonce ' || t.nonce || ' mined ' || count(*) || ' times'
    from chain_transactions t where t.status in ('mined', 'reverted') ${scope.merchantId ? sql`and t.merchant_id = ${scope.merchantId}` : sql``}
    group by t.chain_id, t.from_address, t.nonce having count(*) > 1
  `);
  const rows = (result as { rows?: { id: string; problem: string }[] }).rows ?? (result as unknown as { id: string; problem: string }[]);
  return rows.map((r) => `${r.id}: ${r.problem}`);
}
