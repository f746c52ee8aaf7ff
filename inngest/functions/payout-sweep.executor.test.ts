// The payouts' safety net on the real workflow path (local executor, fake clock): a payout its own
// send run gave up on is sent by the hourly payout-sweep, once, and settled past its arrival date.
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { payouts, sandboxBankTransfers } from "@/db/schema";
import { createBankAccount } from "@/lib/bank-accounts/create-bank-account";
import { setFailpointHandler } from "@/lib/failpoints";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { getBalance } from "@/lib/ledger/get-balance";
import { createPayout } from "@/lib/payouts/create-payout";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { makeMerchantContext } from "@/test/fixtures";
import { fundAvailable } from "@/test/payouts";

const bed = executorTestBed("payoutsweep");
const { advanceTo } = bed;
const US_PAYS = { currency: "usd", country: "US", account_holder_name: "Jenny Rosen", account_number: "000123456789", routing_number: "110000000" };
const payoutRow = async (id: string) => (await bed.h.db.select().from(payouts).where(eq(payouts.id, id)))[0]!;
const available = async (ctx: ServiceContext) => (await getBalance({ ctx })).available.find((a) => a.currency === "usd")?.amount ?? 0;
afterEach(() => setFailpointHandler(null));

describe("payout-sweep", () => {
  it("a payout whose send run spent its retries while the bank was down is sent by the hourly sweep, once, and paid", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    await createBankAccount({ ctx, input: US_PAYS });
    await fundAvailable(bed.h.db, ctx, 3000n);
    let bankDown = true;
    let tries = 0;
    setFailpointHandler((name) => {
      if (name !== "payout.bank:before" || !bankDown) return;
      tries++;
      throw new Error("bank unreachable");
    });
    const po = await createPayout({ ctx, input: { amount: 3000, currency: "usd" } });
    const created = (await payoutRow(po.id)).createdAt.getTime();
    // The run's own retries (engine backoff) are spent well within the quarter hour the sweep waits.
    await bed.runUntil(created + 14 * 60_000);
    expect(tries).toBe(6);
    expect(await payoutRow(po.id)).toMatchObject({ status: "pending" });
    expect(await bed.h.db.select().from(sandboxBankTransfers).where(eq(sandboxBankTransfers.idempotencyKey, po.id))).toHaveLength(0);

    bankDown = false;
    await advanceTo(created + 2 * 3_600_000);
    const sent = await payoutRow(po.id);
    expect(sent.status).toBe("in_transit");
    expect(tries).toBe(6);
    // Nothing else asks about it now (its run is over): the sweep settles it past the arrival date.
    await advanceTo(sent.arrivalDate!.getTime() + 3 * 3_600_000);
    expect((await payoutRow(po.id)).status).toBe("paid");
    expect(await bed.h.db.select().from(sandboxBankTransfers).where(eq(sandboxBankTransfers.idempotencyKey, po.id))).toHaveLength(1);
    expect(await available(ctx)).toBe(0);
    expect((await checkLedgerInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });
});
