// Customer receipts: rendered from a React component, kept once per payment, sent through a real SMTP
// server in live mode (smtp-server on loopback) and kept-not-sent in test mode.
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { emails, payments } from "@/db/schema";
import { newId } from "@/lib/ids";
import { createPayment } from "@/lib/payments/create-payment";
import { paymentsTestBed } from "@/test/payments";
import { errorCodeOf } from "@/test/fixtures";
import { deliverQueuedEmails } from "./deliver-emails";
import { listCustomerEmails } from "./list-customer-emails";
import { listMyEmails } from "./list-my-emails";
import { queueReceipt } from "./queue-receipt";
import { sendCustomerEmail } from "./send-customer-email";
import { freePort } from "@/scripts/pg-server";

const bed = paymentsTestBed("receipts");
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

/** Runs `fn` with SMTP_URL set, as the app reads it. */
async function withSmtp<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const was = process.env.SMTP_URL;
  process.env.SMTP_URL = url;
  try {
    return await fn();
  } finally {
    if (was === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = was;
  }
}

/** A MIME part as the reader sees it: soft line breaks joined, =XX bytes decoded as UTF-8. */
const decodeQuotedPrintable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

const paid = async (ctx: Awaited<ReturnType<typeof bed.merchant>>, extra: Record<string, unknown> = {}) =>
  createPayment({
    ctx,
    input: { amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true, description: "Two flat whites", ...extra } as never,
  });

it("test mode: the receipt is kept with status test, never sent, once per payment however often it is asked for", async () => {
  const ctx = await bed.merchant();
  const p = await paid(ctx, { receipt_email: "Ana.Lima@Example.com" });
  const id = await queueReceipt({ ctx, paymentId: p.id });
  expect(await queueReceipt({ ctx, paymentId: p.id })).toBe(id);
  const rows = await bed.env.h.db
    .select()
    .from(emails)
    .where(and(eq(emails.merchantId, ctx.merchantId), eq(emails.objectId, p.id)));
  expect(rows).toHaveLength(1);
  const [email] = rows;
  expect(email).toMatchObject({ id, to: "ana.lima@example.com", kind: "receipt", status: "test", livemode: false });
  expect(email!.subject).toMatch(/^Your receipt from Shop /);
  expect(email!.text).toContain("$42.00");
  expect(email!.text).toContain("Two flat whites");
  expect(email!.text).toContain("Visa •••• 4242");
  expect(email!.text).toContain(p.id);
  expect(email!.text).toContain("Test mode");
  expect(email!.html).toMatch(/^<!DOCTYPE html/);
  const before = received.length;
  await deliverQueuedEmails(bed.env.h.db, { SMTP_URL: smtpUrl });
  expect(received.length).toBe(before);
});

it("live mode: the receipt goes through SMTP to the receipt email, with the subject and the amount in the currency's own decimals", async () => {
  const ctx = await bed.merchant();
  const p = await paid(ctx, { receipt_email: "omar@example.com" });
  // A live payment as the Stripe connector would leave it (this file runs the sandbox, which is test-only).
  const [row] = await bed.env.h.db.select().from(payments).where(eq(payments.id, p.id));
  const liveId = newId("payment");
  await bed.env.h.db.insert(payments).values({
    ...row!,
    id: liveId,
    livemode: true,
    currency: "kwd",
    amount: 1250n,
    amountReceived: 1250n,
    card: { brand: "mastercard", last4: "4444" } as never,
  });
  const live = { ...ctx, livemode: true };
  const id = await queueReceipt({ ctx: live, paymentId: liveId });
  const [queued] = await bed.env.h.db.select().from(emails).where(eq(emails.id, id!));
  expect(queued).toMatchObject({ status: "queued", livemode: true });
  const before = received.length;
  // Kassa's own outbox sweep leaves it to the receipt workflow's send step, so it is never sent twice.
  await deliverQueuedEmails(bed.env.h.db, { SMTP_URL: smtpUrl });
  expect(received.slice(before).some((m) => m.to.includes("omar@example.com"))).toBe(false);
  // SMTP down: the try is recorded and the error thrown, for the workflow step to retry.
  await withSmtp(`smtp://127.0.0.1:${await freePort()}`, () => expect(sendCustomerEmail({ ctx: live, id: id! })).rejects.toThrow());
  const [failed] = await bed.env.h.db.select().from(emails).where(eq(emails.id, id!));
  expect(failed).toMatchObject({ status: "queued", attempts: 1 });
  expect(failed!.lastError).toBeTruthy();
  expect(await withSmtp(smtpUrl, () => sendCustomerEmail({ ctx: live, id: id! }))).toBe("sent");
  // Another merchant cannot send it.
  expect(await errorCodeOf(sendCustomerEmail({ ctx: { ...(await bed.merchant()), livemode: true }, id: id! }))).toBe("resource_missing");
  const mail = received.slice(before).find((m) => m.to.includes("omar@example.com"));
  expect(mail).toBeDefined();
  const message = decodeQuotedPrintable(mail!.raw);
  expect(message).toMatch(/^Subject: Your receipt from Shop /m);
  expect(message).toMatch(/KWD\s1\.250/u);
  expect(message).toContain("Mastercard •••• 4444");
  expect(message).toContain("text/html");
  expect(message).not.toContain("Test mode");
  const [sent] = await bed.env.h.db.select().from(emails).where(eq(emails.id, id!));
  expect(sent!.status).toBe("sent");
});

