// The customer emails of subscriptions — invoice, payment failed, trial ending — made from real invoices
// and subscriptions on the sandbox processor: what each says (recipient, subject, amount in the currency's
// own decimals, the next try, the link), at most once per object, test mode kept and never sent, and the
// three sent through a real SMTP server on loopback (smtp-server) and read back.
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  customers,
  emails,
  invoiceLines,
  invoices,
  paymentMethods,
  payments,
  prices,
  products,
  subscriptionItems,
  subscriptions,
  type EmailRow,
} from "@/db/schema";
import { createCustomer } from "@/lib/customers/create-customer";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { payInvoice } from "@/lib/invoices/pay-invoice";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import type { ServiceContext } from "@/lib/service/context";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { renewSubscription } from "@/lib/subscriptions/renew-subscription";
import { giveCard, makeCustomer, makePrice } from "@/test/billing";
import { errorCodeOf } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { queueInvoiceEmail } from "./queue-invoice-email";
import { queuePaymentFailedEmail } from "./queue-payment-failed-email";
import { queueTrialEndingEmail } from "./queue-trial-ending-email";
import { sendCustomerEmail } from "./send-customer-email";
import { emailDate } from "./store-customer-email";

const bed = paymentsTestBed("billing-emails");
const db = () => bed.env.h.db;
const DAY = 86_400_000;

const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let smtpUrl = "";
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
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => smtp.close(() => r())));

/** A MIME body as the reader sees it: soft line breaks joined, =XX bytes decoded as UTF-8. */
const decodeQuotedPrintable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

/** A header as the reader sees it: folded lines joined, RFC 2047 encoded words decoded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line
    ?.slice(name.length + 1)
    .trim()
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

const emailsOf = (ctx: ServiceContext, kind: string) =>
  db()
    .select()
    .from(emails)
    .where(and(eq(emails.merchantId, ctx.merchantId), eq(emails.kind, kind)));
const emailRow = async (id: string | null): Promise<EmailRow> => (await db().select().from(emails).where(eq(emails.id, id!)))[0]!;
const customerEmail = async (id: string) => (await db().select().from(customers).where(eq(customers.id, id)))[0]!.email!;
const subRow = async (id: string) => (await db().select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!;

/** A subscription whose first invoice was charged (or tried, or is a trial's), with the customer's email. */
async function subscribe(
  ctx: ServiceContext,
  opts: { card?: string | null; amount?: number; currency?: string; trialDays?: number; cancelAtPeriodEnd?: boolean } = {},
) {
  const price = await makePrice(ctx, { amount: opts.amount ?? 2000, currency: opts.currency ?? "usd" });
  const { customer } = await makeCustomer(ctx, opts.card === undefined ? "pm_card_visa" : opts.card);
  const sub = await createSubscription({
    ctx,
    input: {
      customer,
      items: [{ price: price.id }],
      ...(opts.trialDays ? { trial_period_days: opts.trialDays } : {}),
      ...(opts.cancelAtPeriodEnd ? { cancel_at_period_end: true } : {}),
    },
  });
  return { sub, customer, to: await customerEmail(customer), invoice: await getInvoice({ ctx, id: sub.latest_invoice! }) };
}

/** The subscription's period ends now: its renewal invoice is made and tried once, as the period's run does. */
async function renewAndTry(ctx: ServiceContext, subscriptionId: string) {
  const periodEnd = (await subRow(subscriptionId)).currentPeriodEnd;
  const renewal = await renewSubscription({ ctx, subscriptionId, periodEnd });
  const outcome = await collectInvoice({ ctx, invoiceId: renewal.invoice!, now: periodEnd });
  return { periodEnd, invoice: outcome.invoice };
}

