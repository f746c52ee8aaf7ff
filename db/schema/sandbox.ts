import { bigint, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type {
  CaptureMethod,
  CardDetails,
  ChargeFailure,
  ChargeStatus,
  NextAction,
  PayPalChargeDetails,
  RefundResult,
  RiskLevel,
} from "../../lib/gateways/types";
import { createdAt, primaryId, tenant, timestamps } from "./columns";

// The sandbox processor's own state (lib/gateways/sandbox). It stands in for another company's
// system: Kassa's tables never join these, and the connector reaches them on its own connection.

const money = () => bigint({ mode: "bigint" }).notNull();

/** One authorization attempt (Stripe: a confirmed PaymentIntent), unique per tenant and key. */
export const sandboxCharges = pgTable(
  "sandbox_charges",
  {
    id: primaryId(),
    ...tenant,
    idempotencyKey: text().notNull(),
    /** Hash of the request parameters: a replay must match, or it is a reused key. */
    requestHash: text().notNull(),
    paymentId: text().notNull(),
    status: text().$type<ChargeStatus>().notNull(),
    captureMethod: text().$type<CaptureMethod>().notNull(),
    amount: money(),
    amountCapturable: money(),
    amountCaptured: money(),
    amountRefunded: money(),
    currency: text().notNull(),
    paymentMethod: text().notNull(),
    /** The test card (null for a PayPal wallet charge: `paypal`). */
    card: jsonb().$type<CardDetails>(),
    /** A PayPal wallet charge (payment method `paypal`): the sandbox buyer who approved it on the simulated page, once they did. */
    paypal: jsonb().$type<PayPalChargeDetails>(),
    /** The test card's behaviour, fixed at authorization (refund_fails acts later). */
    behaviour: text().notNull(),
    failure: jsonb().$type<ChargeFailure>(),
    nextAction: jsonb().$type<NextAction>(),
    riskLevel: text().$type<RiskLevel>().notNull(),
    /** Outcome of the 3DS page, once the customer went through it. */
    threeDSecure: text().$type<"succeeded" | "failed">(),
    customer: text(),
    description: text(),
    returnUrl: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.idempotencyKey), index().on(t.merchantId, t.livemode, t.paymentId)],
);

/** Refunds of captured money; failed refunds are kept but never count against the charge. */
export const sandboxRefunds = pgTable(
  "sandbox_refunds",
  {
    id: primaryId(),
    ...tenant,
    chargeId: text().notNull(),
    idempotencyKey: text().notNull(),
    requestHash: text().notNull(),
    status: text().$type<RefundResult["status"]>().notNull(),
    amount: money(),
    currency: text().notNull(),
    reason: text(),
    failureReason: text(),
    ...createdAt,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.idempotencyKey), index().on(t.chargeId)],
);

/** Idempotency keys of the calls that change an existing charge (capture, cancel). */
export const sandboxRequests = pgTable(
  "sandbox_requests",
  {
    ...tenant,
    operation: text().$type<"capture" | "cancel">().notNull(),
    idempotencyKey: text().notNull(),
    requestHash: text().notNull(),
    chargeId: text().notNull(),
    ...createdAt,
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.operation, t.idempotencyKey] })],
);

export type SandboxChargeRow = typeof sandboxCharges.$inferSelect;
export type SandboxRefundRow = typeof sandboxRefunds.$inferSelect;

/**
 * Cards the sandbox saved for a customer (SetupIntent, attach): the test card they stand for and the
 * customer (Kassa's cus_… — the sandbox keys customers by Kassa's id). `idempotencyKey` dedupes saving.
 */
export const sandboxPaymentMethods = pgTable(
  "sandbox_payment_methods",
  {
    id: primaryId(),
    ...tenant,
    idempotencyKey: text().notNull(),
    /** The test card's pm_card_… name; it decides how charges with this saved card behave. */
    token: text().notNull(),
    customer: text(),
    card: jsonb().$type<CardDetails>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.idempotencyKey)],
);
export type SandboxPaymentMethodRow = typeof sandboxPaymentMethods.$inferSelect;
