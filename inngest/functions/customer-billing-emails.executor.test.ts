// The customer emails of subscriptions on the real workflow path: outbox events from real subscriptions and
// invoices reach Kassa's functions (served by the real serve() handler, run by the local executor), which
// store each email once; in live mode the function's next step sends it through a real SMTP server.
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, emails, invoiceLines, invoices, paymentMethods, payments, prices, products, subscriptionItems, subscriptions } from "@/db/schema";
import { inngestRuns, inngestSteps } from "@/inngest/local/schema";
import { getInvoice } from "@/lib/invoices/get-invoice";
import type { ServiceContext } from "@/lib/service/context";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { notifyTrialWillEnd } from "@/lib/subscriptions/notify-trial-will-end";
import { createCustomer } from "@/lib/customers/create-customer";
import { giveCard, makeCustomer, makePrice } from "@/test/billing";
import { emitEvent } from "@/test/events";
import { executorTestBed } from "@/test/executor-bed";
import { makeMerchantContext } from "@/test/fixtures";

// The clock stays put: the subscriptions' period runs sleep, only the email functions run.
const bed = executorTestBed("billmail", { freshPerTest: false });
const { pump } = bed;
let smtp: SMTPServer;
const received: { to: string[]; raw: string }[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => (received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw }), done()));
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
});

const runsOf = (functionId: string) => bed.h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, functionId));
const emailsOf = (ctx: ServiceContext) => bed.h.db.select().from(emails).where(eq(emails.merchantId, ctx.merchantId));
const customerEmail = async (id: string) => (await bed.h.db.select().from(customers).where(eq(customers.id, id)))[0]!.email!;

async function subscribe(ctx: ServiceContext, opts: { card?: string | null; trialDays?: number } = {}) {
  const price = await makePrice(ctx, { amount: 2000 });
  const { customer } = await makeCustomer(ctx, opts.card === undefined ? "pm_card_visa" : opts.card);
  const sub = await createSubscription({
    ctx,
    input: { customer, items: [{ price: price.id }], ...(opts.trialDays ? { trial_period_days: opts.trialDays } : {}) },
  });
  return { sub, to: await customerEmail(customer) };
}

