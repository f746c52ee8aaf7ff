// PayPal's webhooks end to end over real HTTP: the PayPal double signs and POSTs events to the real route
// (served on a socket), Kassa has them verified by the double's verify-webhook-signature through the real
// SDK client, records them once with one outbox event, the relay hands them to a recording stand-in of
// Inngest's event API, and the paypal-event function re-reads the order from the double and applies it.
import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, journalEntries, payments, paypalEvents, refunds } from "@/db/schema";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import type { ServiceContext } from "@/lib/service/context";
import { makeMerchantContext } from "@/test/fixtures";
import { startEventApi } from "@/test/inngest-event-api";
import { paypalPayment, paypalTestBed } from "@/test/paypal";
import type { WebhookEvent } from "@/test/paypal-double/webhooks";
import { serveRoute } from "@/test/route-server";
import { processPayPalEvent } from "./process-paypal-event";

const env = paypalTestBed("paypal_wh");
let eventApi: Awaited<ReturnType<typeof startEventApi>>;
let server: Awaited<ReturnType<typeof serveRoute>>;
let url: string;
/** One pass of the outbox relay (the server runs it after each commit and in its sweep). */
let relay: () => Promise<number>;

beforeAll(async () => {
  eventApi = await startEventApi();
  process.env.INNGEST_DEV = eventApi.url; // before the Inngest client is first imported
  server = await serveRoute(await import("@/app/api/webhooks/paypal/route"));
  url = `${server.url}/api/webhooks/paypal`;
  const { sendToInngest } = await import("@/inngest/send");
  const { publishPendingEvents } = await import("@/lib/events/publish-events");
  relay = () => publishPendingEvents({ send: sendToInngest });
});
afterAll(async () => {
  await server.close();
  await eventApi.close();
});

const merchant = () => makeMerchantContext(env.h.db, { actor: { type: "api_key", id: "key_test" } });
const deliver = (event: WebhookEvent | string, opts?: Parameters<typeof env.double.webhooks.deliver>[2]) => env.double.webhooks.deliver(url, event, opts);
const verifyCalls = () => env.double.requestsTo(/^\/v1\/notifications\/verify-webhook-signature$/, "POST").length;
const recorded = (id: string) => env.h.db.select().from(paypalEvents).where(eq(paypalEvents.id, id));
const handOffs = (merchantId: string) =>
  env.h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, merchantId), eq(events.type, INTERNAL_EVENTS.paypalEventReceived)));
const paymentRow = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const processFor = (ctx: ServiceContext, eventId: string) => processPayPalEvent({ eventId, merchantId: ctx.merchantId, livemode: false });

/** A payment whose create answer was lost: Kassa has it `processing`, PayPal captured it. */
async function lostCapture(ctx: ServiceContext, amount = 5000) {
  const p = await paypalPayment(env, ctx, { amount, lost: true });
  expect((await paymentRow(p.paymentId)).status).toBe("processing");
  return p;
}

