import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Sealed } from "../../lib/crypto/encryption";
import { createdAt, primaryId, tenant, timestamps } from "./columns";

/** How the customer approves: their UPI app opened on a link (intent), a QR scanned, or a request sent to their VPA (collect). */
export const UPI_FLOWS = ["intent", "qr", "collect"] as const;
export type UpiFlow = (typeof UPI_FLOWS)[number];

/** The UPI transaction's own state, beside the payment's Stripe-style status. */
export const UPI_STATUSES = ["pending", "success", "failed", "expired"] as const;
export type UpiStatus = (typeof UPI_STATUSES)[number];

/** `payment_method_details.upi` as stored on the payment (the API's own shape). */
export interface UpiDetails {
  flow: UpiFlow;
  /** The payer's VPA when known (collect: given; intent and QR: reported by the PSP on success). */
  vpa: string | null;
  status: UpiStatus;
  /** The bank's 12-digit retrieval reference, on success. */
  rrn: string | null;
  /** The PSP's transaction id. */
  psp_reference: string | null;
  /** Unix seconds: after this the payment is expired unless the PSP says it was paid. */
  expires_at: number;
  payer_name: string | null;
  /** Paid after it had expired: refunded automatically (refund id). */
  late_refund: string | null;
}

/** A merchant's UPI settings, per mode. Absent row: the defaults in the column definitions. */
export const upiSettings = pgTable(
  "upi_settings",
  {
    ...tenant,
    /** UPI Collect (a request to the customer's VPA): off by default, as NPCI deprecated it for most flows. */
    collectEnabled: boolean().notNull().default(false),
    /** Largest UPI payment, in paise (₹1,00,000 by default). */
    maxAmount: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`10000000`),
    /** Minutes before an unpaid UPI payment expires; null: the flow's default (intent 10, QR and collect 8). At least 5. */
    expiryMinutes: integer(),
    /** The PSP's fee in basis points of the amount (0: UPI P2M under the zero-MDR rule). */
    feeBasisPoints: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode] })],
);
export type UpiSettingsRow = typeof upiSettings.$inferSelect;

export const UPI_EVENT_KINDS = ["initiated", "poll", "callback", "expired", "late_success", "poll_error"] as const;
export type UpiEventKind = (typeof UPI_EVENT_KINDS)[number];

/**
 * A UPI payment's timeline beside its events: every status check, callback, expiry and late success.
 * A callback's row is also its deduplication: `callback_id` (the PSP's) is unique.
 */
export const upiEvents = pgTable(
  "upi_events",
  {
    id: primaryId(),
    ...tenant,
    paymentId: text().notNull(),
    attemptId: text().notNull(),
    kind: text().$type<UpiEventKind>().notNull(),
    /** The PSP's status as this check or callback saw it. */
    status: text().$type<UpiStatus>(),
    callbackId: text(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...createdAt,
  },
  (t) => [index().on(t.paymentId, t.createdAt), uniqueIndex("upi_events_callback_idx").on(t.callbackId)],
);
export type UpiEventRow = typeof upiEvents.$inferSelect;

// The sandbox UPI PSP's own state (lib/gateways/upi-sandbox). Like the card sandbox's tables, it stands
// in for another company's system: Kassa's services never join these.

export const SANDBOX_UPI_BEHAVIOURS = ["app", "success", "failure", "slow", "never", "late"] as const;
export type SandboxUpiBehaviour = (typeof SANDBOX_UPI_BEHAVIOURS)[number];

/** One UPI transaction at the sandbox PSP, unique per tenant and the merchant's reference (the idempotency key). */
export const sandboxUpiTransactions = pgTable(
  "sandbox_upi_transactions",
  {
    id: primaryId(),
    ...tenant,
    merchantReference: text().notNull(),
    requestHash: text().notNull(),
    paymentId: text().notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    currency: text().notNull(),
    flow: text().$type<UpiFlow>().notNull(),
    /** Collect: the VPA asked; intent and QR: the paying app's VPA once known. */
    vpa: text(),
    payerName: text(),
    status: text().$type<UpiStatus>().notNull(),
    behaviour: text().$type<SandboxUpiBehaviour>().notNull(),
    /** When the behaviour's outcome happens (null: the tester decides on the app page, or never). */
    decideAt: timestamp({ withTimezone: true }),
    /** Whether the PSP calls back when the outcome happens (slow@kassa's callback is lost, so polling finds it). */
    callback: boolean().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** The `upi://pay` link of an intent or QR transaction. */
    intentUrl: text(),
    rrn: text(),
    decidedAt: timestamp({ withTimezone: true }),
    callbackSentAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.merchantReference)],
);
export type SandboxUpiTransactionRow = typeof sandboxUpiTransactions.$inferSelect;

export const sandboxUpiRefunds = pgTable(
  "sandbox_upi_refunds",
  {
    id: primaryId(),
    ...tenant,
    transactionId: text().notNull(),
    idempotencyKey: text().notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    status: text().$type<"succeeded" | "failed">().notNull(),
    ...createdAt,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.idempotencyKey), index().on(t.transactionId)],
);
export type SandboxUpiRefundRow = typeof sandboxUpiRefunds.$inferSelect;

/**
 * The sandbox PSP's credentials, made once on first use: Kassa's RSA key pair (Kassa signs each request
 * with the private key; the PSP verifies with the public one) and the callback secret (the PSP signs its
 * callbacks with HMAC-SHA256). Secrets are sealed with the encryption keyring.
 */
export const sandboxUpiKeys = pgTable("sandbox_upi_keys", {
  id: primaryId(),
  publicKey: text().notNull(),
  privateKey: jsonb().$type<Sealed>().notNull(),
  callbackSecret: jsonb().$type<Sealed>().notNull(),
  ...createdAt,
});
