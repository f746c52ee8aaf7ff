import { sql } from "drizzle-orm";
import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tenant, timestamps } from "./columns";
import { ROLLUP_SHARD } from "./rollups";

/** What a counter counts: per card fingerprint, email, IP, customer, VPA, or the merchant's small declines (card testing). */
export const FRAUD_DIMENSIONS = ["card", "email", "ip", "customer", "vpa", "small_declines"] as const;
export type FraudDimension = (typeof FRAUD_DIMENSIONS)[number];

/**
 * Windowed counters: attempts and declines per key in 5-minute buckets, so a 1-hour or 24-hour velocity is
 * a sum over at most 288 rows of one index range, never a scan of payments. Old buckets are pruned.
 */
export const fraudCounters = pgTable(
  "fraud_counters",
  {
    ...tenant,
    dimension: text().$type<FraudDimension>().notNull(),
    key: text().notNull(),
    bucket: timestamp({ withTimezone: true }).notNull(),
    attempts: integer().notNull().default(0),
    declines: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.dimension, t.key, t.bucket] }), index().on(t.bucket)],
);

/** Pairs seen together (email↔card, IP↔card), for "distinct cards per email / per IP, distinct emails per card" over 24 hours. */
export const FRAUD_LINK_KINDS = ["email_card", "ip_card", "card_email"] as const;
export type FraudLinkKind = (typeof FRAUD_LINK_KINDS)[number];

export const fraudLinks = pgTable(
  "fraud_links",
  {
    ...tenant,
    kind: text().$type<FraudLinkKind>().notNull(),
    a: text().notNull(),
    b: text().notNull(),
    lastSeen: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.kind, t.a, t.b] }), index().on(t.merchantId, t.livemode, t.kind, t.a, t.lastSeen)],
);

/** Paid history per customer, email, card, VPA and the merchant itself: for amount ratios and "first payment" without scanning payments. */
export const FRAUD_PROFILE_KINDS = ["customer", "email", "card", "vpa", "merchant"] as const;
export type FraudProfileKind = (typeof FRAUD_PROFILE_KINDS)[number];

export const fraudProfiles = pgTable(
  "fraud_profiles",
  {
    ...tenant,
    kind: text().$type<FraudProfileKind>().notNull(),
    key: text().notNull(),
    /**
     * 0, except the merchant's own profile, which every paid payment adds to: that one is split like the
     * payment rollups (ROLLUP_SHARD, the writing connection's), so a merchant's payments do not queue for
     * one row's lock; the features sum a key's rows.
     */
    shard: smallint().notNull().default(ROLLUP_SHARD),
    payments: integer().notNull().default(0),
    /** Sum of paid amounts in USD cents (fixed reference rates). */
    amountUsd: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    firstPaidAt: timestamp({ withTimezone: true }),
    lastPaidAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.kind, t.key, t.shard] })],
);

export const RISK_LEVELS = ["normal", "elevated", "highest"] as const;
export type FraudRiskLevel = (typeof RISK_LEVELS)[number];
export const OUTCOME_TYPES = ["authorized", "manual_review", "blocked"] as const;
export type FraudOutcomeType = (typeof OUTCOME_TYPES)[number];

/** Stripe's `outcome` on a payment: what Kassa's fraud check decided for its latest attempt. */
export interface PaymentOutcome {
  risk_score: number;
  risk_level: FraudRiskLevel;
  type: FraudOutcomeType;
  rule: string | null;
  reason: string | null;
}

/** One fraud check: the features it saw, the rules that matched, the model that scored it. */
export const fraudAssessments = pgTable(
  "fraud_assessments",
  {
    id: primaryId(),
    ...tenant,
    paymentId: text().notNull(),
    attemptId: text().notNull(),
    /** The model's probability in [0, 1]. */
    score: doublePrecision().notNull(),
    riskScore: integer().notNull(),
    riskLevel: text().$type<FraudRiskLevel>().notNull(),
    outcome: text().$type<FraudOutcomeType>().notNull(),
    /** The rule that decided (its id, or the default rule's name), and why. */
    rule: text(),
    reason: text(),
    features: jsonb().$type<Record<string, number>>().notNull(),
    /** The payment's attributes the rules saw (card country, BIN, email domain…), without secrets. */
    signals: jsonb().$type<Record<string, string | null>>().notNull(),
    rulesMatched: jsonb().$type<{ id: string; action: string; source: string }[]>().notNull(),
    modelVersion: text().notNull(),
    /** Microseconds the check took (features, model, rules). */
    tookUs: integer().notNull(),
    ...createdAt,
  },
  (t) => [index().on(t.paymentId), index().on(t.merchantId, t.livemode, t.createdAt)],
);
export type FraudAssessmentRow = typeof fraudAssessments.$inferSelect;

export const FRAUD_RULE_ACTIONS = ["request_3ds", "allow", "block", "review"] as const;
export type FraudRuleAction = (typeof FRAUD_RULE_ACTIONS)[number];

/** A merchant's rule, per mode; a change makes a new version (the old row disabled), audited. */
export const fraudRules = pgTable(
  "fraud_rules",
  {
    id: primaryId(),
    ...tenant,
    action: text().$type<FraudRuleAction>().notNull(),
    source: text().notNull(),
    version: integer().notNull().default(1),
    /** The rule this one replaced (its earlier version). */
    replaces: text(),
    status: text().$type<"active" | "disabled">().notNull().default("active"),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.status)],
);
export type FraudRuleRow = typeof fraudRules.$inferSelect;

/** What a list holds. */
export const FRAUD_LIST_ITEM_TYPES = ["card_fingerprint", "email", "ip_address", "vpa", "card_bin", "customer", "country"] as const;
export type FraudListItemType = (typeof FRAUD_LIST_ITEM_TYPES)[number];

/** A merchant's allow or block list (Radar's value lists), used by rules as `@alias`. */
export const fraudLists = pgTable(
  "fraud_lists",
  {
    id: primaryId(),
    ...tenant,
    alias: text().notNull(),
    name: text().notNull(),
    itemType: text().$type<FraudListItemType>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.alias)],
);
export type FraudListRow = typeof fraudLists.$inferSelect;

export const fraudListItems = pgTable(
  "fraud_list_items",
  {
    id: primaryId(),
    ...tenant,
    listId: text().notNull(),
    /** Lowercased. */
    value: text().notNull(),
    ...createdAt,
  },
  (t) => [uniqueIndex().on(t.listId, t.value), index().on(t.merchantId, t.livemode, t.value)],
);
export type FraudListItemRow = typeof fraudListItems.$inferSelect;

export const REVIEW_CLOSED_REASONS = ["approved", "refunded", "refunded_as_fraud", "canceled", "disputed"] as const;
export type ReviewClosedReason = (typeof REVIEW_CLOSED_REASONS)[number];

/** A payment placed in review: authorised, not captured, until the merchant approves or refunds it. */
export const reviews = pgTable(
  "reviews",
  {
    id: primaryId(),
    ...tenant,
    paymentId: text().notNull(),
    open: integer().notNull().default(1),
    /** Why it was opened: the rule's id or `risk_score`. */
    reason: text().notNull(),
    riskScore: integer().notNull(),
    closedReason: text().$type<ReviewClosedReason>(),
    closedAt: timestamp({ withTimezone: true }),
    ...createdAt,
  },
  (t) => [uniqueIndex().on(t.paymentId), index().on(t.merchantId, t.livemode, t.open, t.riskScore)],
);
export type ReviewRow = typeof reviews.$inferSelect;
