// Payouts on the real workflow path: the app's functions served by the real serve() handler, run by the
// local executor on a fake clock. payout.created starts payout-send (bank, then paid or failed at the
// arrival date); the payout-schedule cron pays out on each merchant's schedule.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { payouts, sandboxBankTransfers } from "@/db/schema";
import { createBankAccount } from "@/lib/bank-accounts/create-bank-account";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { getBalance } from "@/lib/ledger/get-balance";
import { listBalanceTransactions } from "@/lib/ledger/list-balance-transactions";
import { createPayout } from "@/lib/payouts/create-payout";
import { updatePayoutSettings } from "@/lib/payouts/payout-settings";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { makeMerchantContext } from "@/test/fixtures";
import { fundAvailable } from "@/test/payouts";
import { eventRows } from "@/test/rows";

const bed = executorTestBed("payoutrun");
const { pump, advanceTo } = bed;
const DAY = 86_400_000;
const US_PAYS = { currency: "usd", country: "US", account_holder_name: "Jenny Rosen", account_number: "000123456789", routing_number: "110000000" };
const payoutRow = async (id: string) => (await bed.h.db.select().from(payouts).where(eq(payouts.id, id)))[0]!;
const available = async (ctx: ServiceContext) => (await getBalance({ ctx })).available.find((a) => a.currency === "usd")?.amount ?? 0;

describe("payout-send", () => {
  it("hands the payout to the bank once, in transit until the arrival date, then paid", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    await createBankAccount({ ctx, input: US_PAYS });
    await fundAvailable(bed.h.db, ctx, 5000n);
    const po = await createPayout({ ctx, input: { amount: 4000, currency: "usd" } });
    await pump();
    const sent = await payoutRow(po.id);
    expect(sent.status).toBe("in_transit");
    expect(await bed.h.db.select().from(sandboxBankTransfers).where(eq(sandboxBankTransfers.idempotencyKey, po.id))).toHaveLength(1);
    await advanceTo(sent.arrivalDate!.getTime() - 60_000);
    expect((await payoutRow(po.id)).status).toBe("in_transit");
    await advanceTo(sent.arrivalDate!.getTime() + 1000);
    expect((await payoutRow(po.id)).status).toBe("paid");
    expect((await eventRows(bed.h.db, ctx.merchantId)).map((e) => e.type).filter((t) => t.startsWith("payout."))).toEqual([
      "payout.created",
      "payout.updated",
      "payout.paid",
    ]);
    expect(await available(ctx)).toBe(1000);
    expect((await checkLedgerInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("a payout to the no_account test number fails at the arrival date and its funds return", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    await createBankAccount({ ctx, input: { ...US_PAYS, account_number: "000111111116" } });
    await fundAvailable(bed.h.db, ctx, 2000n);
    const po = await createPayout({ ctx, input: { amount: 2000, currency: "usd" } });
    await pump();
    expect(await available(ctx)).toBe(0);
    await advanceTo(Date.now() + 2 * DAY);
    expect(await payoutRow(po.id)).toMatchObject({ status: "failed", failureCode: "no_account" });
    expect(await available(ctx)).toBe(2000);
    expect((await checkLedgerInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });
});

describe("payout-schedule", () => {
  it("daily, then weekly on Friday: automatic payouts on the fake clock, each settling transactions that sum to its amount", async () => {
    // Start on a Tuesday morning (UTC), a week from now.
    const start = new Date(Date.now() + 7 * DAY);
    start.setUTCHours(1, 0, 0, 0);
    while (start.getUTCDay() !== 2) start.setTime(start.getTime() + DAY);
    await bed.restart(start);
    const ctx = await makeMerchantContext(bed.h.db);
    await createBankAccount({ ctx, input: US_PAYS });
    await updatePayoutSettings({ ctx, input: { interval: "daily" } });
    const mine = async () =>
      (
        await bed.h.db
          .select()
          .from(payouts)
          .where(and(eq(payouts.merchantId, ctx.merchantId), eq(payouts.automatic, true)))
      ).sort((a, b) => a.id.localeCompare(b.id));

    // Tuesday, Wednesday: money each day, paid out each day.
    for (let day = 0; day < 2; day++) {
      await fundAvailable(bed.h.db, ctx, BigInt(1000 * (day + 1)), 30n);
      await advanceTo(start.getTime() + day * DAY + 6 * 3_600_000);
      expect(await mine()).toHaveLength(day + 1);
      expect(await available(ctx)).toBe(0);
    }
    const daily = await mine();
    expect(daily.map((p) => p.amount)).toEqual([970n, 1970n]);
    expect(daily.map((p) => p.scheduleKey)).toEqual([start.toISOString().slice(0, 10), new Date(start.getTime() + DAY).toISOString().slice(0, 10)]);
    for (const p of daily) {
      const settled = (await listBalanceTransactions({ ctx, input: { payout: p.id, limit: 100 } })).data;
      expect(settled.reduce((s, t) => s + t.net, 0)).toBe(Number(p.amount));
    }

    // Weekly on Friday: Thursday pays nothing, Friday pays what came in since.
    await updatePayoutSettings({ ctx, input: { interval: "weekly", weekly_anchor: "friday" } });
    await fundAvailable(bed.h.db, ctx, 500n);
    await advanceTo(start.getTime() + 2 * DAY + 12 * 3_600_000); // Thursday
    expect(await mine()).toHaveLength(2);
    await fundAvailable(bed.h.db, ctx, 700n);
    await advanceTo(start.getTime() + 3 * DAY + 12 * 3_600_000); // Friday
    const all = await mine();
    expect(all).toHaveLength(3);
    expect(all[2]!.amount).toBe(1200n);
    const settled = (await listBalanceTransactions({ ctx, input: { payout: all[2]!.id, limit: 100 } })).data;
    expect(settled.map((t) => t.amount).sort()).toEqual([500, 700]);
    // Every automatic payout was sent and, a day later, paid.
    await advanceTo(start.getTime() + 5 * DAY);
    expect((await mine()).map((p) => p.status)).toEqual(["paid", "paid", "paid"]);
    expect((await checkLedgerInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });
});