describe("the invoice email", () => {
  it("a paid first invoice: to the customer, its number and amount, the lines, a link to the hosted page; once per invoice, kept as test", async () => {
    const ctx = await bed.merchant();
    const { to, invoice } = await subscribe(ctx);
    expect(invoice).toMatchObject({ status: "paid", amount_due: 2000 });
    const id = await queueInvoiceEmail({ ctx, invoiceId: invoice.id });
    expect(await queueInvoiceEmail({ ctx, invoiceId: invoice.id })).toBe(id);
    const rows = await emailsOf(ctx, "invoice");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, to, objectId: invoice.id, status: "test", livemode: false });
    expect(rows[0]!.subject).toMatch(/^Invoice KASSA-0001 from Shop /);
    const text = rows[0]!.text;
    expect(text).toContain("$20.00");
    expect(text).toContain("Paid on");
    expect(text).toContain("1 × Pro (at $20.00 / month): $20.00");
    expect(text).toContain(invoice.hosted_invoice_url!);
    expect(text).toContain("View invoice");
    expect(text).toContain("Test mode");
    expect(rows[0]!.html).toMatch(/^<!DOCTYPE html/);
    expect(rows[0]!.html).toContain(`href="${invoice.hosted_invoice_url}"`);
  });

  it("an open invoice says due now and links to pay it; the amount in the currency's own decimals (JPY, KWD)", async () => {
    const ctx = await bed.merchant();
    const yen = await subscribe(ctx, { card: null, amount: 1000, currency: "jpy" });
    expect(yen.invoice).toMatchObject({ status: "open", amount_due: 1000 });
    const dinar = await subscribe(ctx, { card: null, amount: 10000, currency: "kwd" });
    const yenEmail = await emailRow(await queueInvoiceEmail({ ctx, invoiceId: yen.invoice.id }));
    expect(yenEmail).toMatchObject({ to: yen.to, subject: expect.stringMatching(/^Invoice KASSA-0001 from /), status: "test" });
    expect(yenEmail.text).toContain("¥1,000");
    expect(yenEmail.text).toContain("Due now");
    expect(yenEmail.text).toContain("Pay this invoice");
    const dinarEmail = await emailRow(await queueInvoiceEmail({ ctx, invoiceId: dinar.invoice.id }));
    expect(dinarEmail).toMatchObject({ to: dinar.to, subject: expect.stringMatching(/^Invoice KASSA-0002 from /) });
    expect(dinarEmail.text).toMatch(/KWD\s10\.000/u);
  });

  it("a renewal's email made before its charge says the card on file will be charged, not to pay", async () => {
    const ctx = await bed.merchant();
    const { sub, to } = await subscribe(ctx);
    const periodEnd = (await subRow(sub.id)).currentPeriodEnd;
    const renewal = await renewSubscription({ ctx, subscriptionId: sub.id, periodEnd });
    const email = await emailRow(await queueInvoiceEmail({ ctx, invoiceId: renewal.invoice! }));
    expect(email).toMatchObject({ to, subject: expect.stringMatching(/^Invoice KASSA-0002 from /), objectId: renewal.invoice });
    expect(email.text).toContain("Due now, charged automatically to Visa •••• 4242");
    expect(email.text).toContain("View invoice");
    expect(email.text).not.toContain("Pay this invoice");
    expect(email.text).toContain(`${emailDate(periodEnd)} – `);
  });

  it("nothing for a zero invoice (a trial's), a voided one, or a customer without an email; nothing stored", async () => {
    const ctx = await bed.merchant();
    const trial = await subscribe(ctx, { trialDays: 14 });
    expect(trial.invoice.amount_due).toBe(0);
    expect(await queueInvoiceEmail({ ctx, invoiceId: trial.invoice.id })).toBeNull();
    const open = await subscribe(ctx, { card: null });
    await voidInvoice({ ctx, id: open.invoice.id });
    expect(await queueInvoiceEmail({ ctx, invoiceId: open.invoice.id })).toBeNull();
    const price = await makePrice(ctx);
    const nameless = await createCustomer({ ctx, input: { name: "No Email" } });
    const sub = await createSubscription({ ctx, input: { customer: nameless.id, items: [{ price: price.id }] } });
    expect(await queueInvoiceEmail({ ctx, invoiceId: sub.latest_invoice! })).toBeNull();
    expect(await db().select().from(emails).where(eq(emails.merchantId, ctx.merchantId))).toEqual([]);
  });

  it("another merchant's invoice, or the other mode's, is resource_missing and nothing is stored", async () => {
    const a = await bed.merchant();
    const b = await bed.merchant();
    const { invoice } = await subscribe(a);
    expect(await errorCodeOf(queueInvoiceEmail({ ctx: b, invoiceId: invoice.id }))).toBe("resource_missing");
    expect(await errorCodeOf(queueInvoiceEmail({ ctx: { ...a, livemode: true }, invoiceId: invoice.id }))).toBe("resource_missing");
    expect(await errorCodeOf(queuePaymentFailedEmail({ ctx: b, invoiceId: invoice.id, attempt: 1 }))).toBe("resource_missing");
    expect(await errorCodeOf(queueTrialEndingEmail({ ctx: b, subscriptionId: invoice.subscription!, trialEnd: new Date() }))).toBe("resource_missing");
    expect(await db().select().from(emails).where(eq(emails.objectId, invoice.id))).toEqual([]);
  });
});

