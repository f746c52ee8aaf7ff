// Stripe's webhooks end to end at route level: signed deliveries from the Stripe double to the real
// route handler (a real Request), recorded once, handed to the workflow engine by the outbox relay (a
// recording stand-in of Inngest's event API, through the real SDK), then handled by processStripeEvent.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { disputes, events, journalEntries, payments, refunds, stripeEvents } from "@/db/schema";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { startEventApi } from "@/test/inngest-event-api";
import { apiMerchant, stripeTestBed } from "@/test/stripe";
import type { StripeObject } from "@/test/stripe-double/objects";
import { onOutboxCommit } from "@/lib/service/outbox-signal";
import { processStripeEvent } from "./process-stripe-event";
import { publishPendingStripeEvents } from "./publish-stripe-events";
import { errorCodeOf as code } from "@/test/fixtures";

const env = stripeTestBed("stripe_wh");
let eventApi: Awaited<ReturnType<typeof startEventApi>>;
let POST: (req: Request) => Promise<Response>;
/** One pass of the outbox relay over Stripe's events (the server runs it after each commit and in its sweep). */
let relay: () => Promise<number>;
let sendToInngest: typeof import("@/inngest/send").sendToInngest;

beforeAll(async () => {
  eventApi = await startEventApi();
  process.env.INNGEST_DEV = eventApi.url; // before the Inngest client is first imported
  ({ POST } = await import("@/app/api/webhooks/stripe/route"));
  ({ sendToInngest } = await import("@/inngest/send"));
  relay = () => publishPendingStripeEvents({ send: sendToInngest });
});
afterAll(() => eventApi.close());

function request(body: string, signature: string | null) {
  return new Request("http://localhost/api/webhooks/stripe", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
  });
}

/** Delivers a Stripe event as Stripe would, lets the relay hand it on, then runs the workflow's verb for it. */
async function deliver(event: StripeObject, opts: { timestamp?: number } = {}) {
  const { body, signature } = env.double.signed(event, opts);
  const res = await POST(request(body, signature));
  expect(res.status).toBe(200);
  await relay();
  return processStripeEvent({ eventId: event.id });
}

const lastEvent = (type: string) => env.double.eventsOf(type).at(-1)!;
const row = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;

/** A payment Kassa left `processing` (the confirm's answer was lost) while Stripe charged it. */
async function lostPayment(amount = 5000, extra: Record<string, unknown> = {}) {
  const ctx = await apiMerchant(env.h.db);
  env.double.fail({ method: "POST", path: /^\/payment_intents$/, kind: "lost", times: 2 });
  const p = await createPayment({ ctx, input: { amount, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...extra } });
  expect(p.status).toBe("processing");
  return { ctx, p };
}

