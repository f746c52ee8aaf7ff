import { describe, expect, it } from "vitest";
import { BODY_CAP, luhnValid, redactAll, redactBody, redactParsed, redactText, redactValue, REDACTED } from "./redact";
import { seededRandom } from "@/lib/gateways/sandbox/seeded-random";

const SECRET = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

describe("redactText", () => {
  it("masks Luhn-valid card numbers of 13–19 digits, with spaces or dashes, to their last four", () => {
    expect(redactText("card 4242424242424242 ok")).toBe("card •••• 4242 ok");
    expect(redactText("4242 4242 4242 4242")).toBe("•••• 4242");
    expect(redactText("4000-0027-6000-3184")).toBe("•••• 3184");
    expect(redactText("378282246310005")).toBe("•••• 0005"); // Amex, 15
    expect(redactText("6011111111111117")).toBe("•••• 1117");
    expect(redactText("4222222222222")).toBe("•••• 2222"); // 13 digits
  });

  it("leaves digit runs that are not card numbers: not Luhn-valid, too short, inside an id", () => {
    expect(redactText("4242424242424241")).toBe("4242424242424241");
    expect(redactText("order 123456789012")).toBe("order 123456789012");
    expect(redactText("pay_4242424242424242")).toBe("pay_4242424242424242");
  });

  it("redacts secret and restricted keys, webhook secrets and bearer tokens, keeping their prefix", () => {
    expect(redactText(`key ${SECRET}`)).toBe(`key sk_test_${REDACTED}`);
    expect(redactText("sk_live_abcDEF123")).toBe(`sk_live_${REDACTED}`);
    expect(redactText("rk_test_abc rk_live_def")).toBe(`rk_test_${REDACTED} rk_live_${REDACTED}`);
    expect(redactText("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBe(`whsec_${REDACTED}`);
    expect(redactText("Bearer abc.def-ghi")).toBe(`Bearer ${REDACTED}`);
  });

  it("keeps publishable keys: they are public by design", () => {
    expect(redactText("pk_test_51HabcDEF")).toBe("pk_test_51HabcDEF");
  });

  it("masks the local part of emails and UPI VPAs", () => {
    expect(redactText("mail jenny.rosen@example.com now")).toBe("mail j•••@example.com now");
    expect(redactText("success@upi")).toBe("s•••@upi");
    expect(redactText("alice@okaxis")).toBe("a•••@okaxis");
  });

  it("masks IBANs to their last four", () => {
    expect(redactText("DE89370400440532013000")).toBe("•••• 3000");
    expect(redactText("GB82 WEST 1234 5698 7654 32")).toBe("•••• 5432");
  });
});

describe("redactText's shortcut (strings that cannot hold anything skip the passes)", () => {
  it("answers exactly what the five passes answer, for 50,000 random strings built from the patterns' own parts", () => {
    const random = seededRandom(20261204);
    const parts = [
      "4242",
      "4242 ",
      "4-2",
      "0",
      "1",
      "9",
      " ",
      "-",
      "_",
      "sk_",
      "test_",
      "rk_live_",
      "whsec_",
      "Bearer ",
      "basic ",
      "BASIC ",
      "@",
      "okaxis",
      "a.b",
      "GB",
      "DE89",
      "gb82",
      "pay_01m8",
      "x",
      "Z",
      "NWBK",
      "37040044",
      ".",
      "€",
    ];
    let redacted = 0;
    for (let i = 0; i < 50_000; i++) {
      let text = "";
      for (let n = Math.floor(random() * 12); n >= 0; n--) text += parts[Math.floor(random() * parts.length)];
      expect(redactText(text)).toBe(redactAll(text));
      if (redactAll(text) !== text) redacted++;
    }
    // The strings exercise both ways: many are changed by the passes, many are not.
    expect(redacted).toBeGreaterThan(5_000);
    expect(redacted).toBeLessThan(45_000);
  });

  it("leaves ids, enums and short numbers alone, and still catches a spaced card number, a key and an address", () => {
    for (const plain of ["pay_01m8zz2y4zqtbass8bdxbte3r7", "requires_capture", "usd", "4200", "2026-12-04T08:00:00Z"]) expect(redactText(plain)).toBe(plain);
    expect(redactText("4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2")).toBe("•••• 4242");
    expect(redactText("key sk_test_abc")).toBe(`key sk_test_${REDACTED}`);
    expect(redactText("to jane@example.com")).toBe("to j•••@example.com");
  });
});

describe("redactValue", () => {
  it("redacts a card object: number to last four, cvc and expiry gone", () => {
    expect(redactValue({ card: { number: "4242424242424242", cvc: "123", exp_month: 12, exp_year: 2030, brand: "visa" } })).toEqual({
      card: { number: "•••• 4242", cvc: REDACTED, exp_month: REDACTED, exp_year: REDACTED, brand: "visa" },
    });
  });

  it("redacts secrets by key name whatever the value looks like, case and dashes aside", () => {
    expect(redactValue({ password: "hunter2", Authorization: "x", "client-secret": "abc", token: "t", api_key: "k", secret: "whatever", name: "ok" })).toEqual({
      password: REDACTED,
      Authorization: REDACTED,
      "client-secret": REDACTED,
      token: REDACTED,
      api_key: REDACTED,
      secret: REDACTED,
      name: "ok",
    });
  });

  it("redacts secrets and cards in values under any key, nested in objects and arrays", () => {
    const out = redactValue({ metadata: { note: `use ${SECRET}`, list: ["4242424242424242", { deep: [`x ${SECRET}`] }] } });
    expect(out).toEqual({ metadata: { note: `use sk_test_${REDACTED}`, list: ["•••• 4242", { deep: [`x sk_test_${REDACTED}`] }] } });
  });

  it("masks emails and VPAs by key and by shape", () => {
    expect(redactValue({ receipt_email: "jenny@example.com", upi: { vpa: "success@upi" }, customer: { email: "bob@x.io" } })).toEqual({
      receipt_email: "j•••@example.com",
      upi: { vpa: "s•••@upi" },
      customer: { email: "b•••@x.io" },
    });
  });

  it("masks bank account numbers and IBANs of a bank account creation", () => {
    expect(redactValue({ iban: "DE89 3704 0044 0532 0130 00", currency: "eur" })).toEqual({ iban: "•••• 3000", currency: "eur" });
    expect(redactValue({ account_number: "000123456789", routing_number: "110000000" })).toEqual({
      account_number: "•••• 6789",
      routing_number: "110000000",
    });
  });

  it("masks a card number sent as a JSON number, but not a time in ms", () => {
    expect(redactValue({ x: 4242424242424242 })).toEqual({ x: "•••• 4242" });
    expect(redactValue({ created_at: 1764739200006 })).toEqual({ created_at: 1764739200006 });
    expect(redactValue({ amount: 4200 })).toEqual({ amount: 4200 });
  });

  it("keeps nulls, booleans, empty secrets and the shape", () => {
    expect(redactValue({ password: null, ok: true, n: null, a: [] })).toEqual({ password: null, ok: true, n: null, a: [] });
  });
});

describe("redactBody", () => {
  it("redacts a JSON text and never returns the secret or the card", () => {
    const body = JSON.stringify({ amount: 100, payment_method_data: { card: { number: "4242 4242 4242 4242", cvc: "314" } }, note: SECRET });
    const { text, truncated } = redactBody(body);
    expect(truncated).toBe(false);
    expect(text).not.toContain("4242 4242 4242 4242");
    expect(text).not.toContain("4242424242424242");
    expect(text).not.toContain("314");
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text!)).toEqual({ amount: 100, payment_method_data: { card: { number: "•••• 4242", cvc: REDACTED } }, note: `sk_test_${REDACTED}` });
  });

  it("redacts text that is not JSON as text", () => {
    expect(redactBody(`amount=1&card=4242424242424242&key=${SECRET}`).text).toBe(`amount=1&card=•••• 4242&key=sk_test_${REDACTED}`);
  });

  it("an empty body is null", () => {
    expect(redactBody("")).toEqual({ text: null, truncated: false });
    expect(redactBody(null)).toEqual({ text: null, truncated: false });
    expect(redactParsed({})).toEqual({ text: null, truncated: false });
  });

  it("cuts at the cap and says so", () => {
    const big = JSON.stringify({ a: "x".repeat(BODY_CAP * 2) });
    const out = redactBody(big);
    expect(out.truncated).toBe(true);
    expect(out.text!.length).toBe(BODY_CAP);
    expect(redactBody(big, 10).text).toBe('{"a":"xxxx');
  });

  it("redactParsed matches redactBody on the same value", () => {
    const v = { email: "jo@example.com", card: { number: "4242424242424242" } };
    expect(redactParsed(v)).toEqual(redactBody(JSON.stringify(v)));
  });
});

describe("luhnValid", () => {
  it("checks the Luhn sum", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
  });
});
