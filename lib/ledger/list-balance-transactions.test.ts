import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { BalanceTransactionType } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { freshPostgres } from "@/test/db";
import { getBalanceTransaction } from "./get-balance-transaction";
import { listBalanceTransactions } from "./list-balance-transactions";
import { postJournalEntry } from "./post-journal-entry";
import { postingsFor } from "./postings";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

function ctxFor(merchantId: string, livemode = false): ServiceContext {
  return { merchantId, livemode, actor: { type: "user", id: newId("user") }, role: "developer", db };
}

let ctx: ServiceContext;
/** Our test-mode balance transactions, oldest first. */
const ours: { id: string; type: BalanceTransactionType; source: string }[] = [];
let otherMerchantTxn: string;
let liveTxn: string;

async function post(c: ServiceContext, kind: "charge" | "refund", amount = 1_000n) {
  const source = kind === "charge" ? newId("payment") : newId("refund");
  const { balanceTransaction } = await postJournalEntry(db, {
    merchantId: c.merchantId,
    livemode: c.livemode,
    currency: "usd",
    key: `${kind}:${source}`,
    type: kind === "charge" ? "capture" : "refund",
    source: { type: kind === "charge" ? "payment" : "refund", id: source },
    lines: kind === "charge" ? postingsFor.capture({ amount, fee: 29n }) : postingsFor.refund({ amount }),
    description: `${kind} ${source}`,
    balanceTransaction: kind === "charge" ? { type: "charge", amount, fee: 29n } : { type: "refund", amount: -amount, fee: 0n },
  });
  return { id: balanceTransaction!.id, type: balanceTransaction!.type, source };
}

beforeAll(async () => {
  handle = await freshPostgres("ledger_list");
  db = handle.db;
  ctx = ctxFor(newId("merchant"));
  const kinds = ["charge", "charge", "refund", "charge", "refund", "charge", "charge"] as const;
  // Interleave another merchant's and live-mode transactions so cursors cross them.
  for (const [i, kind] of kinds.entries()) {
    ours.push(await post(ctx, kind));
    if (i === 2) otherMerchantTxn = (await post(ctxFor(newId("merchant")), "charge")).id;
    if (i === 4) liveTxn = (await post({ ...ctx, livemode: true }, "charge")).id;
  }
});
afterAll(async () => {
  await handle?.close();
});

const newestFirst = () => [...ours].reverse().map((t) => t.id);
const ids = (list: { data: { id: string }[] }) => list.data.map((t) => t.id);

