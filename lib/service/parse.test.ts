import { describe, expect, it } from "vitest";
import { CreateCustomerInput } from "@/lib/customers/inputs";
import { CreatePaymentInput, ConfirmPaymentInput } from "@/lib/payments/inputs";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "./parse";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    return { code: error.code, param: error.param };
  }
  return null;
};

describe("parseWith refuses what the database or a browser must never get", () => {
  it("a NUL character anywhere (a value, a nested value, a key) is 400 parameter_invalid naming it, not a 500", () => {
    expect(refusal(() => parseWith(CreateCustomerInput, { name: "Ada\u0000Lovelace" }))).toEqual({ code: "parameter_invalid", param: "name" });
    expect(refusal(() => parseWith(CreateCustomerInput, { metadata: { order: "1\u0000" } }))).toEqual({ code: "parameter_invalid", param: "metadata[order]" });
    expect(refusal(() => parseWith(CreateCustomerInput, { metadata: { "o\u0000": "1" } }))).toEqual({ code: "parameter_invalid", param: "metadata[o\u0000]" });
    expect(parseWith(CreateCustomerInput, { name: "Ada Lovelace" })).toMatchObject({ name: "Ada Lovelace" });
  });

  it.each(["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"])(
    "return_url %s is 400 parameter_invalid",
    (url) => {
      expect(refusal(() => parseWith(CreatePaymentInput, { amount: 1000, currency: "usd", return_url: url }))).toEqual({
        code: "parameter_invalid",
        param: "return_url",
      });
      expect(refusal(() => parseWith(ConfirmPaymentInput, { return_url: url }))).toEqual({ code: "parameter_invalid", param: "return_url" });
    },
  );

  it("an http(s) return_url is taken", () => {
    expect(parseWith(CreatePaymentInput, { amount: 1000, currency: "usd", return_url: "https://shop.example/done?o=1" }).return_url).toBe(
      "https://shop.example/done?o=1",
    );
  });
});
