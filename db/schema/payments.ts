import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { primaryId, tenant, timestamps } from "./columns";
import type { UpiDetails } from "./upi";
import type { PaymentOutcome } from "./fraud";
import type { AttemptFraudKeys } from "../../lib/fraud/counter-writes";
import type { EscrowState } from "./escrow";
import type { AttemptRouting } from "./routing";
import type { CryptoDetails, CryptoRefundDetails, CryptoToken } from "./crypto";

/** Stripe PaymentIntent statuses, in the order a payment moves through them. */
export const PAYMENT_STATUSES = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "processing",
  "requires_capture",
  "succeeded",
  "canceled",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const CAPTURE_METHODS = ["automatic", "manual"] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

export const CANCELLATION_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "abandoned", "automatic", "expired"] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

export interface PaymentError {
  type: "card_error" | "api_error" | "invalid_request_error";
  code: string;
  decline_code: string | null;
  message: string;
  payment_method: string | null;
}

/** Stripe's `next_action`: a 3DS redirect, or (UPI) the link and QR the customer's app pays, or a collect request to approve. */
export type NextAction =
  | { type: "redirect_to_url"; redirect_to_url: { url: string; return_url: string | null } }
  | { type: "upi_intent"; intent_url: string; qr_svg: string; expires_at: number }
  | { type: "upi_collect_pending"; vpa: string; expires_at: number }
  | { type: "crypto_transfer"; crypto_transfer: CryptoTransferAction };

/** next_action.crypto_transfer: where and how much to send (what is still to pay), as a wallet link and a QR. */
export interface CryptoTransferAction {
  address: string;
  token: CryptoToken;
  /** Decimal string of base units: the amount still to pay. */
  amount_in_token_units: string;
  chain_id: number;
  expires_at: number;
  eip681_uri: string;
  qr_svg: string;
}

export interface CardDetails {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  country: string | null;
  funding: string;
}

/** payment_method_details.paypal: the PayPal account that approved a wallet payment (Stripe's shape). */
export interface PayPalDetails {
  payer_id: string | null;
  payer_email: string | null;
  payer_name: string | null;
  country: string | null;
}

export interface PendingOperation {
  type: "capture" | "cancel";
  key: string;
  amount?: string;
  reason?: CancellationReason | null;
  requestedAt: string;
}

