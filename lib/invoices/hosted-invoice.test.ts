// The hosted invoice page at service level on a real PostgreSQL and the sandbox processor: the lookup by
// token (and nothing else), the Pay button's checkout session, the checkout that pays the invoice in its own
// completing transaction, and the customer who would pay twice — refunded in full, whichever payment lost.
import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, checkoutSessions, events, invoices, payments, refunds } from "@/db/schema";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { setFailpointHandler } from "@/lib/failpoints";
import { completeCheckoutSession } from "@/lib/checkout/complete-checkout-session";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { checkoutContext } from "@/lib/checkout/load-checkout-session";
import { payCheckoutSession } from "@/lib/checkout/pay-checkout-session";
import { tokenizeSandboxCard } from "@/lib/checkout/sandbox-card";
import { settleRefund } from "@/lib/refunds/settle-refund";
import { getSubscription } from "@/lib/subscriptions/get-subscription";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";
import { makeCustomer, makePrice, giveCard } from "@/test/billing";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { collectInvoice } from "./collect-invoice";
import { createInvoice } from "./create-invoice";
import { getHostedInvoice } from "./get-hosted-invoice";
import { getInvoice } from "./get-invoice";
import { markInvoiceUncollectible } from "./mark-uncollectible";
import { payInvoice } from "./pay-invoice";
import { startInvoiceCheckout } from "./start-invoice-checkout";
import { voidInvoice } from "./void-invoice";

const bed = paymentsTestBed("hosted_invoice");
const db = () => bed.env.h.db;
afterEach(() => setFailpointHandler(null));

const BASE = "https://pay.kassa.test";
const visa = () => tokenizeSandboxCard({ number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" });
const tokenOf = (invoice: { hosted_invoice_url: string | null }) => invoice.hosted_invoice_url!.split("/").pop()!;

/** A subscription whose customer has no card: incomplete, its first invoice open on the hosted page. */
async function incompleteSubscription(ctx: ServiceContext, amount = 2000) {
  const price = await makePrice(ctx, { amount, name: "Team" });
  const { customer } = await makeCustomer(ctx, null);
  const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
  expect(sub.status).toBe("incomplete");
  const invoice = await getInvoice({ ctx, id: sub.latest_invoice! });
  expect(invoice).toMatchObject({ status: "open", amount_due: amount, amount_remaining: amount });
  return { sub, invoice, customer, token: tokenOf(invoice) };
}

const sessionRow = async (id: string) => (await db().select().from(checkoutSessions).where(eq(checkoutSessions.id, id)))[0]!;
const paymentRow = async (id: string) => (await db().select().from(payments).where(eq(payments.id, id)))[0]!;
const refundsOf = (paymentId: string) => db().select().from(refunds).where(eq(refunds.paymentId, paymentId));
const invoiceEvents = async (ctx: ServiceContext, invoiceId: string) =>
  (await db().select().from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(events.id))
    .filter((e) => (e.data as { object?: { id?: string } }).object?.id === invoiceId)
    .map((e) => e.type);
const audits = (ctx: ServiceContext, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.action, action)));

/** The customer presses Pay on the hosted page and pays the checkout with 4242. */
async function payOnPage(token: string) {
  const { sessionId } = await startInvoiceCheckout({ token, baseUrl: BASE });
  const result = await payCheckoutSession({ sessionId, paymentMethod: visa() });
  expect(result.status).toBe("complete");
  return { sessionId, paymentId: (result as { paymentId: string }).paymentId };
}

