import { sql } from "drizzle-orm";
import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { primaryId, tenant, timestamps } from "./columns";

/**
 * Token amounts in base units (USDC's 10⁻⁶, DAI's and ETH's 10⁻¹⁸): numeric(78,0) holds any uint256
 * (78 digits) exactly and Postgres can sum and compare it; drizzle reads it as a bigint. Never int8
 * (9.2 DAI in wei already overflows it) and never text (no arithmetic in SQL).
 */
export const tokenUnits = () => numeric({ precision: 78, scale: 0, mode: "bigint" });

/** The tokens a crypto payment takes (lib/chain/tokens.ts holds their decimals and contracts). */
export const CRYPTO_TOKENS = ["usdc", "usdt", "dai", "eth"] as const;
export type CryptoToken = (typeof CRYPTO_TOKENS)[number];

/** A crypto payment's watch state (`payment_method_details.crypto.status`). */
export const CRYPTO_DEPOSIT_STATUSES = ["pending", "confirming", "confirmed", "expired"] as const;
export type CryptoDepositStatus = (typeof CRYPTO_DEPOSIT_STATUSES)[number];

/** A transfer to a deposit address as the chain showed it at the last check. */
export interface CryptoTransfer {
  tx_hash: string;
  log_index: number | null;
  block_number: string;
  amount: string;
  confirmations: number;
}

/** `payment_method_details.crypto` as stored on the payment (the API's shape; amounts are decimal strings of base units). */
export interface CryptoDetails {
  token: CryptoToken;
  chain_id: number;
  address: string;
  /** The amount asked for. */
  amount: string;
  /** Confirmed (at least `confirmations_required` blocks deep) so far. */
  amount_received: string;
  /** Seen on chain but not yet confirmed. */
  amount_pending: string;
  /** What is still to pay (0 once paid). */
  amount_remaining: string;
  /** Paid beyond the amount: owed back to the payer (refunded in a later slice). */
  surplus: string;
  status: CryptoDepositStatus;
  confirmations_required: number;
  expires_at: number;
  transfers: CryptoTransfer[];
}

/**
 * A merchant's HD wallet per mode: a BIP-32 master seed, sealed with Kassa's keyring (the key id per
 * row, so keys can rotate), made at the merchant's first crypto payment. `next_index` is the next
 * unused address index (m/44'/60'/0'/0/i), taken atomically by one upsert.
 */
export const cryptoWallets = pgTable(
  "crypto_wallets",
  {
    ...tenant,
    seedKeyId: text().notNull(),
    seedCiphertext: text().notNull(),
    nextIndex: integer().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode] })],
);
export type CryptoWalletRow = typeof cryptoWallets.$inferSelect;

/** One deposit address per crypto payment, with the exact amounts the watcher books. */
export const cryptoDeposits = pgTable(
  "crypto_deposits",
  {
    /** The payment's id (`pay_…`). */
    id: primaryId(),
    ...tenant,
    token: text().$type<CryptoToken>().notNull(),
    chainId: integer().notNull(),
    /** The token contract (null for ETH). */
    tokenAddress: text(),
    address: text().notNull(),
    derivationIndex: integer().notNull(),
    /** The wallet seed's encryption key id when the address was derived (the seed that can sign its sweeps and refunds). */
    seedKeyId: text().notNull(),
    amount: tokenUnits().notNull(),
    amountReceived: tokenUnits()
      .notNull()
      .default(sql`0`),
    /** The chain's head when the payment was made: transfers are looked for from there on. */
    fromBlock: tokenUnits().notNull(),
    confirmationsRequired: integer().notNull(),
    status: text().$type<CryptoDepositStatus>().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    transfers: jsonb().$type<CryptoTransfer[]>().notNull().default([]),
    confirmedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("crypto_deposits_address_idx").on(t.chainId, t.address),
    uniqueIndex("crypto_deposits_derivation_idx").on(t.merchantId, t.livemode, t.derivationIndex),
    index("crypto_deposits_pending_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} in ('pending', 'confirming')`),
  ],
);
export type CryptoDepositRow = typeof cryptoDeposits.$inferSelect;
