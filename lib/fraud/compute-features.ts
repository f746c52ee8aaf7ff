import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fraudCounters, fraudLinks, fraudListItems, fraudLists, fraudProfiles, fraudRules } from "@/db/schema";
import type { FeatureVector } from "./features";
import { counterKey, type PaymentSignals } from "./signals";

export const BUCKET_MS = 5 * 60_000;
export const bucketOf = (at: number) => new Date(Math.floor(at / BUCKET_MS) * BUCKET_MS);
/** Never a real key: a missing value matches no counter row. */
const NONE = "-";

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

export async function computeFeatures(
  db: Executor,
  tenant: { merchantId: string; livemode: boolean },
  args: { keys: FeatureKeys; signals: PaymentSignals; amountUsd: number; now: number; listValues: string[] },
): Promise<FeatureLookup> {
  const { keys, now } = args;
  const h1 = bucketOf(now - 55 * 60_000);
  const h24 = bucketOf(now - 24 * 3_600_000 + BUCKET_MS);
  const m10 = bucketOf(now - 5 * 60_000);
  const k = (v: string | null) => v ?? NONE;
  const m = tenant.merchantId;
  const l = tenant.livemode;
  const rows = (await db.execute(sql`
    with c as (
      select ${fraudCounters.dimension} as k1, ${fraudCounters.key} as k2,
        coalesce(sum(${fraudCounters.attempts}) filter (where ${fraudCounters.bucket} >= ${h1}), 0)::int as a,
        coalesce(sum(${fraudCounters.attempts}), 0)::int as b,
        coalesce(sum(${fraudCounters.declines}) filter (where ${fraudCounters.bucket} >= ${h1}), 0)::int as c,
        coalesce(sum(${fraudCounters.declines}), 0)::int as d,
        coalesce(sum(${fraudCounters.declines}) filter (where ${fraudCounters.bucket} >= ${m10}), 0)::int as e
      from ${fraudCounters}
      where ${fraudCounters.merchantId} = ${m} and ${fraudCounters.livemode} = ${l} and ${fraudCounters.bucket} >= ${h24} and ${fraudCounters.bucket} <= ${bucketOf(now)}
        and (${fraudCounters.dimension}, ${fraudCounters.key}) in (('card', ${k(keys.card)}), ('email', ${k(keys.email)}), ('ip', ${k(keys.ip)}),
          ('customer', ${k(keys.customer)}), ('vpa', ${k(keys.vpa)}), ('small_declines', 'all'))
      group by 1, 2
    ), n as (
      select ${fraudLinks.kind} as k1, ${fraudLinks.a} as k2, count(*)::int as a, 0 as b, 0 as c, 0 as d, 0 as e
      from ${fraudLinks}
      where ${fraudLinks.merchantId} = ${m} and ${fraudLinks.livemode} = ${l} and ${fraudLinks.lastSeen} >= ${new Date(now - 24 * 3_600_000)}
        and ${fraudLinks.lastSeen} <= ${new Date(now)}
        and (${fraudLinks.kind}, ${fraudLinks.a}) in (('email_card', ${k(keys.email)}), ('ip_card', ${k(keys.ip)}), ('card_email', ${k(keys.card)}))
      group by 1, 2
    ), p as (
      select ${fraudProfiles.kind} as k1, ${fraudProfiles.key} as k2, ${fraudProfiles.payments} as a, ${fraudProfiles.amountUsd}::float8 as b, 0 as c, 0 as d, 0 as e
      from ${fraudProfiles}
      where ${fraudProfiles.merchantId} = ${m} and ${fraudProfiles.livemode} = ${l}
        and (${fraudProfiles.kind}, ${fraudProfiles.key}) in (('customer', ${k(keys.customer)}), ('email', ${k(keys.email)}), ('card', ${k(keys.card)}),
          ('vpa', ${k(keys.vpa)}), ('merchant', 'all'))
    )
    select 'c' as src, * from c union all select 'n', * from n union all select 'p', k1, k2, a, b, c, d, e from p
    union all select 'r', ${fraudRules.id}, ${fraudRules.source}, 0, 0, 0, 0, 0 from ${fraudRules}
      where ${fraudRules.merchantId} = ${m} and ${fraudRules.livemode} = ${l} and ${fraudRules.status} = 'active'
    union all select 'l', ${fraudLists.alias}, ${fraudListItems.value}, 0, 0, 0, 0, 0
      from ${fraudListItems} join ${fraudLists} on ${fraudLists.id} = ${fraudListItems.listId}
      where ${fraudListItems.merchantId} = ${m} and ${fraudListItems.livemode} = ${l}
        and ${fraudListItems.value} in (${sql.join(
          (args.listValues.length ? args.listValues : [NONE]).map((v) => sql`${v}`),
          sql`, `,
        )})
  `)) as unknown as { rows?: Row[] } | Row[];
  const list: Row[] = Array.isArray(rows) ? rows : (rows.rows ?? []);
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
    rules: list.filter((r) => r.src === "r").map((r) => ({ id: r.k1, source: r.k2 })),
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
