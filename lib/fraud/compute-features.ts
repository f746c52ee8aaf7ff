import type { Executor } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import type { FeatureVector } from "./features";
import { counterKey, type PaymentSignals } from "./signals";

export const BUCKET_MS = 5 * 60_000;
export const bucketOf = (at: number) => new Date(Math.floor(at / BUCKET_MS) * BUCKET_MS);

export interface FeatureKeys {
  card: string | null;
  email: string | null;
  ip: string | null;
  customer: string | null;
  vpa: string | null;
}

export const keysOf = (s: PaymentSignals): FeatureKeys => ({
  card: counterKey("card", s.cardFingerprint),
  email: counterKey("email", s.email),
  ip: counterKey("ip", s.ipAddress),
  customer: counterKey("customer", s.customer),
  vpa: counterKey("vpa", s.vpa),
});

/**
 * The model's features for one attempt in one round trip: every velocity from the 5-minute counters
 * (index ranges of at most 288 rows per key), the distinct counts from the 24-hour links, the amount ratios
 * and "first payment" from the paid profiles — and, in the same statement, the merchant's active rules and
 * the list entries holding this payment's values. Counts are before this attempt (it is counted in its phase A).
 */
export interface FeatureLookup {
  features: FeatureVector;
  /** The merchant's active rules (id, source), read in the same round trip. */
  rules: { id: string; source: string }[];
  /** Of the merchant's lists, only the entries holding this payment's own values (alias, value). */
  listItems: { alias: string; value: string }[];
}

/**
 * The statement, fixed text (prepared once per connection): $1 merchant, $2 livemode, $3 the hour's first
 * bucket, $4 the day's, $5 the last 10 minutes', $6 the checked time's bucket (nothing after it counts),
 * $7–$11 the card, email, IP, customer and VPA keys (null when the payment has none: no probe), $12–$13 the
 * links' 24-hour range, $14 the payment's values a list can hold. Table and column names are the schema's
 * (db/schema/fraud.ts).
 *
 * Each key is one index range scan of its own (a LATERAL over a VALUES list, summed where it is read), so
 * the plan never merges the keys' ranges into a bitmap and sorts them back into groups; an absent key is
 * filtered out before its probe. The counters read their window through the primary key (merchant, mode, dimension, key, bucket);
 * a profile is the sum of its key's rows (the merchant's own is split into shards, db/schema/fraud.ts).
 */
export const FEATURES_SQL = `select 'c' as src, k.k1, k.k2, f.a, f.b, f.c, f.d, f.e
    from (values ('card', $7::text), ('email', $8::text), ('ip', $9::text), ('customer', $10::text), ('vpa', $11::text),
      ('small_declines', 'all')) as k(k1, k2)
    cross join lateral (
      select coalesce(sum(attempts) filter (where bucket >= $3), 0)::int as a,
        coalesce(sum(attempts), 0)::float8 as b,
        coalesce(sum(declines) filter (where bucket >= $3), 0)::int as c,
        coalesce(sum(declines), 0)::int as d,
        coalesce(sum(declines) filter (where bucket >= $5), 0)::int as e
      from fraud_counters
      where merchant_id = $1 and livemode = $2 and dimension = k.k1 and key = k.k2 and bucket >= $4 and bucket <= $6
    ) as f
    where k.k2 is not null
  union all
  select 'n', k.k1, k.k2,
      (select count(*) from fraud_links l where l.merchant_id = $1 and l.livemode = $2 and l.kind = k.k1 and l.a = k.k2
        and l.last_seen >= $12 and l.last_seen <= $13)::int, 0, 0, 0, 0
    from (values ('email_card', $8::text), ('ip_card', $9::text), ('card_email', $7::text)) as k(k1, k2)
    where k.k2 is not null
  union all
  select 'p', k.k1, k.k2, sum(p.payments)::int, sum(p.amount_usd)::float8, 0, 0, 0
    from (values ('customer', $10::text), ('email', $8::text), ('card', $7::text), ('vpa', $11::text), ('merchant', 'all')) as k(k1, k2)
    join fraud_profiles p on p.merchant_id = $1 and p.livemode = $2 and p.kind = k.k1 and p.key = k.k2
    where k.k2 is not null
    group by k.k1, k.k2
  union all
  select 'r', r.id, r.source, 0, 0, 0, 0, 0 from fraud_rules r
    where r.merchant_id = $1 and r.livemode = $2 and r.status = 'active'
  union all
  select 'l', l.alias, i.value, 0, 0, 0, 0, 0
    from fraud_list_items i join fraud_lists l on l.id = i.list_id
    where i.merchant_id = $1 and i.livemode = $2 and i.value = any($14::text[])`;
