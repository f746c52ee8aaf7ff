// The bulk path of `npm run seed:large`, small: the ledger balances and agrees with every payment and
// refund, and the rollups equal the rows, exactly as if the verbs had written them.
import { count, eq } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { payments, refunds } from "@/db/schema";
import { checkRollups } from "@/lib/overview/check-rollups";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { searchPayments } from "@/lib/payments/search-payments";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { seedLargePayments } from "./seed-large";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("seedlarge");
});
afterAll(() => h.close());

// setBased: the triggers' work (rollups, balanced-entry and foreign-key checks) done per chunk instead of per row.
it.each([false, true])(
  "writes payments, refunds and a balanced ledger set-based, with exact rollups (triggers skipped: %s)",
  async (setBased) => {
    const { merchantId, ctx } = await makeMerchant(h.db);
    const progress: number[] = [];
    const pool = new Pool({ connectionString: h.url });
    await seedLargePayments(pool, { merchantId, count: 2500, chunk: 1000, setBased, onProgress: (n) => progress.push(n) });
    await pool.end();
    expect(progress).toEqual([1000, 2000, 2500]);
    const [{ n }] = (await h.db.select({ n: count() }).from(payments).where(eq(payments.merchantId, merchantId))) as [{ n: number }];
    expect(n).toBe(2500);
    expect((await h.db.select({ n: count() }).from(refunds).where(eq(refunds.merchantId, merchantId)))[0]!.n).toBeGreaterThan(50);
    expect((await checkMoneyInvariants(h.db, { merchantId })).problems).toEqual([]);
    expect(await checkRollups(h.db, { merchantId })).toEqual([]);
    // The list reads them newest first, and the ids agree with the created times.
    const page = await searchPayments({ ctx, input: { limit: "50" } });
    expect(page.data.map((p) => p.id)).toEqual([...page.data.map((p) => p.id)].sort().reverse());
  },
  120_000,
);
