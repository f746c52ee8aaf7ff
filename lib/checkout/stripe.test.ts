// The Stripe path of the checkout with Stripe.js stubbed at its loader (it cannot load offline):
// the loader gives up clearly, and the Payment Element flow drives Kassa's confirm and 3DS.
import { describe, expect, it, vi } from "vitest";
import type { Stripe } from "@stripe/stripe-js";
import { loadStripeJs } from "./stripe-loader";
import { payWithStripe, type CheckoutStep, type StripeFlowDeps } from "./stripe-flow";

describe("loading Stripe.js", () => {
  it("resolves with the Stripe object from the loader", async () => {
    const stripe = { id: "stub" } as unknown as Stripe;
    const load = vi.fn(async () => stripe);
    await expect(loadStripeJs("pk_test_x", { load })).resolves.toBe(stripe);
    expect(load).toHaveBeenCalledWith("pk_test_x");
  });

  it("rejects instead of hanging when the script never loads (offline)", async () => {
    const never = () => new Promise<Stripe | null>(() => {});
    await expect(loadStripeJs("pk_test_x", { load: never, timeoutMs: 50 })).rejects.toThrow(/did not load/);
  });

  it("rejects when the loader fails or answers null", async () => {
    await expect(
      loadStripeJs("pk_test_x", {
        load: async () => {
          throw new Error("Failed to load Stripe.js");
        },
      }),
    ).rejects.toThrow(/Failed to load/);
    await expect(loadStripeJs("pk_test_x", { load: async () => null })).rejects.toThrow(/not available/);
  });
});

function stubs(over: { submitError?: object; pmError?: object; nextActionError?: object; pay?: CheckoutStep; refresh?: CheckoutStep } = {}) {
  const stripe = {
    createPaymentMethod: vi.fn(async () => (over.pmError ? { error: over.pmError } : { paymentMethod: { id: "pm_123" } })),
    handleNextAction: vi.fn(async () => (over.nextActionError ? { error: over.nextActionError } : { paymentIntent: {} })),
  };
  const elements = { submit: vi.fn(async () => (over.submitError ? { error: over.submitError } : {})) };
  const pay = vi.fn(async () => over.pay ?? ({ ok: true, next: "complete", url: "/pay/cs_1" } as CheckoutStep));
  const refresh = vi.fn(async () => over.refresh ?? ({ ok: true, next: "complete", url: "/pay/cs_1" } as CheckoutStep));
  return { deps: { stripe, elements, pay, refresh } as unknown as StripeFlowDeps, stripe, elements, pay, refresh };
}

describe("paying with the Payment Element (deferred intent)", () => {
  it("submits the element, creates a PaymentMethod and posts only its id to Kassa", async () => {
    const s = stubs();
    expect(await payWithStripe(s.deps)).toEqual({ ok: true, next: "complete", url: "/pay/cs_1" });
    expect(s.elements.submit).toHaveBeenCalledOnce();
    expect(s.stripe.createPaymentMethod).toHaveBeenCalledWith({ elements: s.elements });
    expect(s.pay).toHaveBeenCalledWith("pm_123");
    expect(s.stripe.handleNextAction).not.toHaveBeenCalled();
  });

  it("stops at an invalid element without calling Kassa", async () => {
    const s = stubs({ submitError: { code: "incomplete_number", message: "Your card number is incomplete." } });
    expect(await payWithStripe(s.deps)).toEqual({ ok: false, code: "incomplete_number", message: "Your card number is incomplete." });
    expect(s.pay).not.toHaveBeenCalled();
  });

  it("shows Kassa's decline message", async () => {
    const s = stubs({ pay: { ok: false, code: "insufficient_funds", message: "Your card has insufficient funds. Try another card." } });
    expect(await payWithStripe(s.deps)).toMatchObject({ ok: false, code: "insufficient_funds" });
  });

  it("runs 3D Secure with Stripe.js and the client secret, then asks Kassa again", async () => {
    const s = stubs({ pay: { ok: true, next: "stripe_action", clientSecret: "pi_1_secret_2" } });
    expect(await payWithStripe(s.deps)).toEqual({ ok: true, next: "complete", url: "/pay/cs_1" });
    expect(s.stripe.handleNextAction).toHaveBeenCalledWith({ clientSecret: "pi_1_secret_2" });
    expect(s.refresh).toHaveBeenCalledOnce();
  });

  it("a failed challenge reads as Stripe.js's error", async () => {
    const s = stubs({
      pay: { ok: true, next: "stripe_action", clientSecret: "pi_1_secret_2" },
      nextActionError: { code: "payment_intent_authentication_failure", message: "We are unable to authenticate your payment method." },
      refresh: { ok: false, code: "authentication_required", message: "Your bank could not authenticate this payment." },
    });
    expect(await payWithStripe(s.deps)).toEqual({
      ok: false,
      code: "payment_intent_authentication_failure",
      message: "We are unable to authenticate your payment method.",
    });
  });
});
