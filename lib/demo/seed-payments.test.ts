// The demo payments: made through the verbs, mixed, spread over 90 days (a few per cent by UPI), with
// the ledger balanced and the rollups equal to the rows.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { customers, disputes, events, paymentAttempts, payments, refunds, upiEvents } from "@/db/schema";
import { systemActor } from "@/lib/service/context";
import { checkRollups } from "@/lib/overview/check-rollups";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { demoPaymentCount, seedDemoPayments } from "./seed-payments";
import { dateUpiPaymentBack, seedUpiPayment } from "./seed-upi-payments";

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
  // Every attempt is dated with its payment, so 90 days of history is not a burst in the alerts' last 15 minutes.
  const attempts = await h.db
    .select()
    .from(paymentAttempts)
    .where(
      inArray(
        paymentAttempts.paymentId,
        rows.map((p) => p.id),
      ),
    );
  expect(attempts.length).toBeGreaterThan(rows.length / 2);
  for (const a of attempts) expect(a.createdAt.getTime()).toBe(rows.find((p) => p.id === a.paymentId)!.createdAt.getTime());
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
  // A few per cent by UPI, in INR, intent and QR, each booked as its test VPA's payer did: success@kassa
  // paid (with the bank's RRN), failure@kassa declined, never@kassa expired; dated back with its timeline.
  const upi = rows.filter((p) => p.paymentMethod === "upi");
  expect(upi.length).toBeGreaterThanOrEqual(3);
  expect(upi.length).toBeLessThan(rows.length * 0.08);
  const outcome = {
    "success@kassa": ["succeeded", "success"],
    "failure@kassa": ["requires_payment_method", "failed"],
    "never@kassa": ["requires_payment_method", "expired"],
  };
  for (const p of upi) {
    expect(p.currency).toBe("inr");
    expect(["intent", "qr"]).toContain(p.upi!.flow);
    expect([p.status, p.upi!.status], p.id).toEqual(outcome[p.upi!.vpa as keyof typeof outcome]);
    if (p.status === "succeeded") expect(p.upi!.rrn).toMatch(/^\d{12}$/);
    expect(Math.abs(p.upi!.expires_at * 1000 - p.createdAt.getTime())).toBeLessThanOrEqual(11 * 60_000);
    const timeline = await h.db.select().from(upiEvents).where(eq(upiEvents.paymentId, p.id));
    expect(timeline.map((e) => e.kind)).toContain("initiated");
    for (const e of timeline) expect(Math.abs(e.createdAt.getTime() - p.createdAt.getTime()), e.kind).toBeLessThan(60_000);
  }
  expect(new Set(upi.map((p) => p.upi!.status))).toContain("success");
  expect(upi.filter((p) => p.upi!.status === "success").length).toBeGreaterThan(upi.length / 2);
  expect((await checkMoneyInvariants(h.db, { merchantId })).problems).toEqual([]);
  expect(await checkRollups(h.db, { merchantId })).toEqual([]);
}, 120_000);

it("a demo UPI payment of each test VPA, dated back, is booked as its payer did: paid, declined or expired", async () => {
  const { merchantId } = await makeMerchant(h.db);
  const ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db: h.db };
  const now = Date.now();
  const made: Record<string, string> = {};
  for (const [i, [vpa, flow]] of (
    [
      ["success@kassa", "intent"],
      ["failure@kassa", "qr"],
      ["never@kassa", "intent"],
    ] as const
  ).entries()) {
    const at = now - (i + 2) * 86_400_000;
    made[vpa] = await seedUpiPayment(h.db, ctx, { at, amount: 49_900, flow, vpa, description: "Demo", metadata: {} });
    await dateUpiPaymentBack(h.db, made[vpa], at);
  }
  const read = async (id: string) => (await h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
  const paid = await read(made["success@kassa"]!);
  expect([paid.status, paid.upi!.status, paid.amountReceived]).toEqual(["succeeded", "success", 49_900n]);
  expect(paid.upi!.payer_name).toBe("Asha Success");
  const declined = await read(made["failure@kassa"]!);
  expect([declined.status, declined.upi!.status, declined.upi!.flow, declined.amountReceived]).toEqual(["requires_payment_method", "failed", "qr", 0n]);
  const expired = await read(made["never@kassa"]!);
  expect([expired.status, expired.upi!.status, expired.lastPaymentError?.code]).toEqual([
    "requires_payment_method",
    "expired",
    "payment_intent_payment_attempt_expired",
  ]);
  // The expiry and every timeline line are where the payment stands, days ago.
  for (const id of Object.values(made)) {
    const timeline = await h.db.select().from(upiEvents).where(eq(upiEvents.paymentId, id));
    expect(timeline.length).toBeGreaterThanOrEqual(2);
    for (const e of timeline) expect(now - e.createdAt.getTime()).toBeGreaterThan(86_400_000);
    expect(now - (await read(id)).upi!.expires_at * 1000).toBeGreaterThan(86_400_000);
  }
  expect((await checkMoneyInvariants(h.db, { merchantId })).problems).toEqual([]);
  expect(await checkRollups(h.db, { merchantId })).toEqual([]);
}, 60_000);

it("reads its size from KASSA_SEED_PAYMENTS", () => {
  expect(demoPaymentCount({})).toBe(3000);
  expect(demoPaymentCount({ KASSA_SEED_PAYMENTS: "40" })).toBe(40);
  expect(demoPaymentCount({ KASSA_SEED_PAYMENTS: "0" })).toBe(0);
  expect(demoPaymentCount({ KASSA_SEED_PAYMENTS: "lots" })).toBe(3000);
});