const featuresQuery = preparedQuery<Row>("fraud_features_v3", FEATURES_SQL);

/** The statement's parameters, in its order. */
export function featuresParameters(tenant: { merchantId: string; livemode: boolean }, keys: FeatureKeys, now: number, listValues: string[]): unknown[] {
  return [
    tenant.merchantId,
    tenant.livemode,
    bucketOf(now - 55 * 60_000),
    bucketOf(now - 24 * 3_600_000 + BUCKET_MS),
    bucketOf(now - 5 * 60_000),
    bucketOf(now),
    keys.card,
    keys.email,
    keys.ip,
    keys.customer,
    keys.vpa,
    new Date(now - 24 * 3_600_000),
    new Date(now),
    listValues,
  ];
}

export async function computeFeatures(
  db: Executor,
  tenant: { merchantId: string; livemode: boolean },
  args: { keys: FeatureKeys; signals: PaymentSignals; amountUsd: number; now: number; listValues: string[] },
): Promise<FeatureLookup> {
  const { keys, now } = args;
  const list = await featuresQuery(db, featuresParameters(tenant, keys, now, args.listValues));
  const get = (src: string, k1: string) => list.find((r) => r.src === src && r.k1 === k1);
  const counter = (dim: string) => get("c", dim);
  const link = (kind: string) => Number(get("n", kind)?.a ?? 0);
  const profile = (kind: string) => get("p", kind);
  const num = (v: unknown) => Number(v ?? 0);
  const ratio = (p: Row | undefined) => {
    const paid = num(p?.a);
    return paid > 0 ? args.amountUsd / Math.max(1, num(p?.b) / paid) : 1;
  };
  const buyer = profile("customer") ?? profile("email");
  const payer = args.signals.paymentMethodType === "upi" ? profile("vpa") : profile("card");
  const features: FeatureVector = {
    amount_in_usd: args.amountUsd,
    amount_vs_customer_avg: ratio(buyer),
    amount_vs_merchant_avg: ratio(profile("merchant")),
    is_first_payment_for_card: num(payer?.a) > 0 ? 0 : 1,
    is_first_time_customer: num(buyer?.a) > 0 ? 0 : 1,
    card_attempts_1h: num(counter("card")?.a),
    card_attempts_24h: num(counter("card")?.b),
    card_declines_1h: num(counter("card")?.c),
    card_declines_24h: num(counter("card")?.d),
    email_attempts_1h: num(counter("email")?.a),
    email_attempts_24h: num(counter("email")?.b),
    ip_attempts_1h: num(counter("ip")?.a),
    ip_attempts_24h: num(counter("ip")?.b),
    ip_declines_1h: num(counter("ip")?.c),
    customer_attempts_24h: num(counter("customer")?.b),
    vpa_attempts_1h: num(counter("vpa")?.a),
    distinct_cards_per_email_24h: link("email_card"),
    distinct_cards_per_ip_24h: link("ip_card"),
    distinct_emails_per_card_24h: link("card_email"),
    card_country_mismatch: args.signals.cardCountry && args.signals.ipCountry && args.signals.cardCountry !== args.signals.ipCountry ? 1 : 0,
    hour_of_day: new Date(now).getUTCHours(),
    merchant_small_declines_10m: num(counter("small_declines")?.e),
    network_risk: args.signals.networkRisk,
  };
  return {
    features,
    // In the merchant's order (ids sort by creation), which decides between two matching rules of one action.
    rules: list
      .filter((r) => r.src === "r")
      .map((r) => ({ id: r.k1, source: r.k2 }))
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    listItems: list.filter((r) => r.src === "l").map((r) => ({ alias: r.k1, value: r.k2 })),
  };
}

interface Row {
  src: string;
  k1: string;
  k2: string;
  a: number | string | null;
  b: number | string | null;
  c: number | string | null;
  d: number | string | null;
  e: number | string | null;
}
