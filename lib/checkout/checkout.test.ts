// Checkout sessions at service level on a real PostgreSQL: create, pay with the sandbox card form,
// declines, 3D Secure, expiry, tenancy and roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { balanceTransactions, checkoutSessions, events, paymentAttempts, payments, sandboxCharges } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchant, errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { createPayment } from "@/lib/payments/create-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { completeSessionOfPayment } from "./complete-session-of-payment";
import { createCheckoutSession } from "./create-checkout-session";
import { expireCheckoutSession } from "./expire-checkout-session";
import { getCheckoutSession } from "./get-checkout-session";
import { payCheckoutSession } from "./pay-checkout-session";
import { answerSandboxChallenge } from "./sandbox-challenge";
import { tokenizeSandboxCard } from "./sandbox-card";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("checkout");
  process.env.DATABASE_URL = h.url; // the checkout page and the sandbox open the app's database themselves
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db, { actor: { type: "api_key", id: "key_test" } });
const base = { amount: 4200, currency: "usd", success_url: "https://shop.test/ok?s={CHECKOUT_SESSION_ID}", cancel_url: "https://shop.test/cart" };
const card = (number: string) => tokenizeSandboxCard({ number, expiry: "12 / 34", cvc: "123" });
const sessionRow = async (id: string) => (await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)))[0]!;
const paymentRow = async (id: string) => (await h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const eventTypes = async (ctx: ServiceContext, objectId: string) =>
  (
    await h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId)))
  )
    .filter((e) => (e.data as { object: { id: string } }).object.id === objectId)
    .map((e) => e.type);

describe("create and read", () => {
  it("creates an open session that expires in 24 h, with its url and event", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: { ...base, embed_origins: ["https://shop.test"] }, baseUrl: "https://pay.kassa.test" });
    expect(s).toMatchObject({
      object: "checkout.session",
      status: "open",
      amount: 4200,
      currency: "usd",
      payment: null,
      url: `https://pay.kassa.test/pay/${s.id}`,
      payment_method_types: ["card"],
      embed_origins: ["https://shop.test"],
    });
    expect(s.id).toMatch(/^cs_/);
    expect(s.expires_at - s.created).toBe(24 * 3600);
    expect(await getCheckoutSession({ ctx, id: s.id, baseUrl: "https://pay.kassa.test" })).toEqual(s);
    expect(await eventTypes(ctx, s.id)).toEqual(["checkout.session.created"]);
  });

  it("refuses bad input with the parameter named", async () => {
    const ctx = await merchant();
    expect(await code(createCheckoutSession({ ctx, input: { ...base, amount: 10 } }))).toBe("amount_too_small");
    expect(await code(createCheckoutSession({ ctx, input: { ...base, currency: "xyz" } }))).toBe("currency_unsupported");
    expect(await code(createCheckoutSession({ ctx, input: { ...base, success_url: "javascript:alert(1)" } }))).toBe("parameter_invalid");
    expect(await code(createCheckoutSession({ ctx, input: { ...base, embed_origins: ["https://shop.test/path"] } }))).toBe("parameter_invalid");
    expect(await code(createCheckoutSession({ ctx, input: { ...base, cancel_url: undefined } }))).toBe("parameter_missing");
  });

  it("another merchant's session is not found; an analyst may read but not create", async () => {
    const ctx = await merchant();
    const other = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    expect(await code(getCheckoutSession({ ctx: other, id: s.id }))).toBe("resource_missing");
    expect(await code(getCheckoutSession({ ctx: { ...ctx, livemode: true }, id: s.id }))).toBe("resource_missing");
    const { ctx: analyst } = await makeMerchant(h.db, { role: "analyst" });
    expect(await code(createCheckoutSession({ ctx: analyst, input: base }))).toBe("permission_denied");
  });
});

