import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { balanceTransactions, journalEntries, journalLines, ledgerAccounts } from "@/db/schema";
import { newId } from "@/lib/ids";
import { freshPglite, freshPostgres } from "@/test/db";
import { expectLedgerBalanced } from "@/test/ledger";
import { postJournalEntry, type PostJournalEntryInput } from "./post-journal-entry";
import { postingsFor } from "./postings";

let pg: DatabaseHandle;
let lite: DatabaseHandle;

beforeAll(async () => {
  [pg, lite] = await Promise.all([freshPostgres("ledger_post"), freshPglite()]);
});
afterAll(async () => {
  await Promise.all([pg?.close(), lite?.close()]);
});

function capture(merchantId = newId("merchant"), overrides: Partial<PostJournalEntryInput> = {}): PostJournalEntryInput {
  const attempt = `pa_${newId("payment").slice(4)}`;
  return {
    merchantId,
    livemode: false,
    currency: "usd",
    key: `capture:${attempt}`,
    type: "capture",
    source: { type: "payment_attempt", id: attempt },
    lines: postingsFor.capture({ amount: 10_000n, fee: 320n }),
    balanceTransaction: { type: "charge", amount: 10_000n, fee: 320n },
    ...overrides,
  };
}

describe.each([
  ["postgres", () => pg],
  ["pglite", () => lite],
])("postJournalEntry on %s", (_name, handle) => {
  it("posts a balanced entry with its lines, accounts and balance transaction", async () => {
    const { db } = handle();
    const input = capture();
    const result = await db.transaction((tx) => postJournalEntry(tx, input));
    expect(result.created).toBe(true);
    expect(result.entry).toMatchObject({ merchantId: input.merchantId, key: input.key, type: "capture", currency: "usd" });

    const lines = await db.select().from(journalLines).where(eq(journalLines.entryId, result.entry.id));
    expect(lines.map((l) => [l.position, l.account, l.amount])).toEqual([
      [0, "processor_clearing", 10_000n],
      [1, "merchant_pending", -9_680n],
      [2, "fees", -320n],
    ]);
    const accounts = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.merchantId, input.merchantId));
    expect(accounts.map((a) => a.type).sort()).toEqual(["fees", "merchant_pending", "processor_clearing"]);
    const [bt] = await db.select().from(balanceTransactions).where(eq(balanceTransactions.entryId, result.entry.id));
    expect(bt).toEqual(result.balanceTransaction);
    expect(bt).toMatchObject({ type: "charge", amount: 10_000n, fee: 320n, net: 9_680n, status: "pending" });
    await expectLedgerBalanced(db, { merchantId: input.merchantId });
  });

  it("reuses the merchant's accounts on the next posting", async () => {
    const { db } = handle();
    const merchantId = newId("merchant");
    await postJournalEntry(db, capture(merchantId));
    await postJournalEntry(db, capture(merchantId));
    const accounts = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.merchantId, merchantId));
    expect(accounts).toHaveLength(3);
  });

  it("posts a key once: the second posting returns the first entry and writes nothing", async () => {
    const { db } = handle();
    const input = capture();
    const first = await postJournalEntry(db, input);
    const again = await postJournalEntry(db, { ...input, description: "retry" });
    expect(again.created).toBe(false);
    expect(again.entry).toEqual(first.entry);
    expect(again.balanceTransaction).toEqual(first.balanceTransaction);
    const entries = await db.select().from(journalEntries).where(eq(journalEntries.merchantId, input.merchantId));
    expect(entries).toHaveLength(1);
    const lines = await db.select().from(journalLines).where(eq(journalLines.merchantId, input.merchantId));
    expect(lines).toHaveLength(3);
  });

  it("refuses a key reused for a different entry", async () => {
    const { db } = handle();
    const input = capture();
    await postJournalEntry(db, input);
    await expect(
      postJournalEntry(db, { ...input, type: "refund", lines: postingsFor.refund({ amount: 5n }), balanceTransaction: { type: "refund", amount: -5n, fee: 0n } }),
    ).rejects.toMatchObject({ code: "ledger_entry_invalid", param: "key" });
  });

  it("rejects an unbalanced entry and stores nothing", async () => {
    const { db } = handle();
    const input = capture(newId("merchant"), {
      lines: [
        { account: "processor_clearing", amount: 10_000n },
        { account: "merchant_pending", amount: -9_000n },
      ],
      balanceTransaction: { type: "charge", amount: 9_000n, fee: 0n },
    });
    await expect(postJournalEntry(db, input)).rejects.toMatchObject({ code: "ledger_entry_invalid", param: "lines" });
    expect(await db.select().from(journalEntries).where(eq(journalEntries.merchantId, input.merchantId))).toEqual([]);
    expect(await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.merchantId, input.merchantId))).toEqual([]);
  });
});