describe("the payment failed email", () => {
  it("a declined first invoice: the amount, the decline in plain words, no more automatic tries, the link to pay; once per try, a second try its own", async () => {
    const ctx = await bed.merchant();
    const { to, invoice } = await subscribe(ctx, { card: "pm_card_chargeCustomerFail" });
    expect(invoice).toMatchObject({ status: "open", attempt_count: 1, last_payment_error: { decline_code: "generic_decline" }, next_payment_attempt: null });
    const id = await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 1 });
    expect(await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 1 })).toBe(id);
    const [first] = await emailsOf(ctx, "payment_failed");
    expect(first).toMatchObject({ id, to, objectId: invoice.payment, status: "test" });
    expect(first!.subject).toMatch(/^Your payment to Shop \S+ failed$/);
    expect(first!.text).toContain("$20.00");
    expect(first!.text).toContain("Your card was declined.");
    expect(first!.text).toContain("No more automatic tries will be made.");
    expect(first!.text).toContain(invoice.hosted_invoice_url!);
    expect(first!.text).toContain("Pay or update your card");
    // A report of a try that is not the latest says nothing: the latest try has its own email.
    expect(await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 2 })).toBeNull();
    expect(await errorCodeOf(payInvoice({ ctx, id: invoice.id, input: {} }))).toBe("card_declined");
    const second = await getInvoice({ ctx, id: invoice.id });
    expect(second.attempt_count).toBe(2);
    expect(await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 1 })).toBeNull();
    const secondId = await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 2 });
    expect(secondId).not.toBe(id);
    expect((await emailsOf(ctx, "payment_failed")).map((e) => e.objectId).sort()).toEqual([invoice.payment, second.payment].sort());
  });

  it("a declined renewal: the next try's date from next_payment_attempt; once it is paid, no email", async () => {
    const ctx = await bed.merchant();
    const { sub, to } = await subscribe(ctx);
    await giveCard(ctx, sub.customer, "pm_card_chargeCustomerFail");
    const { periodEnd, invoice } = await renewAndTry(ctx, sub.id);
    expect(invoice).toMatchObject({ status: "open", attemptCount: 1, billingReason: "subscription_cycle" });
    expect(invoice.nextPaymentAttempt).toEqual(new Date(periodEnd.getTime() + DAY));
    const email = await emailRow(await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 1 }));
    expect(email).toMatchObject({ to, objectId: invoice.payment, kind: "payment_failed" });
    expect(email.text).toContain(`We will try to charge your card again on ${emailDate(invoice.nextPaymentAttempt!)}.`);
    expect(email.text).toContain("$20.00");
    // Paid before the email was made: nothing to tell.
    const paid = await subscribe(ctx, { card: "pm_card_chargeCustomerFail" });
    const good = await giveCard(ctx, paid.customer);
    await payInvoice({ ctx, id: paid.invoice.id, input: { payment_method: good } });
    expect(await queuePaymentFailedEmail({ ctx, invoiceId: paid.invoice.id, attempt: 1 })).toBeNull();
  });

  it("a renewal with no card at all: one email for that try, keyed by invoice and try, saying there is no card", async () => {
    const ctx = await bed.merchant();
    const { sub, to } = await subscribe(ctx, { card: null, trialDays: 7 });
    const { invoice } = await renewAndTry(ctx, sub.id);
    expect(invoice).toMatchObject({ status: "open", attemptCount: 1, payment: null, lastPaymentError: { code: "payment_method_missing" } });
    const id = await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 1 });
    expect(await queuePaymentFailedEmail({ ctx, invoiceId: invoice.id, attempt: 1 })).toBe(id);
    const rows = await emailsOf(ctx, "payment_failed");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to, objectId: `${invoice.id}:1` });
    expect(rows[0]!.text).toContain("There is no card on file to charge.");
    expect(rows[0]!.text).toContain("No more automatic tries will be made.");
  });
});