describe("listBalanceTransactions", () => {
  it("lists the merchant's transactions in its mode, newest first, serialised like Stripe's", async () => {
    const list = await listBalanceTransactions({ ctx, input: {} });
    expect(list).toMatchObject({ object: "list", url: "/v1/balance_transactions", has_more: false });
    expect(ids(list)).toEqual(newestFirst());
    const charge = list.data.at(-1)!;
    expect(charge).toEqual({
      id: ours[0]!.id,
      object: "balance_transaction",
      amount: 1_000,
      available_on: charge.created,
      created: expect.any(Number),
      currency: "usd",
      description: `charge ${ours[0]!.source}`,
      fee: 29,
      fee_details: [{ amount: 29, currency: "usd", description: "Kassa fees", type: "kassa_fee" }],
      net: 971,
      source: ours[0]!.source,
      status: "pending",
      type: "charge",
    });
    expect(list.data.find((t) => t.type === "refund")).toMatchObject({ amount: -1_000, fee: 0, net: -1_000, fee_details: [] });
  });

  it("pages forwards with starting_after and backwards with ending_before", async () => {
    const all = newestFirst();
    const page1 = await listBalanceTransactions({ ctx, input: { limit: "3" } });
    expect(ids(page1)).toEqual(all.slice(0, 3));
    expect(page1.has_more).toBe(true);
    const page2 = await listBalanceTransactions({ ctx, input: { limit: 3, starting_after: all[2] } });
    expect(ids(page2)).toEqual(all.slice(3, 6));
    const page3 = await listBalanceTransactions({ ctx, input: { limit: 3, starting_after: all[5] } });
    expect(ids(page3)).toEqual(all.slice(6));
    expect(page3.has_more).toBe(false);

    const back = await listBalanceTransactions({ ctx, input: { limit: 2, ending_before: all[3] } });
    expect(ids(back)).toEqual([all[1], all[2]]);
    expect(back.has_more).toBe(true);
  });

  it("filters by type, source and created", async () => {
    const refunds = await listBalanceTransactions({ ctx, input: { type: "refund" } });
    expect(ids(refunds)).toEqual(
      ours
        .filter((t) => t.type === "refund")
        .map((t) => t.id)
        .reverse(),
    );

    const bySource = await listBalanceTransactions({ ctx, input: { source: ours[3]!.source } });
    expect(ids(bySource)).toEqual([ours[3]!.id]);

    const created = (await listBalanceTransactions({ ctx, input: { limit: 1 } })).data[0]!.created;
    const inRange = await listBalanceTransactions({ ctx, input: { created: { gte: String(created - 60), lte: created } } });
    expect(ids(inRange)).toEqual(newestFirst());
    const future = await listBalanceTransactions({ ctx, input: { created: { gt: created } } });
    expect(future.data).toEqual([]);
  });

  it("rejects bad parameters with Stripe-style errors", async () => {
    await expect(listBalanceTransactions({ ctx, input: { type: "transfer" } })).rejects.toMatchObject({ code: "parameter_invalid", param: "type" });
    await expect(listBalanceTransactions({ ctx, input: { limit: 0 } })).rejects.toMatchObject({ code: "parameter_invalid_integer" });
    await expect(listBalanceTransactions({ ctx, input: { merchant: "mer_x" } })).rejects.toMatchObject({ code: "parameter_unknown" });
  });

  it("never shows another merchant's transactions, even through a cursor pointing at one", async () => {
    expect(ids(await listBalanceTransactions({ ctx, input: { limit: 100 } }))).not.toContain(otherMerchantTxn);
    const after = await listBalanceTransactions({ ctx, input: { starting_after: otherMerchantTxn } });
    expect(ids(after)).not.toContain(otherMerchantTxn);
    expect(after.data.length).toBeGreaterThan(0);
    const stranger = await listBalanceTransactions({ ctx: ctxFor(newId("merchant")), input: {} });
    expect(stranger.data).toEqual([]);
  });

  it("keeps test and live mode apart", async () => {
    expect(ids(await listBalanceTransactions({ ctx, input: { limit: 100 } }))).not.toContain(liveTxn);
    const live = await listBalanceTransactions({ ctx: { ...ctx, livemode: true }, input: {} });
    expect(ids(live)).toEqual([liveTxn]);
  });

  it("is forbidden to a role without balance:read", async () => {
    await expect(listBalanceTransactions({ ctx: { ...ctx, role: "support" }, input: {} })).rejects.toMatchObject({
      code: "permission_denied",
    });
  });
});

describe("getBalanceTransaction", () => {
  it("returns the merchant's own transaction", async () => {
    await expect(getBalanceTransaction({ ctx, id: ours[2]!.id })).resolves.toMatchObject({
      id: ours[2]!.id,
      object: "balance_transaction",
      type: "refund",
      source: ours[2]!.source,
    });
  });

  it("answers resource_missing for another merchant's, the other mode's or an unknown id", async () => {
    for (const [c, id] of [
      [ctx, otherMerchantTxn],
      [ctx, liveTxn],
      [{ ...ctx, livemode: true }, ours[0]!.id],
      [ctx, newId("balanceTransaction")],
    ] as const) {
      await expect(getBalanceTransaction({ ctx: c, id })).rejects.toMatchObject({ code: "resource_missing", param: "id" });
    }
    await expect(getBalanceTransaction({ ctx: { ...ctx, livemode: true }, id: liveTxn })).resolves.toMatchObject({ id: liveTxn });
  });
});
