// The PayPal button on the checkout, without PayPal configured: the sandbox's simulated wallet and its
// approval page, the return to the session on approval or cancel, and what a forged return cannot do.
// (With PayPal configured, through the real SDK against the PayPal double: paypal-checkout-paypal.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { checkoutSessions, paymentAttempts, payments, sandboxCharges } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { createCheckoutSession } from "./create-checkout-session";
import { payCheckoutSession } from "./pay-checkout-session";
import { returnFromPayPal, walletState } from "./return-from-paypal";
import { answerSandboxChallenge, findChallenge } from "./sandbox-challenge";
import { tokenizeSandboxCard } from "./sandbox-card";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  delete process.env.PAYPAL_CLIENT_ID;
  delete process.env.PAYPAL_CLIENT_SECRET;
  h = await freshPostgres("paypal_checkout");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db, { actor: { type: "api_key", id: "key_test" } });
const base = { amount: 4200, currency: "usd", success_url: "https://shop.test/ok", cancel_url: "https://shop.test/cart" };
const RETURN = "http://127.0.0.1:3000/pay/x/paypal-return";
const paymentRow = async (id: string) => (await h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const sessionRow = async (id: string) => (await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)))[0]!;

async function walletSession(extra: Record<string, unknown> = {}) {
  const ctx = await merchant();
  const s = await createCheckoutSession({ ctx, input: { ...base, payment_method_types: ["card", "paypal"], ...extra } });
  const paid = await payCheckoutSession({ sessionId: s.id, paymentMethod: "paypal", returnUrl: RETURN });
  if (paid.status !== "requires_action") throw new Error(`expected requires_action, got ${paid.status}`);
  const processorId = paid.redirectUrl!.split("/").at(-1)!;
  return { ctx, s, paid, processorId };
}

