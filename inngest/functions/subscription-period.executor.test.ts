// Subscription periods on the real workflow path: Kassa's functions served over HTTP by the real serve()
// handler, run by the local executor on a fake clock, so a year of renewals and two weeks of dunning run
// in seconds. Outbox events reach the executor through the same publisher the relay uses.
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { events, invoices, payments, sandboxCharges, subscriptions } from "@/db/schema";
import { setFailpointHandler } from "@/lib/failpoints";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import type { ServiceContext } from "@/lib/service/context";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { giveCard, makeCustomer, makePrice } from "@/test/billing";
import { executorTestBed } from "@/test/executor-bed";
import { makeMerchantContext } from "@/test/fixtures";

const bed = executorTestBed("subrun");
const { pump, advanceTo } = bed;
const DAY = 86_400_000;
afterEach(() => setFailpointHandler(null));

const subRow = async (id: string) => (await bed.h.db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!;
const invoicesOf = async (sub: string) =>
  (await bed.h.db.select().from(invoices).where(eq(invoices.subscription, sub))).sort((a, b) => a.id.localeCompare(b.id));
const paymentsOf = async (ctx: ServiceContext) => bed.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
const chargesOf = async (ctx: ServiceContext) => {
  const out = [];
  for (const p of await paymentsOf(ctx)) out.push(...(await bed.h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, p.id))));
  return out;
};
const eventTypes = async (ctx: ServiceContext) =>
  (await bed.h.db.select({ type: events.type }).from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(events.id)).map((e) => e.type);

async function subscribe(opts: { trialDays?: number; card?: string | null } = {}) {
  const ctx = await makeMerchantContext(bed.h.db);
  const price = await makePrice(ctx, { amount: 2000 });
  const { customer } = await makeCustomer(ctx, opts.card === undefined ? "pm_card_visa" : opts.card);
  const sub = await createSubscription({
    ctx,
    input: { customer, items: [{ price: price.id }], ...(opts.trialDays ? { trial_period_days: opts.trialDays } : {}) },
  });
  await pump();
  return { ctx, customer, sub };
}

