import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { balanceTransactions, journalEntries, journalLines, type BalanceTransactionType } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { postJournalEntry, type PostJournalEntryResult } from "./post-journal-entry";
import { mirror } from "./postings";

export interface ReverseJournalEntryInput {
  /** The tenant scope: an entry of another merchant or mode is as missing as one that never was. */
  merchantId: string;
  livemode: boolean;
  entryId: string;
  /** Posting key of the reversal; defaults to `reversal:<entry id>`. */
  key?: string;
  /** Why; stored as the reversal's description. */
  reason: string;
  /** The reversal's balance transaction type, when the entry had one (default `adjustment`). */
  balanceTransactionType?: BalanceTransactionType;
}

/**
 * Corrects an entry the append-only way: posts its mirror (every line negated) as a `reversal`
 * entry, and the negated balance transaction, if it had one, pending from now. An entry can be
 * reversed once; releases and reversals themselves are not reversible (post a new entry instead).
 */
export async function reverseJournalEntry(tx: Executor, input: ReverseJournalEntryInput): Promise<PostJournalEntryResult> {
  const [entry] = await tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.id, input.entryId), eq(journalEntries.merchantId, input.merchantId), eq(journalEntries.livemode, input.livemode)));
  if (!entry) throw new KassaError("resource_missing", `No such journal entry: '${input.entryId}'`, { param: "entryId" });
  if (entry.type === "release" || entry.type === "reversal") {
    throw new KassaError("ledger_entry_not_reversible", `A ${entry.type} entry cannot be reversed; post a new entry instead.`, {
      param: "entryId",
    });
  }
  const [lines, [bt]] = await Promise.all([
    tx.select().from(journalLines).where(eq(journalLines.entryId, entry.id)).orderBy(asc(journalLines.position)),
    tx.select().from(balanceTransactions).where(eq(balanceTransactions.entryId, entry.id)),
  ]);
  return postJournalEntry(tx, {
    merchantId: entry.merchantId,
    livemode: entry.livemode,
    currency: entry.currency,
    key: input.key ?? `reversal:${entry.id}`,
    type: "reversal",
    source: { type: "journal_entry", id: entry.id },
    lines: mirror(lines),
    description: input.reason,
    reversesEntryId: entry.id,
    balanceTransaction: bt && {
      type: input.balanceTransactionType ?? "adjustment",
      amount: -bt.amount,
      fee: -bt.fee,
      source: { type: bt.sourceType, id: bt.sourceId },
      description: input.reason,
    },
  });
}
