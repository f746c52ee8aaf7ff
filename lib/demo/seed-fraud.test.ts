// The demo's fraud story on real PostgreSQL: a card-testing burst held for review, elevated-risk payments
// in the review queue (authorised, not captured), a highest-risk one blocked before the processor.
import { expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { payments, reviews } from "@/db/schema";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { seedDemoFraud } from "./seed-fraud";
import { createPayment } from "@/lib/payments/create-payment";

const bed = paymentsTestBed("demo_fraud");

it("seeds a card-testing burst, three payments in review and one blocked, dated back; a second run adds nothing", async () => {
  const ctx = await bed.merchant();
  const now = Date.now();
  // Later traffic on the same card (the demo's own payments, written before this as history): not counted two days back.
  await createPayment({
    ctx: { ...ctx, asOf: now - 3_600_000 },
    input: { amount: 2500, currency: "usd", payment_method: "pm_card_mastercard", confirm: true },
  });
  for (let i = 0; i < 12; i++) {
    await createPayment({
      ctx: { ...ctx, asOf: now - 60_000 + i },
      input: { amount: 2500 + i, currency: "usd", payment_method: "pm_card_mastercard", confirm: true },
    });
  }
  const tally = await seedDemoFraud(bed.env.h.db, ctx, { now });
  expect(tally.blocked).toBe(1);
  expect(tally.reviewed).toBeGreaterThanOrEqual(3 + 2); // the three elevated and at least the burst's last two
  const rows = await bed.env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
  expect(rows).toHaveLength(16 + 13);
  const burst = rows.filter((p) => p.metadata.demo_fraud === "card_testing").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  expect(burst.slice(0, 10).every((p) => p.status === "succeeded")).toBe(true);
  expect(burst.slice(10).every((p) => p.outcome?.type === "manual_review" && p.status === "requires_capture")).toBe(true);
  expect(burst[0]!.createdAt.getTime()).toBeLessThan(now - 47 * 3_600_000);
  const open = await bed.env.h.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.merchantId, ctx.merchantId), eq(reviews.open, 1)));
  expect(open).toHaveLength(tally.reviewed);
  const blocked = rows.find((p) => p.metadata.demo_fraud === "highest_risk")!;
  expect(blocked).toMatchObject({ status: "requires_payment_method", outcome: { type: "blocked" } });
  expect(await bed.charges(blocked.id)).toEqual([]);
  expect(await seedDemoFraud(bed.env.h.db, ctx, { now })).toEqual({ reviewed: 0, blocked: 0, authorized: 0 });
});

checksTheBooks(bed.env);