describe("the trial ending email", () => {
  it("the trial's end date, what will be charged and to which card; once per subscription and trial end", async () => {
    const ctx = await bed.merchant();
    const { sub, to } = await subscribe(ctx, { trialDays: 14 });
    const trialEnd = new Date(sub.trial_end! * 1000);
    const id = await queueTrialEndingEmail({ ctx, subscriptionId: sub.id, trialEnd });
    expect(await queueTrialEndingEmail({ ctx, subscriptionId: sub.id, trialEnd })).toBe(id);
    const rows = await emailsOf(ctx, "trial_ending");
    expect(rows).toHaveLength(1);
    const day = emailDate((await subRow(sub.id)).trialEnd!);
    expect(rows[0]).toMatchObject({ id, to, objectId: `${sub.id}:${sub.trial_end}`, status: "test" });
    expect(rows[0]!.subject).toMatch(new RegExp(`^Your Pro trial with Shop \\S+ ends on ${day}$`));
    expect(rows[0]!.text).toContain(day);
    expect(rows[0]!.text).toContain("$20.00 will be charged to Visa •••• 4242");
    // An event about another trial end (the trial was changed since) sends nothing.
    expect(await queueTrialEndingEmail({ ctx, subscriptionId: sub.id, trialEnd: new Date(trialEnd.getTime() + DAY) })).toBeNull();
  });

  it("set to cancel with the trial: nothing will be charged; no card: says so; in KWD's decimals; no email address, or no longer trialing: nothing", async () => {
    const ctx = await bed.merchant();
    const ending = await subscribe(ctx, { trialDays: 14, cancelAtPeriodEnd: true });
    const cancels = await emailRow(await queueTrialEndingEmail({ ctx, subscriptionId: ending.sub.id, trialEnd: new Date(ending.sub.trial_end! * 1000) }));
    expect(cancels.text).toContain("Nothing will be charged.");
    expect(cancels.text).not.toContain("$20.00");
    const cardless = await subscribe(ctx, { trialDays: 14, card: null, amount: 10000, currency: "kwd" });
    const noCard = await emailRow(await queueTrialEndingEmail({ ctx, subscriptionId: cardless.sub.id, trialEnd: new Date(cardless.sub.trial_end! * 1000) }));
    expect(noCard.text).toMatch(/KWD\s10\.000 will be charged\./u);
    expect(noCard.text).toContain("There is no card on file yet");
    const price = await makePrice(ctx);
    const nameless = await createCustomer({ ctx, input: { name: "No Email" } });
    const quiet = await createSubscription({ ctx, input: { customer: nameless.id, items: [{ price: price.id }], trial_period_days: 14 } });
    expect(await queueTrialEndingEmail({ ctx, subscriptionId: quiet.id, trialEnd: new Date(quiet.trial_end! * 1000) })).toBeNull();
    const renewed = await subscribe(ctx, { trialDays: 7 });
    await renewAndTry(ctx, renewed.sub.id);
    expect((await subRow(renewed.sub.id)).status).toBe("active");
    expect(await queueTrialEndingEmail({ ctx, subscriptionId: renewed.sub.id, trialEnd: new Date(renewed.sub.trial_end! * 1000) })).toBeNull();
    expect((await emailsOf(ctx, "trial_ending")).map((e) => e.objectId).sort()).toEqual(
      [`${ending.sub.id}:${ending.sub.trial_end}`, `${cardless.sub.id}:${cardless.sub.trial_end}`].sort(),
    );
  });
});

