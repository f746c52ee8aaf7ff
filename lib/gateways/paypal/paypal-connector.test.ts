// The PayPal connector through the real @paypal/paypal-server-sdk over HTTP against the PayPal double:
// what PayPal received (PayPal-Request-Id per step, invoice_id, custom_id) and what it then holds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_ID, CLIENT_SECRET, startPayPalDouble, type PayPalDouble } from "@/test/paypal-double/server";
import { getConnector } from "../index";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type AuthorizeInput, type Connector, type ConnectorContext } from "../types";
import { paypalApi } from "./client";
import { createPayPalConnector, PayPalUnsupportedError } from "./connector";
import type { PayPalOrderIndex } from "./order-index";

let double: PayPalDouble;
let paypal: Connector;
/** Attempt key → order id, as Kassa's phase B records it on the attempt row (order-index.ts reads that). */
const recorded = new Map<string, string>();
const index: PayPalOrderIndex = { orderOf: (_ctx, key) => Promise.resolve(recorded.get(key) ?? null) };
const ctx: ConnectorContext = { merchantId: "mer_pp1", livemode: false };
let n = 0;

function input(overrides: Partial<AuthorizeInput> = {}): AuthorizeInput {
  n++;
  return {
    idempotencyKey: `pa_test${n}`,
    paymentId: `pay_test${n}`,
    amount: 4000n,
    currency: "usd",
    paymentMethod: "pm_card_visa",
    captureMethod: "manual",
    description: "Order 1",
    ...overrides,
  };
}

const connector = (maxRetries = 0) =>
  createPayPalConnector({
    api: paypalApi({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, apiBase: double.url, maxRetries, timeoutMs: 2000 }),
    orders: index,
  });

const writes = () => double.requests.filter((r) => r.method === "POST" && r.path !== "/v1/oauth2/token");

beforeAll(async () => {
  double = await startPayPalDouble();
  paypal = connector();
});
afterAll(() => double.close());
beforeEach(() => {
  double.reset();
  recorded.clear();
});

