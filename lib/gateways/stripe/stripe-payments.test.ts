// The money path on Stripe: Kassa's services through the real `stripe` SDK against the Stripe double,
// asserting the exact parameters Stripe received and the ledger afterwards.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { journalEntries, journalLines, payments } from "@/db/schema";
import { systemActor } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { getConnector } from "@/lib/gateways";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { capturePayment } from "@/lib/payments/capture-payment";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { apiMerchant, stripeTestBed } from "@/test/stripe";
import { errorCodeOf as code } from "@/test/fixtures";

const env = stripeTestBed("stripe_pay");
const later = () => Date.now() + 120_000;

async function ledgerOf(merchantId: string) {
  return env.h.db
    .select({ key: journalEntries.key, type: journalEntries.type, account: journalLines.account, amount: journalLines.amount })
    .from(journalEntries)
    .innerJoin(journalLines, eq(journalLines.entryId, journalEntries.id))
    .where(eq(journalEntries.merchantId, merchantId))
    .orderBy(journalEntries.id, journalLines.position);
}

async function expectMoneyOk(merchantId: string) {
  const result = await checkMoneyInvariants(env.h.db, { merchantId });
  expect(result.problems).toEqual([]);
}

describe("payments on Stripe through the SDK", () => {
  it("automatic capture: one confirmed PaymentIntent keyed by the attempt id, charged and posted", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true, description: "Order 1" } });
    expect(p).toMatchObject({ status: "succeeded", amount_received: 5000 });
    const [create] = env.double.requestsTo(/^\/payment_intents$/, "POST");
    expect(create).toMatchObject({
      idempotencyKey: p.latest_attempt,
      params: {
        amount: "5000",
        currency: "usd",
        payment_method: "pm_card_visa",
        capture_method: "automatic",
        confirm: "true",
        description: "Order 1",
        metadata: { kassa_payment_id: p.id, kassa_attempt_id: p.latest_attempt, kassa_merchant_id: ctx.merchantId, kassa_livemode: "false" },
      },
    });
    const [row] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row).toMatchObject({ connector: "stripe", processorId: [...env.double.state.paymentIntents.keys()][0], card: { brand: "visa", last4: "4242" } });
    const ledger = await ledgerOf(ctx.merchantId);
    expect(ledger.filter((l) => l.account === "processor_clearing")).toEqual([
      { key: `capture:${p.id}`, type: "capture", account: "processor_clearing", amount: 5000n },
    ]);
    await expectMoneyOk(ctx.merchantId);
  });

  it("manual capture, partial: amount_to_capture sent with the operation's key; the rest is released", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({ ctx, input: { amount: 4000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    expect(p).toMatchObject({ status: "requires_capture", amount_capturable: 4000 });
    expect(env.double.requests[0]!.params.capture_method).toBe("manual");
    expect(await ledgerOf(ctx.merchantId)).toEqual([]); // an authorisation moves no money
    const captured = await capturePayment({ ctx, id: p.id, input: { amount_to_capture: 2500 } });
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 2500, amount_capturable: 0 });
    const [capture] = env.double.requestsTo(/\/capture$/, "POST");
    expect(capture).toMatchObject({ idempotencyKey: `capture:${p.id}`, params: { amount_to_capture: "2500", metadata: { kassa_payment_id: p.id } } });
    const pi = env.double.state.paymentIntents.values().next().value!;
    expect(pi).toMatchObject({ status: "succeeded", amount_received: 2500 });
    expect((await ledgerOf(ctx.merchantId)).find((l) => l.account === "processor_clearing")?.amount).toBe(2500n);
    await expectMoneyOk(ctx.merchantId);
  });

  it("cancel: the authorisation is voided at Stripe with the operation's key; nothing is posted", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({ ctx, input: { amount: 3000, currency: "eur", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    const canceled = await cancelPayment({ ctx, id: p.id, input: { cancellation_reason: "requested_by_customer" } });
    expect(canceled.status).toBe("canceled");
    const [cancel] = env.double.requestsTo(/\/cancel$/, "POST");
    expect(cancel!.idempotencyKey).toBe(`cancel:${p.id}`);
    expect(env.double.state.paymentIntents.values().next().value!.status).toBe("canceled");
    expect(await ledgerOf(ctx.merchantId)).toEqual([]);
    await expectMoneyOk(ctx.merchantId);
  });

  it("refunds, partial then the rest: each keyed by its refund id, posted once each", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_mastercard", confirm: true } });
    const first = await createRefund({ ctx, input: { payment: p.id, amount: 2000, reason: "requested_by_customer" } });
    const rest = await createRefund({ ctx, input: { payment: p.id } });
    expect([first.status, rest.status]).toEqual(["succeeded", "succeeded"]);
    expect([first.amount, rest.amount]).toEqual([2000, 3000]);
    const sent = env.double.requestsTo(/^\/refunds$/, "POST");
    expect(sent.map((r) => r.idempotencyKey)).toEqual([first.id, rest.id]);
    expect(sent[0]!.params).toEqual({
      payment_intent: env.double.state.paymentIntents.keys().next().value,
      amount: "2000",
      reason: "requested_by_customer",
      metadata: { kassa_refund_id: first.id, kassa_payment_id: p.id, kassa_merchant_id: ctx.merchantId, kassa_livemode: "false" },
    });
    expect(sent[1]!.params.amount).toBe("3000");
    const ledger = await ledgerOf(ctx.merchantId);
    expect(ledger.filter((l) => l.account === "refunds").map((l) => l.amount)).toEqual([-2000n, -3000n]);
    expect(await code(createRefund({ ctx, input: { payment: p.id, amount: 1 } }))).toBe("charge_already_refunded");
    await expectMoneyOk(ctx.merchantId);
  });

  it("a decline is a card_error with Stripe's decline_code; the payment awaits another method", async () => {
    const ctx = await apiMerchant(env.h.db);
    const err = await createPayment({
      ctx,
      input: { amount: 1500, currency: "usd", payment_method: "pm_card_chargeDeclinedInsufficientFunds", confirm: true },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KassaError);
    expect(err).toMatchObject({ code: "card_declined", declineCode: "insufficient_funds" });
    const [row] = await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
    expect(row).toMatchObject({ status: "requires_payment_method", lastPaymentError: { code: "card_declined", decline_code: "insufficient_funds" } });
    await expectMoneyOk(ctx.merchantId);
  });

  it("a confirm whose response is lost: processing, then settled with the same key — one PaymentIntent", async () => {
    const ctx = await apiMerchant(env.h.db);
    // Lost twice: the SDK itself retries a cut connection once (same key, replayed), so cut both.
    env.double.fail({ method: "POST", path: /^\/payment_intents$/, kind: "lost", times: 2 });
    const p = await createPayment({ ctx, input: { amount: 2600, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(p.status).toBe("processing");
    expect(env.double.state.paymentIntents.size).toBe(1);
    const settled = await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: p.id, now: later() });
    expect(settled).toEqual({ status: "succeeded", done: true });
    expect(env.double.state.paymentIntents.size).toBe(1);
    // And sending the same attempt again (what a retry does when the search has not caught up) is a replay.
    const again = await getConnector("stripe").authorize(
      { merchantId: ctx.merchantId, livemode: false },
      {
        idempotencyKey: p.latest_attempt!,
        paymentId: p.id,
        amount: 2600n,
        currency: "usd",
        paymentMethod: "pm_card_visa",
        captureMethod: "automatic",
        customer: null,
        description: null,
        returnUrl: null,
      },
    );
    expect(again.processorId).toBe(env.double.state.paymentIntents.keys().next().value);
    expect(env.double.state.paymentIntents.size).toBe(1);
    expect(env.double.requests.filter((r) => r.method === "POST" && r.path === "/payment_intents").map((r) => [r.idempotencyKey, r.outcome])).toEqual([
      [p.latest_attempt, "lost"],
      [p.latest_attempt, "lost"],
      [p.latest_attempt, "replayed"],
    ]);
    await expectMoneyOk(ctx.merchantId);
  });

  it("a 500 or 429 from Stripe is an unknown outcome; the payment is settled later with the same key", async () => {
    const ctx = await apiMerchant(env.h.db);
    env.double.fail({ method: "POST", path: /^\/payment_intents$/, kind: "500" });
    const p = await createPayment({ ctx, input: { amount: 2700, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    expect(p.status).toBe("processing");
    expect(env.double.state.paymentIntents.size).toBe(0);
    expect((await settlePayment({ ctx, paymentId: p.id, now: later() })).status).toBe("requires_capture");
    expect(env.double.state.paymentIntents.size).toBe(1);

    env.double.fail({ method: "POST", path: /\/capture$/, kind: "429" });
    expect(await code(capturePayment({ ctx, id: p.id, input: {} }))).toBe("processor_error");
    expect((await settlePayment({ ctx, paymentId: p.id, now: later() })).status).toBe("succeeded");
    expect(env.double.requestsTo(/\/capture$/).map((r) => r.outcome)).toEqual(["429", "answered"]);
    await expectMoneyOk(ctx.merchantId);
  });

  it("3D Secure: requires_action with the client secret for Stripe.js; completeAuthentication is Stripe's job", async () => {
    const ctx = await apiMerchant(env.h.db);
    const cctx = { merchantId: ctx.merchantId, livemode: false };
    const charge = await getConnector("stripe").authorize(cctx, {
      idempotencyKey: "pa_3ds_test",
      paymentId: "pay_x",
      amount: 1000n,
      currency: "usd",
      paymentMethod: "pm_card_authenticationRequired",
      captureMethod: "automatic",
    });
    expect(charge.status).toBe("requires_action");
    expect(charge.clientSecret).toMatch(/^pi_.+_secret_/);
    await expect(getConnector("stripe").completeAuthentication(cctx, { processorId: charge.processorId, outcome: "succeed" })).rejects.toMatchObject({
      name: "ConnectorRequestError",
    });
    // Another merchant cannot read it.
    expect(await getConnector("stripe").retrieve({ merchantId: "mer_other", livemode: false }, { processorId: charge.processorId })).toBeNull();
  });

  it("test mode stays on the sandbox with KASSA_TEST_MODE_PROCESSOR=sandbox", async () => {
    const ctx = await apiMerchant(env.h.db);
    process.env.KASSA_TEST_MODE_PROCESSOR = "sandbox";
    try {
      const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
      const [row] = await env.h.db
        .select()
        .from(payments)
        .where(and(eq(payments.id, p.id)));
      expect(row!.connector).toBe("sandbox");
      expect(env.double.requests).toEqual([]);
    } finally {
      delete process.env.KASSA_TEST_MODE_PROCESSOR;
    }
  });
});
