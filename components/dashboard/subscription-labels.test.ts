// The subscription page's words: each status (and its reason) said in plain words, and the amount per period.
import { describe, expect, it } from "vitest";
import type { SubscriptionObject } from "@/lib/subscriptions/serialize";
import { amountPerPeriod, explainStatus, periodAmountLabel, reasonWords } from "./subscription-labels";

const at = (iso: string) => Date.parse(iso) / 1000;
const sub = (over: Partial<SubscriptionObject>): SubscriptionObject =>
  ({
    status: "active",
    status_reason: null,
    currency: "usd",
    cancel_at_period_end: false,
    current_period_end: at("2027-02-01T00:00:00Z"),
    trial_end: null,
    paused_at: null,
    ended_at: null,
    cancellation_details: { reason: null },
    plan_interval: { interval: "month", interval_count: 1 },
    items: {
      data: [
        { quantity: 2, price: { unit_amount: 2550 } },
        { quantity: 1, price: { unit_amount: 900 } },
      ],
    },
    ...over,
  }) as unknown as SubscriptionObject;

describe("subscription labels", () => {
  it("say each status and its reason in plain words", () => {
    expect(explainStatus(sub({}))).toBe("Active: the next renewal is on 2027-02-01.");
    expect(explainStatus(sub({ cancel_at_period_end: true }))).toMatch(/^Active, and set to cancel at the end of the period \(2027-02-01\)/);
    expect(explainStatus(sub({ status: "incomplete", status_reason: { code: "payment_method_missing", message: "…" } }))).toMatch(
      /^Waiting for its first payment: the customer has no saved card to charge\./,
    );
    expect(explainStatus(sub({ status: "past_due", status_reason: { code: "card_declined", decline_code: "insufficient_funds", message: "…" } }))).toMatch(
      /^The latest renewal payment failed because the card has insufficient funds\./,
    );
    expect(explainStatus(sub({ status: "trialing", trial_end: at("2027-01-15T00:00:00Z") }))).toMatch(/^In a free trial until 2027-01-15\. The first charge/);
    expect(explainStatus(sub({ status: "trialing", trial_end: at("2027-01-15T00:00:00Z"), cancel_at_period_end: true }))).toMatch(/nothing will be charged/);
    expect(explainStatus(sub({ status: "canceled", ended_at: at("2027-01-20T00:00:00Z"), cancellation_details: { reason: "payment_failed" } }))).toBe(
      "Ended on 2027-01-20 after its payment retries ran out. Nothing more will be billed.",
    );
    expect(explainStatus(sub({ status: "unpaid" }))).toMatch(/^Every retry failed/);
    expect(explainStatus(sub({ status: "paused", paused_at: at("2027-01-03T00:00:00Z") }))).toMatch(/^Paused since 2027-01-03/);
    expect(explainStatus(sub({ status: "incomplete_expired" }))).toMatch(/not paid within 23 hours/);
    // An unknown decline code falls back to its code's words, then the processor's message, then the code.
    expect(reasonWords({ code: "card_declined", decline_code: "velocity_exceeded", message: "Too many tries." })).toBe("the card's bank declined it");
    expect(reasonWords({ code: "rate_limit", message: "Too many tries." })).toBe("Too many tries.");
    expect(reasonWords({ code: "rate_limit" })).toBe("rate_limit");
    expect(reasonWords(null)).toBeNull();
  });

  it("add the items' amounts per period in minor units", () => {
    expect(amountPerPeriod(sub({}))).toBe(6000);
    expect(periodAmountLabel(sub({}))).toBe("$60.00 / month");
    expect(periodAmountLabel(sub({ currency: "jpy", plan_interval: { interval: "week", interval_count: 2 } }))).toBe("¥6,000 / 2 weeks");
  });
});