export const payments = pgTable(
  "payments",
  {
    id: primaryId(),
    ...tenant,
    amount: bigint({ mode: "bigint" }).notNull(),
    currency: text().notNull(),
    status: text().$type<PaymentStatus>().notNull(),
    captureMethod: text().$type<CaptureMethod>().notNull(),
    amountCapturable: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    amountReceived: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    amountRefunded: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    /** Kassa's fee on the captured amount, posted to the ledger at capture. */
    fee: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    paymentMethod: text(),
    card: jsonb().$type<CardDetails>(),
    /** Kassa's fraud check of the latest attempt (Stripe's `outcome`; lib/fraud). */
    outcome: jsonb().$type<PaymentOutcome>(),
    /** payment_method_details.upi for a UPI payment (lib/upi). */
    upi: jsonb().$type<UpiDetails>(),
    /** payment_method_details.paypal for a PayPal wallet payment, once the payer approved it. */
    paypal: jsonb().$type<PayPalDetails>(),
    /** payment_method_details.crypto for a stablecoin or ETH payment (lib/crypto-payments); its exact amounts live here and in crypto_deposits. */
    crypto: jsonb().$type<CryptoDetails>(),
    customer: text(),
    description: text(),
    receiptEmail: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    connector: text().notNull(),
    /** The processor's object for the latest attempt (sandbox `sbch_…`, Stripe `pi_…`). */
    processorId: text(),
    latestAttemptId: text(),
    attemptCount: integer().notNull().default(0),
    lastPaymentError: jsonb().$type<PaymentError>(),
    nextAction: jsonb().$type<NextAction>(),
    returnUrl: text(),
    cancellationReason: text().$type<CancellationReason>(),
    canceledAt: timestamp({ withTimezone: true }),
    capturedAt: timestamp({ withTimezone: true }),
    /** Manual capture: an authorisation lapses (and is released) after 7 days. */
    authorizationExpiresAt: timestamp({ withTimezone: true }),
    /** Escrow-style holds: capture automatically at this time. */
    captureAt: timestamp({ withTimezone: true }),
    /**
     * A capture or cancel sent to the processor but not yet recorded: the recovery point that lets
     * a retry or the reconciliation job finish it with the same processor idempotency key.
     */
    pendingOperation: jsonb().$type<PendingOperation>(),
    /** Escrow (lib/escrow): captured funds held until escrow_release_at unless disputed inside the window. */
    escrow: jsonb().$type<EscrowState>(),
    /** When a held escrow is released (set at creation for release_at, at capture for release_after_days). */
    escrowReleaseAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.status, t.id),
    index().on(t.merchantId, t.livemode, t.customer, t.id),
    // The dashboard list: newest first by (created_at, id), optionally by status; search by email, last4, amount.
    index("payments_dashboard_created_idx").on(t.merchantId, t.livemode, t.createdAt, t.id),
    index("payments_dashboard_status_idx").on(t.merchantId, t.livemode, t.status, t.createdAt, t.id),
    index("payments_dashboard_email_idx").on(t.merchantId, t.livemode, t.receiptEmail),
    index("payments_dashboard_last4_idx").on(t.merchantId, t.livemode, sql`(${t.card}->>'last4')`),
    // The review queue's "same card": a merchant's payments by card fingerprint, newest first.
    index("payments_card_fingerprint_idx").on(t.merchantId, t.livemode, sql`(${t.card}->>'fingerprint')`, t.createdAt),
    index("payments_dashboard_amount_idx").on(t.merchantId, t.livemode, t.amount),
    // UPI lists and the overview's success rate per flow: only UPI rows, newest first.
    index("payments_upi_created_idx")
      .on(t.merchantId, t.livemode, t.createdAt, t.id)
      .where(sql`${t.upi} is not null`),
    // The UPI expiry sweep: UPI payments still waiting for the customer's app.
    index("payments_upi_pending_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} = 'requires_action' and ${t.upi} is not null`),
    // The escrow sweep: held escrows by release time.
    index("payments_escrow_due_idx")
      .on(t.escrowReleaseAt)
      .where(sql`${t.escrow}->>'status' = 'held'`),
    index("payments_recovery_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} = 'processing' or ${t.pendingOperation} is not null`),
  ],
);
export type PaymentRow = typeof payments.$inferSelect;

export const ATTEMPT_STATUSES = ["started", "requires_action", "requires_capture", "succeeded", "failed", "unknown", "canceled"] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/**
 * One try at the processor. Its id is the processor idempotency key, so a retry of the same attempt
 * can never charge twice; a new attempt (new payment method, transient decline) gets a new id.
 */
export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: primaryId(),
    ...tenant,
    paymentId: text().notNull(),
    status: text().$type<AttemptStatus>().notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    paymentMethod: text().notNull(),
    connector: text().notNull(),
    processorId: text(),
    failure: jsonb().$type<PaymentError & { retryable: boolean }>(),
    /** The fraud check's counter keys (hashed email and IP) and USD amount, for the decline or paid counters in phase B. */
    fraudKeys: jsonb().$type<AttemptFraudKeys>(),
    settledAt: timestamp({ withTimezone: true }),
    /** When the processor's answer was first lost (a timeout: unknown outcome); kept after the attempt is settled, for the timeout-rate alert. */
    outcomeUnknownAt: timestamp({ withTimezone: true }),
    /** How routing rules chose the connector (lib/routing); null when the merchant has none (the mode's built-in processor). */
    routing: jsonb().$type<AttemptRouting>(),
    ...timestamps,
  },
  (t) => [
    index().on(t.paymentId),
    index().on(t.status, t.createdAt),
    // The alerts' evaluation: every attempt of the trailing 15 minutes, across merchants, by one range scan.
    index("payment_attempts_created_idx").on(t.createdAt),
    // A processor's webhook names its own object (a PayPal order): the attempt that made it, without a scan.
    index("payment_attempts_processor_idx")
      .on(t.processorId)
      .where(sql`${t.processorId} is not null`),
  ],
);
export type PaymentAttemptRow = typeof paymentAttempts.$inferSelect;

export const REFUND_STATUSES = ["pending", "succeeded", "failed", "canceled"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;
/** The API's reasons, and Kassa's own for a UPI payment refunded because it was paid after it had expired. */
export type RefundReason = (typeof REFUND_REASONS)[number] | "expired_uncaptured_charge" | "overpayment";

export const refunds = pgTable(
  "refunds",
  {
    id: primaryId(),
    ...tenant,
    paymentId: text().notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    /** The part of the payment's fee returned with this refund (pro rata). */
    feeRefunded: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    currency: text().notNull(),
    status: text().$type<RefundStatus>().notNull(),
    reason: text().$type<RefundReason>(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    connector: text().notNull(),
    processorId: text(),
    failureReason: text(),
    /** A refund sent on chain (its `amount` is 0: token units pass int8; the exact amount is here). */
    crypto: jsonb().$type<CryptoRefundDetails>(),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.paymentId),
    uniqueIndex().on(t.processorId),
    index("refunds_pending_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
export type RefundRow = typeof refunds.$inferSelect;
