import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fastInsert, type ConflictUpdate } from "@/db/fast-insert";
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

/** A counter row's upsert adds the proposed row's counts: one statement counts an attempt (or decline) under every key. */
const ADD_COUNTS: ConflictUpdate = {
  target: [fraudCounters.merchantId, fraudCounters.livemode, fraudCounters.dimension, fraudCounters.key, fraudCounters.bucket],
  set: { attempts: sql`${fraudCounters.attempts} + excluded.attempts`, declines: sql`${fraudCounters.declines} + excluded.declines` },
};

/** A +1 of `field` under each (dimension, key) — distinct pairs, so one multi-row upsert touches each row once. */
function bumps(db: Executor, tenant: Tenant, pairs: [FraudDimension, string][], at: number, field: "attempts" | "declines") {
  if (pairs.length === 0) return [];
  const bucket = bucketOf(at);
  const rows = pairs.map(([dimension, key]) => ({
    merchantId: tenant.merchantId,
    livemode: tenant.livemode,
    dimension,
    key,
    bucket,
    attempts: field === "attempts" ? 1 : 0,
    declines: field === "declines" ? 1 : 0,
  }));
  return [fastInsert(db, fraudCounters, rows, { onConflictDoUpdate: ADD_COUNTS })];
}

const SEEN_AGAIN: ConflictUpdate = {
  target: [fraudLinks.merchantId, fraudLinks.livemode, fraudLinks.kind, fraudLinks.a, fraudLinks.b],
  set: { lastSeen: sql`excluded.last_seen` },
};

const ADD_PAID: ConflictUpdate = {
  target: [fraudProfiles.merchantId, fraudProfiles.livemode, fraudProfiles.kind, fraudProfiles.key, fraudProfiles.shard],
  set: {
    payments: sql`${fraudProfiles.payments} + excluded.payments`,
    amountUsd: sql`${fraudProfiles.amountUsd} + excluded.amount_usd`,
    lastPaidAt: sql`excluded.last_paid_at`,
  },
};

const dims = (keys: FeatureKeys) =>
  (["card", "email", "ip", "customer", "vpa"] as const).flatMap((d) => (keys[d] ? [[d, keys[d]] as [FraudDimension, string]] : []));

/** Phase A: the attempt counted under each of its keys, and its pairs (email↔card, IP↔card) seen now. */
export function attemptWrites(db: Executor, tenant: Tenant, keys: FeatureKeys, at: number) {
  const pairs: ["email_card" | "ip_card" | "card_email", string | null, string | null][] = [
    ["email_card", keys.email, keys.card],
    ["ip_card", keys.ip, keys.card],
    ["card_email", keys.card, keys.email],
  ];
  const links = pairs.flatMap(([kind, a, b]) =>
    a && b ? [{ merchantId: tenant.merchantId, livemode: tenant.livemode, kind, a, b, lastSeen: new Date(at) }] : [],
  );
  return [...bumps(db, tenant, dims(keys), at, "attempts"), ...(links.length ? [fastInsert(db, fraudLinks, links, { onConflictDoUpdate: SEEN_AGAIN })] : [])];
}

/** Phase B of a declined (or blocked) attempt: a decline under each key, and the merchant's small declines. */
export function declineWrites(db: Executor, tenant: Tenant, keys: AttemptFraudKeys, at: number) {
  const pairs = dims(keys);
  if (keys.amountUsd < SMALL_PAYMENT_USD_CENTS) pairs.push(["small_declines", "all"]);
  return bumps(db, tenant, pairs, at, "declines");
}

/**
 * Phase B of a paid attempt: the buyer's, card's (or VPA's) and merchant's paid history. The merchant's row
 * takes its shard from the column's default (the connection's: every paid payment adds to it); the others are
 * one row each, shard 0.
 */
export function paidWrites(db: Executor, tenant: Tenant, keys: AttemptFraudKeys, at: number) {
  const kinds: ["customer" | "email" | "card" | "vpa" | "merchant", string | null][] = [
    ["customer", keys.customer],
    ["email", keys.email],
    ["card", keys.card],
    ["vpa", keys.vpa],
    ["merchant", "all"],
  ];
  const rows = kinds.flatMap(([kind, key]) =>
    key
      ? [
          {
            merchantId: tenant.merchantId,
            livemode: tenant.livemode,
            kind,
            key,
            ...(kind === "merchant" ? {} : { shard: 0 }),
            payments: 1,
            amountUsd: BigInt(keys.amountUsd),
            firstPaidAt: new Date(at),
            lastPaidAt: new Date(at),
          },
        ]
      : [],
  );
  return rows.length ? [fastInsert(db, fraudProfiles, rows, { onConflictDoUpdate: ADD_PAID })] : [];
}