describe("paying", () => {
  it("4242 pays the session's amount: payment succeeded, ledger entry, session complete", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    const result = await payCheckoutSession({ sessionId: s.id, paymentMethod: card("4242 4242 4242 4242") });
    expect(result.status).toBe("complete");
    const session = await sessionRow(s.id);
    expect(session).toMatchObject({ status: "complete", paymentId: result.paymentId });
    expect(await paymentRow(result.paymentId!)).toMatchObject({
      status: "succeeded",
      amount: 4200n,
      amountReceived: 4200n,
      metadata: { checkout_session: s.id },
    });
    expect(await h.db.select().from(balanceTransactions).where(eq(balanceTransactions.sourceId, result.paymentId!))).toHaveLength(1);
    expect(await eventTypes(ctx, s.id)).toEqual(["checkout.session.created", "checkout.session.completed"]);
    // Reopened after paying: refused, nothing charged again.
    expect(await code(payCheckoutSession({ sessionId: s.id, paymentMethod: card("4242424242424242") }))).toBe("checkout_session_complete");
    expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, result.paymentId!))).toHaveLength(1);
  });

  it("a decline keeps the session open; a second card pays the same payment", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    const declined = await payCheckoutSession({ sessionId: s.id, paymentMethod: card("4000 0000 0000 0002") });
    expect(declined).toMatchObject({
      status: "failed",
      code: "card_declined",
      declineCode: "generic_decline",
      message: "Your card was declined. Try another card.",
    });
    expect((await sessionRow(s.id)).status).toBe("open");
    const ok = await payCheckoutSession({ sessionId: s.id, paymentMethod: card("4242 4242 4242 4242") });
    expect(ok).toEqual({ status: "complete", paymentId: declined.paymentId });
    expect(await h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, ok.paymentId!))).toHaveLength(2);
  });

  it("a card whose answer was lost: processing; once reconciliation has settled it, the workflow's verb completes the session with no page open, once", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    const lost = await payCheckoutSession({ sessionId: s.id, paymentMethod: card("4000 0000 0000 4087") });
    expect(lost).toMatchObject({ status: "processing" });
    const paymentId = lost.paymentId!;
    // Not paid yet as far as Kassa knows: nothing to complete.
    expect(await completeSessionOfPayment({ ctx, paymentId })).toEqual({ session: null, status: null });
    expect(await settlePayment({ ctx, paymentId, now: Date.now() + 60_000 })).toMatchObject({ status: "succeeded", done: true });
    expect((await sessionRow(s.id)).status).toBe("open"); // the customer left: before this fix, it stayed open
    expect(await completeSessionOfPayment({ ctx, paymentId })).toEqual({ session: s.id, status: "complete" });
    expect(await completeSessionOfPayment({ ctx, paymentId })).toEqual({ session: s.id, status: "complete" });
    expect(await sessionRow(s.id)).toMatchObject({ status: "complete", paymentId });
    expect((await eventTypes(ctx, s.id)).filter((t) => t === "checkout.session.completed")).toHaveLength(1);
    // Another merchant cannot name it.
    expect(await code(completeSessionOfPayment({ ctx: await merchant(), paymentId }))).toBe("resource_missing");
  });

  it("a payment that names a session in its metadata but is not the session's own completes nothing", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    const forged = await createPayment({
      ctx,
      input: { amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true, metadata: { checkout_session: s.id } },
    });
    expect(forged.status).toBe("succeeded");
    expect(await completeSessionOfPayment({ ctx, paymentId: forged.id })).toEqual({ session: null, status: null });
    expect(await sessionRow(s.id)).toMatchObject({ status: "open", paymentId: null });
  });

  it("3D Secure: the challenge completed → succeeded and complete; failed → requires_payment_method with authentication_required", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    const pending = await payCheckoutSession({ sessionId: s.id, paymentMethod: card("4000 0027 6000 3184"), returnUrl: `https://pay.kassa.test/pay/${s.id}` });
    expect(pending.status).toBe("requires_action");
    const redirect = pending.status === "requires_action" ? pending.redirectUrl! : "";
    expect(redirect).toMatch(/^\/sandbox\/3ds\/sbch_/);
    const processorId = redirect.split("/").at(-1)!;
    const done = await answerSandboxChallenge({ processorId, outcome: "succeed" });
    expect(done).toMatchObject({ payment: { status: "succeeded" }, returnUrl: `https://pay.kassa.test/pay/${s.id}` });
    expect((await sessionRow(s.id)).status).toBe("complete");

    const s2 = await createCheckoutSession({ ctx, input: base });
    const p2 = await payCheckoutSession({ sessionId: s2.id, paymentMethod: card("4000 0025 0000 3155") });
    const id2 = p2.status === "requires_action" ? p2.redirectUrl!.split("/").at(-1)! : "";
    const failed = await answerSandboxChallenge({ processorId: id2, outcome: "fail" });
    expect(failed.payment).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "authentication_required" }, amount_received: 0 });
    expect((await sessionRow(s2.id)).status).toBe("open");
  });

  it("an expired session cannot be paid and nothing is created", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    await h.db
      .update(checkoutSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkoutSessions.id, s.id));
    expect(await code(payCheckoutSession({ sessionId: s.id, paymentMethod: card("4242424242424242") }))).toBe("checkout_session_expired");
    expect((await sessionRow(s.id)).paymentId).toBeNull();
    expect(await code(payCheckoutSession({ sessionId: "cs_00000000000000000000000000", paymentMethod: "pm_card_visa" }))).toBe("resource_missing");
  });
});

describe("expiry", () => {
  it("closes an unpaid session past its expiry and cancels the payment a declined try left", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    expect(await expireCheckoutSession({ ctx, id: s.id })).toEqual({ action: "none", status: "open" });
    const declined = await payCheckoutSession({ sessionId: s.id, paymentMethod: card("4000000000000002") });
    expect(await expireCheckoutSession({ ctx, id: s.id, now: Date.now() + 25 * 3600_000 })).toEqual({ action: "expired", status: "expired" });
    expect(await sessionRow(s.id)).toMatchObject({ status: "expired" });
    expect(await paymentRow(declined.paymentId!)).toMatchObject({ status: "canceled", cancellationReason: "abandoned" });
    expect(await eventTypes(ctx, s.id)).toEqual(["checkout.session.created", "checkout.session.expired"]);
    expect(await expireCheckoutSession({ ctx, id: s.id, now: Date.now() + 25 * 3600_000 })).toEqual({ action: "none", status: "expired" });
  });

  it("leaves a paid session complete", async () => {
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input: base });
    await payCheckoutSession({ sessionId: s.id, paymentMethod: card("4242424242424242") });
    expect(await expireCheckoutSession({ ctx, id: s.id, now: Date.now() + 25 * 3600_000 })).toEqual({ action: "none", status: "complete" });
  });
});
