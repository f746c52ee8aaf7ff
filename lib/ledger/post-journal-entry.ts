import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import {
  BALANCE_TRANSACTION_TYPES,
  JOURNAL_ENTRY_TYPES,
  LEDGER_ACCOUNTS,
  balanceTransactions,
  journalEntries,
  journalLines,
  ledgerAccounts,
  type BalanceTransactionRow,
  type BalanceTransactionType,
  type JournalEntryRow,
  type JournalEntryType,
  type LedgerAccount,
} from "@/db/schema";
import { isTransaction } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { isCurrency } from "@/lib/money";
import { isTokenId } from "@/lib/chain/tokens";
import type { PostingLine } from "./postings";
import type { Renderable } from "@/db/batch";
import { fastInsert } from "@/db/fast-insert";

export interface PostJournalEntryInput {
  merchantId: string;
  livemode: boolean;
  /** Lowercase ISO code (lib/money.ts), or a token id (lib/chain/tokens.ts: usdc, usdt, dai, eth) in its base units. */
  currency: string;
  /** Unique per merchant and mode, e.g. `capture:<attempt id>`: the entry is posted at most once. */
  key: string;
  type: JournalEntryType;
  /** The processor object or Kassa object this movement belongs to. */
  source: { type: string; id: string };
  lines: readonly PostingLine[];
  description?: string | null;
  /** When the balance transaction's funds become available; defaults to the entry's creation. */
  availableOn?: Date;
  /** Required when the lines touch merchant_pending (the merchant's view of the movement). */
  balanceTransaction?: {
    type: BalanceTransactionType;
    amount: bigint;
    fee: bigint;
    /** Defaults to the entry's source. */
    source?: { type: string; id: string };
    description?: string | null;
  };
  /** Internal: set by reverseJournalEntry. */
  reversesEntryId?: string;
}

export interface PostJournalEntryResult {
  entry: JournalEntryRow;
  /** False when an entry with this key already existed: nothing was posted. */
  created: boolean;
  balanceTransaction: BalanceTransactionRow | null;
}

/**
 * Payout entries move merchant money out of (or back into) merchant_available directly, with a balance
 * transaction that is available from the start (as Stripe's `payout` / `payout_failure` / `payout_cancel`).
 */
export const AVAILABLE_ENTRY_TYPES: readonly JournalEntryType[] = ["payout", "payout_failure", "payout_cancel"];

const invalid = (message: string, param?: string) => new KassaError("ledger_entry_invalid", message, { param });