describe("customer emails of subscriptions through the executor", () => {
  it("a declined first invoice: one invoice email and one payment failed email, kept as test; a trial's zero invoice starts no run", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    const before = { invoice: (await runsOf("kassa-customer-invoice-email")).length, failed: (await runsOf("kassa-customer-payment-failed-email")).length };
    const { sub, to } = await subscribe(ctx, { card: "pm_card_chargeCustomerFail" });
    await subscribe(ctx, { trialDays: 14 });
    await pump();
    const invoiceRuns = (await runsOf("kassa-customer-invoice-email")).slice(before.invoice);
    const failedRuns = (await runsOf("kassa-customer-payment-failed-email")).slice(before.failed);
    expect(invoiceRuns).toHaveLength(1);
    expect(failedRuns).toHaveLength(1);
    for (const run of [...invoiceRuns, ...failedRuns]) expect((await bed.executor.waitForRun(run.id)).status).toBe("completed");
    const invoice = await getInvoice({ ctx, id: sub.latest_invoice! });
    const rows = await emailsOf(ctx);
    expect(rows.map((e) => [e.kind, e.objectId, e.to, e.status]).sort()).toEqual(
      [
        ["invoice", invoice.id, to, "test"],
        ["payment_failed", invoice.payment, to, "test"],
      ].sort(),
    );
    expect((await bed.executor.waitForRun(invoiceRuns[0]!.id)).output).toEqual({ email: rows.find((e) => e.kind === "invoice")!.id });
    // Test mode: the send step never runs.
    const steps = await bed.h.db.select().from(inngestSteps).where(eq(inngestSteps.runId, failedRuns[0]!.id));
    expect(steps.map((s) => s.name)).toEqual(["queue-payment-failed-email"]);
  });

  it("an invoice without a customer email (its customer had none when it was drafted) starts no email run, declined or not", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    const before = { invoice: (await runsOf("kassa-customer-invoice-email")).length, failed: (await runsOf("kassa-customer-payment-failed-email")).length };
    const price = await makePrice(ctx, { amount: 2000 });
    for (const card of ["pm_card_visa", "pm_card_chargeCustomerFail"]) {
      const customer = await createCustomer({ ctx, input: { name: "No Email" } });
      await giveCard(ctx, customer.id, card);
      const sub = await createSubscription({ ctx, input: { customer: customer.id, items: [{ price: price.id }] } });
      expect((await getInvoice({ ctx, id: sub.latest_invoice! })).customer_email).toBeNull();
    }
    await pump();
    expect((await runsOf("kassa-customer-invoice-email")).slice(before.invoice)).toEqual([]);
    expect((await runsOf("kassa-customer-payment-failed-email")).slice(before.failed)).toEqual([]);
    expect(await emailsOf(ctx)).toEqual([]);
  });

  it("trial_will_end: one trial ending email for the subscription and its trial end", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    const { sub, to } = await subscribe(ctx, { trialDays: 14 });
    const before = (await runsOf("kassa-customer-trial-ending-email")).length;
    const [row] = await bed.h.db.select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(await notifyTrialWillEnd({ ctx, subscriptionId: sub.id, trialEnd: row!.trialEnd! })).toEqual({ sent: true });
    await pump();
    const runs = (await runsOf("kassa-customer-trial-ending-email")).slice(before);
    expect(runs).toHaveLength(1);
    expect((await bed.executor.waitForRun(runs[0]!.id)).status).toBe("completed");
    const rows = await bed.h.db
      .select()
      .from(emails)
      .where(and(eq(emails.merchantId, ctx.merchantId), eq(emails.kind, "trial_ending")));
    expect(rows.map((e) => [e.objectId, e.to, e.status])).toEqual([[`${sub.id}:${sub.trial_end}`, to, "test"]]);
    expect(rows[0]!.text).toContain("$20.00");
  });

  it("live mode: the function's queue step stores the email and its send step mails it through SMTP", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    const { sub, to } = await subscribe(ctx, { card: "pm_card_chargeCustomerFail" });
    await pump();
    // The same objects as the Stripe connector would leave them in live mode (the sandbox is test-only).
    for (const table of [products, prices, customers, paymentMethods, subscriptions, subscriptionItems, invoices, invoiceLines, payments]) {
      await bed.h.db.update(table).set({ livemode: true }).where(eq(table.merchantId, ctx.merchantId));
    }
    await bed.h.db.delete(emails).where(eq(emails.merchantId, ctx.merchantId));
    const live = { ...ctx, livemode: true };
    const invoice = await getInvoice({ ctx: live, id: sub.latest_invoice! });
    const before = (await runsOf("kassa-customer-payment-failed-email")).length;
    const was = process.env.SMTP_URL;
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    try {
      await emitEvent(bed.h.db, live, "invoice.payment_failed", invoice);
      await pump();
    } finally {
      if (was === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = was;
    }
    const rows = await emailsOf(ctx);
    expect(rows.map((e) => [e.kind, e.objectId, e.to, e.status, e.livemode])).toEqual([["payment_failed", invoice.payment, to, "sent", true]]);
    const runs = (await runsOf("kassa-customer-payment-failed-email")).slice(before);
    expect(runs).toHaveLength(1);
    const steps = await bed.h.db.select().from(inngestSteps).where(eq(inngestSteps.runId, runs[0]!.id));
    expect(steps.map((s) => s.name).sort()).toEqual(["queue-payment-failed-email", "send-payment-failed-email"]);
    const mail = received.find((m) => m.to.includes(to));
    expect(mail).toBeDefined();
    expect(mail!.raw).toMatch(/^Subject: Your payment to Shop \S+ failed\r?$/m);
    expect(mail!.raw).toContain("$20.00");
  });
});
