// The checkout's PayPal button with PayPal configured, through the official SDK against the PayPal double:
// the wallet order, PayPal's approval page sending the payer back, approve / cancel / declined funding, a
// forged return before approval, a repeated return, and the API's wallet payment with its return_url.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { checkoutSessions, payments } from "@/db/schema";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { paypalTestBed } from "@/test/paypal";
import { createCheckoutSession } from "./create-checkout-session";
import { payCheckoutSession } from "./pay-checkout-session";
import { returnFromPayPal } from "./return-from-paypal";

const env = paypalTestBed("paypal_checkout_wallet");
const base = { amount: 4200, currency: "usd", success_url: "https://shop.test/ok", cancel_url: "https://shop.test/cart" };
const merchant = () => makeMerchantContext(env.h.db, { actor: { type: "api_key", id: "key_test" } });
const paymentRow = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;

async function walletSession(extra: Record<string, unknown> = {}) {
  const ctx = await merchant();
  const s = await createCheckoutSession({ ctx, input: { ...base, payment_method_types: ["card", "paypal"], ...extra } });
  const returnUrl = `http://127.0.0.1:3000/pay/${s.id}/paypal-return`;
  const paid = await payCheckoutSession({ sessionId: s.id, paymentMethod: "paypal", returnUrl });
  if (paid.status !== "requires_action") throw new Error(`expected requires_action, got ${JSON.stringify(paid)}`);
  const orderId = new URL(paid.redirectUrl!).searchParams.get("token")!;
  return { ctx, s, paid, orderId, returnUrl };
}

