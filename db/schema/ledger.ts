import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tenant } from "./columns";

/**
 * The double-entry ledger. Sign convention (the one place it is defined): a line's `amount` is
 * positive for a debit and negative for a credit, in integer minor units. Every entry's lines sum
 * to zero per currency. Ledger rows are append-only: a database trigger (migration
 * `ledger_append_only`) rejects UPDATE, DELETE and TRUNCATE; corrections are reversing entries.
 */
export const LEDGER_ACCOUNTS = [
  /** Asset: money the processor owes us for captured payments. */
  "processor_clearing",
  /** Liability: merchant funds not yet available (credit balance = the merchant's pending). */
  "merchant_pending",
  /** Liability: merchant funds available for payout (credit balance = the merchant's available). */
  "merchant_available",
  /** Clearing: refunds owed out to the processor / customer. */
  "refunds",
  /** Revenue: Kassa's fees. */
  "fees",
  /** Clearing: funds withdrawn for disputes. */
  "disputes",
  /** Liability: funds held back from the merchant (rolling reserve / escrow). */
  "reserve",
  /** Liability: escrowed payments' funds held until release (credit balance = the merchant's escrowed; lib/escrow). */
  "escrow",
  /** Liability: merchant money paid out and on its way to the merchant's bank (credit balance = in transit). */
  "payouts_in_transit",
  /** Asset clearing: money our bank sent out for paid payouts. */
  "bank_clearing",
  /** Asset: tokens confirmed at a merchant's deposit addresses (currency: the token id, amounts in its base units). */
  "crypto_deposits",
  /** Liability: the merchant's crypto balance per token (credit balance = what Kassa holds for it on chain). */
  "merchant_crypto",
  /** Liability: over-payments and late payments owed back to payers (refunded on chain). */
  "crypto_surplus",
  /** Liability: crypto payments held in the escrow contract (credit balance = held for merchants until release). */
  "crypto_escrow",
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export const JOURNAL_ENTRY_TYPES = [
  "capture",
  "refund",
  "refund_failure",
  "payment_failure",
  "dispute",
  "dispute_won",
  "release",
  "reversal",
  "reserve_hold",
  "reserve_release",
  /** An escrowed payment's held funds moved from escrow to the merchant (lib/escrow). */
  "escrow_release",
  "adjustment",
  "payout",
  "payout_paid",
  "payout_failure",
  "payout_cancel",
  /** A crypto payment confirmed on chain: deposits → the merchant's crypto balance (and any surplus). */
  "crypto_deposit",
  /** Tokens that reached a payment's address after it expired: held for the payer until refunded. */
  "crypto_late_deposit",
  /** Tokens sent back on chain (a merchant's refund, a surplus or a late payment returned), posted when mined. */
  "crypto_refund",
  /** An escrowed crypto payment released to the merchant (timelock passed, or the arbiter ruled for the merchant). */
  "crypto_escrow_release",
  /** An escrowed crypto payment returned to its payer by the escrow contract (the arbiter ruled for the payer). */
  "crypto_escrow_refund",
] as const;
export type JournalEntryType = (typeof JOURNAL_ENTRY_TYPES)[number];

/** Stripe's balance transaction types that Kassa produces. */
export const BALANCE_TRANSACTION_TYPES = [
  "charge",
  "refund",
  "refund_failure",
  "payment_failure_refund",
  "adjustment",
  "dispute",
  "reserve_transaction",
  /** An escrowed payment's funds released to the merchant (available at once). */
  "escrow_release",
  "payout",
  "payout_failure",
  "payout_cancel",
] as const;
export type BalanceTransactionType = (typeof BALANCE_TRANSACTION_TYPES)[number];

export const BALANCE_TRANSACTION_STATUSES = ["pending", "available"] as const;
export type BalanceTransactionStatus = (typeof BALANCE_TRANSACTION_STATUSES)[number];

const money = () => bigint({ mode: "bigint" });

/** One account per merchant, mode, currency and kind; created on first use. */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: primaryId(),
    ...tenant,
    currency: text().notNull(),
    type: text().$type<LedgerAccount>().notNull(),
    ...createdAt,
  },
  // A constraint, not just an index: journal lines reference it with a composite foreign key.
  (t) => [unique("ledger_accounts_natural_key").on(t.merchantId, t.livemode, t.currency, t.type)],
);

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: primaryId(),
    ...tenant,
    /** The entry's main currency (its lines may in principle carry others; each sums to zero). */
    currency: text().notNull(),
    /** Posting key, unique per merchant and mode, e.g. `capture:<attempt id>`: posted at most once. */
    key: text().notNull(),
    type: text().$type<JournalEntryType>().notNull(),
    sourceType: text().notNull(),
    sourceId: text().notNull(),
    description: text(),
    /** Set on a reversal: the entry it mirrors (each entry can be reversed once). */
    reversesEntryId: text(),
    ...createdAt,
  },
  (t) => [
    uniqueIndex("journal_entries_key").on(t.merchantId, t.livemode, t.key),
    uniqueIndex("journal_entries_reverses")
      .on(t.reversesEntryId)
      .where(sql`${t.reversesEntryId} is not null`),
    index().on(t.merchantId, t.livemode, t.sourceId),
    foreignKey({ columns: [t.reversesEntryId], foreignColumns: [t.id] }),
  ],
);

