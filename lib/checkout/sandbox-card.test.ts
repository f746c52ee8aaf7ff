import { describe, expect, it } from "vitest";
import { KassaError } from "@/lib/service/errors";
import { tokenizeSandboxCard } from "./sandbox-card";

const now = new Date("2026-11-22T08:00:00Z");
const tokenize = (number: string, expiry = "12 / 30", cvc = "123") => tokenizeSandboxCard({ number, expiry, cvc }, now);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (e) {
    return e instanceof KassaError ? `${e.code}:${e.param}` : String(e);
  }
};

describe("the sandbox card form's tokenisation", () => {
  it("maps the 16-digit test numbers to the sandbox's payment methods", () => {
    expect(tokenize("4242 4242 4242 4242")).toBe("pm_card_visa");
    expect(tokenize("4000-0000-0000-0002")).toBe("pm_card_chargeDeclined");
    expect(tokenize("4000002500003155")).toBe("pm_card_authenticationRequiredOnSetup");
    expect(tokenize("4000 0027 6000 3184")).toBe("pm_card_authenticationRequired");
    expect(tokenize("4000 0000 0000 9995")).toBe("pm_card_chargeDeclinedInsufficientFunds");
  });

  it("accepts MM / YY, MM/YYYY and the current month", () => {
    expect(tokenize("4242424242424242", "11/26")).toBe("pm_card_visa");
    expect(tokenize("4242424242424242", "01 / 2031", "1234")).toBe("pm_card_visa");
  });

  it("refuses incomplete, past or unknown cards with Stripe's codes and the field", () => {
    expect(codeOf(() => tokenize("4242 4242"))).toBe("incorrect_number:number");
    expect(codeOf(() => tokenize("4111 1111 1111 1111"))).toBe("incorrect_number:number");
    expect(codeOf(() => tokenize("4242424242424242", "10/26"))).toBe("invalid_expiry_year:expiry");
    expect(codeOf(() => tokenize("4242424242424242", "13/30"))).toBe("invalid_expiry_year:expiry");
    expect(codeOf(() => tokenize("4242424242424242", "1230"))).toBe("invalid_expiry_year:expiry");
    expect(codeOf(() => tokenize("4242424242424242", "12/30", "12"))).toBe("invalid_cvc:cvc");
  });

  it("never echoes the card number in its errors", () => {
    expect.assertions(1);
    try {
      tokenize("4111 1111 1111 1111");
    } catch (e) {
      expect(String((e as Error).message)).not.toMatch(/4111/);
    }
  });
});