describe("the lookup by token", () => {
  it("finds an open invoice with its lines and the merchant's business name; nothing else finds it", async () => {
    const ctx = await bed.merchant();
    const { invoice, token } = await incompleteSubscription(ctx);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const found = await getHostedInvoice({ token });
    expect(found.invoice).toMatchObject({ id: invoice.id, number: invoice.number, status: "open", amountDue: 2000n });
    expect(found.lines.map((l) => l.description)).toEqual(["1 × Team (at $20.00 / month)"]);
    expect(found.businessName).toMatch(/^Shop /);

    const unknown = token.startsWith("A") ? `B${token.slice(1)}` : `A${token.slice(1)}`;
    for (const bad of [unknown, invoice.id, token.slice(1), `${token}A`, `${token.slice(0, 42)}/`, ` ${token.slice(1)}`, "", "../pdf"]) {
      expect(await code(getHostedInvoice({ token: bad })), bad).toBe("resource_missing");
    }
    // Case matters: base64url is case-sensitive, so the same letters in another case are another token.
    if (token.toUpperCase() !== token) expect(await code(getHostedInvoice({ token: token.toUpperCase() }))).toBe("resource_missing");
  });

  it("a draft has no hosted page; a void one is shown as void", async () => {
    const ctx = await bed.merchant();
    const price = await makePrice(ctx, { amount: 3100 });
    const { customer } = await makeCustomer(ctx);
    const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
    await updateSubscription({ ctx, id: sub.id, input: { items: [{ id: sub.items.data[0]!.id, quantity: 2 }] } });
    const draft = await createInvoice({ ctx, input: { customer, subscription: sub.id } });
    expect(draft).toMatchObject({ status: "draft", hosted_invoice_url: null });
    const [row] = await db().select().from(invoices).where(eq(invoices.id, draft.id));
    expect(await code(getHostedInvoice({ token: row!.hostedToken }))).toBe("resource_missing");
    expect(await code(startInvoiceCheckout({ token: row!.hostedToken, baseUrl: BASE }))).toBe("resource_missing");

    const { invoice, token } = await incompleteSubscription(ctx);
    await voidInvoice({ ctx, id: invoice.id });
    expect((await getHostedInvoice({ token })).invoice.status).toBe("void");
  });
});

describe("the Pay button", () => {
  it("opens a checkout session for what is left to pay, with the invoice in its metadata, and hands the same one out again", async () => {
    const ctx = await bed.merchant();
    const { sub, invoice, token } = await incompleteSubscription(ctx, 2500);
    const first = await startInvoiceCheckout({ token, baseUrl: BASE });
    expect(first.reused).toBe(false);
    const s = await sessionRow(first.sessionId);
    expect(s).toMatchObject({
      merchantId: ctx.merchantId,
      livemode: false,
      status: "open",
      amount: 2500n,
      currency: "usd",
      description: `Invoice ${invoice.number}`,
      customerEmail: invoice.customer_email,
      successUrl: `${BASE}/invoice/${token}`,
      cancelUrl: `${BASE}/invoice/${token}`,
      paymentMethodTypes: ["card"],
      captureMethod: "automatic",
      metadata: { invoice: invoice.id, subscription: sub.id },
    });
    expect(await startInvoiceCheckout({ token, baseUrl: BASE })).toEqual({ sessionId: first.sessionId, reused: true });
    // Two presses at once still make one session (the invoice is locked while choosing).
    const both = await Promise.all([startInvoiceCheckout({ token, baseUrl: BASE }), startInvoiceCheckout({ token, baseUrl: BASE })]);
    expect(both.map((b) => b.sessionId)).toEqual([first.sessionId, first.sessionId]);
    expect(await db().select().from(checkoutSessions).where(eq(checkoutSessions.merchantId, ctx.merchantId))).toHaveLength(1);
  });

  it("refuses a paid or void invoice, and an unknown token", async () => {
    const ctx = await bed.merchant();
    const paid = await incompleteSubscription(ctx);
    await payOnPage(paid.token);
    expect(await code(startInvoiceCheckout({ token: paid.token, baseUrl: BASE }))).toBe("invoice_unexpected_state");
    const voided = await incompleteSubscription(ctx);
    await voidInvoice({ ctx, id: voided.invoice.id });
    expect(await code(startInvoiceCheckout({ token: voided.token, baseUrl: BASE }))).toBe("invoice_unexpected_state");
    expect(await code(startInvoiceCheckout({ token: "A".repeat(43), baseUrl: BASE }))).toBe("resource_missing");
    expect(await code(startInvoiceCheckout({ token: voided.invoice.id, baseUrl: BASE }))).toBe("resource_missing");
  });
});

