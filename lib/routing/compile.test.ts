import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { compileRouting, type RoutingFacts } from "./compile";
import { routableConnectors } from "./connectors";
import { RoutingRulesInput } from "./rules";

const TEST_MODE = routableConnectors(false, { PAYPAL_CLIENT_ID: "id", PAYPAL_CLIENT_SECRET: "secret" });
const compile = (doc: unknown, livemode = false, available = TEST_MODE) => compileRouting(parseWith(RoutingRulesInput, doc), available, livemode);
const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  paymentId: newId("payment"),
  amount: 5000n,
  currency: "usd",
  paymentMethodType: "card",
  card: { brand: "visa", country: "US", bin: "424242" },
  ...over,
});
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof KassaError) return { code: error.code, param: error.param, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("routing rules", () => {
  const doc = {
    rules: [
      { name: "big EUR", when: { currency: ["EUR"], amount_gte: 100_000 }, route: { connector: "sandbox_b" } },
      { name: "amex", when: { card_brand: ["amex"] }, route: { connector: "paypal" } },
      { when: { card_country: ["de", "FR"], bin: ["4000"] }, route: { connector: "sandbox_b" } },
      { name: "wallet", when: { payment_method_type: ["paypal"] }, route: { connector: "paypal" } },
    ],
    default: { connector: "sandbox" },
  };
  const route = compile(doc);

  it("takes the first rule whose conditions all hold, and names it", () => {
    expect(route(facts({ currency: "eur", amount: 150_000n }))).toEqual({
      connector: "sandbox_b",
      rule: { index: 0, name: "big EUR" },
      candidates: ["sandbox_b", "sandbox"],
    });
    // Under the threshold, the EUR rule does not hold: the default.
    expect(route(facts({ currency: "eur", amount: 99_999n }))).toMatchObject({ connector: "sandbox", rule: null });
    expect(route(facts({ card: { brand: "amex", country: "US", bin: "378282" } }))).toMatchObject({ connector: "paypal", rule: { index: 1 } });
    expect(route(facts({ card: { brand: "visa", country: "DE", bin: "400000" } }))).toMatchObject({ connector: "sandbox_b", rule: { index: 2, name: null } });
    // Country holds but the BIN does not.
    expect(route(facts({ card: { brand: "visa", country: "DE", bin: "424242" } }))).toMatchObject({ connector: "sandbox", rule: null });
  });

  it("never matches card conditions on a payment whose card is unknown (a processor's token before confirmation)", () => {
    expect(route(facts({ card: null }))).toMatchObject({ connector: "sandbox", rule: null });
    expect(route(facts({ card: { brand: null, country: null, bin: null } }))).toMatchObject({ connector: "sandbox", rule: null });
  });

  it("skips a route that cannot take the payment's method, and answers null when nothing can", () => {
    expect(route(facts({ paymentMethodType: "paypal", card: null }))).toMatchObject({ connector: "paypal", rule: { index: 3 }, candidates: ["paypal"] });
    const cardsOnly = compile({ rules: [], default: { connector: "sandbox" } });
    expect(cardsOnly(facts({ paymentMethodType: "paypal", card: null }))).toBeNull();
  });

  it("splits 70/30 within ±2% over 10,000 payments, and the same payment always the same way", () => {
    const split = compile({
      rules: [],
      default: {
        split: [
          { connector: "sandbox", weight: 70 },
          { connector: "sandbox_b", weight: 30 },
        ],
      },
    });
    const counts = new Map<string, number>();
    const first = new Map<string, string>();
    for (let i = 0; i < 10_000; i++) {
      const f = facts();
      const decision = split(f)!;
      counts.set(decision.connector, (counts.get(decision.connector) ?? 0) + 1);
      first.set(f.paymentId, decision.connector);
      expect(split(f)!.connector).toBe(decision.connector);
      expect(decision.candidates).toEqual([decision.connector, decision.connector === "sandbox" ? "sandbox_b" : "sandbox"]);
    }
    const share = (counts.get("sandbox") ?? 0) / 10_000;
    expect(share).toBeGreaterThanOrEqual(0.68);
    expect(share).toBeLessThanOrEqual(0.72);
  });

  it("routes in microseconds", () => {
    const many = compile({
      rules: Array.from({ length: 50 }, (_, i) => ({ when: { currency: ["eur"], amount_gte: i * 1000, bin: ["5"] }, route: { connector: "sandbox_b" } })),
      default: {
        split: [
          { connector: "sandbox", weight: 50 },
          { connector: "sandbox_b", weight: 50 },
        ],
      },
    });
    const f = facts();
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) many(f);
    const perCallUs = ((performance.now() - started) * 1000) / 10_000;
    // Generous (a loaded CI machine): the point is no I/O and no parsing per call.
    expect(perCallUs).toBeLessThan(50);
  });

  it("refuses a reference to a connector the mode lacks, naming the rule and the parameter", () => {
    expect(refusal(() => compile({ rules: [{ name: "EU", when: {}, route: { connector: "adyen" } }], default: { connector: "sandbox" } }))).toEqual({
      code: "routing_rule_invalid",
      param: "rules[0][route][connector]",
      message: "rules[0] ('EU') names connector 'adyen', which is not available in test mode (available: sandbox, sandbox_b, paypal).",
    });
    // The sandboxes are test-mode only.
    const live = routableConnectors(true, { STRIPE_SECRET_KEY: "sk_live_x" });
    expect(
      refusal(() =>
        compile(
          {
            rules: [],
            default: {
              split: [
                { connector: "stripe", weight: 50 },
                { connector: "sandbox", weight: 50 },
              ],
            },
          },
          true,
          live,
        ),
      ),
    ).toMatchObject({
      code: "routing_rule_invalid",
      param: "default[split][1][connector]",
    });
  });

  it("refuses splits that do not add up to 100, or name a connector twice", () => {
    expect(
      refusal(() =>
        compile({
          rules: [
            {
              when: {},
              route: {
                split: [
                  { connector: "sandbox", weight: 60 },
                  { connector: "sandbox_b", weight: 30 },
                ],
              },
            },
          ],
          default: { connector: "sandbox" },
        }),
      ),
    ).toMatchObject({ code: "routing_rule_invalid", param: "rules[0][route][split]", message: expect.stringContaining("add up to 90") });
    expect(
      refusal(() =>
        compile({
          rules: [],
          default: {
            split: [
              { connector: "sandbox", weight: 50 },
              { connector: "sandbox", weight: 50 },
            ],
          },
        }),
      ),
    ).toMatchObject({ code: "routing_rule_invalid", param: "default[split][1][connector]" });
  });

  it("refuses rules no payment can match, and routes to a connector that cannot take the rule's method", () => {
    expect(
      refusal(() => compile({ rules: [{ when: { amount_gte: 500, amount_lt: 500 }, route: { connector: "sandbox" } }], default: { connector: "sandbox" } })),
    ).toMatchObject({
      code: "routing_rule_invalid",
      param: "rules[0][when][amount_lt]",
    });
    expect(
      refusal(() =>
        compile({
          rules: [{ when: { payment_method_type: ["paypal"], card_brand: ["visa"] }, route: { connector: "paypal" } }],
          default: { connector: "sandbox" },
        }),
      ),
    ).toMatchObject({ code: "routing_rule_invalid", param: "rules[0][when][payment_method_type]" });
    expect(
      refusal(() => compile({ rules: [{ when: { payment_method_type: ["paypal"] }, route: { connector: "sandbox_b" } }], default: { connector: "sandbox" } })),
    ).toMatchObject({
      code: "routing_rule_invalid",
      param: "rules[0][route]",
      message: "rules[0] routes paypal payments to a connector that does not take paypal.",
    });
  });

  it("refuses syntax errors with the parameter named (the document's own checks)", () => {
    const syntax = (doc: unknown) => refusal(() => compile(doc));
    expect(syntax({ rules: [{ when: { currency: ["euro"] }, route: { connector: "sandbox" } }], default: { connector: "sandbox" } })).toMatchObject({
      code: "parameter_invalid",
      param: "rules[0][when][currency][0]",
    });
    expect(syntax({ rules: [{ when: { colour: "red" }, route: { connector: "sandbox" } }], default: { connector: "sandbox" } })).toMatchObject({
      code: "parameter_unknown",
      param: "rules[0][when][colour]",
    });
    expect(syntax({ rules: [] })).toMatchObject({ code: "parameter_missing", param: "default" });
    expect(syntax({ rules: [{ when: { bin: ["42x"] }, route: { connector: "sandbox" } }], default: { connector: "sandbox" } })).toMatchObject({
      code: "parameter_invalid",
      param: "rules[0][when][bin][0]",
    });
  });
});
