import { describe, expect, it } from "vitest";
import { getConnector } from "./index";

describe("getConnector", () => {
  it("returns the sandbox connector, one instance per process", () => {
    const sandbox = getConnector("sandbox");
    expect(sandbox.name).toBe("sandbox");
    expect(getConnector("sandbox")).toBe(sandbox);
    for (const verb of ["authorize", "capture", "cancel", "refund", "retrieve", "retrieveRefund", "completeAuthentication"] as const) {
      expect(typeof sandbox[verb]).toBe("function");
    }
  });

  it("returns the Stripe connector, which says clearly when STRIPE_SECRET_KEY is missing", async () => {
    const stripe = getConnector("stripe");
    expect(stripe.name).toBe("stripe");
    expect(getConnector("stripe")).toBe(stripe);
    const saved = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    try {
      await expect(stripe.refund({ merchantId: "mer_x", livemode: false }, { processorId: "pi_x", amount: 100n, idempotencyKey: "re_x" })).rejects.toThrow(
        /STRIPE_SECRET_KEY is not set/,
      );
    } finally {
      if (saved !== undefined) process.env.STRIPE_SECRET_KEY = saved;
    }
  });

  it("refuses unknown connector names", () => {
    expect(() => getConnector("adyen" as never)).toThrow(/Unknown connector: adyen/);
  });
});
