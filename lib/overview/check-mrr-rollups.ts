import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

type Rows<T> = { rows: T[] };

/**
 * Compares the MRR rollups with the subscriptions they follow (one merchant, or all): each subscription's
 * remembered MRR against a recomputation from its status, items and prices; each customer's count of counted
 * subscriptions; and, per merchant, mode and currency, the sum of every day's movements against the MRR and
 * subscribers there are now. Returns one line per difference (empty when exact). For tests and operators;
 * it scans, the dashboard never calls it.
 */
export async function checkMrrRollups(db: Executor, scope: { merchantId?: string } = {}): Promise<string[]> {
  const only = (column: string) => (scope.merchantId ? sql`and ${sql.raw(column)} = ${scope.merchantId}` : sql``);
  const problems: string[] = [];

  const perSubscription = (await db.execute(sql`
    with expected as (
      select s.id, s.merchant_id, s.status in ('active', 'past_due') as counted,
             case when s.status in ('active', 'past_due')
                  then coalesce((select sum(mrr_of(p.unit_amount, i.quantity, p.recurring_interval, p.recurring_interval_count))
                                 from subscription_items i join prices p on p.id = i.price where i.subscription = s.id), 0)
                  else 0 end as mrr
      from subscriptions s where true ${only("s.merchant_id")}
    )
    select e.id, e.counted, e.mrr::text as mrr, m.counted as was_counted, m.mrr::text as was_mrr
    from expected e left join subscription_mrr m on m.subscription = e.id
    where (e.counted or m.subscription is not null)
      and (m.subscription is null or m.counted <> e.counted or m.mrr <> e.mrr)`)) as unknown as Rows<{
    id: string;
    counted: boolean;
    mrr: string;
    was_counted: boolean | null;
    was_mrr: string | null;
  }>;
  for (const r of perSubscription.rows) {
    problems.push(
      `subscription ${r.id}: expected ${r.counted ? "counted" : "not counted"} ${r.mrr}, rollup ${r.was_counted === null ? "missing" : `${r.was_counted ? "counted" : "not counted"} ${r.was_mrr}`}`,
    );
  }

  const perCustomer = (await db.execute(sql`
    with expected as (
      select customer, currency, count(*) filter (where counted) as n from subscription_mrr where true ${only("merchant_id")} group by 1, 2
    )
    select coalesce(e.customer, x.customer) as customer, coalesce(e.currency, x.currency) as currency,
           coalesce(e.n, 0)::int as expected, coalesce(x.subscriptions, 0) as actual
    from expected e full join (select * from mrr_subscribers where true ${only("merchant_id")}) x
      on x.customer = e.customer and x.currency = e.currency
    where coalesce(e.n, 0) <> coalesce(x.subscriptions, 0)`)) as unknown as Rows<{ customer: string; currency: string; expected: number; actual: number }>;
  for (const r of perCustomer.rows) problems.push(`subscriber ${r.customer} ${r.currency}: expected ${r.expected}, rollup ${r.actual}`);

  const totals = (await db.execute(sql`
    with movements as (
      select merchant_id, livemode, currency,
             sum(new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr) as mrr,
             sum(subscribers_gained - subscribers_lost) as subscribers
      from mrr_rollups where true ${only("merchant_id")} group by 1, 2, 3
    ), now as (
      select merchant_id, livemode, currency, sum(mrr) filter (where counted) as mrr,
             (select count(*) from mrr_subscribers x where x.merchant_id = m.merchant_id and x.livemode = m.livemode
                and x.currency = m.currency and x.subscriptions > 0) as subscribers
      from subscription_mrr m where true ${only("merchant_id")} group by 1, 2, 3
    )
    select concat_ws('|', coalesce(a.merchant_id, b.merchant_id), coalesce(a.livemode, b.livemode), coalesce(a.currency, b.currency)) as key,
           coalesce(a.mrr, 0)::text as movements_mrr, coalesce(b.mrr, 0)::text as now_mrr,
           coalesce(a.subscribers, 0)::text as movements_subscribers, coalesce(b.subscribers, 0)::text as now_subscribers
    from movements a full join now b on a.merchant_id = b.merchant_id and a.livemode = b.livemode and a.currency = b.currency
    where coalesce(a.mrr, 0) <> coalesce(b.mrr, 0) or coalesce(a.subscribers, 0) <> coalesce(b.subscribers, 0)`)) as unknown as Rows<{
    key: string;
    movements_mrr: string;
    now_mrr: string;
    movements_subscribers: string;
    now_subscribers: string;
  }>;
  for (const r of totals.rows) {
    problems.push(
      `mrr ${r.key}: movements sum to ${r.movements_mrr} MRR and ${r.movements_subscribers} subscribers, now ${r.now_mrr} and ${r.now_subscribers}`,
    );
  }
  return problems;
}
