// The dashboard's payments list: every filter and search, keyset pages that cover the set exactly once
// (also across rows created in the same microsecond), the CSV export equal to the pages, tenant scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { payments, type PaymentStatus } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { freshPglite } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { exportPaymentsCsv } from "./export-payments-csv";
import { countPayments, searchPayments } from "./search-payments";

let h: DatabaseHandle;
let m: Awaited<ReturnType<typeof makeMerchant>>;
const base = Date.parse("2026-03-10T12:00:00Z");
const ids: string[] = [];
let newestFirst: string[] = [];

beforeAll(async () => {
  h = await freshPglite();
  m = await makeMerchant(h.db);
  const rows = Array.from({ length: 60 }, (_, i) => ({
    id: newId("payment", base - i * 3600_000),
    merchantId: m.merchantId,
    livemode: false,
    amount: BigInt(i === 7 ? 1250 : 1000 + i),
    currency: i % 10 === 3 ? "jpy" : "usd",
    status: (i % 3 === 0 ? "succeeded" : i % 3 === 1 ? "requires_payment_method" : "canceled") as PaymentStatus,
    captureMethod: "automatic" as const,
    connector: "sandbox",
    card: {
      brand: i % 2 ? "visa" : "mastercard",
      last4: i === 11 ? "0005" : "4242",
      exp_month: 1,
      exp_year: 2030,
      fingerprint: "f",
      country: null,
      funding: "credit",
    },
    receiptEmail: i === 5 ? "ana@example.com" : null,
    description: i === 9 ? 'Order "9", =cmd' : null,
    // Ten pairs share one timestamp: the keyset must still order and page them exactly.
    createdAt: new Date(base - Math.floor(i / 2) * 2 * 3600_000),
  }));
  ids.push(...rows.map((r) => r.id));
  newestFirst = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
  await h.db.insert(payments).values(rows);
  const other = await makeMerchant(h.db);
  await h.db.insert(payments).values({ ...rows[0]!, id: newId("payment"), merchantId: other.merchantId });
});
afterAll(() => h.close());

const list = (input: Record<string, string>) => searchPayments({ ctx: m.ctx, input });
async function all(input: Record<string, string>, limit = "7") {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await list({ ...input, limit, ...(cursor ? { cursor } : {}) });
    out.push(...page.data.map((p) => p.id));
    if (!page.has_more) return out;
    cursor = page.next_cursor!;
  }
  throw new Error("did not end");
}

describe("searchPayments", () => {
  it("pages through every payment once, newest first, with no OFFSET", async () => {
    const seen = await all({});
    expect(seen).toEqual(newestFirst); // (created, id) descending: the pairs sharing a timestamp by id
    expect(new Set(seen).size).toBe(60);
    expect(await countPayments({ ctx: m.ctx, input: {} })).toBe(60);
  });

  it("filters by status, date range, currency, brand and amount range", async () => {
    expect(await all({ status: "succeeded" })).toHaveLength(20);
    // 2026-03-10 from 12:00 back to 00:00 in 2-hour steps, two payments per step.
    const day = await all({ from: "2026-03-10", to: "2026-03-10" });
    expect(day.sort()).toEqual(ids.filter((_, i) => Math.floor(i / 2) * 2 <= 12).sort());
    expect(await all({ currency: "jpy" })).toHaveLength(6);
    expect(await all({ brand: "visa" })).toHaveLength(30);
    // 10.01–10.05 usd = 1001..1005 minor; the jpy rows are ¥1003 etc., far above 10.05 yen.
    expect((await all({ amount_min: "10.01", amount_max: "10.05" })).sort()).toEqual([1, 2, 4, 5].map((i) => ids[i]).sort());
    expect(await all({ amount_min: "1000", currency: "jpy" })).toHaveLength(6);
    expect(await all({ status: "succeeded", brand: "mastercard", currency: "usd" })).toHaveLength(
      ids.filter((_, i) => i % 3 === 0 && i % 2 === 0 && i % 10 !== 3).length,
    );
  });

  it("searches by id, email, last4 and amount", async () => {
    expect((await list({ q: ids[4]! })).data.map((p) => p.id)).toEqual([ids[4]]);
    expect((await list({ q: "ana@example.com" })).data.map((p) => p.id)).toEqual([ids[5]]);
    expect((await list({ q: "0005" })).data.map((p) => p.id)).toEqual([ids[11]]);
    expect((await list({ q: "1012" })).data.map((p) => p.id)).toEqual([]); // $1,012.00: no such amount, no such card
    expect((await list({ q: "10.12" })).data.map((p) => p.id)).toEqual([ids[12]]);
    expect((await list({ q: "12.50" })).data.map((p) => p.id)).toEqual([ids[7]]);
    expect((await list({ q: "no such thing" })).data).toEqual([]);
  });

  it("refuses bad filters and a cursor from another merchant", async () => {
    const code = (input: Record<string, string>) =>
      list(input).then(
        () => "ok",
        (e: unknown) => (e instanceof KassaError ? `${e.code}:${e.param}` : String(e)),
      );
    expect(await code({ status: "paid" })).toBe("parameter_invalid:status");
    expect(await code({ from: "yesterday" })).toBe("parameter_invalid:from");
    expect(await code({ amount_min: "-1" })).toBe("parameter_invalid:amount_min");
    expect(await code({ limit: "5000" })).toBe("parameter_invalid_integer:limit");
    expect(await code({ sort: "amount" })).toBe("parameter_unknown:sort");
    const other = await makeMerchant(h.db);
    const theirs = await searchPayments({ ctx: other.ctx, input: {} });
    expect(theirs.data).toEqual([]);
    expect(
      await searchPayments({ ctx: other.ctx, input: { cursor: ids[3]! } }).then(
        () => "ok",
        (e: KassaError) => e.code,
      ),
    ).toBe("resource_missing");
  });

  it("exports the filtered set as CSV, the same rows as the pages, quoted safely", async () => {
    const read = async (input: Record<string, string>) => {
      const text = await new Response(await exportPaymentsCsv({ ctx: m.ctx, input })).text();
      return text.trimEnd().split("\r\n");
    };
    const lines = await read({});
    expect(lines[0]).toBe("id,created,amount,currency,status,amount_received,amount_refunded,fee,customer,email,card_brand,card_last4,description");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(await all({}));
    expect(lines.find((l) => l.startsWith(ids[9]!))).toContain(`"Order ""9"", =cmd"`);
    expect(lines.find((l) => l.startsWith(ids[3]!))).toContain(",1003,jpy,");
    const filtered = await read({ status: "canceled", brand: "visa" });
    expect(filtered.slice(1).map((l) => l.split(",")[0])).toEqual(await all({ status: "canceled", brand: "visa" }));
  });
});