describe("PayPal connector: cards through Orders v2 and Payments v2", () => {
  it("manual capture: authorize, capture part (the rest released), refund part — each write with its own PayPal-Request-Id", async () => {
    const auth = input();
    const charge = await paypal.authorize(ctx, auth);
    expect(charge).toMatchObject({
      status: "requires_capture",
      captureMethod: "manual",
      amount: 4000n,
      amountCapturable: 4000n,
      amountCaptured: 0n,
      currency: "usd",
      idempotencyKey: auth.idempotencyKey,
      paymentId: auth.paymentId,
      failure: null,
      paymentMethod: { type: "card", card: { brand: "visa", last4: "1881", funding: "credit" } },
    });
    const [create] = writes();
    expect(create).toMatchObject({
      path: "/v2/checkout/orders",
      requestId: `${auth.idempotencyKey}:create`,
      prefer: "return=representation",
      body: {
        intent: "AUTHORIZE",
        purchase_units: [
          {
            reference_id: "default",
            amount: { currency_code: "USD", value: "40.00" },
            invoice_id: auth.idempotencyKey,
            custom_id: `kassa|mer_pp1|test|${auth.paymentId}`,
            description: "Order 1",
          },
        ],
        payment_source: { card: { name: "Kassa Test", number: "4012888888881881" } },
      },
    });

    const captured = await paypal.capture(ctx, { processorId: charge.processorId, amount: 2500n, idempotencyKey: `capture:${auth.paymentId}` });
    expect(captured).toMatchObject({ status: "succeeded", amountCaptured: 2500n, amountCapturable: 0n });
    const authorization = [...double.state.authorizations.values()][0]!;
    expect(authorization.status).toBe("CAPTURED");
    expect(writes()[1]).toMatchObject({
      path: `/v2/payments/authorizations/${authorization.id}/capture`,
      requestId: `capture:${auth.paymentId}:capture`,
      body: { amount: { currency_code: "USD", value: "25.00" }, final_capture: true },
    });

    const refund = await paypal.refund(ctx, { processorId: charge.processorId, amount: 1000n, idempotencyKey: "re_part1" });
    expect(refund).toMatchObject({ status: "succeeded", amount: 1000n, currency: "usd", idempotencyKey: "re_part1", failureReason: null });
    const capture = [...double.state.captures.values()][0]!;
    expect(capture.status).toBe("PARTIALLY_REFUNDED");
    expect(writes()[2]).toMatchObject({
      path: `/v2/payments/captures/${capture.id}/refund`,
      requestId: "re_part1:refund",
      body: { amount: { currency_code: "USD", value: "10.00" }, custom_id: "kassa|mer_pp1|test|re_part1" },
    });
    expect(await paypal.retrieveRefund(ctx, { idempotencyKey: "re_part1", processorId: charge.processorId })).toEqual(refund);
    expect(await paypal.retrieveRefund(ctx, { idempotencyKey: "re_other", processorId: charge.processorId })).toBeNull();
    expect(await paypal.listRefunds(ctx, { processorId: charge.processorId })).toEqual([refund]);
    expect(await paypal.retrieve(ctx, { processorId: charge.processorId })).toMatchObject({
      status: "succeeded",
      amountCaptured: 2500n,
      amountRefunded: 1000n,
    });

    // The rest of the capture, then nothing is left.
    await paypal.refund(ctx, { processorId: charge.processorId, amount: 1500n, idempotencyKey: "re_part2" });
    expect(capture.status).toBe("REFUNDED");
    await expect(paypal.refund(ctx, { processorId: charge.processorId, amount: 1n, idempotencyKey: "re_part3" })).rejects.toMatchObject({
      name: "ConnectorRequestError",
      code: "charge_already_refunded",
    });
  });

  it("automatic capture: intent CAPTURE, captured in the create call; there is no authorization to void", async () => {
    const auth = input({ captureMethod: "automatic", amount: 5000n, paymentMethod: "pm_card_mastercard" });
    const charge = await paypal.authorize(ctx, auth);
    expect(charge).toMatchObject({ status: "succeeded", captureMethod: "automatic", amountCaptured: 5000n, amountCapturable: 0n });
    expect(charge.paymentMethod).toMatchObject({ card: { brand: "mastercard", last4: "0011" } });
    expect(writes()).toHaveLength(1);
    expect(writes()[0]!.body).toMatchObject({ intent: "CAPTURE" });
    expect(double.state.authorizations.size).toBe(0);
    expect([...double.state.captures.values()].map((c) => c.status)).toEqual(["COMPLETED"]);
    await expect(paypal.cancel(ctx, { processorId: charge.processorId, idempotencyKey: "cancel:x" })).rejects.toBeInstanceOf(ConnectorRequestError);
  });

  it("a declined card is a failed charge with Stripe-style code and decline_code from PayPal's processor response", async () => {
    const charge = await paypal.authorize(ctx, input({ captureMethod: "automatic", paymentMethod: "pm_card_chargeDeclinedInsufficientFunds" }));
    expect(charge).toMatchObject({
      status: "failed",
      amountCaptured: 0n,
      failure: { code: "card_declined", declineCode: "insufficient_funds", retryable: false, type: "card_error" },
    });
    expect(charge.processorId).toMatch(/^[A-Z0-9]{17}$/);
    expect(writes()[0]!.body).toMatchObject({ payment_source: { card: { name: "CCREJECT-IF" } } });
    expect([...double.state.captures.values()][0]).toMatchObject({
      status: "DECLINED",
      processor_response: { response_code: "5120", avs_code: "G", cvv_code: "P" },
    });

    const denied = await paypal.authorize(ctx, input({ paymentMethod: "pm_card_chargeDeclined" }));
    expect(denied).toMatchObject({ status: "failed", failure: { code: "card_declined", declineCode: "generic_decline" } });
    expect([...double.state.authorizations.values()][0]!.status).toBe("DENIED");

    const fraud = await paypal.authorize(ctx, input({ paymentMethod: "pm_card_radarBlock" }));
    expect(fraud).toMatchObject({ status: "failed", riskLevel: "highest", failure: { declineCode: "fraudulent", type: "fraud" } });
    const expired = await paypal.authorize(ctx, input({ paymentMethod: "pm_card_chargeDeclinedExpiredCard" }));
    expect(expired.failure).toMatchObject({ code: "expired_card", declineCode: "expired_card" });
  });

  it("a create whose answer is lost: unknown outcome; the same key again is PayPal's replay — one order, one authorization", async () => {
    const auth = input();
    double.fail({ method: "POST", path: /^\/v2\/checkout\/orders$/, kind: "lost" });
    const lost = await paypal.authorize(ctx, auth).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect(double.state.orders.size).toBe(1); // PayPal made it; Kassa never heard
    // Kassa never learned the order, so retrieve by key finds nothing and the money path re-sends.
    expect(await paypal.retrieve(ctx, { idempotencyKey: auth.idempotencyKey })).toBeNull();
    const again = await paypal.authorize(ctx, auth);
    expect(again).toMatchObject({ status: "requires_capture", idempotencyKey: auth.idempotencyKey });
    expect(again.processorId).toBe([...double.state.orders.keys()][0]);
    expect(double.state.orders.size).toBe(1);
    expect(double.state.authorizations.size).toBe(1);
    expect(writes().map((r) => [r.requestId, r.outcome])).toEqual([
      [`${auth.idempotencyKey}:create`, "lost"],
      [`${auth.idempotencyKey}:create`, "replayed"],
    ]);
  });

  it("with the SDK's own retry on, a lost answer is replayed within the one call", async () => {
    const retrying = connector(1);
    double.fail({ method: "POST", path: /^\/v2\/checkout\/orders$/, kind: "lost" });
    const charge = await retrying.authorize(ctx, input({ captureMethod: "automatic" }));
    expect(charge.status).toBe("succeeded");
    expect(double.state.orders.size).toBe(1);
    expect(double.state.captures.size).toBe(1);
    expect(writes().map((r) => r.outcome)).toEqual(["lost", "replayed"]);
  });

  it("5xx then success: nothing was made, the outcome is unknown, and the same key later succeeds once", async () => {
    const auth = input();
    double.fail({ method: "POST", path: /^\/v2\/checkout\/orders$/, kind: "500", times: 2 });
    await expect(paypal.authorize(ctx, auth)).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    await expect(paypal.authorize(ctx, auth)).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect(double.state.orders.size).toBe(0);
    const charge = await paypal.authorize(ctx, auth);
    expect(charge.status).toBe("requires_capture");
    expect(double.state.orders.size).toBe(1);

    double.fail({ method: "POST", path: /\/capture$/, kind: "503" });
    const key = `capture:${auth.paymentId}`;
    await expect(paypal.capture(ctx, { processorId: charge.processorId, amount: 4000n, idempotencyKey: key })).rejects.toBeInstanceOf(
      ConnectorUnknownOutcomeError,
    );
    expect(await paypal.capture(ctx, { processorId: charge.processorId, amount: 4000n, idempotencyKey: key })).toMatchObject({ status: "succeeded" });
    expect(double.state.captures.size).toBe(1);
    expect(writes().map((r) => r.outcome)).toEqual(["500", "500", "answered", "503", "answered"]);
  });

  it("void: the authorization is voided with its own request id; sending it again replays; a capture after it is refused", async () => {
    const auth = input();
    const charge = await paypal.authorize(ctx, auth);
    const cancel = { processorId: charge.processorId, idempotencyKey: `cancel:${auth.paymentId}` };
    expect(await paypal.cancel(ctx, cancel)).toMatchObject({ status: "canceled", amountCapturable: 0n, amountCaptured: 0n });
    const authorization = [...double.state.authorizations.values()][0]!;
    expect(authorization.status).toBe("VOIDED");
    expect(await paypal.cancel(ctx, cancel)).toMatchObject({ status: "canceled" });
    expect(
      writes()
        .slice(1)
        .map((r) => [r.path, r.requestId, r.outcome]),
    ).toEqual([
      [`/v2/payments/authorizations/${authorization.id}/void`, `cancel:${auth.paymentId}:void`, "answered"],
      [`/v2/payments/authorizations/${authorization.id}/void`, `cancel:${auth.paymentId}:void`, "replayed"],
    ]);
    await expect(paypal.capture(ctx, { processorId: charge.processorId, amount: 4000n, idempotencyKey: "capture:late" })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });

  it("retrieve by key: the order Kassa recorded for the attempt, checked against its invoice_id and tenant", async () => {
    const auth = input({ captureMethod: "automatic" });
    const charge = await paypal.authorize(ctx, auth);
    recorded.set(auth.idempotencyKey, charge.processorId);
    expect(await paypal.retrieve(ctx, { idempotencyKey: auth.idempotencyKey })).toEqual(charge);
    expect(await paypal.retrieve(ctx, { processorId: charge.processorId })).toEqual(charge);
    // Another merchant, the other mode, a key whose order is another attempt's, an unknown order: nothing.
    expect(await paypal.retrieve({ merchantId: "mer_other", livemode: false }, { processorId: charge.processorId })).toBeNull();
    expect(await paypal.retrieve({ ...ctx, livemode: true }, { idempotencyKey: auth.idempotencyKey })).toBeNull();
    recorded.set("pa_someone_else", charge.processorId);
    expect(await paypal.retrieve(ctx, { idempotencyKey: "pa_someone_else" })).toBeNull();
    expect(await paypal.retrieve(ctx, { processorId: "0ABCDEFGHIJKLMNOP" })).toBeNull();
  });
});

describe("PayPal connector: the edges", () => {
  it("a revoked token: 401 is an unknown outcome, and the next call fetches a new token", async () => {
    const charge = await paypal.authorize(ctx, input());
    double.revokeTokens();
    await expect(paypal.retrieve(ctx, { processorId: charge.processorId })).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect(await paypal.retrieve(ctx, { processorId: charge.processorId })).toMatchObject({ status: "requires_capture" });
    expect(double.requests.map((r) => `${r.path} ${r.outcome}`).slice(-3)).toEqual([
      `/v2/checkout/orders/${charge.processorId} unauthorized`,
      "/v1/oauth2/token answered",
      `/v2/checkout/orders/${charge.processorId} answered`,
    ]);
  });

  it("wrong client credentials: unknown outcome naming the token request; nothing reaches the Orders API", async () => {
    const bad = createPayPalConnector({ api: paypalApi({ clientId: CLIENT_ID, clientSecret: "wrong", apiBase: double.url, maxRetries: 0 }), orders: index });
    const error = await bad.authorize(ctx, input()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect((error as Error).message).toMatch(/OAuth token request failed/);
    expect(writes()).toEqual([]);
  });

  it("the same key with another amount is refused (PAYPAL_REQUEST_ID_PREVIOUSLY_USED), not a second order", async () => {
    const auth = input();
    await paypal.authorize(ctx, auth);
    await expect(paypal.authorize(ctx, { ...auth, amount: 3999n })).rejects.toMatchObject({ name: "ConnectorRequestError", code: "idempotency_key_reused" });
    expect(double.state.orders.size).toBe(1);
  });

  it("past PayPal's request-id retention, invoice_id still refuses a second payment: an unknown outcome, not a decline", async () => {
    const auth = input();
    await paypal.authorize(ctx, auth);
    double.expireRequestIds();
    await expect(paypal.authorize(ctx, auth)).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect(double.state.authorizations.size).toBe(1);
  });

  it("3D Secure: requires_action with PayPal's payer-action link; after the payer, completeAuthentication captures once", async () => {
    const auth = input({ captureMethod: "automatic", paymentMethod: "pm_card_authenticationRequired", returnUrl: "https://shop.example/return" });
    const charge = await paypal.authorize(ctx, auth);
    expect(charge).toMatchObject({ status: "requires_action", nextAction: { type: "redirect_to_url" } });
    expect(charge.nextAction?.type === "redirect_to_url" && charge.nextAction.redirectToUrl.url).toContain("/webapps/helios?");
    expect(writes()[0]!.body).toMatchObject({
      payment_source: { card: { attributes: { verification: { method: "SCA_ALWAYS" } }, experience_context: { return_url: "https://shop.example/return" } } },
    });
    // Kassa only knows the order once the payer is back; before that there is nothing to pay.
    expect(await paypal.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" })).toMatchObject({ status: "requires_action" });
    double.payerAction(charge.processorId, "succeed");
    const done = await paypal.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" });
    expect(done).toMatchObject({ status: "succeeded", amountCaptured: 4000n });
    expect(await paypal.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" })).toMatchObject({ status: "succeeded" });
    expect(writes().map((r) => [r.path.replace(charge.processorId, "ID"), r.requestId])).toEqual([
      ["/v2/checkout/orders", `${auth.idempotencyKey}:create`],
      ["/v2/checkout/orders/ID/capture", `${auth.idempotencyKey}:capture`],
    ]);

    const failing = await paypal.authorize(ctx, input({ requestThreeDSecure: true }));
    double.payerAction(failing.processorId, "fail");
    expect(await paypal.completeAuthentication(ctx, { processorId: failing.processorId, outcome: "succeed" })).toMatchObject({
      status: "failed",
      failure: { declineCode: "authentication_failed" },
    });
    expect(double.state.authorizations.size).toBe(0);

    // An order the payer never finished has nothing to void: canceled as it stands, nothing sent.
    const abandoned = await paypal.authorize(ctx, input({ requestThreeDSecure: true }));
    const before = writes().length;
    expect(await paypal.cancel(ctx, { processorId: abandoned.processorId, idempotencyKey: "cancel:abandoned" })).toMatchObject({
      status: "canceled",
      nextAction: null,
    });
    expect(writes()).toHaveLength(before);
  });

  it("refuses before sending what PayPal cannot take: live cards, unsupported currencies, test cards without a PayPal twin", async () => {
    await expect(paypal.authorize({ ...ctx, livemode: true }, input())).rejects.toMatchObject({ code: "payment_method_unsupported" });
    await expect(paypal.authorize(ctx, input({ currency: "inr" }))).rejects.toMatchObject({ code: "currency_unsupported", param: "currency" });
    await expect(paypal.authorize(ctx, input({ currency: "huf", amount: 150n }))).rejects.toMatchObject({ code: "parameter_invalid", param: "amount" });
    await expect(paypal.authorize(ctx, input({ paymentMethod: "pm_card_refundFail" }))).rejects.toMatchObject({ code: "payment_method_unsupported" });
    await expect(paypal.authorize(ctx, input({ paymentMethod: "pm_nope" }))).rejects.toMatchObject({ code: "payment_method_unknown" });
    expect(double.requests).toEqual([]);
    // Zero- and whole-unit currencies in PayPal's format.
    await paypal.authorize(ctx, input({ currency: "jpy", amount: 500n }));
    await paypal.authorize(ctx, input({ currency: "huf", amount: 150_000n }));
    expect(writes().map((r) => (r.body as { purchase_units: { amount: unknown }[] }).purchase_units[0]!.amount)).toEqual([
      { currency_code: "JPY", value: "500" },
      { currency_code: "HUF", value: "1500" },
    ]);
  });

  it("saved cards and disputes throw PayPalUnsupportedError; customers need no PayPal twin", async () => {
    await expect(
      paypal.setupPaymentMethod(ctx, { idempotencyKey: "seti_1", customerId: "cus_1", paymentMethod: "pm_card_visa", usage: "off_session" }),
    ).rejects.toBeInstanceOf(PayPalUnsupportedError);
    await expect(paypal.attachPaymentMethod(ctx, { paymentMethod: "pm_card_visa", idempotencyKey: "k", customerId: "cus_1" })).rejects.toMatchObject({
      name: "PayPalUnsupportedError",
      code: "payment_method_unsupported",
    });
    await expect(paypal.submitDisputeEvidence(ctx, { processorId: "PP-D-1", evidence: {}, idempotencyKey: "k" })).rejects.toMatchObject({
      name: "PayPalUnsupportedError",
      code: "processor_unavailable",
    });
    expect(await paypal.createCustomer(ctx, { customerId: "cus_1" })).toEqual({ processorId: null });
  });
});

describe("PayPal connector from the environment", () => {
  it("getConnector('paypal') reads PAYPAL_CLIENT_ID / PAYPAL_CLIENT_SECRET / PAYPAL_API_BASE on first use", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { PAYPAL_CLIENT_ID: CLIENT_ID, PAYPAL_CLIENT_SECRET: CLIENT_SECRET, PAYPAL_API_BASE: double.url, PAYPAL_MAX_RETRIES: "0" });
    try {
      const fromEnv = getConnector("paypal");
      expect(fromEnv.name).toBe("paypal");
      expect(await fromEnv.authorize(ctx, input({ captureMethod: "automatic" }))).toMatchObject({ status: "succeeded" });
      expect(double.state.orders.size).toBe(1);
    } finally {
      for (const k of ["PAYPAL_CLIENT_ID", "PAYPAL_CLIENT_SECRET", "PAYPAL_API_BASE", "PAYPAL_MAX_RETRIES"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});
