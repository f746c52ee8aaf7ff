import { describe, expect, it } from "vitest";
import { amountCurrency, draftFromRules, draftParam, emptyRule, problemField, rulesFromDraft, splitTotal, type RoutingDraft } from "./draft";

const CONNECTORS = ["sandbox", "sandbox_b"];

const draftWith = (patch: Partial<RoutingDraft["rules"][number]>): RoutingDraft => ({
  rules: [{ ...emptyRule(CONNECTORS), ...patch }],
  default: { kind: "connector", connector: "sandbox", split: [] },
});

describe("routing editor draft", () => {
  it("takes amounts in the major units of the rule's currencies, exactly, and in minor units without one", () => {
    const eur = rulesFromDraft(draftWith({ currency: "eur, USD", amountFrom: "10.50", amountTo: "1000" }));
    expect(eur).toEqual({
      ok: true,
      doc: {
        rules: [{ when: { currency: ["eur", "usd"], amount_gte: 1050, amount_lt: 100000 }, route: { connector: "sandbox" } }],
        default: { connector: "sandbox" },
      },
    });
    // 0.1 + 0.2 style float drift never reaches the amount: 0.29 EUR is 29 cents.
    expect(rulesFromDraft(draftWith({ currency: "EUR", amountFrom: "0.29" }))).toMatchObject({ ok: true, doc: { rules: [{ when: { amount_gte: 29 } }] } });
    expect(rulesFromDraft(draftWith({ currency: "JPY", amountFrom: "1500" }))).toMatchObject({ ok: true, doc: { rules: [{ when: { amount_gte: 1500 } }] } });
    expect(rulesFromDraft(draftWith({ currency: "KWD", amountFrom: "1.5" }))).toMatchObject({ ok: true, doc: { rules: [{ when: { amount_gte: 1500 } }] } });
    expect(rulesFromDraft(draftWith({ amountFrom: "1050" }))).toMatchObject({ ok: true, doc: { rules: [{ when: { amount_gte: 1050 } }] } });
    // EUR and JPY differ in decimal places: whole minor units.
    expect(amountCurrency("EUR, JPY")).toBeNull();
    expect(amountCurrency("eur usd")).toBe("eur");
  });

  it("refuses before sending what cannot be converted, naming the field's parameter", () => {
    const refusal = (patch: Partial<RoutingDraft["rules"][number]>) => {
      const r = rulesFromDraft(draftWith(patch));
      return r.ok ? null : r.problem.param;
    };
    expect(refusal({ currency: "EUR", amountFrom: "10.505" })).toBe("rules[0][when][amount_gte]");
    expect(refusal({ currency: "EUR", amountTo: "ten" })).toBe("rules[0][when][amount_lt]");
    expect(refusal({ amountFrom: "10.50" })).toBe("rules[0][when][amount_gte]");
    expect(refusal({ currency: "EUR, XXX" })).toBe("rules[0][when][currency][1]");
    expect(
      refusal({
        route: {
          kind: "split",
          connector: "",
          split: [
            { connector: "sandbox", weight: "60.5" },
            { connector: "sandbox_b", weight: "40" },
          ],
        },
      }),
    ).toBe("rules[0][route][split][0][weight]");
    expect(refusal({ route: { kind: "split", connector: "", split: [{ connector: "sandbox", weight: "100" }] } })).toBe("rules[0][route][split]");
  });

  it("round-trips saved rules, and sums a split as typed", () => {
    const doc = {
      rules: [
        { name: "EUR", when: { currency: ["eur"], amount_gte: 1050, card_country: ["DE"], bin: ["4242"] }, route: { connector: "sandbox_b" } },
        {
          when: { amount_lt: 99 },
          route: {
            split: [
              { connector: "sandbox", weight: 70 },
              { connector: "sandbox_b", weight: 30 },
            ],
          },
        },
      ],
      default: { connector: "sandbox" },
    };
    const draft = draftFromRules(doc, CONNECTORS);
    expect(draft.rules[0]).toMatchObject({ currency: "EUR", amountFrom: "10.50", cardCountry: "DE", bin: "4242" });
    expect(draft.rules[1]!.amountTo).toBe("99");
    expect(splitTotal(draft.rules[1]!.route)).toBe(100);
    expect(rulesFromDraft(draft)).toEqual({ ok: true, doc });
  });

  it("shows a refusal at the most specific field its parameter names", () => {
    const draft = draftFromRules(
      {
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
        default: {
          split: [
            { connector: "sandbox", weight: 50 },
            { connector: "sandbox_b", weight: 50 },
          ],
        },
      },
      CONNECTORS,
    );
    expect(problemField("rules[0][route][split]", draft)).toBe("rules[0][route][split]");
    expect(problemField("rules[0][route][split][1][connector]", draft)).toBe("rules[0][route][split][1][connector]");
    expect(problemField("rules[0][when][currency][3]", draft)).toBe("rules[0][when][currency]");
    expect(problemField("rules[0][when][amount_lt]", draft)).toBe("rules[0][when][amount_lt]");
    expect(problemField("rules[0][when][surprise]", draft)).toBe("rules[0][when]");
    expect(problemField("rules[0][route]", draft)).toBe("rules[0][route]");
    expect(problemField("default[split]", draft)).toBe("default[split]");
    expect(problemField("rules[4][name]", draft)).toBeNull();
    expect(problemField("rules", draft)).toBeNull();
    expect(problemField(undefined, draft)).toBeNull();
    expect(draftParam("rules[rules][0][route]")).toBe("rules[0][route]");
    expect(draftParam("rules[default][connector]")).toBe("default[connector]");
    expect(draftParam("amount")).toBe("amount");
  });
});