describe("the subscription period run", () => {
  it("a card that starts declining: past_due, retried on the schedule (1, 2 days after renewal…), recovered at once by a new card", async () => {
    const { ctx, customer, sub } = await subscribe();
    expect(sub.status).toBe("active");
    await giveCard(ctx, customer, "pm_card_chargeCustomerFail");
    await pump(); // the relay hands the card change on at once, as in the app
    const renewalAt = (await subRow(sub.id)).currentPeriodEnd.getTime();

    await advanceTo(renewalAt);
    let [, renewal] = await invoicesOf(sub.id);
    expect(renewal).toMatchObject({ status: "open", attemptCount: 1, nextPaymentAttempt: new Date(renewalAt + DAY) });
    expect((await subRow(sub.id)).status).toBe("past_due");
    expect((await subRow(sub.id)).statusReason).toMatchObject({ code: "card_declined" });

    // Nothing happens before the scheduled time; at it, exactly one more try.
    await advanceTo(renewalAt + DAY - 1000);
    expect((await invoicesOf(sub.id))[1]!.attemptCount).toBe(1);
    await advanceTo(renewalAt + DAY);
    [, renewal] = await invoicesOf(sub.id);
    expect(renewal).toMatchObject({ attemptCount: 2, nextPaymentAttempt: new Date(renewalAt + 2 * DAY) });
    await advanceTo(renewalAt + 2 * DAY);
    [, renewal] = await invoicesOf(sub.id);
    expect(renewal).toMatchObject({ attemptCount: 3, nextPaymentAttempt: new Date(renewalAt + 3 * DAY) });

    // Half a day later the customer gives a good card: the waiting run tries at once, before day 3.
    await advanceTo(renewalAt + 2.5 * DAY);
    await giveCard(ctx, customer, "pm_card_visa");
    await pump(); // the relay hands the card change on at once, as in the app
    [, renewal] = await invoicesOf(sub.id);
    expect(renewal).toMatchObject({ status: "paid", attemptCount: 4, nextPaymentAttempt: null });
    expect(await subRow(sub.id)).toMatchObject({ status: "active", statusReason: null });
    const tries = (await paymentsOf(ctx)).filter((p) => p.metadata.invoice === renewal!.id);
    expect(tries.map((p) => p.status).sort()).toEqual(["requires_payment_method", "requires_payment_method", "requires_payment_method", "succeeded"]);
    // And day 3 brings no fifth try.
    await advanceTo(renewalAt + 3 * DAY);
    expect((await invoicesOf(sub.id))[1]!.attemptCount).toBe(4);
  });

  it("eight failed tries over two weeks end in unpaid (the merchant's default); a hard decline is not retried and ends there too", async () => {
    const soft = await subscribe();
    await giveCard(soft.ctx, soft.customer, "pm_card_chargeCustomerFail");
    await pump(); // the relay hands the card change on at once, as in the app
    const hard = await subscribe();
    await giveCard(hard.ctx, hard.customer, "pm_card_chargeCustomerFailExpiredCard");
    await pump(); // the relay hands the card change on at once, as in the app
    const softAt = (await subRow(soft.sub.id)).currentPeriodEnd.getTime();
    const hardAt = (await subRow(hard.sub.id)).currentPeriodEnd.getTime();
    await advanceTo(Math.min(softAt, hardAt));
    await advanceTo(Math.max(softAt, hardAt));
    expect((await invoicesOf(hard.sub.id))[1]).toMatchObject({ attemptCount: 1, nextPaymentAttempt: null, lastPaymentError: { code: "expired_card" } });

    const seen: number[] = [];
    for (const day of [1, 2, 3, 5, 7, 10, 14]) {
      await advanceTo(softAt + day * DAY);
      seen.push((await invoicesOf(soft.sub.id))[1]!.attemptCount);
    }
    expect(seen).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(await subRow(soft.sub.id)).toMatchObject({ status: "unpaid" });
    expect((await invoicesOf(soft.sub.id))[1]).toMatchObject({ status: "open", attemptCount: 8, nextPaymentAttempt: null });

    await advanceTo(hardAt + 14 * DAY);
    expect(await subRow(hard.sub.id)).toMatchObject({ status: "unpaid" });
    expect((await invoicesOf(hard.sub.id))[1]!.attemptCount).toBe(1);
  });

  it("an incomplete subscription expires after 23 hours and its first invoice is voided", async () => {
    const { sub } = await subscribe({ card: null });
    expect(sub.status).toBe("incomplete");
    const created = (await subRow(sub.id)).createdAt.getTime();
    await advanceTo(created + 23 * 3_600_000 - 1000);
    expect((await subRow(sub.id)).status).toBe("incomplete");
    await advanceTo(created + 23 * 3_600_000);
    expect((await subRow(sub.id)).status).toBe("incomplete_expired");
    expect((await invoicesOf(sub.id))[0]!.status).toBe("void");
    // Its period's end renews nothing.
    await advanceTo((await subRow(sub.id)).currentPeriodEnd);
    expect(await invoicesOf(sub.id)).toHaveLength(1);
  });

  it("a renewal whose charge step dies before the processor call is resumed by the step's retry: one invoice, one charge", async () => {
    const { ctx, sub } = await subscribe();
    let deaths = 0;
    setFailpointHandler((name) => {
      if (name === "invoice.processor:before" && deaths++ === 0) throw new Error("process died");
    });
    const at = (await subRow(sub.id)).currentPeriodEnd.getTime();
    await advanceTo(at);
    // The step's retry waits for its backoff on the executor's clock.
    await advanceTo(at + 10 * 60_000);
    expect(deaths).toBeGreaterThanOrEqual(1);
    const all = await invoicesOf(sub.id);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ status: "paid", attemptCount: 1 });
    const tries = (await paymentsOf(ctx)).filter((p) => p.metadata.invoice === all[1]!.id);
    expect(tries).toHaveLength(1);
    expect((await chargesOf(ctx)).filter((c) => c.paymentId === tries[0]!.id)).toHaveLength(1);
  });
  it("a monthly subscription with a 14-day trial runs 12 months: the zero trial invoice, 12 paid invoices, 12 charges, balanced books", async () => {
    const { ctx, sub } = await subscribe({ trialDays: 14 });
    expect(sub.status).toBe("trialing");
    const trialEnd = (await subRow(sub.id)).trialEnd!;

    // Three days before the trial ends: trial_will_end, and nothing billed yet.
    await advanceTo(trialEnd.getTime() - 3 * DAY - 1000);
    expect(await eventTypes(ctx)).not.toContain("customer.subscription.trial_will_end");
    await advanceTo(trialEnd.getTime() - 3 * DAY);
    expect(await eventTypes(ctx)).toContain("customer.subscription.trial_will_end");
    expect(await invoicesOf(sub.id)).toHaveLength(1);

    const periodEnds: number[] = [];
    for (let month = 0; month < 12; month++) {
      const end = (await subRow(sub.id)).currentPeriodEnd;
      periodEnds.push(end.getTime());
      await advanceTo(end);
      const row = await subRow(sub.id);
      expect(row.status, `month ${month}`).toBe("active");
      expect(row.currentPeriodStart.getTime(), `month ${month}`).toBe(end.getTime());
    }
    // The anchor is the trial's end: each renewal falls on its day of the month (or the month's last day).
    expect(periodEnds[0]).toBe(trialEnd.getTime());
    for (const [i, at] of periodEnds.entries()) {
      const d = new Date(at);
      expect(d.getUTCDate(), `renewal ${i}`).toBe(Math.min(trialEnd.getUTCDate(), new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
    }

    const all = await invoicesOf(sub.id);
    expect(all.map((i) => [i.billingReason, i.status, Number(i.amountDue), Number(i.amountPaid)])).toEqual([
      ["subscription_create", "paid", 0, 0],
      ...Array.from({ length: 12 }, () => ["subscription_cycle", "paid", 2000, 2000]),
    ]);
    expect(new Set(all.map((i) => i.number)).size).toBe(13);
    const paid = await paymentsOf(ctx);
    expect(paid.filter((p) => p.status === "succeeded")).toHaveLength(12);
    expect(paid).toHaveLength(12);
    expect((await chargesOf(ctx)).filter((c) => c.status === "succeeded")).toHaveLength(12);
    expect((await checkMoneyInvariants(bed.h.db)).problems).toEqual([]);
    // A week before each renewal that was reached (not the trial's end): invoice.upcoming with what it would bill.
    const upcoming = await bed.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId));
    const notices = upcoming
      .filter((e) => e.type === "invoice.upcoming")
      .map((e) => (e.data as { object: { amount_due: number; subscription: string } }).object);
    expect(notices).toHaveLength(11);
    expect(notices.every((n) => n.amount_due === 2000 && n.subscription === sub.id)).toBe(true);
  }, 120_000);
});