/** The payer's browser on PayPal's page: where PayPal sends it back. */
async function payerGoes(url: string, outcome: "approve" | "cancel" | "decline_funding"): Promise<URL> {
  const res = await fetch(`${url}&outcome=${outcome}`, { redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

describe("PayPal wallet on the checkout, PayPal configured", () => {
  it("the order waits on PayPal's approval page; a return before approval pays nothing; approve → one capture, payer recorded", async () => {
    const { s, paid, orderId, returnUrl } = await walletSession();
    expect(paid.redirectUrl).toBe(`${env.double.url}/checkoutnow?token=${orderId}`);
    expect(await paymentRow(paid.paymentId)).toMatchObject({ status: "requires_action", connector: "paypal", paymentMethod: "paypal", processorId: orderId });
    const order = env.double.state.orders.get(orderId)!;
    expect(order).toMatchObject({
      status: "PAYER_ACTION_REQUIRED",
      source: { kind: "paypal", return_url: returnUrl, cancel_url: `${returnUrl}?kassa_paypal=canceled` },
    });

    // A forged return (the payer never approved): PayPal refuses to capture an unapproved order, nothing moves.
    await returnFromPayPal({ sessionId: s.id, canceled: false });
    expect(await paymentRow(paid.paymentId)).toMatchObject({ status: "requires_action", amountReceived: 0n });
    expect(env.double.requestsTo(/\/capture$/, "POST")).toHaveLength(0);

    const back = await payerGoes(paid.redirectUrl!, "approve");
    expect(`${back.origin}${back.pathname}`).toBe(returnUrl);
    expect(back.searchParams.get("token")).toBe(orderId);
    await returnFromPayPal({ sessionId: s.id, canceled: false });
    const after = await paymentRow(paid.paymentId);
    expect(after).toMatchObject({
      status: "succeeded",
      amountReceived: 4200n,
      paypal: { payer_email: "buyer@example.com", payer_name: "Test Buyer", payer_id: expect.any(String) },
      card: null,
    });
    expect((await env.h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, s.id)))[0]!.status).toBe("complete");
    // The payer's browser comes back twice (reload): PayPal is not asked to capture again.
    await returnFromPayPal({ sessionId: s.id, canceled: false });
    expect(env.double.requestsTo(new RegExp(`/v2/checkout/orders/${orderId}/capture$`), "POST")).toHaveLength(1);
    expect(env.double.state.orders.get(orderId)!.status).toBe("COMPLETED");
  });

  it("manual capture: the approved order is authorized, then captured for less", async () => {
    const { ctx, paid } = await walletSession({ capture_method: "manual" });
    const back = await payerGoes(paid.redirectUrl!, "approve");
    await returnFromPayPal({ sessionId: back.pathname.split("/")[2]!, canceled: false });
    expect(await paymentRow(paid.paymentId)).toMatchObject({ status: "requires_capture", amountCapturable: 4200n });
    const { capturePayment } = await import("@/lib/payments/capture-payment");
    const captured = await capturePayment({ ctx, id: paid.paymentId, input: { amount_to_capture: 4000 } });
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 4000, payment_method_details: { type: "paypal" } });
  });

  it("cancel on PayPal's page → back at the URL marked canceled → requires_payment_method; PayPal captured nothing", async () => {
    const { s, paid } = await walletSession();
    const back = await payerGoes(paid.redirectUrl!, "cancel");
    expect(back.searchParams.get("kassa_paypal")).toBe("canceled");
    await returnFromPayPal({ sessionId: s.id, canceled: true });
    expect(await paymentRow(paid.paymentId)).toMatchObject({
      status: "requires_payment_method",
      lastPaymentError: { code: "payment_intent_authentication_failure" },
    });
    expect(env.double.requestsTo(/\/(capture|authorize)$/, "POST")).toHaveLength(0);
    // PayPal again: a new attempt, a new order.
    const again = await payCheckoutSession({ sessionId: s.id, paymentMethod: "paypal", returnUrl: `http://127.0.0.1:3000/pay/${s.id}/paypal-return` });
    expect(again).toMatchObject({ status: "requires_action", paymentId: paid.paymentId });
    expect((again as { redirectUrl: string }).redirectUrl).not.toBe(paid.redirectUrl);
  });

  it("funding declined after approval (INSTRUMENT_DECLINED) → requires_payment_method with payment_method_provider_decline", async () => {
    const { s, paid } = await walletSession();
    await payerGoes(paid.redirectUrl!, "decline_funding");
    await returnFromPayPal({ sessionId: s.id, canceled: false });
    expect(await paymentRow(paid.paymentId)).toMatchObject({
      status: "requires_payment_method",
      amountReceived: 0n,
      lastPaymentError: { code: "payment_method_provider_decline" },
    });
  });

  it("the API: payment_method paypal needs return_url (400 parameter_missing, nothing stored); with it, requires_action to PayPal", async () => {
    const ctx = await merchant();
    const { createPayment } = await import("@/lib/payments/create-payment");
    expect(await code(createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "paypal", confirm: true } }))).toBe("parameter_missing");
    expect(await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).toHaveLength(0);
    expect(
      await code(createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "paypal", payment_method_types: ["card"], confirm: true } })),
    ).toBe("parameter_invalid");
    const made = await createPayment({
      ctx,
      input: { amount: 1000, currency: "usd", payment_method_types: ["paypal"], confirm: true, return_url: "https://shop.test/back" },
    });
    expect(made).toMatchObject({ status: "requires_action", payment_method: "paypal", connector: "paypal", next_action: { type: "redirect_to_url" } });
    expect(made.next_action?.type === "redirect_to_url" && made.next_action.redirect_to_url.url).toMatch(/\/checkoutnow\?token=/);
    // Live mode is served by PayPal too: no card data passes through Kassa for the wallet.
    const live = await createPayment({
      ctx: { ...ctx, livemode: true },
      input: { amount: 1000, currency: "eur", payment_method: "paypal", confirm: true, return_url: "https://shop.test/back" },
    });
    expect(live).toMatchObject({ status: "requires_action", livemode: true, connector: "paypal" });
  });

  it("a session in a currency PayPal does not take is refused with payment_method_currency_mismatch", async () => {
    const ctx = await merchant();
    expect(await code(createCheckoutSession({ ctx, input: { ...base, currency: "inr", payment_method_types: ["paypal"] } }))).toBe(
      "payment_method_currency_mismatch",
    );
  });
});