it("no receipt without a receipt email or before the payment succeeded; nothing is stored", async () => {
  const ctx = await bed.merchant();
  const noEmail = await paid(ctx);
  expect(await queueReceipt({ ctx, paymentId: noEmail.id })).toBeNull();
  const pending = await createPayment({ ctx, input: { amount: 500, currency: "usd", receipt_email: "ben@example.com" } as never });
  expect(await queueReceipt({ ctx, paymentId: pending.id })).toBeNull();
  expect(await bed.env.h.db.select().from(emails).where(eq(emails.merchantId, ctx.merchantId))).toEqual([]);
});

it("another merchant's payment, or the other mode's, is 404 resource_missing", async () => {
  const a = await bed.merchant();
  const b = await bed.merchant();
  const p = await paid(a, { receipt_email: "ines@example.com" });
  expect(await errorCodeOf(queueReceipt({ ctx: b, paymentId: p.id }))).toBe("resource_missing");
  expect(await errorCodeOf(queueReceipt({ ctx: { ...a, livemode: true }, paymentId: p.id }))).toBe("resource_missing");
  expect(await bed.env.h.db.select().from(emails).where(eq(emails.objectId, p.id))).toEqual([]);
});

it("a receipt addressed to a Kassa user's own email never shows on that user's Emails page", async () => {
  const ctx = await bed.merchant();
  const p = await paid(ctx, { receipt_email: "victim@kassa-user.test" });
  expect(await queueReceipt({ ctx, paymentId: p.id })).not.toBeNull();
  expect(await listMyEmails(bed.env.h.db, { email: "victim@kassa-user.test" })).toEqual([]);
});

it("Customer emails lists a merchant's own receipts in its own mode, newest first, in keyset pages", async () => {
  const a = await bed.merchant();
  const b = await bed.merchant();
  const made: string[] = [];
  for (let i = 0; i < 27; i++) {
    // One buyer, ordinary amounts: 27 tiny payments by one card under 27 emails is what the fraud check stops.
    const p = await paid(a, { receipt_email: "buyer@example.com", amount: 1000 + i });
    made.push((await queueReceipt({ ctx: a, paymentId: p.id }))!);
  }
  const first = await listCustomerEmails({ ctx: a });
  expect(first.hasMore).toBe(true);
  expect(first.data.map((e) => e.id)).toEqual([...made].reverse().slice(0, 25));
  const second = await listCustomerEmails({ ctx: a, before: first.data.at(-1)!.id });
  expect(second).toMatchObject({ hasMore: false });
  expect(second.data.map((e) => e.id)).toEqual([made[1], made[0]]);
  expect((await listCustomerEmails({ ctx: b })).data).toEqual([]);
  expect((await listCustomerEmails({ ctx: { ...a, livemode: true } })).data).toEqual([]);
  expect(await errorCodeOf(listCustomerEmails({ ctx: a, before: "pay_123" }))).toBe("parameter_invalid");
});
