import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fraudCounters, fraudLinks, fraudProfiles, type FraudDimension } from "@/db/schema";
import { bucketOf, type FeatureKeys } from "./compute-features";

/** A payment under USD 5: its declines are the card-testing pattern's. */
export const SMALL_PAYMENT_USD_CENTS = 500;

/** What an attempt keeps for its counters (on payment_attempts.fraud_keys): the keys and its USD amount. */
export interface AttemptFraudKeys extends FeatureKeys {
  amountUsd: number;
  /** When the attempt was checked (ms): its decline is counted in that bucket too. */
  at?: number;
  /** A `request_3ds` rule matched: the processor is asked to challenge the card. */
  threeDSecure?: boolean;
}

type Tenant = { merchantId: string; livemode: boolean };

function bump(db: Executor, tenant: Tenant, dimension: FraudDimension, key: string, at: number, field: "attempts" | "declines") {
  return db
    .insert(fraudCounters)
    .values({ ...tenant, dimension, key, bucket: bucketOf(at), attempts: field === "attempts" ? 1 : 0, declines: field === "declines" ? 1 : 0 })
    .onConflictDoUpdate({
      target: [fraudCounters.merchantId, fraudCounters.livemode, fraudCounters.dimension, fraudCounters.key, fraudCounters.bucket],
      set: field === "attempts" ? { attempts: sql`${fraudCounters.attempts} + 1` } : { declines: sql`${fraudCounters.declines} + 1` },
    });
}

const dims = (keys: FeatureKeys) =>
  (["card", "email", "ip", "customer", "vpa"] as const).flatMap((d) => (keys[d] ? [[d, keys[d]] as [FraudDimension, string]] : []));

/** Phase A: the attempt counted under each of its keys, and its pairs (email↔card, IP↔card) seen now. */
export function attemptWrites(db: Executor, tenant: Tenant, keys: FeatureKeys, at: number) {
  const out = dims(keys).map(([d, k]) => bump(db, tenant, d, k, at, "attempts"));
  const link = (kind: "email_card" | "ip_card" | "card_email", a: string | null, b: string | null) =>
    a && b
      ? [
          db
            .insert(fraudLinks)
            .values({ ...tenant, kind, a, b, lastSeen: new Date(at) })
            .onConflictDoUpdate({
              target: [fraudLinks.merchantId, fraudLinks.livemode, fraudLinks.kind, fraudLinks.a, fraudLinks.b],
              set: { lastSeen: new Date(at) },
            }),
        ]
      : [];
  return [...out, ...link("email_card", keys.email, keys.card), ...link("ip_card", keys.ip, keys.card), ...link("card_email", keys.card, keys.email)];
}

/** Phase B of a declined (or blocked) attempt: a decline under each key, and the merchant's small declines. */
export function declineWrites(db: Executor, tenant: Tenant, keys: AttemptFraudKeys, at: number) {
  const out = dims(keys).map(([d, k]) => bump(db, tenant, d, k, at, "declines"));
  if (keys.amountUsd < SMALL_PAYMENT_USD_CENTS) out.push(bump(db, tenant, "small_declines", "all", at, "declines"));
  return out;
}

/** Phase B of a paid attempt: the buyer's, card's (or VPA's) and merchant's paid history. */
export function paidWrites(db: Executor, tenant: Tenant, keys: AttemptFraudKeys, at: number) {
  const kinds: ["customer" | "email" | "card" | "vpa" | "merchant", string | null][] = [
    ["customer", keys.customer],
    ["email", keys.email],
    ["card", keys.card],
    ["vpa", keys.vpa],
    ["merchant", "all"],
  ];
  return kinds.flatMap(([kind, key]) =>
    key
      ? [
          db
            .insert(fraudProfiles)
            .values({ ...tenant, kind, key, payments: 1, amountUsd: BigInt(keys.amountUsd), firstPaidAt: new Date(at), lastPaidAt: new Date(at) })
            .onConflictDoUpdate({
              target: [fraudProfiles.merchantId, fraudProfiles.livemode, fraudProfiles.kind, fraudProfiles.key],
              set: {
                payments: sql`${fraudProfiles.payments} + 1`,
                amountUsd: sql`${fraudProfiles.amountUsd} + ${BigInt(keys.amountUsd)}`,
                lastPaidAt: new Date(at),
              },
            }),
        ]
      : [],
  );
}
