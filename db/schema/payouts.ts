import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tenant, timestamps } from "./columns";

/** How a bank account is addressed: an IBAN, or a (US-style) account number with a routing number. */
export const BANK_ACCOUNT_KINDS = ["iban", "account_number"] as const;
export type BankAccountKind = (typeof BANK_ACCOUNT_KINDS)[number];

/** Stripe's bank account statuses Kassa uses: `errored` once a payout to it failed. */
export const BANK_ACCOUNT_STATUSES = ["new", "errored"] as const;
export type BankAccountStatus = (typeof BANK_ACCOUNT_STATUSES)[number];

/**
 * A merchant's bank account for payouts (`ba_…`), per mode and currency. The account number or IBAN is
 * stored only sealed (AES-256-GCM, lib/crypto/encryption.ts, with the id of the key that sealed it);
 * everything shown anywhere is `last4`, `bank_name` and the keyed `fingerprint`. Removed accounts stay
 * (payouts point at them) with `deleted_at` set.
 */
export const bankAccounts = pgTable(
  "bank_accounts",
  {
    id: primaryId(),
    ...tenant,
    currency: text().notNull(),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text().notNull(),
    kind: text().$type<BankAccountKind>().notNull(),
    accountHolderName: text().notNull(),
    accountHolderType: text().$type<"individual" | "company">(),
    bankName: text(),
    /** Public bank identifier (ABA routing number, or the IBAN's bank code); null for IBANs without one shown. */
    routingNumber: text(),
    last4: text().notNull(),
    /** HMAC of the normalised number under a key derived from the keyring (lib/bank-accounts/fingerprint.ts). */
    fingerprint: text().notNull(),
    /** The sealed account number or IBAN and the key id that sealed it. */
    numberKeyId: text().notNull(),
    numberCiphertext: text().notNull(),
    status: text().$type<BankAccountStatus>().notNull().default("new"),
    defaultForCurrency: boolean().notNull().default(false),
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    // One default per merchant, mode and currency among the accounts not removed.
    uniqueIndex("bank_accounts_one_default")
      .on(t.merchantId, t.livemode, t.currency)
      .where(sql`${t.defaultForCurrency} and ${t.deletedAt} is null`),
  ],
);
export type BankAccountRow = typeof bankAccounts.$inferSelect;

export const PAYOUT_STATUSES = ["pending", "in_transit", "paid", "failed", "canceled"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/**
 * A payout (`po_…`): money leaving the merchant's available balance for its bank account. Posted to the
 * ledger (merchant_available → payouts_in_transit) in the commit that creates it; the payout-send workflow
 * then hands it to the bank (the payout id is the bank's idempotency key).
 */
export const payouts = pgTable(
  "payouts",
  {
    id: primaryId(),
    ...tenant,
    amount: bigint({ mode: "bigint" }).notNull(),
    currency: text().notNull(),
    status: text().$type<PayoutStatus>().notNull(),
    /** Made by the payout schedule (reconciled: settles balance transactions) rather than asked for. */
    automatic: boolean().notNull().default(false),
    /** An automatic payout's slot, e.g. `2026-12-03`: one automatic payout per merchant, mode, currency and slot. */
    scheduleKey: text(),
    description: text(),
    bankAccountId: text().notNull(),
    /** The payout's own `payout` balance transaction, and the `payout_failure` / `payout_cancel` one that returned it. */
    balanceTransactionId: text().notNull(),
    returnBalanceTransactionId: text(),
    /** The connector that carries it and its reference there. */
    connector: text().notNull(),
    bankReference: text(),
    arrivalDate: timestamp({ withTimezone: true }),
    failureCode: text(),
    failureMessage: text(),
    sentAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.status),
    uniqueIndex("payouts_schedule_slot")
      .on(t.merchantId, t.livemode, t.currency, t.scheduleKey)
      .where(sql`${t.scheduleKey} is not null`),
  ],
);
export type PayoutRow = typeof payouts.$inferSelect;

/**
 * Payout reconciliation: which balance transactions a payout settles (Stripe's
 * `GET /v1/balance_transactions?payout=po_…`). A balance transaction is settled at most once.
 */
export const payoutSettlements = pgTable(
  "payout_settlements",
  {
    balanceTransactionId: text().primaryKey(),
    payoutId: text().notNull(),
    ...tenant,
    ...createdAt,
  },
  (t) => [index().on(t.payoutId)],
);

export const PAYOUT_INTERVALS = ["manual", "daily", "weekly", "monthly"] as const;
export type PayoutInterval = (typeof PAYOUT_INTERVALS)[number];
export const WEEKLY_ANCHORS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type WeeklyAnchor = (typeof WEEKLY_ANCHORS)[number];

/** A merchant's payout schedule per mode (Stripe's settings.payouts.schedule). No row: manual. */
export const payoutSettings = pgTable(
  "payout_settings",
  {
    ...tenant,
    interval: text().$type<PayoutInterval>().notNull().default("manual"),
    weeklyAnchor: text().$type<WeeklyAnchor>().notNull().default("monday"),
    /** 1–31; a shorter month pays on its last day. */
    monthlyAnchor: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode] })],
);
export type PayoutSettingsRow = typeof payoutSettings.$inferSelect;

export const SANDBOX_BANK_TRANSFER_STATUSES = ["in_transit", "paid", "failed"] as const;
export type SandboxBankTransferStatus = (typeof SANDBOX_BANK_TRANSFER_STATUSES)[number];

/**
 * The sandbox bank's own state (lib/gateways/sandbox-bank): one transfer per idempotency key (the payout
 * id), so a retried or recovered send finds the transfer it made. Holds no account number: only last4.
 */
export const sandboxBankTransfers = pgTable(
  "sandbox_bank_transfers",
  {
    id: primaryId(),
    ...tenant,
    idempotencyKey: text().notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    currency: text().notNull(),
    last4: text().notNull(),
    status: text().$type<SandboxBankTransferStatus>().notNull(),
    /** When the money arrives (paid) or bounces (failed). */
    arrivalDate: timestamp({ withTimezone: true }).notNull(),
    /** The outcome at arrival: null pays, otherwise Stripe's failure code. */
    failureCode: text(),
    ...createdAt,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.idempotencyKey)],
);
export type SandboxBankTransferRow = typeof sandboxBankTransfers.$inferSelect;
