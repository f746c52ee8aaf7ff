import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { sandboxCharges } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { configureSandbox } from "@/lib/gateways/sandbox/config";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";

/**
 * A test file on the money path at service level: a fresh PostgreSQL database that the sandbox
 * processor opens by itself (DATABASE_URL), its faults reset after each test, and — as the file's
 * last test — the books: the ledger balances and agrees with every payment and refund it made.
 */
export function paymentsTestBed(label: string) {
  const env = { h: undefined as unknown as DatabaseHandle & { url: string } };
  let restore: (() => void) | undefined;
  beforeAll(async () => {
    env.h = await freshPostgres(label);
    process.env.DATABASE_URL = env.h.url; // the sandbox processor opens the app's database by itself
  });
  afterAll(() => env.h.close());
  afterEach(() => {
    restore?.();
    restore = undefined;
  });
  return {
    env,
    /** The sandbox's next fault: before its write (nothing recorded) or after it (response lost). */
    faultOnce(point: "before" | "after") {
      const draws = [0, point === "before" ? 0.1 : 0.9];
      restore = configureSandbox({ faultRate: 1, random: () => draws.shift() ?? 1 });
    },
    /** What the sandbox processor charged for a payment. */
    charges: (paymentId: string) => env.h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, paymentId)),
    /** A new merchant acting through an API key (services open their own transactions). */
    async merchant() {
      const { ctx } = await makeMerchant(env.h.db);
      const { db: _db, ...apiCtx } = ctx;
      return { ...apiCtx, actor: { type: "api_key" as const, id: "key_test" }, requestId: "req_test" } satisfies ServiceContext;
    },
  };
}

/** Past the reconciliation's in-flight grace and the operation lease. */
export const later = () => Date.now() + 120_000;

/** Declare after a file's other tests: the ledger balances and agrees with every payment and refund they made. */
export function checksTheBooks(env: { h: DatabaseHandle }) {
  it("after everything above, the ledger balances and agrees with every payment and refund", async () => {
    const { checkMoneyInvariants } = await import("@/lib/payments/check-payment-invariants");
    expect((await checkMoneyInvariants(env.h.db)).problems).toEqual([]);
  });
}
