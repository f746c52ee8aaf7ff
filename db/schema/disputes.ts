import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { primaryId, tenant, timestamps } from "./columns";

/** Stripe's dispute statuses. */
export const DISPUTE_STATUSES = [
  "warning_needs_response",
  "warning_under_review",
  "warning_closed",
  "needs_response",
  "under_review",
  "won",
  "lost",
  "prevented",
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const CLOSED_DISPUTE_STATUSES: readonly DisputeStatus[] = ["warning_closed", "won", "lost", "prevented"];

export interface DisputeEvidence {
  uncategorized_text?: string;
  product_description?: string;
  refund_refusal_explanation?: string;
  refund_policy_disclosure?: string;
  cancellation_rebuttal?: string;
  access_activity_log?: string;
}

/** A cardholder's dispute of a payment (Stripe's Dispute, `dp_…`). */
export const disputes = pgTable(
  "disputes",
  {
    id: primaryId(),
    ...tenant,
    paymentId: text().notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    currency: text().notNull(),
    /** The dispute fee withdrawn with the amount (not returned when the dispute is won, as at Stripe). */
    fee: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    status: text().$type<DisputeStatus>().notNull(),
    reason: text().notNull(),
    evidence: jsonb().$type<DisputeEvidence>().notNull().default({}),
    evidenceDueBy: timestamp({ withTimezone: true }).notNull(),
    evidenceSubmittedAt: timestamp({ withTimezone: true }),
    connector: text().notNull(),
    /** Stripe's dp_… ; null for the sandbox. */
    processorId: text(),
    closedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.createdAt),
    index().on(t.paymentId),
    uniqueIndex().on(t.processorId),
  ],
);
export type DisputeRow = typeof disputes.$inferSelect;
