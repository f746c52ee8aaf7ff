import { afterEach, describe, expect, it } from "vitest";
import { checkoutMode } from "./checkout-mode";

const saved = process.env.STRIPE_SECRET_KEY;
afterEach(() => {
  if (saved === undefined) delete process.env.STRIPE_SECRET_KEY;
  else process.env.STRIPE_SECRET_KEY = saved;
});

describe("which card form the checkout shows", () => {
  it("the sandbox form for test-mode sessions", () => {
    expect(checkoutMode({ livemode: false }, null, { STRIPE_PUBLISHABLE_KEY: "pk_test_x" })).toEqual({ kind: "sandbox" });
    expect(checkoutMode({ livemode: false }, "sandbox", {})).toEqual({ kind: "sandbox" });
  });

  it("Stripe's Payment Element when the payment goes to Stripe and a publishable key is set", () => {
    expect(checkoutMode({ livemode: true }, "stripe", { STRIPE_PUBLISHABLE_KEY: "pk_live_x" })).toEqual({ kind: "stripe", publishableKey: "pk_live_x" });
    process.env.STRIPE_SECRET_KEY = "sk_live_for_routing_only";
    expect(checkoutMode({ livemode: true }, null, { STRIPE_PUBLISHABLE_KEY: "pk_live_x" })).toEqual({ kind: "stripe", publishableKey: "pk_live_x" });
  });

  it("says so when live payments have no processor or no publishable key", () => {
    delete process.env.STRIPE_SECRET_KEY;
    expect(checkoutMode({ livemode: true }, null, {})).toMatchObject({ kind: "unavailable" });
    expect(checkoutMode({ livemode: true }, "stripe", {})).toMatchObject({ kind: "unavailable", message: expect.stringContaining("publishable key") });
  });
});