describe("PayPal webhooks: verification, recording, hand-off", () => {
  it("a signed PAYMENT.CAPTURE.COMPLETED is verified by PayPal, recorded once with one outbox event, and reconciles the payment", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await lostCapture(ctx);
    const event = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", orderId);

    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, duplicate: false, ignored: false } });
    // PayPal was asked with the exact delivery and Kassa's webhook id.
    const [asked] = env.double.requestsTo(/verify-webhook-signature/);
    expect(asked!.body).toMatchObject({ webhook_id: env.double.webhooks.webhookId, auth_algo: "SHA256withRSA", webhook_event: event });
    expect(await recorded(event.id)).toEqual([
      expect.objectContaining({ type: "PAYMENT.CAPTURE.COMPLETED", merchantId: ctx.merchantId, livemode: false, paymentId, orderId, processedAt: null }),
    ]);

    // PayPal delivers again (a new transmission of the same event): acknowledged, nothing new.
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, duplicate: true, ignored: false } });
    expect(await recorded(event.id)).toHaveLength(1);
    const [handOff] = await handOffs(ctx.merchantId);
    expect(await handOffs(ctx.merchantId)).toHaveLength(1);
    expect(handOff!.data.object).toEqual({ paypal_event: event.id, type: event.event_type, merchant: ctx.merchantId, livemode: "false", payment: paymentId });

    // The relay hands it to the engine once, under the outbox id.
    const sentBefore = eventApi.received.length;
    await relay();
    await relay();
    const sent = eventApi.received.slice(sentBefore).filter((e) => e.name === INTERNAL_EVENTS.paypalEventReceived);
    expect(sent).toEqual([expect.objectContaining({ id: handOff!.id, data: handOff!.data.object })]);

    // The function re-reads the order from PayPal and records the capture; a second run does nothing.
    const { paypalEventFn } = await import("@/inngest/functions/paypal-event");
    const run = () => new InngestTestEngine({ function: paypalEventFn, events: [sent[0] as never] }).execute();
    expect((await run()).result).toEqual({ outcome: "applied" });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "succeeded", amountReceived: 5000n, processorId: orderId });
    expect(env.double.requestsTo(new RegExp(`^/v2/checkout/orders/${orderId}$`), "GET").length).toBeGreaterThan(0);
    expect((await run()).result).toEqual({ outcome: "duplicate" });
    expect((await recorded(event.id))[0]).toMatchObject({ outcome: "applied", processedAt: expect.any(Date) });
    expect(await env.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId))).toHaveLength(1);
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("the same event delivered 10 times at once: one row, one outbox event, one effect", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await lostCapture(ctx, 3000);
    const event = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", orderId);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => !(a.body as { duplicate: boolean }).duplicate)).toHaveLength(1);
    expect(await recorded(event.id)).toHaveLength(1);
    expect(await handOffs(ctx.merchantId)).toHaveLength(1);
    await Promise.all(Array.from({ length: 5 }, () => processFor(ctx, event.id)));
    expect((await paymentRow(paymentId)).status).toBe("succeeded");
    const succeeded = (await env.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId))).filter((e) => e.type === "payment.succeeded");
    expect(succeeded).toHaveLength(1);
  });

  it("a bad signature, a missing header, a stale or future transmission time, a changed body, another webhook's signature: 400, nothing recorded", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await lostCapture(ctx, 2000);
    const event = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", orderId);
    const good = env.double.webhooks.signed(event);
    const tampered = JSON.stringify({ ...event, resource: { ...event.resource, amount: { currency_code: "USD", value: "1.00" } } });
    const { resource, ...envelope } = event;
    const reordered = JSON.stringify({ resource, ...envelope });
    const refusals: [string, Awaited<ReturnType<typeof deliver>>, boolean][] = [
      ["forged", await deliver(event, { foreignKey: true }), true],
      ["another webhook", await deliver(event, { webhookId: "8PT597110X687430LKGECATA" }), true],
      ["stale", await deliver(event, { time: new Date(Date.now() - 6 * 60_000) }), false],
      ["future", await deliver(event, { time: new Date(Date.now() + 6 * 60_000) }), false],
    ];
    for (const header of ["paypal-transmission-id", "paypal-transmission-time", "paypal-transmission-sig", "paypal-cert-url", "paypal-auth-algo"]) {
      refusals.push([`no ${header}`, await deliver(event, { omit: [header] }), false]);
    }
    // A signed delivery whose body was changed or re-serialised in transit: PayPal's CRC no longer matches.
    for (const [name, body] of [
      ["tampered", tampered],
      ["reordered", reordered],
    ] as const) {
      const res = await fetch(url, { method: "POST", body, headers: good.headers });
      refusals.push([name, { status: res.status, body: await res.json() }, true]);
    }
    for (const [name, res] of refusals) {
      expect(res.status, name).toBe(400);
      expect((res.body as { error: unknown }).error, name).toMatchObject({ type: "invalid_request_error", code: "paypal_signature_invalid" });
    }
    // Only the deliveries that passed the cheap checks cost a call to PayPal: the stale, future and header-less ones did not.
    expect(verifyCalls()).toBe(refusals.filter(([, , asked]) => asked).length);
    expect((refusals.find(([n]) => n === "no paypal-auth-algo")![1].body as { error: { param: string } }).error.param).toBe("paypal-auth-algo");
    expect(await recorded(event.id)).toEqual([]);
    expect(await handOffs(ctx.merchantId)).toEqual([]);
    expect((await paymentRow(paymentId)).status).toBe("processing");
    // The genuine delivery still goes through.
    expect((await deliver(event)).status).toBe(200);
  });

  it("not JSON, oversized, PayPal's verification down, PayPal not configured: exact codes, nothing recorded", async () => {
    const notJson = await fetch(url, { method: "POST", body: "not json", headers: env.double.webhooks.signed("not json").headers });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatchObject({ code: "body_not_json" });
    const huge = env.double.webhooks.signed(JSON.stringify({ id: "WH-HUGE", padding: "x".repeat(1024 * 1024) }));
    const tooBig = await fetch(url, { method: "POST", ...huge });
    expect(tooBig.status).toBe(413);
    expect(verifyCalls()).toBe(0);

    const ctx = await merchant();
    const { orderId } = await lostCapture(ctx, 1500);
    const event = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", orderId);
    env.double.fail({ path: /verify-webhook-signature/, kind: "503" });
    const down = await deliver(event);
    expect(down).toMatchObject({ status: 503, body: { error: { code: "service_unavailable" } } });
    // PayPal revoked the token: 503 too, and the next delivery fetches a new one.
    env.double.revokeTokens();
    expect(await deliver(event)).toMatchObject({ status: 503, body: { error: { code: "service_unavailable" } } });
    expect(await recorded(event.id)).toEqual([]);

    const webhookId = process.env.PAYPAL_WEBHOOK_ID;
    delete process.env.PAYPAL_WEBHOOK_ID;
    try {
      const off = await deliver(event);
      expect(off).toMatchObject({ status: 404, body: { error: { type: "invalid_request_error", code: "paypal_webhooks_not_configured" } } });
    } finally {
      process.env.PAYPAL_WEBHOOK_ID = webhookId;
    }
    expect(await recorded(event.id)).toEqual([]);
    // PayPal's next attempt, with verification back: recorded.
    expect((await deliver(event)).status).toBe(200);
    expect(await recorded(event.id)).toHaveLength(1);
  });

  it("an event type Kassa does not act on, or for no Kassa payment: 200, recorded as processed, handed nowhere", async () => {
    const ctx = await merchant();
    const { orderId } = await paypalPayment(env, ctx);
    const completed = env.double.webhooks.event("CHECKOUT.ORDER.COMPLETED", orderId);
    expect(await deliver(completed)).toEqual({ status: 200, body: { received: true, duplicate: false, ignored: true } });
    expect((await recorded(completed.id))[0]).toMatchObject({ merchantId: ctx.merchantId, outcome: "ignored", processedAt: expect.any(Date) });

    // An order made outside Kassa: no custom_id, no attempt knows it.
    const foreign = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", orderId, {
      resource: { id: "3C679366HH908993F", status: "COMPLETED", supplementary_data: { related_ids: { order_id: "5O190127TN364715T" } } },
    });
    expect(await deliver(foreign)).toEqual({ status: 200, body: { received: true, duplicate: false, ignored: true } });
    expect((await recorded(foreign.id))[0]).toMatchObject({ merchantId: null, paymentId: null, outcome: "unknown_object", processedAt: expect.any(Date) });
    expect(await handOffs(ctx.merchantId)).toEqual([]);
  });
});

