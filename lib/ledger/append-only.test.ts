import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { balanceTransactions, journalEntries, journalLines, ledgerAccounts } from "@/db/schema";
import { newId } from "@/lib/ids";
import { freshPglite, freshPostgres } from "@/test/db";
import { postJournalEntry } from "./post-journal-entry";
import { postingsFor } from "./postings";

let pg: DatabaseHandle;
let lite: DatabaseHandle;

beforeAll(async () => {
  [pg, lite] = await Promise.all([freshPostgres("ledger_append"), freshPglite()]);
});
afterAll(async () => {
  await Promise.all([pg?.close(), lite?.close()]);
});

/** The database's own message for a rejected change, whatever the driver wraps it in. */
async function rejection(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  throw new Error("the statement was not rejected");
}

describe.each([
  ["postgres", () => pg],
  ["pglite", () => lite],
])("the ledger is append-only on %s", (_name, handle) => {
  async function posted() {
    const { db } = handle();
    const merchantId = newId("merchant");
    const { entry, balanceTransaction } = await postJournalEntry(db, {
      merchantId,
      livemode: false,
      currency: "eur",
      key: `capture:${newId("payment")}`,
      type: "capture",
      source: { type: "payment", id: newId("payment") },
      lines: postingsFor.capture({ amount: 5_000n, fee: 100n }),
      balanceTransaction: { type: "charge", amount: 5_000n, fee: 100n },
    });
    return { db, merchantId, entry, bt: balanceTransaction! };
  }

  it("rejects UPDATE and DELETE of journal entries", async () => {
    const { db, entry } = await posted();
    expect(await rejection(() => db.update(journalEntries).set({ description: "edited" }).where(eq(journalEntries.id, entry.id)))).toMatch(
      /append-only: UPDATE on journal_entries/,
    );
    expect(await rejection(() => db.delete(journalEntries).where(eq(journalEntries.id, entry.id)))).toMatch(/append-only: DELETE on journal_entries/);
    const [still] = await db.select().from(journalEntries).where(eq(journalEntries.id, entry.id));
    expect(still).toEqual(entry);
  });

  it("rejects UPDATE and DELETE of journal lines, even ones that match no row", async () => {
    const { db, entry } = await posted();
    expect(await rejection(() => db.update(journalLines).set({ amount: 1n }).where(eq(journalLines.entryId, entry.id)))).toMatch(
      /append-only: UPDATE on journal_lines/,
    );
    expect(await rejection(() => db.delete(journalLines).where(eq(journalLines.entryId, "jen_none")))).toMatch(/append-only: DELETE on journal_lines/);
    const lines = await db.select().from(journalLines).where(eq(journalLines.entryId, entry.id));
    expect(lines.map((l) => l.amount)).toEqual([5_000n, -4_900n, -100n]);
  });

  it("rejects UPDATE and DELETE of accounts, and TRUNCATE of every ledger table", async () => {
    const { db, merchantId } = await posted();
    expect(await rejection(() => db.update(ledgerAccounts).set({ currency: "usd" }).where(eq(ledgerAccounts.merchantId, merchantId)))).toMatch(
      /append-only: UPDATE on ledger_accounts/,
    );
    expect(await rejection(() => db.delete(ledgerAccounts).where(eq(ledgerAccounts.merchantId, merchantId)))).toMatch(/append-only: DELETE on ledger_accounts/);
    for (const table of ["journal_lines", "journal_entries", "ledger_accounts", "balance_transactions"]) {
      expect(await rejection(() => db.execute(sql.raw(`truncate ${table} cascade`)))).toMatch(/append-only: TRUNCATE/);
    }
    expect(await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.merchantId, merchantId))).toHaveLength(3);
  });

  it("lets a balance transaction change only from pending to available", async () => {
    const { db, bt } = await posted();
    const byId = eq(balanceTransactions.id, bt.id);
    expect(await rejection(() => db.update(balanceTransactions).set({ amount: 1n, net: 1n, fee: 0n }).where(byId))).toMatch(
      /may only change status from pending to available/,
    );
    expect(await rejection(() => db.update(balanceTransactions).set({ status: "available", net: 0n, amount: 0n }).where(byId))).toMatch(
      /may only change status/,
    );
    expect(await rejection(() => db.delete(balanceTransactions).where(byId))).toMatch(/append-only: DELETE on balance_transactions/);

    await db.update(balanceTransactions).set({ status: "available" }).where(byId);
    expect(await rejection(() => db.update(balanceTransactions).set({ status: "pending" }).where(byId))).toMatch(/may only change status/);
    const [row] = await db.select().from(balanceTransactions).where(byId);
    expect(row).toEqual({ ...bt, status: "available" });
  });

  it("refuses at commit an entry written around postJournalEntry that does not balance", async () => {
    const { db } = handle();
    const merchantId = newId("merchant");
    const entryId = newId("journalEntry");
    const write = db.transaction(async (tx) => {
      await tx.insert(ledgerAccounts).values([
        { id: newId("ledgerAccount"), merchantId, livemode: false, currency: "usd", type: "processor_clearing" },
        { id: newId("ledgerAccount"), merchantId, livemode: false, currency: "usd", type: "fees" },
      ]);
      await tx.insert(journalEntries).values({
        id: entryId,
        merchantId,
        livemode: false,
        currency: "usd",
        key: "k",
        type: "adjustment",
        sourceType: "test",
        sourceId: "x",
      });
      await tx.insert(journalLines).values([
        { entryId, position: 0, merchantId, livemode: false, currency: "usd", account: "processor_clearing", amount: 100n },
        { entryId, position: 1, merchantId, livemode: false, currency: "usd", account: "fees", amount: -99n },
      ]);
    });
    expect(await rejection(() => write)).toMatch(/does not balance: its usd lines sum to 1/);
    expect(await db.select().from(journalEntries).where(eq(journalEntries.id, entryId))).toEqual([]);
  });

  it("refuses at commit an entry without lines, and a line added to an entry of an earlier transaction", async () => {
    const { db, entry, merchantId } = await posted();
    const lonely = newId("journalEntry");
    const empty = db.insert(journalEntries).values({
      id: lonely,
      merchantId,
      livemode: false,
      currency: "eur",
      key: "lonely",
      type: "adjustment",
      sourceType: "test",
      sourceId: "x",
    });
    expect(await rejection(() => empty)).toMatch(/has 0 line\(s\)/);

    const extra = db.insert(journalLines).values({
      entryId: entry.id,
      position: 3,
      merchantId,
      livemode: false,
      currency: "eur",
      account: "fees",
      amount: -1n,
    });
    expect(await rejection(() => extra)).toMatch(/does not balance: its eur lines sum to -1/);
    expect(await db.select().from(journalLines).where(eq(journalLines.entryId, entry.id))).toHaveLength(3);
  });
});
