// The checkout's UPI tab at service level on real PostgreSQL: sessions that offer UPI (INR only), paying a
// session by UPI, the page's status refresh (paid, declined, expired, then another try), the sandbox UPI app's
// decision, payment links in INR, and the public actions' guards (origin, bad input, rate limit).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { checkoutSessions, payments, sandboxUpiTransactions, type UpiDetails } from "@/db/schema";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { startPaymentLinkCheckout } from "@/lib/payment-links/start-checkout";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { pageAction } from "@/test/checkout-page";
import { checkCheckoutUpi } from "./check-checkout-upi";
import { createCheckoutSession } from "./create-checkout-session";
import { payCheckoutSession } from "./pay-checkout-session";
import { decideSandboxUpi, findSandboxUpiApp } from "./sandbox-upi-app";
import { tokenizeSandboxCard } from "./sandbox-card";

// The public actions read the request's headers (origin, fetch site, the client's address): a request made here.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
const fromPage = () => {
  request.headers = new Headers({
    origin: "https://pay.kassa.test",
    "sec-fetch-site": "same-origin",
    host: "pay.kassa.test",
    "x-kassa-peer-address": "10.1.2.3",
  });
};
afterEach(fromPage);
fromPage();

const bed = paymentsTestBed("checkout_upi");
const { env } = bed;
beforeAll(() => {
  process.env.UPI_SANDBOX_CALLBACK_URL = "http://127.0.0.1:9/unreachable"; // the callback is lost: the page's checks find the outcome
});

const inr = {
  amount: 49_900,
  currency: "inr",
  success_url: "https://shop.test/ok",
  cancel_url: "https://shop.test/cart",
  payment_method_types: ["card", "upi"],
};
const sessionRow = async (id: string) => (await env.h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)))[0]!;
const paymentRow = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const upiOf = async (paymentId: string) => (await paymentRow(paymentId)).upi as UpiDetails;

async function payByUpi(flow: "intent" | "qr" | "collect" = "intent", vpa?: string) {
  const ctx = await bed.merchant();
  const s = await createCheckoutSession({ ctx, input: inr });
  const paid = await payCheckoutSession({ sessionId: s.id, upi: { flow, ...(vpa ? { vpa } : {}) } });
  expect(paid.status).toBe("requires_action");
  return { ctx, session: s, paymentId: paid.paymentId!, txn: (await upiOf(paid.paymentId!)).psp_reference! };
}

/** Moves a waiting UPI payment's window into the past, at Kassa and at the sandbox PSP. */
async function pastExpiry(paymentId: string, txn: string) {
  const past = Math.floor(Date.now() / 1000) - 5;
  const row = await paymentRow(paymentId);
  await env.h.db
    .update(payments)
    .set({ upi: { ...row.upi!, expires_at: past }, nextAction: row.nextAction ? ({ ...row.nextAction, expires_at: past } as typeof row.nextAction) : null })
    .where(eq(payments.id, paymentId));
  await env.h.db
    .update(sandboxUpiTransactions)
    .set({ expiresAt: new Date(past * 1000) })
    .where(eq(sandboxUpiTransactions.id, txn));
}

describe("sessions that offer UPI", () => {
  it("INR with card and UPI is stored as asked", async () => {
    const ctx = await bed.merchant();
    const s = await createCheckoutSession({ ctx, input: inr });
    expect(s.payment_method_types).toEqual(["card", "upi"]);
  });

  it("UPI on a session in another currency: 400 payment_method_currency_mismatch, nothing stored", async () => {
    const ctx = await bed.merchant();
    for (const currency of ["usd", "eur"]) {
      const err = await createCheckoutSession({ ctx, input: { ...inr, currency } }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "payment_method_currency_mismatch", param: "payment_method_types" });
    }
    expect(await code(createCheckoutSession({ ctx, input: { ...inr, currency: "usd", payment_method_types: ["upi"] } }))).toBe(
      "payment_method_currency_mismatch",
    );
    expect(await code(createCheckoutSession({ ctx, input: { ...inr, capture_method: "manual" } }))).toBe("payment_method_unsupported");
    expect(await env.h.db.select().from(checkoutSessions).where(eq(checkoutSessions.merchantId, ctx.merchantId))).toEqual([]);
  });

  it("payment links in INR offer UPI beside the card; other currencies the card alone", async () => {
    const ctx = await bed.merchant();
    const open = async (currency: string) => {
      const link = await createPaymentLink({ ctx, input: { amount: 49_900, currency, description: "Chai" } });
      const { sessionId } = await startPaymentLinkCheckout({ linkId: link.id, baseUrl: "https://pay.kassa.test" });
      return (await sessionRow(sessionId)).paymentMethodTypes;
    };
    expect(await open("inr")).toEqual(["card", "upi"]);
    expect(await open("usd")).toEqual(["card"]);
  });
});

