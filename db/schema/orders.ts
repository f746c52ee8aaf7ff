import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tenant, timestamps } from "./columns";

/**
 * Where Kassa calls a merchant during an order saga: one URL per action, signed with the hook's own
 * Standard Webhooks secret. At most one live hook per merchant and mode (the newest one is used).
 */
export const fulfillmentHooks = pgTable(
  "fulfillment_hooks",
  {
    id: primaryId(),
    ...tenant,
    reserveUrl: text().notNull(),
    confirmUrl: text().notNull(),
    releaseUrl: text().notNull(),
    description: text(),
    /** The signing secret, AES-256-GCM sealed (lib/crypto/encryption.ts), with the id of the key that sealed it. */
    secretCiphertext: text().notNull(),
    secretKeyId: text().notNull(),
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id)],
);
export type FulfillmentHookRow = typeof fulfillmentHooks.$inferSelect;

export const ORDER_STATUSES = ["initiated", "processing", "succeeded", "failed", "compensated"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItem {
  name: string;
  quantity: number;
  /** The line's total in minor units (quantity × unit price). */
  amount: number;
}

/**
 * The saga's progress. `reserveRequested` is written before the reserve call is sent (the recovery
 * point: from then on a compensation must release, whatever the answer was); the rest after each
 * side effect succeeded.
 */
export interface OrderProgress {
  authorized?: boolean;
  reserveRequested?: boolean;
  reserved?: boolean;
  captured?: boolean;
  confirmed?: boolean;
  released?: boolean;
  voided?: boolean;
  refunded?: boolean;
}

export const orders = pgTable(
  "orders",
  {
    id: primaryId(),
    ...tenant,
    amount: bigint({ mode: "bigint" }).notNull(),
    currency: text().notNull(),
    paymentMethod: text().notNull(),
    items: jsonb().$type<OrderItem[]>().notNull(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: text().$type<OrderStatus>().notNull().default("initiated"),
    /** The fulfilment hook the saga calls (fixed at creation). */
    hookId: text(),
    /** The authorisation (a payment with capture_method manual), recorded before it is sent. */
    paymentId: text(),
    /** The compensating refund, recorded before it is sent. */
    refundId: text(),
    progress: jsonb().$type<OrderProgress>().notNull().default({}),
    failureCode: text(),
    failureMessage: text(),
    completedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id)],
);
export type OrderRow = typeof orders.$inferSelect;

export const ORDER_STEP_NAMES = ["authorize", "reserve", "capture", "confirm", "release", "void", "refund"] as const;
export type OrderStepName = (typeof ORDER_STEP_NAMES)[number];
export const ORDER_STEP_OUTCOMES = ["succeeded", "failed", "retrying"] as const;
export type OrderStepOutcome = (typeof ORDER_STEP_OUTCOMES)[number];

/** One try of one saga step (or compensation): the timeline on the order page. */
export const orderSteps = pgTable(
  "order_steps",
  {
    id: primaryId(),
    ...tenant,
    orderId: text().notNull(),
    name: text().$type<OrderStepName>().notNull(),
    /** action (forward) or compensation (undoing an action). */
    kind: text().$type<"action" | "compensation">().notNull(),
    /** `ord_…:reserve`: the idempotency key of the step, the same on every try. */
    stepKey: text().notNull(),
    attempt: integer().notNull(),
    outcome: text().$type<OrderStepOutcome>().notNull(),
    statusCode: integer(),
    latencyMs: integer().notNull(),
    error: text(),
    /** What the step produced (payment or refund id, the merchant's answer's first bytes). */
    detail: jsonb().$type<Record<string, unknown>>(),
    ...createdAt,
  },
  (t) => [index().on(t.orderId, t.createdAt)],
);
export type OrderStepRow = typeof orderSteps.$inferSelect;