describe("a completed checkout pays the invoice", () => {
  it("incomplete → active: the invoice paid by the checkout's payment in the session's own transaction, with its events and audit row", async () => {
    const ctx = await bed.merchant();
    const { sub, invoice, token } = await incompleteSubscription(ctx);
    const { sessionId, paymentId } = await payOnPage(token);
    expect(await sessionRow(sessionId)).toMatchObject({ status: "complete", paymentId });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "succeeded", amount: 2000n, amountReceived: 2000n, amountRefunded: 0n });

    const paid = await getInvoice({ ctx, id: invoice.id });
    expect(paid).toMatchObject({ status: "paid", amount_paid: 2000, amount_remaining: 0, payment: paymentId });
    expect(paid.status_transitions.paid_at).toEqual(expect.any(Number));
    expect(await getSubscription({ ctx, id: sub.id })).toMatchObject({ status: "active", status_reason: null });
    expect(await invoiceEvents(ctx, invoice.id)).toEqual(["invoice.created", "invoice.finalized", "invoice.paid", "invoice.payment_succeeded"]);
    const subEvents = (await db().select().from(events).where(eq(events.merchantId, ctx.merchantId))).filter((e) => e.type === "customer.subscription.updated");
    expect(subEvents.map((e) => (e.data as unknown as { previous_attributes: { status: string } }).previous_attributes.status)).toEqual(["incomplete"]);
    // One transaction: the session's completion, the invoice and the subscription were committed together.
    const [completed] = await audits(ctx, "checkout.session.completed");
    const [invoicePaid] = await audits(ctx, "invoice.paid");
    expect(invoicePaid).toMatchObject({ targetId: invoice.id, metadata: { payment: paymentId, checkout_session: sessionId }, actorType: "system" });
    expect(invoicePaid!.createdAt.getTime()).toBe(completed!.createdAt.getTime());
    expect(await refundsOf(paymentId)).toEqual([]);
    // The page's token now shows it paid; completing the session again changes nothing.
    expect((await getHostedInvoice({ token })).invoice).toMatchObject({ status: "paid", payment: paymentId });
    await completeCheckoutSession({ ctx: checkoutContext(await sessionRow(sessionId)), id: sessionId });
    expect((await invoiceEvents(ctx, invoice.id)).filter((t) => t === "invoice.paid")).toHaveLength(1);
  });

  it("an uncollectible invoice is still payable on the page", async () => {
    const ctx = await bed.merchant();
    const { invoice, token } = await incompleteSubscription(ctx, 1234);
    await markInvoiceUncollectible({ ctx, id: invoice.id });
    expect(await getInvoice({ ctx, id: invoice.id })).toMatchObject({ status: "uncollectible", amount_remaining: 1234 });
    const { paymentId } = await payOnPage(token);
    expect(await getInvoice({ ctx, id: invoice.id })).toMatchObject({ status: "paid", amount_paid: 1234, payment: paymentId });
  });

  it("a merchant's own session naming the invoice for another amount, or another merchant's, leaves the invoice alone", async () => {
    const ctx = await bed.merchant();
    const other = await bed.merchant();
    const { invoice } = await incompleteSubscription(ctx, 2000);
    const base = { currency: "usd", success_url: `${BASE}/ok`, cancel_url: `${BASE}/no`, metadata: { invoice: invoice.id } };
    const wrongAmount = await createCheckoutSession({ ctx, input: { ...base, amount: 1999 } });
    const otherMerchant = await createCheckoutSession({ ctx: other, input: { ...base, amount: 2000 } });
    for (const s of [wrongAmount, otherMerchant]) {
      const r = await payCheckoutSession({ sessionId: s.id, paymentMethod: visa() });
      expect(r.status).toBe("complete");
      expect(await refundsOf(r.paymentId!)).toEqual([]);
    }
    expect(await getInvoice({ ctx, id: invoice.id })).toMatchObject({ status: "open", amount_paid: 0, payment: null });
  });
});