describe("paying a session by UPI", () => {
  it("intent: requires_action with the link and QR; the tester approves in the sandbox app; the page's check completes the session", async () => {
    const { session, paymentId, txn } = await payByUpi("intent");
    const p = await paymentRow(paymentId);
    expect(p).toMatchObject({ status: "requires_action", paymentMethod: "upi" });
    expect(p.nextAction).toMatchObject({ type: "upi_intent" });
    expect(await checkCheckoutUpi({ sessionId: session.id })).toMatchObject({ state: "pending", expires_at: p.upi!.expires_at });

    const app = await findSandboxUpiApp(txn);
    expect(app).toMatchObject({ status: "pending", flow: "intent", amount: "₹499.00" });
    expect(await code(decideSandboxUpi({ id: txn, outcome: "approve", payerVpa: "Customer@Kassa" }))).toBe("vpa_invalid");
    expect(await code(decideSandboxUpi({ id: txn, outcome: "approve", payerVpa: "blocked@kassa" }))).toBe("vpa_blocked");
    const decided = await decideSandboxUpi({ id: txn, outcome: "approve", payerVpa: "customer@kassa" });
    expect(decided).toMatchObject({ changed: true, callbackSent: false, app: { status: "success" } });

    expect(await checkCheckoutUpi({ sessionId: session.id })).toEqual({ state: "success", expires_at: null, message: null });
    expect(await sessionRow(session.id)).toMatchObject({ status: "complete" });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "succeeded", amountReceived: 49_900n });
    expect(await upiOf(paymentId)).toMatchObject({ status: "success", vpa: "customer@kassa" });
    // A second decision changes nothing; a second check says the same.
    expect(await decideSandboxUpi({ id: txn, outcome: "decline", payerVpa: "customer@kassa" })).toMatchObject({ changed: false, app: { status: "success" } });
    expect(await checkCheckoutUpi({ sessionId: session.id })).toMatchObject({ state: "success" });
  });

  it("declined in the app: failed, nothing charged; the customer tries again on the same payment", async () => {
    const { session, paymentId, txn } = await payByUpi("qr");
    await decideSandboxUpi({ id: txn, outcome: "decline", payerVpa: "customer@kassa" });
    expect(await checkCheckoutUpi({ sessionId: session.id })).toMatchObject({ state: "failed", message: expect.stringContaining("declined") });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "requires_payment_method", amountReceived: 0n });
    const again = await payCheckoutSession({ sessionId: session.id, upi: { flow: "intent" } });
    expect(again).toMatchObject({ status: "requires_action", paymentId });
    expect((await upiOf(paymentId)).psp_reference).not.toBe(txn);
  });

  it("left alone past its window: the page's check expires it (expire once now is past expires_at)", async () => {
    const { session, paymentId, txn } = await payByUpi("qr");
    expect(await checkCheckoutUpi({ sessionId: session.id })).toMatchObject({ state: "pending" });
    await pastExpiry(paymentId, txn);
    expect(await checkCheckoutUpi({ sessionId: session.id })).toMatchObject({ state: "expired", message: expect.stringContaining("not approved in time") });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "requires_payment_method" });
    expect(await upiOf(paymentId)).toMatchObject({ status: "expired" });
    expect(await sessionRow(session.id)).toMatchObject({ status: "open" });
    expect(await findSandboxUpiApp(txn)).toMatchObject({ status: "expired" });
  });

  it("a card after a UPI try pays the same payment", async () => {
    const { session, paymentId, txn } = await payByUpi("intent");
    await decideSandboxUpi({ id: txn, outcome: "decline", payerVpa: "customer@kassa" });
    await checkCheckoutUpi({ sessionId: session.id });
    const paid = await payCheckoutSession({
      sessionId: session.id,
      paymentMethod: tokenizeSandboxCard({ number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" }),
    });
    expect(paid).toMatchObject({ status: "complete", paymentId });
  });

  it("bad input: each with its exact code, and no UPI payment made", async () => {
    const ctx = await bed.merchant();
    const cardOnly = await createCheckoutSession({ ctx, input: { ...inr, payment_method_types: ["card"] } });
    expect(await code(payCheckoutSession({ sessionId: cardOnly.id, upi: { flow: "intent" } }))).toBe("payment_method_unsupported");
    const s = await createCheckoutSession({ ctx, input: inr });
    expect(await code(payCheckoutSession({ sessionId: s.id, upi: { flow: "collect", vpa: "success@kassa" } }))).toBe("upi_collect_disabled");
    expect(await code(payCheckoutSession({ sessionId: s.id, upi: { flow: "intent", vpa: "ashaokaxis" } }))).toBe("vpa_invalid");
    expect(await code(payCheckoutSession({ sessionId: "cs_nope", upi: { flow: "intent" } }))).toBe("resource_missing");
    const made = await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
    expect(made.every((p) => p.paymentMethod !== "upi" && p.latestAttemptId === null)).toBe(true);
  });
});