export const journalLines = pgTable(
  "journal_lines",
  {
    entryId: text()
      .notNull()
      .references(() => journalEntries.id),
    position: integer().notNull(),
    ...tenant,
    currency: text().notNull(),
    account: text().$type<LedgerAccount>().notNull(),
    /**
     * Debit positive, credit negative, minor units (a token's base units for crypto currencies).
     * numeric(78,0), read as bigint: 18-decimal token amounts pass int8 at 9.2 DAI.
     */
    amount: numeric({ precision: 78, scale: 0, mode: "bigint" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.position] }),
    // The balance read: sum(amount) per account and currency of one merchant and mode.
    index("journal_lines_balance").on(t.merchantId, t.livemode, t.account, t.currency),
    check("journal_lines_amount_nonzero", sql`${t.amount} <> 0`),
    foreignKey({
      name: "journal_lines_account_fk",
      columns: [t.merchantId, t.livemode, t.currency, t.account],
      foreignColumns: [ledgerAccounts.merchantId, ledgerAccounts.livemode, ledgerAccounts.currency, ledgerAccounts.type],
    }),
  ],
);

/**
 * Stripe-style balance transactions: the merchant's view of entries that move its balance.
 * Written by the same posting call; `net` always lands in merchant_pending first and moves to
 * merchant_available when `available_on` has passed (releaseAvailableFunds). The only change a row
 * may ever see is status pending → available (enforced by trigger).
 */
export const balanceTransactions = pgTable(
  "balance_transactions",
  {
    id: primaryId(),
    ...tenant,
    entryId: text()
      .notNull()
      .references(() => journalEntries.id),
    type: text().$type<BalanceTransactionType>().notNull(),
    amount: money().notNull(),
    fee: money().notNull(),
    net: money().notNull(),
    currency: text().notNull(),
    status: text().$type<BalanceTransactionStatus>().notNull().default("pending"),
    availableOn: timestamp({ withTimezone: true }).notNull(),
    sourceType: text().notNull(),
    sourceId: text().notNull(),
    description: text(),
    ...createdAt,
  },
  (t) => [
    uniqueIndex().on(t.entryId),
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.sourceId),
    check("balance_transactions_net", sql`${t.net} = ${t.amount} - ${t.fee}`),
    check("balance_transactions_status", sql`${t.status} in ('pending', 'available')`),
    index("balance_transactions_due")
      .on(t.availableOn)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type LedgerAccountRow = typeof ledgerAccounts.$inferSelect;
export type JournalEntryRow = typeof journalEntries.$inferSelect;
export type JournalLineRow = typeof journalLines.$inferSelect;
export type BalanceTransactionRow = typeof balanceTransactions.$inferSelect;