describe("the sandbox's simulated PayPal wallet", () => {
  it("Pay with PayPal → the simulated approval page; approve → succeeded, paid by the sandbox buyer, session complete", async () => {
    const { s, paid, processorId } = await walletSession();
    expect(paid.redirectUrl).toMatch(/^\/sandbox\/paypal\/sbch_[0-9a-z]{26}$/);
    const pending = await paymentRow(paid.paymentId);
    expect(pending).toMatchObject({ status: "requires_action", paymentMethod: "paypal", connector: "sandbox", card: null, paypal: null });
    const [charge] = await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.id, processorId));
    expect(charge).toMatchObject({ card: null, behaviour: "paypal_wallet", status: "requires_action", returnUrl: RETURN });

    const { payment } = await answerSandboxChallenge({ processorId, outcome: "succeed", kind: "paypal" });
    expect(payment).toMatchObject({
      status: "succeeded",
      amount_received: 4200,
      payment_method: "paypal",
      payment_method_details: { type: "paypal", paypal: { payer_email: "buyer@sandbox.example", payer_id: "SBXBUYER7Q2LM", country: "US" } },
    });
    expect((await sessionRow(s.id)).status).toBe("complete");
    // The return after approval reads what the page recorded and changes nothing.
    await returnFromPayPal({ sessionId: s.id, canceled: false });
    expect((await paymentRow(paid.paymentId)).amountReceived).toBe(4200n);
    expect(await walletState({ sessionId: s.id })).toEqual({ state: "complete" });
  });

  it("manual capture: approval authorizes only (requires_capture)", async () => {
    const { paid, processorId } = await walletSession({ capture_method: "manual" });
    const { payment } = await answerSandboxChallenge({ processorId, outcome: "succeed", kind: "paypal" });
    expect(payment).toMatchObject({ id: paid.paymentId, status: "requires_capture", amount_capturable: 4200, amount_received: 0 });
  });

  it("cancel on the approval page → requires_payment_method with payment_intent_authentication_failure; a card then pays the same payment", async () => {
    const { s, paid, processorId } = await walletSession();
    const { payment } = await answerSandboxChallenge({ processorId, outcome: "fail", kind: "paypal" });
    expect(payment).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { code: "payment_intent_authentication_failure", message: expect.stringContaining("canceled") },
    });
    expect(await walletState({ sessionId: s.id })).toEqual({ state: "failed", message: expect.stringContaining("Nothing was charged") });
    expect((await sessionRow(s.id)).status).toBe("open");
    const card = tokenizeSandboxCard({ number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" });
    expect(await payCheckoutSession({ sessionId: s.id, paymentMethod: card, returnUrl: RETURN })).toEqual({ status: "complete", paymentId: paid.paymentId });
    const after = await paymentRow(paid.paymentId);
    expect(after).toMatchObject({ status: "succeeded", connector: "sandbox", paymentMethod: "pm_card_visa", paypal: null });
    expect(after.card?.last4).toBe("4242");
    const attempts = await h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, paid.paymentId));
    expect(attempts.map((a) => [a.paymentMethod, a.status]).sort()).toEqual([
      ["paypal", "failed"],
      ["pm_card_visa", "succeeded"],
    ]);
  });

  it("the return URL marked canceled cancels a pending approval; the page can then no longer approve it", async () => {
    const { s, paid, processorId } = await walletSession();
    await returnFromPayPal({ sessionId: s.id, canceled: true });
    expect(await paymentRow(paid.paymentId)).toMatchObject({
      status: "requires_payment_method",
      lastPaymentError: { code: "payment_intent_authentication_failure" },
    });
    // The charge failed at the processor: a late approval on the page pays nothing.
    const late = await answerSandboxChallenge({ processorId, outcome: "succeed", kind: "paypal" });
    expect(late.payment).toMatchObject({ status: "requires_payment_method", amount_received: 0 });
    const [charge] = await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.id, processorId));
    expect(charge).toMatchObject({ status: "failed", amountCaptured: 0n, paypal: null });
  });

  it("a forged return (no approval on the page) pays nothing: the payment keeps waiting", async () => {
    const { s, paid } = await walletSession();
    await returnFromPayPal({ sessionId: s.id, canceled: false });
    expect(await paymentRow(paid.paymentId)).toMatchObject({ status: "requires_action", amountReceived: 0n });
    expect(await walletState({ sessionId: s.id })).toEqual({ state: "waiting" });
    // Paying again while PayPal waits sends the customer back to the same approval, no second charge.
    const again = await payCheckoutSession({ sessionId: s.id, paymentMethod: "paypal", returnUrl: RETURN });
    expect(again).toMatchObject({ status: "requires_action", paymentId: paid.paymentId, redirectUrl: paid.redirectUrl });
    expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, paid.paymentId))).toHaveLength(1);
  });

  it("each sandbox page answers its own kind only: the 3DS page never approves a wallet charge, the PayPal page never a card's 3DS", async () => {
    const { processorId } = await walletSession();
    expect(await code(findChallenge(processorId, "3ds"))).toBe("resource_missing");
    expect(await code(answerSandboxChallenge({ processorId, outcome: "succeed" }))).toBe("resource_missing");
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: { ...base, payment_method_types: ["card", "paypal"] } });
    const threeDs = await payCheckoutSession({
      sessionId: s.id,
      paymentMethod: tokenizeSandboxCard({ number: "4000 0027 6000 3184", expiry: "12 / 34", cvc: "123" }),
      returnUrl: RETURN,
    });
    expect(threeDs.status).toBe("requires_action");
    const cardCharge = (threeDs as { redirectUrl: string }).redirectUrl.split("/").at(-1)!;
    expect(await code(findChallenge(cardCharge, "paypal"))).toBe("resource_missing");
  });

  it("an unknown or malformed session: the return and the wallet state are resource_missing, nothing read or written", async () => {
    expect(await code(returnFromPayPal({ sessionId: "cs_01m8ybraksfac1vtphwqy73rzh", canceled: false }))).toBe("resource_missing");
    expect(await code(returnFromPayPal({ sessionId: "../admin", canceled: true }))).toBe("resource_missing");
    expect(await code(walletState({ sessionId: "cs_nope" }))).toBe("resource_missing");
  });

  it("the API in live mode without PayPal: payment_method paypal is processor_unavailable, nothing stored", async () => {
    const ctx = { ...(await merchant()), livemode: true };
    const { createPayment } = await import("@/lib/payments/create-payment");
    expect(
      await code(
        createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "paypal", confirm: true, return_url: "https://shop.test/back" } }),
      ),
    ).toBe("processor_unavailable");
    expect(await h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).toHaveLength(0);
  });

  it("refuses PayPal where the session does not offer it, and PayPal sessions in live mode without PayPal", async () => {
    const ctx = await merchant();
    const cardOnly = await createCheckoutSession({ ctx, input: base });
    expect(await code(payCheckoutSession({ sessionId: cardOnly.id, paymentMethod: "paypal", returnUrl: RETURN }))).toBe("payment_method_unsupported");
    expect(await h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).toHaveLength(0);
    expect(await code(createCheckoutSession({ ctx: { ...ctx, livemode: true }, input: { ...base, payment_method_types: ["paypal"] } }))).toBe(
      "payment_method_unsupported",
    );
    expect(await code(createCheckoutSession({ ctx, input: { ...base, payment_method_types: ["paypal", "bitcoin"] } }))).toBe("parameter_invalid");
  });
});