describe("the page's status check and the sandbox app: bad input", () => {
  it("an unknown session is 404 resource_missing; a session without a payment or with a card payment is 400", async () => {
    expect(await code(checkCheckoutUpi({ sessionId: "cs_00000000000000000000000000" }))).toBe("resource_missing");
    expect(await code(checkCheckoutUpi({ sessionId: "not-an-id" }))).toBe("resource_missing");
    const ctx = await bed.merchant();
    const s = await createCheckoutSession({ ctx, input: inr });
    expect(await code(checkCheckoutUpi({ sessionId: s.id }))).toBe("payment_intent_unexpected_state");
    await payCheckoutSession({ sessionId: s.id, paymentMethod: tokenizeSandboxCard({ number: "4000 0000 0000 0002", expiry: "12 / 34", cvc: "123" }) });
    expect(await code(checkCheckoutUpi({ sessionId: s.id }))).toBe("payment_intent_unexpected_state");
  });

  it("the sandbox app knows no unknown, malformed or live transaction", async () => {
    expect(await code(findSandboxUpiApp("sbupi_00000000000000000000000000"))).toBe("resource_missing");
    expect(await code(findSandboxUpiApp("../../etc"))).toBe("resource_missing");
    expect(await code(decideSandboxUpi({ id: "sbupi_00000000000000000000000000", outcome: "approve", payerVpa: "customer@kassa" }))).toBe("resource_missing");
    const { txn } = await payByUpi("intent");
    await env.h.db.update(sandboxUpiTransactions).set({ livemode: true }).where(eq(sandboxUpiTransactions.id, txn));
    expect(await code(findSandboxUpiApp(txn))).toBe("resource_missing");
    expect(await code(decideSandboxUpi({ id: txn, outcome: "approve", payerVpa: "customer@kassa" }))).toBe("resource_missing");
  });
});

describe("the page's UPI actions (lib/checkout/checkout-page-actions.ts; the route's origin checks are e2e/api/checkout-page-actions.spec.ts)", () => {
  const act = (action: string, sessionId: string, body: Record<string, unknown> = {}) => pageAction(action, sessionId, body, request.headers);

  it("bad input: the VPA's own words on the field, an unknown flow, a wrong session id", async () => {
    const ctx = await bed.merchant();
    const s = await createCheckoutSession({ ctx, input: inr });
    expect(await act("upi", s.id, { flow: "sms" })).toMatchObject({ ok: false, code: "parameter_invalid", param: "flow" });
    expect(await act("upi", s.id, { flow: "intent", amount: 1 })).toMatchObject({ ok: false, code: "parameter_unknown", param: "amount" });
    expect(await act("upi", s.id, { flow: "collect", vpa: "x" })).toMatchObject({ ok: false, code: "upi_collect_disabled" });
    expect(await act("upi_status", "cs_00000000000000000000000000")).toMatchObject({ ok: false, code: "resource_missing" });
    expect(await act("upi", "cs_00000000000000000000000000", { flow: "intent" })).toMatchObject({ ok: false, code: "resource_missing" });
    const { upiSettings } = await import("@/db/schema");
    await env.h.db.insert(upiSettings).values({ merchantId: ctx.merchantId, livemode: false, collectEnabled: true });
    expect(await act("upi", s.id, { flow: "collect", vpa: "ashaokaxis" })).toEqual({
      ok: false,
      code: "vpa_invalid",
      message: "A VPA looks like name@bank (for example asha@okaxis).",
      param: "payment_method_options[upi][vpa]",
    });
    expect(await act("upi", s.id, { flow: "collect", vpa: "blocked@kassa" })).toMatchObject({
      code: "vpa_blocked",
      message: "This VPA cannot be used for payments.",
    });
    const ok = await act("upi", s.id, { flow: "collect", vpa: "never@kassa" });
    expect(ok).toEqual({ ok: true, url: `/pay/${s.id}` });
    expect(await act("upi_status", s.id)).toMatchObject({ ok: true, state: "pending" });
  });

  it("the status refresh is rate-limited per client and session", async () => {
    const { session } = await payByUpi("intent");
    request.headers.set("x-kassa-peer-address", "10.9.9.9");
    const answers = [];
    for (let i = 0; i < 91; i++) answers.push(await act("upi_status", session.id));
    expect(answers.slice(0, 90).every((a) => a.ok)).toBe(true);
    expect(answers[90]).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

checksTheBooks(env);
