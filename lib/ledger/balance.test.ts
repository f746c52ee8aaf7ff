import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { balanceTransactions, journalEntries } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { freshPglite, freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { expectLedgerBalanced } from "@/test/ledger";
import { getBalance } from "./get-balance";
import { postJournalEntry } from "./post-journal-entry";
import { postingsFor } from "./postings";
import { releaseAvailableFunds } from "./release-available-funds";
import { reverseJournalEntry } from "./reverse-journal-entry";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("ledger_balance");
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

const DAY = 86_400_000;
const T0 = new Date("2030-01-01T00:00:00Z");

function ctxFor(merchantId = newId("merchant"), livemode = false): ServiceContext {
  return { merchantId, livemode, actor: { type: "api_key", id: newId("apiKey") }, db };
}

async function capture(ctx: ServiceContext, amount: bigint, fee: bigint, currency = "usd", availableOn = new Date(T0.getTime() + 2 * DAY)) {
  const id = newId("payment");
  return postJournalEntry(db, {
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    currency,
    key: `capture:${id}`,
    type: "capture",
    source: { type: "payment", id },
    lines: postingsFor.capture({ amount, fee }),
    availableOn,
    balanceTransaction: { type: "charge", amount, fee },
  });
}

async function refund(ctx: ServiceContext, amount: bigint, availableOn: Date) {
  const id = newId("refund");
  return postJournalEntry(db, {
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    currency: "usd",
    key: `refund:${id}`,
    type: "refund",
    source: { type: "refund", id },
    lines: postingsFor.refund({ amount }),
    availableOn,
    balanceTransaction: { type: "refund", amount: -amount, fee: 0n },
  });
}

describe("getBalance", () => {
  it("shows captured funds as pending per currency, then available once released after available_on", async () => {
    const ctx = ctxFor();
    await capture(ctx, 10_000n, 320n);
    await capture(ctx, 2_000n, 88n, "usd", new Date(T0.getTime() + 5 * DAY));
    await capture(ctx, 5_000n, 0n, "eur");
    expect(await getBalance({ ctx })).toEqual({
      object: "balance",
      livemode: false,
      available: [
        { amount: 0, currency: "eur" },
        { amount: 0, currency: "usd" },
      ],
      pending: [
        { amount: 5_000, currency: "eur" },
        { amount: 9_680 + 1_912, currency: "usd" },
      ],
      in_transit: [
        { amount: 0, currency: "eur" },
        { amount: 0, currency: "usd" },
      ],
      escrowed: [
        { amount: 0, currency: "eur" },
        { amount: 0, currency: "usd" },
      ],
    });

    // Before available_on nothing moves; at it, the first two transactions are released.
    expect(await releaseAvailableFunds({ db, ctx, now: new Date(T0.getTime() + DAY) })).toEqual({ released: 0 });
    expect(await releaseAvailableFunds({ db, ctx, now: new Date(T0.getTime() + 2 * DAY) })).toEqual({ released: 2 });
    const balance = await getBalance({ ctx });
    expect(balance.available).toEqual([
      { amount: 5_000, currency: "eur" },
      { amount: 9_680, currency: "usd" },
    ]);
    expect(balance.pending).toEqual([
      { amount: 0, currency: "eur" },
      { amount: 1_912, currency: "usd" },
    ]);
    await expectLedgerBalanced(db, { merchantId: ctx.merchantId });
  });

  it("release is idempotent: a second run, or one for a later time, posts nothing twice", async () => {
    const ctx = ctxFor();
    await capture(ctx, 1_000n, 30n);
    const now = new Date(T0.getTime() + 3 * DAY);
    expect(await releaseAvailableFunds({ db, ctx, now })).toEqual({ released: 1 });
    expect(await releaseAvailableFunds({ db, ctx, now })).toEqual({ released: 0 });
    const entries = await db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId));
    expect(entries.map((e) => e.type).sort()).toEqual(["capture", "release"]);
    const [bt] = await db.select().from(balanceTransactions).where(eq(balanceTransactions.merchantId, ctx.merchantId));
    expect(bt!.status).toBe("available");
    expect((await getBalance({ ctx })).available).toEqual([{ amount: 970, currency: "usd" }]);
  });

  it("releases in batches across merchants when run without a context", async () => {
    const a = ctxFor();
    const b = ctxFor();
    const due = new Date(T0.getTime() - 400 * DAY); // older than anything the other tests leave pending
    for (let i = 0; i < 3; i++) await capture(a, 100n, 0n, "usd", due);
    await capture(b, 200n, 0n, "usd", due);
    const { released } = await releaseAvailableFunds({ db, now: new Date(T0.getTime() - 399 * DAY), batchSize: 2 });
    expect(released).toBe(4);
    expect((await getBalance({ ctx: a })).available).toEqual([{ amount: 300, currency: "usd" }]);
    expect((await getBalance({ ctx: b })).available).toEqual([{ amount: 200, currency: "usd" }]);
  });

  it("takes refunds out of the balance, and a reversal puts a capture's net back to zero", async () => {
    const ctx = ctxFor();
    const charge = await capture(ctx, 10_000n, 300n, "usd", T0);
    await releaseAvailableFunds({ db, ctx, now: T0 });
    await refund(ctx, 4_000n, T0);
    expect(await getBalance({ ctx })).toMatchObject({
      available: [{ amount: 9_700, currency: "usd" }],
      pending: [{ amount: -4_000, currency: "usd" }],
    });
    await releaseAvailableFunds({ db, ctx, now: T0 });
    expect((await getBalance({ ctx })).available).toEqual([{ amount: 5_700, currency: "usd" }]);

    const reversal = await reverseJournalEntry(db, {
      merchantId: ctx.merchantId,
      livemode: false,
      entryId: charge.entry.id,
      reason: "captured twice by mistake",
    });
    expect(reversal.balanceTransaction).toMatchObject({ type: "adjustment", amount: -10_000n, fee: -300n, net: -9_700n });
    await releaseAvailableFunds({ db, ctx, now: new Date() });
    // 10 000 captured − 300 fee − 4 000 refunded − 9 700 reversed.
    expect((await getBalance({ ctx })).available).toEqual([{ amount: -4_000, currency: "usd" }]);
  });

  it("keeps merchants and modes apart", async () => {
    const ctx = ctxFor();
    await capture(ctx, 700n, 0n);
    await capture({ ...ctx, livemode: true }, 900n, 0n);
    await capture(ctxFor(), 500n, 0n);
    expect((await getBalance({ ctx })).pending).toEqual([{ amount: 700, currency: "usd" }]);
    expect(await getBalance({ ctx: { ...ctx, livemode: true } })).toMatchObject({
      livemode: true,
      pending: [{ amount: 900, currency: "usd" }],
    });
  });

  it("shows zero in the merchant's default currency before any movement", async () => {
    const { ctx } = await makeMerchant(db);
    expect(await getBalance({ ctx })).toEqual({
      object: "balance",
      livemode: false,
      available: [{ amount: 0, currency: "usd" }],
      pending: [{ amount: 0, currency: "usd" }],
      in_transit: [{ amount: 0, currency: "usd" }],
      escrowed: [{ amount: 0, currency: "usd" }],
    });
  });

  it("is forbidden to a role without balance:read, and open to an analyst", async () => {
    const ctx = ctxFor();
    const user = { type: "user" as const, id: newId("user") };
    await expect(getBalance({ ctx: { ...ctx, actor: user, role: "support" } })).rejects.toMatchObject({ code: "permission_denied" });
    await expect(getBalance({ ctx: { ...ctx, actor: user, role: "analyst" } })).resolves.toMatchObject({ object: "balance" });
  });
});

