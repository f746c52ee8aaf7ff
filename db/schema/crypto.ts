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
  /** The sender (a token's Transfer log names it; null for ETH, watched by balance). */
  from?: string | null;
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
  /** Set for a payment made with `escrow`. */
  escrow?: CryptoEscrowDetails | null;
}

/** A crypto payment's escrow on chain (KassaEscrow): the payer's tokens held for the merchant until the timelock. */
export const CRYPTO_ESCROW_STATUSES = ["pending", "depositing", "held", "disputed", "resolving", "released", "refunded"] as const;
export type CryptoEscrowStatus = (typeof CRYPTO_ESCROW_STATUSES)[number];

export interface CryptoEscrowDetails {
  status: CryptoEscrowStatus;
  /** As asked: a fixed release time, or days after the confirmation (then set at the confirmation). */
  release_at: number | null;
  release_after_days: number | null;
  dispute_window_days: number | null;
  /** Until then the payer may dispute on chain (set at the confirmation). */
  dispute_until: number | null;
  /** The escrow contract and the deposit's id in it, once deposited. */
  contract: string | null;
  deposit_id: string | null;
  /** Who may dispute and gets a refund: the sender of the payment's transfer. */
  payer: string | null;
}

/** `refund.crypto`: a refund paid back on chain (amounts are decimal strings of base units). */
export interface CryptoRefundDetails {
  token: CryptoToken;
  chain_id: number;
  /** Where it is sent (EIP-55). */
  address: string;
  amount: string;
  /** The transaction that sends it, and its hash once signed. */
  transaction: string;
  tx_hash: string | null;
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
    /** Refunded or being refunded on chain (reserved when a refund is made, given back if it fails). */
    amountRefunded: tokenUnits()
      .notNull()
      .default(sql`0`),
    /** The sweep to the merchant's treasury, once queued (lib/crypto-payments/queue-sweep.ts). */
    sweepId: text(),
    /** A payment made with `escrow`: its state on chain (mirrored in payment_method_details.crypto.escrow). */
    escrow: jsonb().$type<CryptoEscrowDetails>(),
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

/** Why Kassa sends a transaction; refunds go before everything else from the same account. */
export const CHAIN_TX_PURPOSES = ["refund", "gas", "sweep", "escrow_approve", "escrow_deposit", "escrow_release", "escrow_resolve"] as const;
export type ChainTxPurpose = (typeof CHAIN_TX_PURPOSES)[number];

/** Lower goes first: a priority queue per sending account (lib/chain-tx/dispatch.ts). */
export const CHAIN_TX_PRIORITY: Record<ChainTxPurpose, number> = {
  refund: 0,
  escrow_resolve: 1,
  escrow_release: 1,
  escrow_approve: 3,
  escrow_deposit: 3,
  gas: 5,
  sweep: 10,
};

/**
 * queued → signed (nonce taken, raw transaction stored: the recovery point before any broadcast) →
 * broadcast → mined | reverted. `failed`: never signed (e.g. an address the chain refused) — a nonce
 * once taken is always used, so a signed transaction never fails, it is mined (or reverts).
 */
export const CHAIN_TX_STATUSES = ["queued", "signed", "broadcast", "mined", "reverted", "failed"] as const;
export type ChainTxStatus = (typeof CHAIN_TX_STATUSES)[number];

/**
 * One outgoing transaction from an account Kassa holds the key of: a merchant's treasury (m/44'/60'/1'/0/0
 * of its wallet seed: refunds, gas for sweeps) or a payment's deposit address (m/44'/60'/0'/0/i: its sweep).
 * Every attempt's hash is kept (`hashes`): a replacement with a higher fee has the same nonce and another hash,
 * and whichever is mined is the one.
 */
export const chainTransactions = pgTable(
  "chain_transactions",
  {
    id: primaryId(),
    ...tenant,
    chainId: integer().notNull(),
    /** "treasury" or "deposit:<index>" in the merchant's wallet. */
    signer: text().notNull(),
    fromAddress: text().notNull(),
    toAddress: text().notNull(),
    token: text().$type<CryptoToken>().notNull(),
    /** The token contract (null for ETH). */
    tokenAddress: text(),
    /** Base units; for an ETH sweep set when signed (the balance less the gas it may cost). */
    amount: tokenUnits(),
    purpose: text().$type<ChainTxPurpose>().notNull(),
    priority: integer().notNull(),
    /** What it is for: a refund (`re_…`) or a payment (`pay_…`, its sweep and the sweep's gas). */
    sourceId: text().notNull(),
    /** Signed only once this transaction of the same merchant is mined (a sweep after its gas). */
    afterId: text(),
    /** A contract call's calldata (the escrow's approve, deposit, release, resolve); null for a plain transfer. */
    data: text(),
    status: text().$type<ChainTxStatus>().notNull(),
    nonce: integer(),
    gasLimit: tokenUnits(),
    maxFeePerGas: tokenUnits(),
    maxPriorityFeePerGas: tokenUnits(),
    /** The latest signed attempt: sent again as it is after a crash (the same hash, so never twice). */
    txHash: text(),
    rawTransaction: text(),
    hashes: jsonb().$type<string[]>().notNull().default([]),
    /** Failed broadcasts in a row (backoff with jitter), and fee replacements. */
    attempts: integer().notNull().default(0),
    replacements: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    broadcastAt: timestamp({ withTimezone: true }),
    minedAt: timestamp({ withTimezone: true }),
    blockNumber: tokenUnits(),
    gasUsed: tokenUnits(),
    effectiveGasPrice: tokenUnits(),
    lastError: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("chain_transactions_nonce_idx").on(t.chainId, t.fromAddress, t.nonce),
    index("chain_transactions_open_idx")
      .on(t.chainId, t.fromAddress, t.priority, t.createdAt)
      .where(sql`${t.status} in ('queued', 'signed', 'broadcast')`),
    index("chain_transactions_source_idx").on(t.sourceId),
  ],
);
export type ChainTransactionRow = typeof chainTransactions.$inferSelect;

/** The next nonce of each account Kassa sends from: taken under this row's lock, so never twice and never skipped. */
export const chainNonces = pgTable(
  "chain_nonces",
  {
    chainId: integer().notNull(),
    address: text().notNull(),
    nextNonce: integer().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.chainId, t.address] })],
);