describe("paying twice", () => {
  it("the off-session retry paid it while the customer was on the checkout page: the checkout's payment is refunded in full as a duplicate", async () => {
    const ctx = await bed.merchant();
    const { sub, invoice, customer, token } = await incompleteSubscription(ctx);
    const { sessionId } = await startInvoiceCheckout({ token, baseUrl: BASE });
    await giveCard(ctx, customer);
    const byCard = await payInvoice({ ctx, id: invoice.id, input: {} });
    expect(byCard).toMatchObject({ status: "paid", payment: expect.stringMatching(/^pay_/) });

    const result = await payCheckoutSession({ sessionId, paymentMethod: visa() });
    expect(result.status).toBe("complete");
    const checkoutPayment = (result as { paymentId: string }).paymentId;
    const [refund] = await refundsOf(checkoutPayment);
    expect(refund).toMatchObject({
      amount: 2000n,
      currency: "usd",
      status: "succeeded",
      reason: "duplicate",
      metadata: { invoice: invoice.id, checkout_session: sessionId },
    });
    expect(await paymentRow(checkoutPayment)).toMatchObject({ amountReceived: 2000n, amountRefunded: 2000n });
    expect(await refundsOf(byCard.payment!)).toEqual([]);
    // The invoice keeps the payment that paid it; paid once, one invoice.paid.
    expect(await getInvoice({ ctx, id: invoice.id })).toMatchObject({ status: "paid", amount_paid: 2000, payment: byCard.payment });
    expect((await invoiceEvents(ctx, invoice.id)).filter((t) => t === "invoice.paid")).toHaveLength(1);
    expect(await getSubscription({ ctx, id: sub.id })).toMatchObject({ status: "active" });
    const [recorded] = await audits(ctx, "invoice.duplicate_payment_refunded");
    expect(recorded).toMatchObject({
      targetId: invoice.id,
      metadata: { payment: checkoutPayment, refund: refund!.id, invoice_status: "paid", invoice_payment: byCard.payment, checkout_session: sessionId },
    });
    expect(await sessionRow(sessionId)).toMatchObject({ status: "complete" });
  });

  it("voided while the customer was paying: refunded in full, the invoice stays void", async () => {
    const ctx = await bed.merchant();
    const { sub, invoice, token } = await incompleteSubscription(ctx, 4200);
    const { sessionId } = await startInvoiceCheckout({ token, baseUrl: BASE });
    await voidInvoice({ ctx, id: invoice.id });
    const result = await payCheckoutSession({ sessionId, paymentMethod: visa() });
    const paymentId = (result as { paymentId: string }).paymentId;
    expect(await refundsOf(paymentId)).toMatchObject([{ amount: 4200n, status: "succeeded", reason: "duplicate" }]);
    expect(await getInvoice({ ctx, id: invoice.id })).toMatchObject({ status: "void", amount_paid: 0, payment: null });
    expect(await getSubscription({ ctx, id: sub.id })).toMatchObject({ status: "incomplete" });
    expect(await audits(ctx, "invoice.duplicate_payment_refunded")).toMatchObject([{ metadata: { invoice_status: "void", payment: paymentId } }]);
  });

  it("a crash before the duplicate's refund is sent leaves it pending, and the reconciliation job sends it", async () => {
    const ctx = await bed.merchant();
    const { invoice, token } = await incompleteSubscription(ctx, 2200);
    const { sessionId } = await startInvoiceCheckout({ token, baseUrl: BASE });
    await voidInvoice({ ctx, id: invoice.id });
    setFailpointHandler((name) => {
      if (name === "refund.processor:before") throw new Error("process died before the refund was sent");
    });
    const result = await payCheckoutSession({ sessionId, paymentMethod: visa() });
    setFailpointHandler(null);
    const paymentId = (result as { paymentId: string }).paymentId;
    // Reserved with the completion: the money is marked as going back, nothing sent yet.
    const [pending] = await refundsOf(paymentId);
    expect(pending).toMatchObject({ amount: 2200n, status: "pending", reason: "duplicate" });
    expect(await paymentRow(paymentId)).toMatchObject({ amountRefunded: 2200n });
    expect(await bed.charges(paymentId)).toHaveLength(1);
    const settled = await settleRefund({
      ctx: { merchantId: ctx.merchantId, livemode: false, actor: systemActor("reconcile-payments") },
      refundId: pending!.id,
    });
    expect(settled).toEqual({ status: "succeeded", done: true });
    expect(await refundsOf(paymentId)).toMatchObject([{ id: pending!.id, status: "succeeded" }]);
  });

  it("the checkout completed while an off-session try was with the processor: that try's charge is the one refunded", async () => {
    const ctx = await bed.merchant();
    const { invoice, customer, token } = await incompleteSubscription(ctx);
    // The customer is on the checkout page when the retry starts.
    const { sessionId } = await startInvoiceCheckout({ token, baseUrl: BASE });
    await giveCard(ctx, customer);
    let checkoutPayment: string | null = null;
    let pressedPay = "";
    // Right before the retry's charge is sent, the customer finishes paying on the checkout page.
    setFailpointHandler(async (name) => {
      if (name !== "invoice.processor:before" || checkoutPayment) return;
      // A new press of Pay is refused while the try is with the processor…
      pressedPay = await code(startInvoiceCheckout({ token, baseUrl: BASE }));
      // …but the page already open takes the card.
      const result = await payCheckoutSession({ sessionId, paymentMethod: visa() });
      expect(result.status).toBe("complete");
      checkoutPayment = (result as { paymentId: string }).paymentId;
    });
    const outcome = await collectInvoice({ ctx, invoiceId: invoice.id });
    setFailpointHandler(null);
    expect(pressedPay).toBe("invoice_unexpected_state");
    expect(outcome.status).toBe("paid");
    const paid = await getInvoice({ ctx, id: invoice.id });
    expect(paid).toMatchObject({ status: "paid", amount_paid: 2000, payment: checkoutPayment });
    const offSession = (await db().select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).find(
      (p) => p.metadata.invoice === invoice.id && p.id !== checkoutPayment,
    )!;
    expect(offSession).toMatchObject({ status: "succeeded", amountReceived: 2000n, amountRefunded: 2000n });
    expect(await refundsOf(offSession.id)).toMatchObject([
      { amount: 2000n, status: "succeeded", reason: "duplicate", metadata: { invoice: invoice.id, collection: "off_session" } },
    ]);
    expect(await refundsOf(checkoutPayment!)).toEqual([]);
    expect((await invoiceEvents(ctx, invoice.id)).filter((t) => t === "invoice.paid")).toHaveLength(1);
  });

  it("the two at the same moment: exactly one payment is kept, the other refunded, the invoice paid once", async () => {
    const ctx = await bed.merchant();
    const { invoice, customer, token } = await incompleteSubscription(ctx, 3000);
    const { sessionId } = await startInvoiceCheckout({ token, baseUrl: BASE });
    await giveCard(ctx, customer);
    const [card, page] = await Promise.allSettled([payInvoice({ ctx, id: invoice.id, input: {} }), payCheckoutSession({ sessionId, paymentMethod: visa() })]);
    expect(page.status).toBe("fulfilled");
    // The merchant's pay call may find the invoice already paid by the page and say so (and charge nothing).
    if (card.status === "rejected") expect((card.reason as { code: string }).code).toBe("invoice_unexpected_state");
    const ours = (await db().select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).filter((p) => p.metadata.invoice === invoice.id);
    const kept = ours.reduce((sum, p) => sum + p.amountReceived - p.amountRefunded, 0n);
    expect(kept).toBe(3000n);
    const final = await getInvoice({ ctx, id: invoice.id });
    expect(final).toMatchObject({ status: "paid", amount_paid: 3000 });
    const keptPayment = ours.find((p) => p.amountReceived > 0n && p.amountRefunded === 0n)!;
    expect(final.payment).toBe(keptPayment.id);
    expect((await invoiceEvents(ctx, invoice.id)).filter((t) => t === "invoice.paid")).toHaveLength(1);
    for (const p of ours.filter((p) => p.amountRefunded > 0n)) expect(await refundsOf(p.id)).toMatchObject([{ reason: "duplicate", status: "succeeded" }]);
  });
});

checksTheBooks(bed.env);