describe("PayPal webhooks: tenants", () => {
  it("an event about another merchant's order cannot touch this merchant's payment", async () => {
    const a = await merchant();
    const b = await merchant();
    const mine = await lostCapture(a, 4000);
    const theirs = await paypalPayment(env, b, { amount: 9900 });
    const genuine = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", theirs.orderId);
    // B's capture, its custom_id rewritten to name A's payment (as a confused or hostile sender would).
    const forged = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", theirs.orderId, {
      resource: { ...genuine.resource, custom_id: `kassa|${a.merchantId}|test|${mine.paymentId}` },
    });
    expect((await deliver(forged)).status).toBe(200);
    expect((await recorded(forged.id))[0]).toMatchObject({ merchantId: a.merchantId, paymentId: mine.paymentId, orderId: theirs.orderId });
    // Processing re-reads B's order from PayPal: its custom_id is B's, so A's payment is left as it was.
    expect(await processFor(a, forged.id)).toEqual({ outcome: "unknown_object" });
    expect(await paymentRow(mine.paymentId)).toMatchObject({ status: "processing", processorId: null });
    // The genuine event is B's, and processing for A does not even find it.
    expect((await deliver(genuine)).status).toBe(200);
    expect((await recorded(genuine.id))[0]).toMatchObject({ merchantId: b.merchantId, paymentId: theirs.paymentId });
    expect(await processFor(a, genuine.id)).toEqual({ outcome: "missing" });
    expect(await processFor(b, genuine.id)).toEqual({ outcome: "no_change" });
    expect(await paymentRow(theirs.paymentId)).toMatchObject({ status: "succeeded", amountReceived: 9900n });
  });
});