describe("live mode, through a real SMTP server", () => {
  it("the three emails are queued, sent by the workflow's send step and read back: right recipient, subject and amount", async () => {
    const ctx = await bed.merchant();
    const invoiced = await subscribe(ctx, { amount: 1000, currency: "jpy" });
    const failed = await subscribe(ctx, { card: "pm_card_chargeCustomerFail", amount: 10000, currency: "kwd" });
    const trial = await subscribe(ctx, { trialDays: 14 });
    // The same objects as the Stripe connector would leave them in live mode (the sandbox is test-only).
    for (const table of [products, prices, customers, paymentMethods, subscriptions, subscriptionItems, invoices, invoiceLines, payments]) {
      await db().update(table).set({ livemode: true }).where(eq(table.merchantId, ctx.merchantId));
    }
    const live = { ...ctx, livemode: true };
    const ids = {
      invoice: await queueInvoiceEmail({ ctx: live, invoiceId: invoiced.invoice.id }),
      failed: await queuePaymentFailedEmail({ ctx: live, invoiceId: failed.invoice.id, attempt: 1 }),
      trial: await queueTrialEndingEmail({ ctx: live, subscriptionId: trial.sub.id, trialEnd: new Date(trial.sub.trial_end! * 1000) }),
    };
    for (const id of Object.values(ids)) expect(await emailRow(id)).toMatchObject({ status: "queued", livemode: true });
    const before = received.length;
    const was = process.env.SMTP_URL;
    process.env.SMTP_URL = smtpUrl;
    try {
      for (const id of Object.values(ids)) expect(await sendCustomerEmail({ ctx: live, id: id! })).toBe("sent");
    } finally {
      if (was === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = was;
    }
    const mails = received.slice(before);
    expect(mails).toHaveLength(3);
    const read = (to: string) => {
      const mail = mails.find((m) => m.to.includes(to));
      expect(mail, `a message to ${to}`).toBeDefined();
      return { subject: header(mail!.raw, "Subject"), to: header(mail!.raw, "To"), body: decodeQuotedPrintable(mail!.raw) };
    };

    const invoiceMail = read(invoiced.to);
    expect(invoiceMail.to).toBe(invoiced.to);
    expect(invoiceMail.subject).toMatch(/^Invoice KASSA-0001 from Shop \S+$/);
    expect(invoiceMail.body).toContain("¥1,000");
    expect(invoiceMail.body).toContain(invoiced.invoice.hosted_invoice_url!);
    expect(invoiceMail.body).toContain("text/html");
    expect(invoiceMail.body).not.toContain("Test mode");

    const failedMail = read(failed.to);
    expect(failedMail.to).toBe(failed.to);
    expect(failedMail.subject).toMatch(/^Your payment to Shop \S+ failed$/);
    expect(failedMail.body).toMatch(/KWD\s10\.000/u);
    expect(failedMail.body).toContain("Your card was declined.");
    expect(failedMail.body).toContain(failed.invoice.hosted_invoice_url!);

    const trialMail = read(trial.to);
    expect(trialMail.to).toBe(trial.to);
    expect(trialMail.subject).toMatch(new RegExp(`^Your Pro trial with Shop \\S+ ends on ${emailDate(new Date(trial.sub.trial_end! * 1000))}$`));
    expect(trialMail.body).toContain("$20.00");

    for (const id of Object.values(ids)) expect((await emailRow(id)).status).toBe("sent");
  });
});
