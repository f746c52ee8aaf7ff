import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { journalEntries, journalLines } from "@/db/schema";
import { newId } from "@/lib/ids";
import { freshPostgres } from "@/test/db";
import { expectLedgerBalanced } from "@/test/ledger";
import { postJournalEntry } from "./post-journal-entry";
import { postingsFor } from "./postings";
import { releaseAvailableFunds } from "./release-available-funds";
import { reverseJournalEntry } from "./reverse-journal-entry";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("ledger_reverse");
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

async function captured(merchantId = newId("merchant")) {
  const payment = newId("payment");
  const result = await postJournalEntry(db, {
    merchantId,
    livemode: false,
    currency: "gbp",
    key: `capture:${payment}`,
    type: "capture",
    source: { type: "payment", id: payment },
    lines: postingsFor.capture({ amount: 2_500n, fee: 75n }),
    balanceTransaction: { type: "charge", amount: 2_500n, fee: 75n },
  });
  return { merchantId, payment, ...result };
}

const linesOf = (entryId: string) => db.select().from(journalLines).where(eq(journalLines.entryId, entryId)).orderBy(asc(journalLines.position));

describe("reverseJournalEntry", () => {
  it("posts the mirror entry and a negated balance transaction", async () => {
    const { merchantId, payment, entry } = await captured();
    const reversal = await reverseJournalEntry(db, { merchantId, livemode: false, entryId: entry.id, reason: "duplicate capture" });
    expect(reversal.created).toBe(true);
    expect(reversal.entry).toMatchObject({
      type: "reversal",
      key: `reversal:${entry.id}`,
      reversesEntryId: entry.id,
      description: "duplicate capture",
      sourceId: entry.id,
    });
    const mirrored = (await linesOf(reversal.entry.id)).map((l) => [l.account, l.amount]);
    expect(mirrored).toEqual([
      ["processor_clearing", -2_500n],
      ["merchant_pending", 2_425n],
      ["fees", 75n],
    ]);
    expect(reversal.balanceTransaction).toMatchObject({ type: "adjustment", amount: -2_500n, fee: -75n, net: -2_425n, sourceId: payment });
    await expectLedgerBalanced(db, { merchantId });
  });

  it("reverses an entry once: the same key returns the reversal, another key is refused", async () => {
    const { merchantId, entry } = await captured();
    const first = await reverseJournalEntry(db, { merchantId, livemode: false, entryId: entry.id, reason: "first" });
    const again = await reverseJournalEntry(db, { merchantId, livemode: false, entryId: entry.id, reason: "retry" });
    expect(again).toMatchObject({ created: false, entry: first.entry });
    await expect(reverseJournalEntry(db, { merchantId, livemode: false, entryId: entry.id, key: "other-key", reason: "second" })).rejects.toMatchObject({
      code: "ledger_entry_not_reversible",
    });
    const reversals = await db.select().from(journalEntries).where(eq(journalEntries.reversesEntryId, entry.id));
    expect(reversals).toHaveLength(1);
  });

  it("refuses to reverse a release or a reversal", async () => {
    const { merchantId, entry } = await captured();
    await releaseAvailableFunds({ db, ctx: { merchantId, livemode: false }, now: new Date(Date.now() + 1000) });
    const entries = await db.select().from(journalEntries).where(eq(journalEntries.merchantId, merchantId));
    const releases = entries.filter((e) => e.type === "release");
    expect(releases).toHaveLength(1);
    await expect(reverseJournalEntry(db, { merchantId, livemode: false, entryId: releases[0]!.id, reason: "no" })).rejects.toMatchObject({
      code: "ledger_entry_not_reversible",
    });
    const reversal = await reverseJournalEntry(db, { merchantId, livemode: false, entryId: entry.id, reason: "undo" });
    await expect(reverseJournalEntry(db, { merchantId, livemode: false, entryId: reversal.entry.id, reason: "undo the undo" })).rejects.toMatchObject({
      code: "ledger_entry_not_reversible",
    });
  });

  it("answers resource_missing for another merchant's or mode's entry", async () => {
    const { merchantId, entry } = await captured();
    await expect(reverseJournalEntry(db, { merchantId: newId("merchant"), livemode: false, entryId: entry.id, reason: "x" })).rejects.toMatchObject({
      code: "resource_missing",
    });
    await expect(reverseJournalEntry(db, { merchantId, livemode: true, entryId: entry.id, reason: "x" })).rejects.toMatchObject({
      code: "resource_missing",
    });
    expect(await db.select().from(journalEntries).where(eq(journalEntries.reversesEntryId, entry.id))).toEqual([]);
  });
});
