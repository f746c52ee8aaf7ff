// The Stripe test double answers the real SDK like Stripe: form encoding, idempotency, faults, signatures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { parseStripeForm } from "./form";
import { SECRET_KEY, startStripeDouble, WEBHOOK_SECRET, type StripeDouble } from "./server";

let double: StripeDouble;
beforeAll(async () => {
  double = await startStripeDouble();
});
afterAll(() => double.close());
beforeEach(() => double.reset());

describe("Stripe test double", () => {
  it("parses Stripe's bracketed form encoding", () => {
    expect(
      parseStripeForm("amount=100&metadata[kassa_payment_id]=pay_1&expand[0]=latest_charge&expand[1]=payment_method&evidence[uncategorized_text]=a%20b"),
    ).toEqual({
      amount: "100",
      metadata: { kassa_payment_id: "pay_1" },
      expand: ["latest_charge", "payment_method"],
      evidence: { uncategorized_text: "a b" },
    });
  });

  it("creates and confirms through the SDK; same key + params replays, other params are an idempotency_error", async () => {
    const stripe = double.client();
    const params = { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" as const };
    const a = await stripe.paymentIntents.create(params, { idempotencyKey: "k1" });
    expect(a).toMatchObject({ object: "payment_intent", status: "requires_capture", amount_capturable: 1000 });
    const b = await stripe.paymentIntents.create(params, { idempotencyKey: "k1" });
    expect(b.id).toBe(a.id);
    expect(double.state.paymentIntents.size).toBe(1);
    const err = await stripe.paymentIntents.create({ ...params, amount: 999 }, { idempotencyKey: "k1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(double.requests.map((r) => r.outcome)).toEqual(["answered", "replayed", "idempotency_error"]);
    expect(double.requests[0]).toMatchObject({ idempotencyKey: "k1", params: { capture_method: "manual", amount: "1000", confirm: "true" } });
  });

  it("declines with a card_error carrying decline_code and the PaymentIntent", async () => {
    const err = await double
      .client()
      .paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_chargeDeclinedInsufficientFunds", confirm: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds", raw: { payment_intent: { status: "requires_payment_method" } } });
  });

  it("lost response: applied, connection cut; 500 and 429: not applied; timeout: applied, answered late", async () => {
    const stripe = double.client({ timeout: 300 });
    // The SDK itself retries a cut connection once with the same (generated) key: Stripe replays.
    double.fail({ method: "POST", path: /^\/customers$/, kind: "lost" });
    await stripe.customers.create({ email: "a@b.test" });
    expect(double.requests.map((r) => r.outcome)).toEqual(["lost", "replayed"]);
    expect(double.state.customers.size).toBe(1);
    double.reset();
    double.fail({ method: "POST", path: /^\/customers$/, kind: "lost", times: 2 });
    await expect(stripe.customers.create({ email: "a@b.test" })).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(double.state.customers.size).toBe(1);
    double.fail({ path: /^\/customers$/, kind: "500" });
    await expect(stripe.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    double.fail({ path: /^\/customers$/, kind: "429" });
    await expect(stripe.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(double.state.customers.size).toBe(1);
    double.fail({ path: /^\/customers$/, kind: "timeout", delayMs: 800 });
    await expect(stripe.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(double.state.customers.size).toBe(2);
  });

  it("signs webhook deliveries the SDK verifies", async () => {
    await double.client().paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "automatic" });
    const [event] = double.eventsOf("payment_intent.succeeded");
    const { body, signature } = double.signed(event!);
    const verified = double.client().webhooks.constructEvent(body, signature, WEBHOOK_SECRET, 300);
    expect(verified).toMatchObject({ type: "payment_intent.succeeded", data: { object: { status: "succeeded" } } });
    expect(() => double.client().webhooks.constructEvent(body, signature, "whsec_other", 300)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});

describe("Stripe test double: random faults", () => {
  it("fails changing calls at the rate, a third each 500 (not applied), lost and timeout (applied), reads never", async () => {
    // Per request: the "fault?" draw, then (on a fault) the kind draw.
    const script = [0.1, 0.1, 0.1, 0.5, 0.1, 0.9, 0.5];
    let draws = 0;
    const faulty = await startStripeDouble({ randomFaults: { rate: 0.5, random: () => script[draws++]!, delayMs: 300 } });
    // Raw requests: the SDK would retry a cut connection on its own.
    const post = (key: string, timeoutMs = 2000) =>
      fetch(`${faulty.url}/v1/payment_intents`, {
        method: "POST",
        headers: { Authorization: `Bearer ${SECRET_KEY}`, "Idempotency-Key": key, "Content-Type": "application/x-www-form-urlencoded" },
        body: "amount=500&currency=usd&payment_method=pm_card_visa&confirm=true",
        signal: AbortSignal.timeout(timeoutMs),
      }).then(
        (r) => r.status,
        () => "no answer",
      );
    try {
      expect(await post("a")).toBe(500);
      expect(await post("b")).toBe("no answer");
      expect(await post("c", 100)).toBe("no answer");
      expect(await post("d")).toBe(200);
      expect(faulty.requests.map((r) => r.outcome)).toEqual(["500", "lost", "timeout", "answered"]);
      // The 500 created nothing; the lost and the late answer did.
      expect(faulty.state.paymentIntents.size).toBe(3);
      const read = await fetch(`${faulty.url}/v1/payment_intents/${[...faulty.state.paymentIntents.keys()][0]}`, {
        headers: { Authorization: `Bearer ${SECRET_KEY}` },
      });
      expect(read.status).toBe(200);
      expect(draws).toBe(script.length);
    } finally {
      await faulty.close();
    }
  });
});