describe("Stripe webhooks", () => {
  it("a valid delivery is recorded, handed on once through the outbox relay and processed once", async () => {
    const { ctx, p } = await lostPayment();
    const event = lastEvent("payment_intent.succeeded");
    const sentBefore = eventApi.received.length;
    let signals = 0;
    const off = onOutboxCommit(() => signals++);
    const { body, signature } = env.double.signed(event);
    const res = await POST(request(body, signature));
    off();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false, ignored: false });
    // Recorded, and the relay told: the hand-off is the committed row, not a send in the request.
    expect(signals).toBe(1);
    expect(eventApi.received.length).toBe(sentBefore);
    expect(await relay()).toBe(1);
    expect(await relay()).toBe(0);
    expect(eventApi.received.slice(sentBefore)).toEqual([
      expect.objectContaining({
        id: `stripe-${event.id}`,
        name: "stripe/event.received",
        data: { stripe_event_id: event.id, type: "payment_intent.succeeded" },
      }),
    ]);
    expect(await processStripeEvent({ eventId: event.id })).toEqual({ outcome: "applied" });
    expect(await row(p.id)).toMatchObject({ status: "succeeded", amountReceived: 5000n });
    expect(await processStripeEvent({ eventId: event.id })).toEqual({ outcome: "duplicate" });
    const [recorded] = await env.h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(recorded).toMatchObject({ type: "payment_intent.succeeded", outcome: "applied" });
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("the server's after-commit relay hands a received event on without waiting for the sweep", async () => {
    await lostPayment(2200);
    const event = lastEvent("payment_intent.succeeded");
    const { startOutboxRelay } = await import("@/lib/events/outbox-relay");
    const stop = startOutboxRelay(sendToInngest);
    try {
      const { body, signature } = env.double.signed(event);
      expect((await POST(request(body, signature))).status).toBe(200);
      await vi.waitFor(() => expect(eventApi.received.filter((e) => e.id === `stripe-${event.id}`)).toHaveLength(1), { timeout: 5000 });
    } finally {
      stop();
    }
    expect(await relay()).toBe(0);
  });

  it("the same event delivered 10 times at once: recorded once, handed on once, one effect", async () => {
    const { ctx, p } = await lostPayment(3000);
    const event = lastEvent("payment_intent.succeeded");
    const { body, signature } = env.double.signed(event);
    const sentBefore = eventApi.received.length;
    const answers = await Promise.all(Array.from({ length: 10 }, () => POST(request(body, signature))));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<{ duplicate: boolean }>));
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    // Relay passes after every one of those commits: the row is handed on once.
    for (let i = 0; i < 3; i++) await relay();
    expect(eventApi.received.slice(sentBefore)).toEqual([expect.objectContaining({ id: `stripe-${event.id}` })]);
    expect(await env.h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toHaveLength(1);
    // Even if the workflow ran 10 times at once, one effect.
    await Promise.all(Array.from({ length: 10 }, () => processStripeEvent({ eventId: event.id })));
    expect(await env.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId))).toHaveLength(1);
    const succeeded = await env.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId));
    expect(succeeded.filter((e) => e.type === "payment.succeeded")).toHaveLength(1);
    expect((await row(p.id)).status).toBe("succeeded");
  });

  it("bad signature, re-serialised body, stale (301 s) or unsigned delivery: 400 and nothing changes", async () => {
    const { p } = await lostPayment(2000);
    const event = lastEvent("payment_intent.succeeded");
    const good = env.double.signed(event);
    const forged = env.double.signed(event, { secret: "whsec_someone_else" });
    const stale = env.double.signed(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const reserialised = JSON.stringify(JSON.parse(good.body));
    expect(reserialised).not.toBe(good.body);
    for (const [body, signature] of [
      [good.body, forged.signature],
      [reserialised, good.signature],
      [stale.body, stale.signature],
      [good.body, null],
    ] as const) {
      const res = await POST(request(body, signature));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ type: "invalid_request_error", code: "stripe_signature_invalid" });
    }
    // Oversized (over 1 MB), even when signed: 413 before the signature is looked at.
    const huge = env.double.signed({ ...event, padding: "x".repeat(1024 * 1024) });
    const tooBig = await POST(request(huge.body, huge.signature));
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toMatchObject({ code: "body_too_large" });
    expect(await env.h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
    expect((await row(p.id)).status).toBe("processing");
  });

  it("unknown event types: 200, recorded as ignored, not handed on", async () => {
    const event = { ...lastEvent("payment_intent.succeeded"), id: "evt_unknown_type_1", type: "customer.subscription.trial_will_end" };
    const sentBefore = eventApi.received.length;
    const { body, signature } = env.double.signed(event);
    const res = await POST(request(body, signature));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false, ignored: true });
    expect(await relay()).toBe(0);
    expect(eventApi.received.length).toBe(sentBefore);
    const [recorded] = await env.h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(recorded).toMatchObject({ outcome: "ignored", processedAt: expect.any(Date) });
  });

  it("the engine down: the delivery is recorded (200), waits in the outbox, and is handed on once the engine is back", async () => {
    const { p } = await lostPayment(2100);
    const event = lastEvent("payment_intent.succeeded");
    const { body, signature } = env.double.signed(event);
    eventApi.failNext(10);
    expect((await POST(request(body, signature))).status).toBe(200);
    await expect(relay()).rejects.toThrow();
    const [waiting] = await env.h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(waiting).toMatchObject({ dispatchedAt: null, processedAt: null });
    eventApi.failNext(0);
    // Stripe's next delivery is a duplicate; the relay's next pass hands the event on, once.
    const again = await POST(request(body, signature));
    expect(await again.json()).toEqual({ received: true, duplicate: true, ignored: false });
    const sentBefore = eventApi.received.length;
    expect(await relay()).toBe(1);
    expect(await relay()).toBe(0);
    expect(eventApi.received.slice(sentBefore)).toEqual([expect.objectContaining({ id: `stripe-${event.id}`, name: "stripe/event.received" })]);
    expect(await processStripeEvent({ eventId: event.id })).toEqual({ outcome: "applied" });
    expect((await row(p.id)).status).toBe("succeeded");
  });

  it("charge.refunded before payment_intent.succeeded: the payment succeeds, the refund is booked, once", async () => {
    const { ctx, p } = await lostPayment(8000);
    const pi = [...env.double.state.paymentIntents.keys()].at(-1)!;
    // Refunded in Stripe's dashboard while Kassa still waited for the confirm's answer.
    await env.double.client().refunds.create({ payment_intent: pi, amount: 3000 });
    expect(await deliver(lastEvent("charge.refunded"))).toEqual({ outcome: "applied" });
    expect(await deliver(lastEvent("payment_intent.succeeded"))).toEqual({ outcome: "no_change" });
    expect(await row(p.id)).toMatchObject({ status: "succeeded", amountReceived: 8000n, amountRefunded: 3000n });
    const booked = await env.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id));
    expect(booked).toMatchObject([{ status: "succeeded", amount: 3000n, processorId: expect.stringMatching(/^re_/) }]);
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("a Kassa refund whose answer was lost is settled by charge.refunded (and refund.updated then changes nothing)", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({ ctx, input: { amount: 6000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    env.double.fail({ method: "POST", path: /^\/refunds$/, kind: "lost", times: 2 });
    const r = await createRefund({ ctx, input: { payment: p.id, amount: 2500 } });
    expect(r.status).toBe("pending");
    expect(await deliver(lastEvent("charge.refunded"))).toEqual({ outcome: "applied" });
    const [settled] = await env.h.db.select().from(refunds).where(eq(refunds.id, r.id));
    expect(settled).toMatchObject({ status: "succeeded", processorId: expect.stringMatching(/^re_/) });
    const updated = { ...lastEvent("refund.created"), id: "evt_refund_updated_1", type: "refund.updated" };
    expect(await deliver(updated)).toEqual({ outcome: "no_change" });
    expect(await env.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id))).toHaveLength(1);
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("3D Secure finished at Stripe: payment_intent.succeeded completes the payment", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({
      ctx,
      input: { amount: 4500, currency: "usd", payment_method: "pm_card_authenticationRequired", confirm: true, return_url: "https://shop.example/back" },
    });
    expect(p).toMatchObject({ status: "requires_action", next_action: { type: "redirect_to_url" } });
    const pi = [...env.double.state.paymentIntents.values()].at(-1)!;
    Object.assign(pi, { status: "succeeded", amount_received: 4500, next_action: null });
    const event = env.double.state.emit("payment_intent.succeeded", pi);
    expect(await deliver(event)).toEqual({ outcome: "applied" });
    expect(await row(p.id)).toMatchObject({ status: "succeeded", amountReceived: 4500n });
    // A late requires_action event cannot move it back.
    expect(await deliver(lastEvent("payment_intent.requires_action"))).toEqual({ outcome: "no_change" });
    expect((await row(p.id)).status).toBe("succeeded");
  });

  it("unknown objects (a PaymentIntent Kassa never made) are acknowledged and left alone", async () => {
    await env.double
      .client()
      .paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "automatic" });
    expect(await deliver(lastEvent("payment_intent.succeeded"))).toEqual({ outcome: "unknown_object" });
  });
});