describe("PayPal webhooks: processing", () => {
  it("PAYMENT.CAPTURE.COMPLETED after Kassa's capture answer was lost: the pending capture is recorded", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await paypalPayment(env, ctx, { captureMethod: "manual", amount: 7000 });
    expect((await paymentRow(paymentId)).status).toBe("requires_capture");
    const { capturePayment } = await import("@/lib/payments/capture-payment");
    env.double.fail({ method: "POST", path: /\/capture$/, kind: "lost" });
    await expect(capturePayment({ ctx, id: paymentId, input: {} })).rejects.toMatchObject({ code: "processor_error" });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "requires_capture", pendingOperation: expect.objectContaining({ type: "capture" }) });
    const event = env.double.webhooks.event("PAYMENT.CAPTURE.COMPLETED", orderId);
    expect((await deliver(event)).status).toBe(200);
    expect(await processFor(ctx, event.id)).toEqual({ outcome: "applied" });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "succeeded", amountReceived: 7000n, pendingOperation: null });
  });

  it("PAYMENT.AUTHORIZATION.CREATED and VOIDED: a lost authorization is recorded, a void PayPal made on its own is an expired cancel", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await paypalPayment(env, ctx, { captureMethod: "manual", lost: true });
    const created = env.double.webhooks.event("PAYMENT.AUTHORIZATION.CREATED", orderId);
    expect((await deliver(created)).status).toBe(200);
    expect(await processFor(ctx, created.id)).toEqual({ outcome: "applied" });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "requires_capture", amountCapturable: 5000n });
    // PayPal voids the authorization itself (its validity ran out).
    const authorization = [...env.double.state.authorizations.values()].find((x) => x.order_id === orderId)!;
    authorization.status = "VOIDED";
    const voided = env.double.webhooks.event("PAYMENT.AUTHORIZATION.VOIDED", orderId);
    expect((await deliver(voided)).status).toBe(200);
    expect(await processFor(ctx, voided.id)).toEqual({ outcome: "applied" });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "canceled", cancellationReason: "expired", amountCapturable: 0n });
  });

  it("PAYMENT.CAPTURE.REFUNDED after Kassa's refund answer was lost: the pending refund is settled, once", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await paypalPayment(env, ctx, { amount: 6000 });
    const { createRefund } = await import("@/lib/refunds/create-refund");
    env.double.fail({ method: "POST", path: /\/refund$/, kind: "lost" });
    const refund = await createRefund({ ctx, input: { payment: paymentId, amount: 2500 } });
    expect(refund.status).toBe("pending");
    const event = env.double.webhooks.event("PAYMENT.CAPTURE.REFUNDED", orderId);
    expect(event.resource.custom_id).toBe(`kassa|${ctx.merchantId}|test|${refund.id}`);
    expect((await deliver(event)).status).toBe(200);
    expect((await recorded(event.id))[0]).toMatchObject({ paymentId });
    expect(await processFor(ctx, event.id)).toEqual({ outcome: "applied" });
    const [row] = await env.h.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
    expect(row).toMatchObject({ id: refund.id, status: "succeeded", amount: 2500n });
    expect(await env.h.db.select().from(refunds).where(eq(refunds.paymentId, paymentId))).toHaveLength(1);
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("PAYMENT.CAPTURE.REFUNDED for a refund made in PayPal's dashboard (no Kassa tag): found through its capture's order, imported once", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await paypalPayment(env, ctx, { amount: 8000 });
    const captureId = env.double.state.orders.get(orderId)!.captures.at(-1)!;
    // The merchant refunds in PayPal's dashboard: PayPal's own request, no custom_id.
    const { sharedPayPalApi } = await import("@/lib/gateways/paypal/client");
    await sharedPayPalApi().payments.refundCapturedPayment({
      captureId,
      body: { amount: { currencyCode: "USD", value: "30.00" } },
      paypalRequestId: "dashboard-1",
    });
    const event = env.double.webhooks.event("PAYMENT.CAPTURE.REFUNDED", orderId);
    expect(event.resource.custom_id).toBeUndefined();
    expect(event.resource.supplementary_data).toBeUndefined();
    expect((await deliver(event)).status).toBe(200);
    expect((await recorded(event.id))[0]).toMatchObject({ paymentId, merchantId: ctx.merchantId, orderId });
    expect(await processFor(ctx, event.id)).toEqual({ outcome: "applied" });
    const imported = await env.h.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
    expect(imported).toMatchObject([{ status: "succeeded", amount: 3000n }]);
    expect(await paymentRow(paymentId)).toMatchObject({ amountRefunded: 3000n });
    // PayPal delivers it again: nothing more.
    expect((await deliver(event)).status).toBe(200);
    expect(await env.h.db.select().from(refunds).where(eq(refunds.paymentId, paymentId))).toHaveLength(1);
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("CHECKOUT.ORDER.APPROVED for a customer who never came back from 3D Secure: Kassa pays the order", async () => {
    const ctx = await merchant();
    const { paymentId, orderId } = await paypalPayment(env, ctx, { paymentMethod: "pm_card_authenticationRequired", amount: 4200 });
    expect((await paymentRow(paymentId)).status).toBe("requires_action");
    env.double.payerAction(orderId, "succeed");
    const event = env.double.webhooks.event("CHECKOUT.ORDER.APPROVED", orderId);
    expect((await deliver(event)).status).toBe(200);
    expect(await processFor(ctx, event.id)).toEqual({ outcome: "applied" });
    expect(await paymentRow(paymentId)).toMatchObject({ status: "succeeded", amountReceived: 4200n });
    // The customer's return afterwards changes nothing: PayPal replays the capture by its PayPal-Request-Id.
    const { completeAuthentication } = await import("@/lib/payments/complete-authentication");
    expect((await completeAuthentication({ ctx, paymentId })).payment.status).toBe("succeeded");
    expect(env.double.requestsTo(new RegExp(`^/v2/checkout/orders/${orderId}/capture$`), "POST")).toHaveLength(1);
  });
});