/** Throws ledger_entry_invalid unless the input is a well-formed, balanced posting. */
export function validatePosting(input: PostJournalEntryInput): void {
  if (!input.merchantId) throw invalid("merchantId is required.", "merchantId");
  if (typeof input.livemode !== "boolean") throw invalid("livemode must be a boolean.", "livemode");
  if (typeof input.currency !== "string" || input.currency !== input.currency.toLowerCase() || !(isCurrency(input.currency) || isTokenId(input.currency))) {
    throw invalid(`Unsupported currency: ${String(input.currency)}.`, "currency");
  }
  if (typeof input.key !== "string" || input.key.length === 0 || input.key.length > 255) {
    throw invalid("key must be 1 to 255 characters.", "key");
  }
  if (!JOURNAL_ENTRY_TYPES.includes(input.type)) throw invalid(`Unknown entry type: ${String(input.type)}.`, "type");
  if (!input.source?.type || !input.source?.id) throw invalid("source needs a type and an id.", "source");
  if (!Array.isArray(input.lines) || input.lines.length < 2) throw invalid("An entry needs at least two lines.", "lines");

  let sum = 0n;
  let pending = 0n;
  let touchesAvailable = false;
  for (const [i, line] of input.lines.entries()) {
    if (!LEDGER_ACCOUNTS.includes(line.account)) throw invalid(`Unknown account: ${String(line.account)}.`, `lines[${i}]`);
    if (typeof line.amount !== "bigint") throw invalid("Line amounts must be bigint minor units.", `lines[${i}]`);
    if (line.amount === 0n) throw invalid("Line amounts must not be zero.", `lines[${i}]`);
    sum += line.amount;
    if (line.account === "merchant_pending") pending += line.amount;
    if (line.account === "merchant_available") touchesAvailable = true;
  }
  if (sum !== 0n) throw invalid(`Lines must sum to zero; they sum to ${sum}.`, "lines");

  const bt = input.balanceTransaction;
  const touchesPending = input.lines.some((l) => l.account === "merchant_pending");
  if (AVAILABLE_ENTRY_TYPES.includes(input.type)) {
    const available = input.lines.filter((l) => l.account === "merchant_available").reduce<bigint>((s, l) => s + l.amount, 0n);
    if (input.lines.some((l) => l.account === "merchant_pending")) throw invalid("A payout entry does not touch merchant_pending.", "lines");
    if (!bt || !touchesAvailable) throw invalid("A payout entry moves merchant_available with a balance transaction.", "balanceTransaction");
    if (!BALANCE_TRANSACTION_TYPES.includes(bt.type)) throw invalid(`Unknown balance transaction type: ${String(bt.type)}.`);
    if (typeof bt.amount !== "bigint" || typeof bt.fee !== "bigint" || (bt.amount as bigint) - (bt.fee as bigint) !== -available) {
      throw invalid(`Balance transaction net does not match the merchant_available credit ${-available}.`, "balanceTransaction");
    }
    return;
  }
  if (input.type === "release") {
    // Release only moves merchant money between its two accounts, with no balance transaction.
    if (bt) throw invalid("A release entry carries no balance transaction.", "balanceTransaction");
    if (input.lines.some((l) => l.account !== "merchant_pending" && l.account !== "merchant_available")) {
      throw invalid("A release entry moves only between merchant_pending and merchant_available.", "lines");
    }
    return;
  }
  // Outside releases, merchant money enters through merchant_pending alone, so the balance
  // transactions' nets always explain the pending and available balances.
  if (touchesAvailable) throw invalid("Only release entries may touch merchant_available.", "lines");
  if (touchesPending && !bt) throw invalid("Lines touching merchant_pending need a balanceTransaction.", "balanceTransaction");
  if (bt) {
    if (!BALANCE_TRANSACTION_TYPES.includes(bt.type)) throw invalid(`Unknown balance transaction type: ${String(bt.type)}.`);
    if (typeof bt.amount !== "bigint" || typeof bt.fee !== "bigint") {
      throw invalid("Balance transaction amount and fee must be bigint.", "balanceTransaction");
    }
    const net = bt.amount - bt.fee;
    if (-pending !== net) {
      throw invalid(`Balance transaction net ${net} does not match the merchant_pending credit ${-pending}.`, "balanceTransaction");
    }
  }
}

/**
 * Posts one journal entry in the caller's transaction, at most once per key: a second posting with
 * the same key (also a concurrent one) returns the first entry with `created: false`.
 *
 * Two statements for a new entry: the entry (INSERT … ON CONFLICT DO NOTHING RETURNING), then one
 * statement whose CTEs create missing accounts and insert all lines and the balance transaction.
 * Given the database rather than a transaction, it opens one: the entry and its lines must commit
 * together (a deferred trigger checks at commit that every entry balances).
 */
export async function postJournalEntry(db: Executor, input: PostJournalEntryInput): Promise<PostJournalEntryResult> {
  validatePosting(input);
  if (!isTransaction(db)) return (db as Database).transaction((tx) => post(tx, input));
  return post(db, input);
}

async function post(tx: Executor, input: PostJournalEntryInput): Promise<PostJournalEntryResult> {
  const [entry] = await tx.insert(journalEntries).values(entryRow(input)).onConflictDoNothing().returning();
  if (!entry) return existingEntry(tx, input);
  const { upsertAccounts, insertLines, balanceTransaction } = entryParts(tx, input, entry.id, entry.createdAt);
  if (balanceTransaction) {
    const insertBt = tx.insert(balanceTransactions).values(balanceTransaction);
    await tx.execute(sql`with accounts as (${upsertAccounts.getSQL()}), lines as (${insertLines.getSQL()}) ${insertBt.getSQL()}`);
  } else {
    await tx.execute(sql`with accounts as (${upsertAccounts.getSQL()}) ${insertLines.getSQL()}`);
  }
  return { entry, created: true, balanceTransaction };
}