describe("more Stripe events", () => {
  it("amount_capturable_updated settles a lost manual-capture confirm; canceled at Stripe releases the hold in Kassa", async () => {
    const { ctx, p } = await lostPayment(3300, { capture_method: "manual" });
    expect(await deliver(lastEvent("payment_intent.amount_capturable_updated"))).toEqual({ outcome: "applied" });
    expect(await row(p.id)).toMatchObject({ status: "requires_capture", amountCapturable: 3300n });
    // The authorisation lapsed at Stripe (Stripe cancels it on its own).
    const pi = [...env.double.state.paymentIntents.keys()].at(-1)!;
    await env.double.client().paymentIntents.cancel(pi);
    expect(await deliver(lastEvent("payment_intent.canceled"))).toEqual({ outcome: "applied" });
    expect(await row(p.id)).toMatchObject({ status: "canceled", cancellationReason: "expired", amountCapturable: 0n });
    expect(await deliver({ ...lastEvent("payment_intent.canceled"), id: "evt_canceled_again" })).toEqual({ outcome: "no_change" });
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("payment_failed after 3D Secure failed: the payment awaits another method", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({
      ctx,
      input: { amount: 1200, currency: "usd", payment_method: "pm_card_authenticationRequired", confirm: true, return_url: "https://shop.example/back" },
    });
    const pi = [...env.double.state.paymentIntents.values()].at(-1)!;
    Object.assign(pi, {
      status: "requires_payment_method",
      next_action: null,
      last_payment_error: { type: "card_error", code: "payment_intent_authentication_failure", message: "Authentication failed." },
    });
    expect(await deliver(env.double.state.emit("payment_intent.payment_failed", pi))).toEqual({ outcome: "applied" });
    expect(await row(p.id)).toMatchObject({ status: "requires_payment_method", lastPaymentError: { code: "payment_intent_authentication_failure" } });
  });

  it("setup_intent.succeeded finishes a setup that needed 3D Secure; payment_method.detached follows Stripe", async () => {
    const ctx = await apiMerchant(env.h.db);
    const { createCustomer } = await import("@/lib/customers/create-customer");
    const { createSetupIntent } = await import("@/lib/customers/create-setup-intent");
    const { getSetupIntent } = await import("@/lib/customers/get-setup-intent");
    const { getPaymentMethod } = await import("@/lib/customers/list-payment-methods");
    const cus = await createCustomer({ ctx, input: {} });
    const seti = await createSetupIntent({ ctx, input: { customer: cus.id, payment_method: "pm_card_authenticationRequiredOnSetup" } });
    expect(seti).toMatchObject({ status: "requires_action", client_secret: expect.stringMatching(/^seti_/) });
    const stripeSeti = [...env.double.state.setupIntents.values()].at(-1)!;
    stripeSeti.status = "succeeded";
    expect(await deliver(env.double.state.emit("setup_intent.succeeded", stripeSeti))).toEqual({ outcome: "applied" });
    const done = await getSetupIntent({ ctx, id: seti.id });
    expect(done).toMatchObject({ status: "succeeded", payment_method: stripeSeti.payment_method });
    expect(await getPaymentMethod({ ctx, id: done.payment_method! })).toMatchObject({ customer: cus.id });
    expect(await deliver({ ...lastEvent("setup_intent.succeeded"), id: "evt_seti_again" })).toEqual({ outcome: "no_change" });

    await env.double.client().paymentMethods.detach(done.payment_method!);
    expect(await deliver(lastEvent("payment_method.detached"))).toEqual({ outcome: "applied" });
    expect(await getPaymentMethod({ ctx, id: done.payment_method! })).toMatchObject({ customer: null });
    expect(
      await code(createPayment({ ctx, input: { amount: 1000, currency: "usd", customer: cus.id, payment_method: done.payment_method!, confirm: true } })),
    ).toBe("payment_method_unexpected_state");
  });
});

describe("disputes from Stripe", () => {
  it("opened: the amount and the fee are withdrawn; evidence goes to Stripe; won: the amount comes back", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({ ctx, input: { amount: 10_000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
    expect(p.status).toBe("succeeded");
    const created = lastEvent("charge.dispute.created");
    expect(await deliver(created)).toEqual({ outcome: "applied" });
    const [dispute] = await env.h.db.select().from(disputes).where(eq(disputes.paymentId, p.id));
    expect(dispute).toMatchObject({
      status: "needs_response",
      amount: 10_000n,
      fee: 1500n,
      processorId: created.data && (created.data as { object: { id: string } }).object.id,
    });
    const { getBalance } = await import("@/lib/ledger/get-balance");
    const pending = async () => ((await getBalance({ ctx })) as { pending: { amount: number }[] }).pending[0]!.amount;
    // 10000 − 320 fee − 10000 disputed − 1500 dispute fee.
    expect(await pending()).toBe(10_000 - 320 - 10_000 - 1500);

    const { submitDisputeEvidence } = await import("@/lib/disputes/submit-evidence");
    const answered = await submitDisputeEvidence({
      ctx,
      id: dispute!.id,
      input: { evidence: { uncategorized_text: "Signed delivery receipt attached to order 1042." } },
    });
    expect(answered.status).toBe("under_review");
    const [sent] = env.double.requestsTo(/^\/disputes\/dp_/, "POST");
    expect(sent).toMatchObject({
      path: `/disputes/${dispute!.processorId}`,
      params: { evidence: { uncategorized_text: "Signed delivery receipt attached to order 1042." }, submit: "true" },
      idempotencyKey: expect.stringMatching(/^evidence:dp_/),
    });

    env.double.closeDispute(dispute!.processorId!, "won");
    expect(await deliver(lastEvent("charge.dispute.closed"))).toEqual({ outcome: "applied" });
    expect(await pending()).toBe(10_000 - 320 - 1500);
    const types = (await env.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["dispute.created", "dispute.updated", "dispute.closed"]));
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("evidence after evidence_due_by is 400 dispute_evidence_past_due; closed before created still nets out", async () => {
    const ctx = await apiMerchant(env.h.db);
    const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
    const created = lastEvent("charge.dispute.created");
    const stripeDispute = (created.data as { object: { id: string } }).object;
    env.double.closeDispute(stripeDispute.id, "lost");
    // closed arrives first: the dispute is opened from it, then closed lost (no credit back).
    expect(await deliver(lastEvent("charge.dispute.closed"))).toEqual({ outcome: "applied" });
    expect(await deliver(created)).toEqual({ outcome: "no_change" });
    const [dispute] = await env.h.db.select().from(disputes).where(eq(disputes.paymentId, p.id));
    expect(dispute!.status).toBe("lost");
    const entries = await env.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId));
    expect(entries.map((e) => e.type).sort()).toEqual(["capture", "dispute"]);

    const { submitDisputeEvidence } = await import("@/lib/disputes/submit-evidence");
    expect(await code(submitDisputeEvidence({ ctx, id: dispute!.id, input: { evidence: { uncategorized_text: "late" } } }))).toBe("dispute_unexpected_state");
    const p2 = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
    await deliver(lastEvent("charge.dispute.created"));
    const [open] = await env.h.db.select().from(disputes).where(eq(disputes.paymentId, p2.id));
    const after = open!.evidenceDueBy.getTime() + 1000;
    expect(await code(submitDisputeEvidence({ ctx, id: open!.id, input: { evidence: { uncategorized_text: "late" } }, now: after }))).toBe(
      "dispute_evidence_past_due",
    );
    expect(env.double.requestsTo(/^\/disputes\//, "POST")).toEqual([]);
  });
});