describe("on PGlite (the embedded default)", () => {
  it("posts, releases once after available_on and reports the balance", async () => {
    const lite = await freshPglite();
    try {
      const ctx: ServiceContext = { merchantId: newId("merchant"), livemode: true, actor: { type: "system", id: "test" }, db: lite.db };
      const id = newId("payment");
      await postJournalEntry(lite.db, {
        merchantId: ctx.merchantId,
        livemode: true,
        currency: "jpy",
        key: `capture:${id}`,
        type: "capture",
        source: { type: "payment", id },
        lines: postingsFor.capture({ amount: 5_000n, fee: 180n }),
        availableOn: T0,
        balanceTransaction: { type: "charge", amount: 5_000n, fee: 180n },
      });
      expect(await releaseAvailableFunds({ db: lite.db, now: new Date(T0.getTime() - 1) })).toEqual({ released: 0 });
      expect(await releaseAvailableFunds({ db: lite.db, now: T0 })).toEqual({ released: 1 });
      expect(await releaseAvailableFunds({ db: lite.db, now: T0 })).toEqual({ released: 0 });
      expect(await getBalance({ ctx })).toEqual({
        object: "balance",
        livemode: true,
        available: [{ amount: 4_820, currency: "jpy" }],
        pending: [{ amount: 0, currency: "jpy" }],
        in_transit: [{ amount: 0, currency: "jpy" }],
        escrowed: [{ amount: 0, currency: "jpy" }],
      });
      await expectLedgerBalanced(lite.db);
    } finally {
      await lite.close();
    }
  });
});
