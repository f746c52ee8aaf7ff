import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { balanceTransactions, journalEntries, journalLines, ledgerAccounts, type LedgerAccount } from "@/db/schema";
import { newId } from "@/lib/ids";
import { freshPostgres } from "@/test/db";
import { expectLedgerBalanced } from "@/test/ledger";
import { checkLedgerInvariants } from "./check-ledger-invariants";
import { postJournalEntry } from "./post-journal-entry";
import { postingsFor, type PostingLine } from "./postings";
import { releaseAvailableFunds } from "./release-available-funds";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("ledger_invariants");
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

async function capture(merchantId: string, amount: bigint, fee = 0n) {
  const id = newId("payment");
  return postJournalEntry(db, {
    merchantId,
    livemode: false,
    currency: "usd",
    key: `capture:${id}`,
    type: "capture",
    source: { type: "payment", id },
    lines: postingsFor.capture({ amount, fee }),
    balanceTransaction: { type: "charge", amount, fee },
  });
}

async function refund(merchantId: string, amount: bigint) {
  const id = newId("refund");
  return postJournalEntry(db, {
    merchantId,
    livemode: false,
    currency: "usd",
    key: `refund:${id}`,
    type: "refund",
    source: { type: "refund", id },
    lines: postingsFor.refund({ amount }),
    balanceTransaction: { type: "refund", amount: -amount, fee: 0n },
  });
}

/**
 * Writes an entry straight into the tables with the balance triggers switched off: the broken
 * ledger that postJournalEntry and the database would both refuse to produce.
 */
async function writeAround(merchantId: string, lines: PostingLine[]) {
  const entryId = newId("journalEntry");
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table journal_entries disable trigger journal_entries_balanced`);
    await tx.execute(sql`alter table journal_lines disable trigger journal_lines_balanced`);
    const accounts = [...new Set(lines.map((l) => l.account))] as LedgerAccount[];
    if (accounts.length > 0) {
      await tx
        .insert(ledgerAccounts)
        .values(accounts.map((type) => ({ id: newId("ledgerAccount"), merchantId, livemode: false, currency: "usd", type })))
        .onConflictDoNothing();
    }
    await tx.insert(journalEntries).values({
      id: entryId,
      merchantId,
      livemode: false,
      currency: "usd",
      key: `broken:${entryId}`,
      type: "adjustment",
      sourceType: "test",
      sourceId: entryId,
    });
    if (lines.length > 0) {
      await tx
        .insert(journalLines)
        .values(lines.map((l, position) => ({ entryId, position, merchantId, livemode: false, currency: "usd", account: l.account, amount: l.amount })));
    }
    await tx.execute(sql`alter table journal_entries enable trigger journal_entries_balanced`);
    await tx.execute(sql`alter table journal_lines enable trigger journal_lines_balanced`);
  });
  return entryId;
}

describe("checkLedgerInvariants", () => {
  it("passes a healthy ledger, including a dispute that overdraws the merchant", async () => {
    const merchantId = newId("merchant");
    const { entry } = await capture(merchantId, 1_000n, 30n);
    await releaseAvailableFunds({ db, ctx: { merchantId, livemode: false }, now: new Date(Date.now() + 1000) });
    await refund(merchantId, 500n);
    await postJournalEntry(db, {
      merchantId,
      livemode: false,
      currency: "usd",
      key: `dispute:${entry.id}`,
      type: "dispute",
      source: { type: "dispute", id: "dp_1" },
      lines: postingsFor.dispute({ amount: 1_000n, fee: 1_500n }),
      balanceTransaction: { type: "dispute", amount: -1_000n, fee: 1_500n },
    });
    await expectLedgerBalanced(db, { merchantId });
  });

  it("reports an entry whose lines do not sum to zero, and the ledger that no longer balances", async () => {
    const merchantId = newId("merchant");
    await capture(merchantId, 1_000n);
    const broken = await writeAround(merchantId, [
      { account: "processor_clearing", amount: 100n },
      { account: "fees", amount: -99n },
    ]);
    const result = await checkLedgerInvariants(db, { merchantId });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([`entry ${broken} does not balance: usd lines sum to 1`, "ledger does not balance: usd debits minus credits = 1"]);
    // The whole-ledger check sees it too; another merchant's scope does not.
    expect((await checkLedgerInvariants(db)).problems).toContain(`entry ${broken} does not balance: usd lines sum to 1`);
    await expectLedgerBalanced(db, { merchantId: newId("merchant") });
  });

  it("reports entries with fewer than two lines", async () => {
    const merchantId = newId("merchant");
    const empty = await writeAround(merchantId, []);
    const result = await checkLedgerInvariants(db, { merchantId, livemode: false });
    expect(result.problems).toEqual([`entry ${empty} has 0 line(s); an entry needs at least two`]);
  });

  it("reports a negative merchant balance that no dispute explains", async () => {
    const merchantId = newId("merchant");
    await capture(merchantId, 1_000n, 30n);
    await refund(merchantId, 2_000n);
    const result = await checkLedgerInvariants(db, { merchantId });
    expect(result.problems).toEqual([`merchant ${merchantId} (test) has a negative usd balance: -1030`]);
  });

  it("reports a balance that its balance transactions do not explain", async () => {
    const merchantId = newId("merchant");
    await capture(merchantId, 1_000n);
    // A balance transaction attached to an entry that never touched the merchant's accounts.
    const { entry } = await postJournalEntry(db, {
      merchantId,
      livemode: false,
      currency: "usd",
      key: `adj:${newId("payment")}`,
      type: "adjustment",
      source: { type: "test", id: "x" },
      lines: [
        { account: "processor_clearing", amount: 5n },
        { account: "fees", amount: -5n },
      ],
    });
    await db.insert(balanceTransactions).values({
      id: newId("balanceTransaction"),
      merchantId,
      livemode: false,
      entryId: entry.id,
      type: "adjustment",
      amount: 5n,
      fee: 0n,
      net: 5n,
      currency: "usd",
      availableOn: new Date(),
      sourceType: "test",
      sourceId: "x",
    });
    const result = await checkLedgerInvariants(db, { merchantId });
    expect(result.problems).toEqual([`merchant ${merchantId} (test) pending usd balance 1000 differs from its pending balance transactions' net 1005`]);
  });
});
