import { describe, expect, it } from "vitest";
import { SANDBOX_TEST_CARDS, cardDetails, testCardByNumber, testCardByPaymentMethod } from "./test-cards";

function luhn(number: string): boolean {
  let sum = 0;
  [...number].reverse().forEach((ch, i) => {
    let d = Number(ch);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  });
  return sum % 10 === 0;
}

describe("sandbox test cards", () => {
  it("maps the documented test numbers to their behaviours", () => {
    const expected: Record<string, string> = {
      "4242424242424242": "succeed",
      "4000000000000002": "decline_generic",
      "4000000000009995": "decline_insufficient_funds",
      "4000000000000069": "decline_expired_card",
      "4000002500003155": "authentication_required",
      "4000002760003184": "authentication_required",
      "4000000000000119": "processing_error",
      "4100000000000019": "fraud_blocked",
    };
    for (const [number, behaviour] of Object.entries(expected)) expect(testCardByNumber(number)?.behaviour, number).toBe(behaviour);
    expect(testCardByNumber("4242 4242 4242 4242")?.paymentMethods[0]).toBe("pm_card_visa");
    expect(testCardByNumber("4111111111111111")).toBeUndefined();
  });

  it("gives each payment method name the same behaviour as its number", () => {
    expect(testCardByPaymentMethod("pm_card_visa")?.number).toBe("4242424242424242");
    expect(testCardByPaymentMethod("pm_card_mastercard")?.brand).toBe("mastercard");
    expect(testCardByPaymentMethod("pm_card_processingError")).toBe(testCardByNumber("4000000000000119"));
    expect(testCardByPaymentMethod("pm_card_riskLevelHighest")).toBe(testCardByNumber("4100000000000019"));
    expect(testCardByPaymentMethod("pm_card_lostResponse")?.sandboxOnly).toBe(true);
    expect(testCardByPaymentMethod("pm_card_unknown")).toBeUndefined();
  });

  it("holds only valid, distinct card numbers and payment method names", () => {
    const numbers = SANDBOX_TEST_CARDS.map((c) => c.number);
    const names = SANDBOX_TEST_CARDS.flatMap((c) => c.paymentMethods);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(names).size).toBe(names.length);
    for (const number of numbers) expect(luhn(number), number).toBe(true);
  });

  it("describes a card like Stripe's payment_method_details.card, with a stable fingerprint", () => {
    const visa = cardDetails(testCardByPaymentMethod("pm_card_visa")!);
    expect(visa).toMatchObject({ brand: "visa", last4: "4242", expMonth: 12, country: "US", funding: "credit" });
    expect(visa.expYear).toBeGreaterThan(new Date().getUTCFullYear());
    expect(visa.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(cardDetails(testCardByNumber("4242424242424242")!).fingerprint).toBe(visa.fingerprint);
    expect(cardDetails(testCardByPaymentMethod("pm_card_mastercard")!).fingerprint).not.toBe(visa.fingerprint);
    expect(cardDetails(testCardByPaymentMethod("pm_card_amex")!).last4).toBe("0005");
    expect(cardDetails(testCardByPaymentMethod("pm_card_visa_debit")!).funding).toBe("debit");
  });
});
