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
      postJournalEntry(db, {
        ...input,
        type: "refund",
        lines: postingsFor.refund({ amount: 5n }),
        balanceTransaction: { type: "refund", amount: -5n, fee: 0n },
      }),
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

describe("postJournalEntry validation", () => {
  const bad: [string, Partial<PostJournalEntryInput>, string][] = [
    ["no lines", { lines: [] }, "lines"],
    ["a single line", { lines: [{ account: "fees", amount: 0n }] }, "lines"],
    [
      "an unknown account",
      {
        lines: [
          { account: "cash" as never, amount: 1n },
          { account: "fees", amount: -1n },
        ],
      },
      "lines[0]",
    ],
    [
      "a number amount",
      {
        lines: [
          { account: "processor_clearing", amount: 1 as never },
          { account: "fees", amount: -1n },
        ],
      },
      "lines[0]",
    ],
    [
      "a zero line",
      {
        lines: [
          { account: "processor_clearing", amount: 0n },
          { account: "fees", amount: 0n },
        ],
      },
      "lines[0]",
    ],
    ["an uppercase currency", { currency: "USD" }, "currency"],
    ["an unknown currency", { currency: "xyz" }, "currency"],
    ["an unknown type", { type: "transfer" as never }, "type"],
    ["an empty key", { key: "" }, "key"],
    ["merchant_pending without a balance transaction", { balanceTransaction: undefined }, "balanceTransaction"],
    ["a balance transaction whose net differs", { balanceTransaction: { type: "charge", amount: 10_000n, fee: 0n } }, "balanceTransaction"],
    [
      "merchant_available outside a release",
      {
        lines: [
          { account: "processor_clearing", amount: 5n },
          { account: "merchant_available", amount: -5n },
        ],
      },
      "lines",
    ],
    ["a release with a balance transaction", { type: "release", lines: postingsFor.release({ net: 5n }) }, "balanceTransaction"],
  ];
  it.each(bad)("rejects %s with ledger_entry_invalid and writes nothing", async (_what, overrides, param) => {
    const input = capture(newId("merchant"), overrides);
    await expect(postJournalEntry(lite.db, input)).rejects.toMatchObject({ code: "ledger_entry_invalid", param });
    expect(await lite.db.select().from(journalEntries).where(eq(journalEntries.merchantId, input.merchantId))).toEqual([]);
  });

  it("checks the money path's line sets: each sums to zero and keeps the fee", () => {
    const sum = (lines: { amount: bigint }[]) => lines.reduce((a, l) => a + l.amount, 0n);
    for (const lines of [
      postingsFor.capture({ amount: 999n, fee: 31n }),
      postingsFor.capture({ amount: 999n }),
      postingsFor.refund({ amount: 5n }),
      postingsFor.refundFailure({ amount: 5n }),
      postingsFor.dispute({ amount: 700n, fee: 1_500n }),
      postingsFor.disputeWon({ amount: 700n, feeRefund: 1_500n }),
      postingsFor.release({ net: -40n }),
    ]) {
      expect(sum(lines)).toBe(0n);
      expect(lines.every((l) => l.amount !== 0n)).toBe(true);
    }
    expect(postingsFor.capture({ amount: 999n })).toHaveLength(2);
    expect(postingsFor.releaseAuthorization()).toEqual([]);
    expect(() => postingsFor.capture({ amount: 10n, fee: 11n })).toThrow(/fee exceeds amount/);
    expect(() => postingsFor.refund({ amount: -1n })).toThrow(/positive bigint/);
  });
});

describe("postJournalEntry under concurrency (postgres)", () => {
  it("posts a key once when several transactions race with it", async () => {
    const input = capture();
    const racers = 5;
    let ready = 0;
    let go!: () => void;
    const start = new Promise<void>((resolve) => (go = resolve));
    const results = await Promise.all(
      Array.from({ length: racers }, () =>
        pg.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`); // each racer holds its own connection and transaction
          if (++ready === racers) go();
          await start;
          const result = await postJournalEntry(tx, input);
          await new Promise((r) => setTimeout(r, 20)); // keep the winner uncommitted a moment
          return result;
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.balanceTransaction?.id)).size).toBe(1);
    const entries = await pg.db.select().from(journalEntries).where(eq(journalEntries.merchantId, input.merchantId));
    expect(entries).toHaveLength(1);
    expect(await pg.db.select().from(journalLines).where(eq(journalLines.merchantId, input.merchantId))).toHaveLength(3);
    await expectLedgerBalanced(pg.db, { merchantId: input.merchantId });
  });

  it("creates a new merchant's accounts once when its first postings race", async () => {
    const merchantId = newId("merchant");
    const results = await Promise.all(Array.from({ length: 5 }, () => postJournalEntry(pg.db, capture(merchantId))));
    expect(results.every((r) => r.created)).toBe(true);
    expect(await pg.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.merchantId, merchantId))).toHaveLength(3);
    await expectLedgerBalanced(pg.db, { merchantId });
  });
});
