import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { checkLedgerInvariants, type LedgerScope } from "@/lib/ledger/check-ledger-invariants";
import { checkRollups } from "@/lib/overview/check-rollups";
import { checkEscrowInvariants } from "@/lib/escrow/check-escrow-invariants";
import { checkCryptoInvariants } from "@/lib/crypto-payments/check-crypto-invariants";

/**
 * The money path's invariants on top of the ledger's (debits = credits, no negative balance):
 * for every payment refunds ≤ received ≤ authorised; amount_refunded is exactly its succeeded and
 * pending refunds; the ledger holds one capture of exactly the amount received and one refund entry per
 * succeeded refund, and nothing else; the rollup tables equal a GROUP BY over payments and refunds;
 * an Idempotency-Key made at most one payment or refund; and every refund the sandbox processor made is
 * exactly one Kassa refund (a retry that made a second refund would break one of the last two).
 */
export async function checkMoneyInvariants(db: Executor, scope: LedgerScope = {}): Promise<{ ok: boolean; problems: string[] }> {
  const ledger = await checkLedgerInvariants(db, scope);
  const where = sql.join(
    [
      sql`true`,
      ...(scope.merchantId ? [sql`p.merchant_id = ${scope.merchantId}`] : []),
      ...(scope.livemode !== undefined ? [sql`p.livemode = ${scope.livemode}`] : []),
    ],
    sql` and `,
  );
  const result = await db.execute<{ id: string; problem: string }>(sql`
    with p as (select * from payments p where ${where}),
    r as (
      select payment_id,
        coalesce(sum(amount) filter (where status in ('pending', 'succeeded')), 0) as reserved,
        count(*) filter (where status = 'succeeded' and crypto is null) as succeeded
      from refunds where payment_id in (select id from p) group by payment_id
    ),
    captures as (
      select e.source_id as payment_id, count(distinct e.id) as n,
        sum(l.amount) filter (where l.account = 'processor_clearing') as captured
      from journal_entries e join journal_lines l on l.entry_id = e.id
      where e.type = 'capture' and e.source_id in (select id from p) group by e.source_id
    ),
    refund_entries as (
      select rf.payment_id, count(distinct e.id) as n
      from journal_entries e join refunds rf on rf.id = e.source_id
      where e.type = 'refund' and rf.payment_id in (select id from p) group by rf.payment_id
    )
    select p.id, problem from p
      left join r on r.payment_id = p.id
      left join captures c on c.payment_id = p.id
      left join refund_entries re on re.payment_id = p.id,
    lateral (values
      (case when p.amount_refunded > p.amount_received then 'refunded more than received' end),
      (case when p.amount_received > p.amount then 'received more than authorised' end),
      (case when p.amount_capturable + p.amount_received > p.amount then 'capturable + received exceeds the amount' end),
      (case when p.amount_refunded <> coalesce(r.reserved, 0) then 'amount_refunded differs from its refunds' end),
      (case when p.amount_received > 0 and coalesce(c.n, 0) <> 1 then 'captured payment without exactly one capture entry' end),
      (case when p.amount_received = 0 and coalesce(c.n, 0) <> 0 then 'capture entry for a payment that received nothing' end),
      (case when coalesce(c.captured, 0) <> p.amount_received then 'ledger capture differs from amount_received' end),
      (case when coalesce(re.n, 0) <> coalesce(r.succeeded, 0) then 'refund entries differ from succeeded refunds' end)
    ) as checks(problem)
    where problem is not null
  `);
  const rows = [...rowsOf(result), ...rowsOf(await db.execute(exactlyOnce(scope)))];
  // The overview's rollups must equal the rows they summarise (lib/overview/check-rollups.ts).
  const rollups = await checkRollups(db, { merchantId: scope.merchantId });
  // Escrow: the escrow account equals what held escrows hold; released ones released exactly their net (lib/escrow).
  const escrow = await checkEscrowInvariants(db, scope);
  // Crypto: refunds on chain never above what was received, each succeeded one posted once (lib/crypto-payments).
  const crypto = await checkCryptoInvariants(db, scope);
  const problems = [...ledger.problems, ...rows.map((r) => `${r.id}: ${r.problem}`), ...rollups.map((r) => `rollup ${r}`), ...escrow, ...crypto];
  return { ok: problems.length === 0, problems };
}

type Problem = { id: string; problem: string };
const rowsOf = (result: unknown): Problem[] => (result as { rows?: Problem[] }).rows ?? (result as Problem[]);

/** One object per Idempotency-Key (by the creation events it caused) and one Kassa refund per processor refund. */
function exactlyOnce(scope: LedgerScope) {
  const keys = sql.join(
    [
      sql`true`,
      ...(scope.merchantId ? [sql`k.merchant_id = ${scope.merchantId}`] : []),
      ...(scope.livemode !== undefined ? [sql`k.livemode = ${scope.livemode}`] : []),
    ],
    sql` and `,
  );
  const charges = sql.join(
    [
      sql`true`,
      ...(scope.merchantId ? [sql`sc.merchant_id = ${scope.merchantId}`] : []),
      ...(scope.livemode !== undefined ? [sql`sc.livemode = ${scope.livemode}`] : []),
    ],
    sql` and `,
  );
  return sql`
    select k.id, 'Idempotency-Key ' || k.key || ' made ' || count(distinct e.data->'object'->>'id') || ' objects' as problem
    from idempotency_keys k
    join events e on e.merchant_id = k.merchant_id and e.livemode = k.livemode and e.idempotency_key = k.key and e.created_at >= k.created_at
    where ${keys} and e.type in ('payment.created', 'refund.created')
    group by k.id, k.key having count(distinct e.data->'object'->>'id') > 1
    union all
    select sr.id, 'processor refund recorded as ' || count(r.id) || ' Kassa refunds' as problem
    from sandbox_refunds sr
    join sandbox_charges sc on sc.id = sr.charge_id
    left join refunds r on r.id = sr.idempotency_key or r.processor_id = sr.id
    where ${charges} and sr.status = 'succeeded'
    group by sr.id having count(r.id) <> 1
  `;
}
