// The demo payments: made through the verbs, mixed, spread over 90 days, with the ledger balanced
// and the rollups equal to the rows.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { customers, disputes, events, payments, refunds } from "@/db/schema";
import { systemActor } from "@/lib/service/context";
import { checkRollups } from "@/lib/overview/check-rollups";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { demoPaymentCount, seedDemoPayments } from "./seed-payments";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("seedpay");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

it("seeds mixed payments over 90 days with a balanced ledger and exact rollups", async () => {
  const { merchantId } = await makeMerchant(h.db);
  const ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db: h.db };
  const now = Date.now();
  expect(await seedDemoPayments(h.db, ctx, { count: 210, now })).toBe(210);
  const rows = await h.db.select().from(payments).where(eq(payments.merchantId, merchantId));
  expect(rows).toHaveLength(210);
  const statuses = new Set(rows.map((p) => p.status));
  expect(statuses).toContain("succeeded");
  expect(statuses).toContain("requires_payment_method");
  expect(new Set(rows.map((p) => p.currency))).toEqual(new Set(["usd", "eur", "inr", "jpy"]));
  expect(new Set(rows.map((p) => p.card?.brand).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
  const ages = rows.map((p) => (now - p.createdAt.getTime()) / 86_400_000);
  expect(Math.max(...ages)).toBeGreaterThan(45);
  expect(Math.max(...ages)).toBeLessThanOrEqual(90);
  expect((await h.db.select().from(refunds).where(eq(refunds.merchantId, merchantId))).length).toBeGreaterThan(0);
  // Customers, some paying again with a saved card; the 200th payment's card is disputed.
  const people = await h.db.select().from(customers).where(eq(customers.merchantId, merchantId));
  expect(people.length).toBe(11);
  expect(
    rows.filter((p) => p.customer && p.status === "succeeded" && p.paymentMethod?.startsWith("pm_") && !p.paymentMethod.startsWith("pm_card_")).length,
  ).toBeGreaterThan(0);
  expect(people.every((c) => now - c.createdAt.getTime() <= 90 * 86_400_000)).toBe(true);
  // Newest first by id is newest first by date too; a customer pays only after signing up; saved cards are defaults.
  const byId = [...people].sort((a, b) => a.id.localeCompare(b.id)).map((c) => c.createdAt.getTime());
  expect(byId).toEqual([...byId].sort((a, b) => a - b));
  for (const p of rows.filter((p) => p.customer))
    expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(people.find((c) => c.id === p.customer)!.createdAt.getTime());
  expect(people.filter((c) => c.defaultPaymentMethod).length).toBeGreaterThan(people.length / 2);
  const opened = await h.db.select().from(disputes).where(eq(disputes.merchantId, merchantId));
  expect(opened).toHaveLength(1);
  expect(opened[0]!.createdAt.getTime()).toBeLessThan(now);
  // Buyers' receipt emails are on the rows (search finds them), but history mails nobody: no success
  // event carries one, so the customer-receipt workflow's filter lets none through.
  expect(rows.filter((p) => p.receiptEmail?.endsWith("@example.com")).length).toBeGreaterThan(100);
  const succeeded = await h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, merchantId), eq(events.type, "payment.succeeded")));
  expect(succeeded.length).toBeGreaterThan(100);
  expect(succeeded.filter((e) => (e.data as { object: { receipt_email: string | null } }).object.receipt_email !== null)).toEqual([]);
  expect((await checkMoneyInvariants(h.db, { merchantId })).problems).toEqual([]);
  expect(await checkRollups(h.db, { merchantId })).toEqual([]);
}, 120_000);

it("reads its size from KASSA_SEED_PAYMENTS", () => {
  expect(demoPaymentCount({})).toBe(3000);
  expect(demoPaymentCount({ KASSA_SEED_PAYMENTS: "40" })).toBe(40);
  expect(demoPaymentCount({ KASSA_SEED_PAYMENTS: "0" })).toBe(0);
  expect(demoPaymentCount({ KASSA_SEED_PAYMENTS: "lots" })).toBe(3000);
});
