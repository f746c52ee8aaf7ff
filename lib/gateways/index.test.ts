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

  it("says clearly that Stripe is not configured yet", () => {
    expect(() => getConnector("stripe")).toThrow(/stripe.*not configured/i);
  });

  it("refuses unknown connector names", () => {
    expect(() => getConnector("paypal" as never)).toThrow(/Unknown connector: paypal/);
  });
});