/**
 * The same posting as writes for one statement (lib/service/commit.ts's commitWrites), for a caller that holds
 * the source's row and knows its key is new: the entry, its accounts, lines and balance transaction, no round
 * trip of their own. A key already used fails the whole statement (unique violation) and writes nothing.
 */
export function journalEntryWrites(db: Executor, input: PostJournalEntryInput, createdAt: Date): Renderable[] {
  validatePosting(input);
  const entry = entryRow(input, createdAt);
  const { upsertAccounts, insertLines, balanceTransaction } = entryParts(db, input, entry.id, createdAt);
  return [
    fastInsert(db, journalEntries, entry),
    upsertAccounts,
    insertLines,
    ...(balanceTransaction ? [fastInsert(db, balanceTransactions, balanceTransaction)] : []),
  ];
}

function entryRow(input: PostJournalEntryInput, createdAt?: Date) {
  return {
    id: newId("journalEntry"),
    merchantId: input.merchantId,
    livemode: input.livemode,
    currency: input.currency,
    key: input.key,
    type: input.type,
    sourceType: input.source.type,
    sourceId: input.source.id,
    description: input.description ?? null,
    reversesEntryId: input.reversesEntryId ?? null,
    ...(createdAt ? { createdAt } : {}),
  };
}

/** The entry's accounts (created when missing), its lines and its balance transaction's row. */
function entryParts(db: Executor, input: PostJournalEntryInput, entryId: string, createdAt: Date) {
  const { merchantId, livemode, currency } = input;
  // Sorted, so concurrent first postings lock new accounts in the same order (no deadlock).
  const accounts = [...new Set(input.lines.map((l) => l.account))].sort() as LedgerAccount[];
  const upsertAccounts = fastInsert(
    db,
    ledgerAccounts,
    accounts.map((type) => ({ id: newId("ledgerAccount"), merchantId, livemode, currency, type })),
    { onConflictDoNothing: true },
  );
  const insertLines = fastInsert(
    db,
    journalLines,
    input.lines.map((l, position) => ({ entryId, position, merchantId, livemode, currency, account: l.account, amount: l.amount })),
  );
  let balanceTransaction: BalanceTransactionRow | null = null;
  if (input.balanceTransaction) {
    const bt = input.balanceTransaction;
    const source = bt.source ?? input.source;
    balanceTransaction = {
      id: newId("balanceTransaction"),
      merchantId,
      livemode,
      entryId,
      type: bt.type,
      amount: bt.amount,
      fee: bt.fee,
      net: bt.amount - bt.fee,
      currency,
      status: AVAILABLE_ENTRY_TYPES.includes(input.type) ? "available" : "pending",
      availableOn: input.availableOn ?? createdAt,
      sourceType: source.type,
      sourceId: source.id,
      description: bt.description ?? input.description ?? null,
      createdAt,
    };
  }
  return { upsertAccounts, insertLines, balanceTransaction };
}

async function existingEntry(tx: Executor, input: PostJournalEntryInput): Promise<PostJournalEntryResult> {
  const [entry] = await tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.merchantId, input.merchantId), eq(journalEntries.livemode, input.livemode), eq(journalEntries.key, input.key)));
  if (!entry) {
    // The only other unique rule an insert can hit: an entry is reversed at most once.
    throw new KassaError("ledger_entry_not_reversible", `Journal entry ${input.reversesEntryId} is already reversed.`);
  }
  if (entry.type !== input.type || entry.sourceId !== input.source.id || entry.currency !== input.currency) {
    throw invalid(`Posting key ${input.key} was already used for a different entry (${entry.id}).`, "key");
  }
  const [balanceTransaction] = await tx.select().from(balanceTransactions).where(eq(balanceTransactions.entryId, entry.id));
  return { entry, created: false, balanceTransaction: balanceTransaction ?? null };
}
