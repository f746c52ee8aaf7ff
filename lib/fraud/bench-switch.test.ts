// The bench's switch (KASSA_BENCH_SKIP_FRAUD_CHECK=1, read at load): test-mode payments skip the fraud check so
// `npm run bench` can measure what scoring costs; live-mode payments are checked whatever the switch says.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { fraudAssessments } from "@/db/schema";
import { paymentsTestBed } from "@/test/payments";

const bed = paymentsTestBed("fraud_bench_switch");
const { env } = bed;

beforeAll(() => {
  process.env.KASSA_BENCH_SKIP_FRAUD_CHECK = "1";
  vi.resetModules();
});
afterAll(() => {
  delete process.env.KASSA_BENCH_SKIP_FRAUD_CHECK;
  vi.resetModules();
});

describe("KASSA_BENCH_SKIP_FRAUD_CHECK", () => {
  it("a test-mode payment is not scored: no outcome, no assessment row, and it succeeds", async () => {
    const { createPayment } = await import("@/lib/payments/create-payment");
    const ctx = await bed.merchant();
    const p = await createPayment({ ctx, input: { amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(p.status).toBe("succeeded");
    expect(p.outcome).toBeNull();
    expect(await env.h.db.select().from(fraudAssessments).where(eq(fraudAssessments.paymentId, p.id))).toEqual([]);
  });

  it("a live-mode attempt is checked anyway: pm_card_riskLevelHighest is blocked before the processor", async () => {
    const { checkAttempt } = await import("@/lib/fraud/check-attempt");
    const ctx = { ...(await bed.merchant()), livemode: true };
    const payment = { id: "pay_x", amount: 2500n, currency: "usd", customer: null, receiptEmail: null, upi: null };
    const live = await checkAttempt(env.h.db, ctx, { payment, attemptId: "pa_x", paymentMethod: "pm_card_riskLevelHighest" });
    expect(live?.decision).toBe("blocked");
    const test = await checkAttempt(env.h.db, { ...ctx, livemode: false }, { payment, attemptId: "pa_y", paymentMethod: "pm_card_riskLevelHighest" });
    expect(test).toBeNull();
  });
});
