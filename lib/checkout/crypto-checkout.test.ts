// The checkout's crypto tab at service level on real PostgreSQL and a real local chain: sessions that offer
// crypto (USD only), the exact conversion to a stablecoin's base units, one payment per session and token,
// paying on chain (the watcher's own check books the transfer) and the tab's status refresh completing the
// session, the expiry path, and the page's actions (bad input, wrong session, rate limit).
import { afterEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { checkoutSessions, events, payments } from "@/db/schema";
import { checkCryptoDeposit } from "@/lib/crypto-payments/check-crypto-deposit";
import { createPayment } from "@/lib/payments/create-payment";
import { errorCodeOf as code } from "@/test/fixtures";
import { localChainForTests } from "@/test/local-chain";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { pageAction } from "@/test/checkout-page";
import { checkCheckoutCrypto } from "./check-checkout-crypto";
import { completeCheckoutSession } from "./complete-checkout-session";
import { completeSessionOfPayment } from "./complete-session-of-payment";
import { createCheckoutSession } from "./create-checkout-session";
import { displayTokenAmount, usdCentsToTokenUnits } from "./crypto-amount";
import { expireCheckoutSession } from "./expire-checkout-session";
import { checkoutContext } from "./load-checkout-session";
import { loadCheckoutCrypto } from "./load-checkout-crypto";
import { payCheckoutSession } from "./pay-checkout-session";
import { tokenizeSandboxCard } from "./sandbox-card";
import { startCheckoutCrypto } from "./start-checkout-crypto";

// The public actions read the request's headers (origin, fetch site, the client's address): a request made here.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
const fromPage = () => {
  request.headers = new Headers({
    origin: "https://pay.kassa.test",
    "sec-fetch-site": "same-origin",
    host: "pay.kassa.test",
    "x-kassa-peer-address": "10.1.2.3",
  });
};
afterEach(fromPage);
fromPage();

const bed = paymentsTestBed("checkout_crypto");
const { env } = bed;
const local = localChainForTests();

const usd = {
  amount: 1250,
  currency: "usd",
  success_url: "https://shop.test/ok",
  cancel_url: "https://shop.test/cart",
  payment_method_types: ["card", "crypto"],
};
const sessionRow = async (id: string) => (await env.h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)))[0]!;
const paymentRow = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const paymentsOf = async (merchantId: string) => env.h.db.select().from(payments).where(eq(payments.merchantId, merchantId));
const card = (number: string) => tokenizeSandboxCard({ number, expiry: "12 / 34", cvc: "123" });

async function openSession(extra: Record<string, unknown> = {}) {
  const ctx = await bed.merchant();
  const session = await createCheckoutSession({ ctx, input: { ...usd, ...extra } });
  return { ctx, session };
}

async function choose(sessionId: string, token: string) {
  const started = await startCheckoutCrypto({ sessionId, token });
  if (started.state !== "transfer") throw new Error(`expected a transfer, got ${started.state}`);
  return started.transfer;
}

const send = (token: "usdc" | "dai", to: string, amount: bigint) => local.pay(token, to, amount);

/** What the deposit watcher does at its next check (the same verb, called here instead of waiting for its run). */
const watcherCheck = async (merchantId: string, paymentId: string) =>
  checkCryptoDeposit({ ctx: { merchantId, livemode: false, actor: { type: "system", id: "crypto-deposit-watch" } }, paymentId });

describe("sessions that offer crypto", () => {
  it("USD with card and crypto is stored as asked; any other currency is 400 payment_method_currency_mismatch, nothing stored", async () => {
    const { ctx, session } = await openSession();
    expect(session.payment_method_types).toEqual(["card", "crypto"]);
    for (const currency of ["eur", "inr", "gbp"]) {
      const err = await createCheckoutSession({ ctx, input: { ...usd, currency } }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "payment_method_currency_mismatch", param: "payment_method_types" });
    }
    expect(await code(createCheckoutSession({ ctx, input: { ...usd, capture_method: "manual" } }))).toBe("payment_method_unsupported");
    expect(await code(createCheckoutSession({ ctx, input: { ...usd, payment_method_types: ["crypto", "upi"] } }))).toBe("payment_method_currency_mismatch");
    expect((await env.h.db.select().from(checkoutSessions).where(eq(checkoutSessions.merchantId, ctx.merchantId))).map((s) => s.id)).toEqual([session.id]);
  });
});

describe("the amount in a stablecoin", () => {
  it("is cents × 10^(decimals − 2), exact in bigint: USDC/USDT 6 decimals, DAI 18, up to the largest amount", () => {
    expect(usdCentsToTokenUnits(1250n, "usdc")).toBe(12_500_000n);
    expect(usdCentsToTokenUnits(1250n, "usdt")).toBe(12_500_000n);
    expect(usdCentsToTokenUnits(1250n, "dai")).toBe(12_500_000_000_000_000_000n);
    expect(usdCentsToTokenUnits(1n, "dai")).toBe(10n ** 16n);
    // $999,999.99 in DAI is 9.99…×10²³ wei: past a double's exact integers, still exact here.
    expect(usdCentsToTokenUnits(99_999_999n, "dai").toString()).toBe("999999990000000000000000");
    expect(displayTokenAmount(usdCentsToTokenUnits(99_999_999n, "dai"), "dai")).toBe("999999.99");
    expect(displayTokenAmount(12_500_000n, "usdc")).toBe("12.50");
    expect(displayTokenAmount(7_123_456n, "usdc")).toBe("7.123456");
    expect(displayTokenAmount(5n * 10n ** 18n, "dai")).toBe("5.00");
  });

  it("a DAI payment asks for exactly $12.50 in wei; the tab shows 12.50 DAI with its own address, link and QR", async () => {
    const { session } = await openSession({ description: "Order 7", metadata: { order: "7" } });
    const t = await choose(session.id, "dai");
    expect(t).toMatchObject({ token: "dai", symbol: "DAI", amount: "12.50", amount_units: "12500000000000000000", chain_id: 31337 });
    expect(t.token_address).toBe(local.contracts.tokens.dai);
    expect(t.eip681_uri).toBe(`ethereum:${local.contracts.tokens.dai}@31337/transfer?address=${t.address}&uint256=12500000000000000000`);
    expect(Buffer.from(t.qr_data_url.replace(/^data:image\/svg\+xml;base64,/, ""), "base64").toString("utf8")).toMatch(/^<svg/);
    const p = await paymentRow(t.payment);
    expect(p).toMatchObject({ status: "requires_action", currency: "dai", paymentMethod: "crypto", description: "Order 7" });
    expect(p.metadata).toEqual({ order: "7", checkout_session: session.id });
    expect(p.crypto).toMatchObject({ amount: "12500000000000000000", token: "dai" });
    // The session's own payment is untouched until the chain pays: a card can still be tried.
    expect((await sessionRow(session.id)).paymentId).toBeNull();
  });
});

describe("one payment per session and token", () => {
  it("a reload or a double click reuses the payment; another token makes its own; back to the first reuses it", async () => {
    const { ctx, session } = await openSession();
    const [a, b] = await Promise.all([choose(session.id, "usdc"), choose(session.id, "usdc")]);
    expect(b.payment).toBe(a.payment);
    expect(b.address).toBe(a.address);
    const again = await choose(session.id, "usdc");
    expect(again).toEqual(a);
    const dai = await choose(session.id, "dai");
    expect(dai.payment).not.toBe(a.payment);
    expect(dai.address).not.toBe(a.address);
    expect((await choose(session.id, "usdc")).payment).toBe(a.payment);
    expect((await paymentsOf(ctx.merchantId)).map((p) => p.currency).sort()).toEqual(["dai", "usdc"]);
    expect(await loadCheckoutCrypto(await sessionRow(session.id))).toMatchObject({ waiting: { payment: dai.payment } });
  });

  it("a payment whose window has closed is not reused: the next choice makes a new one", async () => {
    const { session } = await openSession();
    const first = await choose(session.id, "usdc");
    const row = await paymentRow(first.payment);
    await env.h.db
      .update(payments)
      .set({ crypto: { ...row.crypto!, expires_at: Math.floor(Date.now() / 1000) - 5 } })
      .where(eq(payments.id, first.payment));
    expect((await choose(session.id, "usdc")).payment).not.toBe(first.payment);
  });

  it("a crypto payment the merchant made through the API with the session's link but another amount is neither reused nor completes it", async () => {
    const { ctx, session } = await openSession();
    const forged = await createPayment({
      ctx,
      input: { payment_method_types: ["crypto"], currency: "usdc", amount: "1", metadata: { checkout_session: session.id } },
    });
    expect((await choose(session.id, "usdc")).payment).not.toBe(forged.id);
    expect(await code(checkCheckoutCrypto({ sessionId: session.id, paymentId: forged.id }))).toBe("resource_missing");
    expect(await code(completeCheckoutSession({ ctx: checkoutContext(await sessionRow(session.id)), id: session.id, paymentId: forged.id }))).toBe(
      "resource_missing",
    );
  });
});

describe("refused choices, each with its exact code and nothing made", () => {
  it("a wrong session id is 404 resource_missing", async () => {
    for (const id of ["cs_00000000000000000000000000", "not-an-id", "../pay"]) {
      expect(await code(startCheckoutCrypto({ sessionId: id, token: "usdc" }))).toBe("resource_missing");
      expect(await code(checkCheckoutCrypto({ sessionId: id, paymentId: "pay_00000000000000000000000000" }))).toBe("resource_missing");
    }
  });

  it("a bad token: eth (no fixed dollar price) and btc are currency_unsupported on param token", async () => {
    const { ctx, session } = await openSession();
    for (const token of ["eth", "btc", "USDC", "", 7, null]) {
      const err = await startCheckoutCrypto({ sessionId: session.id, token }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "currency_unsupported", param: "token" });
    }
    expect(await startCheckoutCrypto({ sessionId: session.id, token: "eth" }).catch((e: Error) => e.message)).toMatch(/ETH is not taken at checkout/);
    expect(await paymentsOf(ctx.merchantId)).toEqual([]);
  });

  it("a session without crypto, an expired one and a completed one refuse a new crypto payment", async () => {
    const { ctx, session: cardOnly } = await openSession({ payment_method_types: ["card"] });
    expect(await code(startCheckoutCrypto({ sessionId: cardOnly.id, token: "usdc" }))).toBe("payment_method_unsupported");

    const expired = await createCheckoutSession({ ctx, input: usd });
    await env.h.db
      .update(checkoutSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkoutSessions.id, expired.id));
    expect(await code(startCheckoutCrypto({ sessionId: expired.id, token: "usdc" }))).toBe("checkout_session_expired");

    const paid = await createCheckoutSession({ ctx, input: usd });
    expect(await payCheckoutSession({ sessionId: paid.id, paymentMethod: card("4242 4242 4242 4242") })).toMatchObject({ status: "complete" });
    expect(await code(startCheckoutCrypto({ sessionId: paid.id, token: "dai" }))).toBe("checkout_session_complete");
    expect((await paymentsOf(ctx.merchantId)).filter((p) => p.paymentMethod === "crypto")).toEqual([]);
  });

  it("another merchant's session's payment is not this session's: the status check and the completion say resource_missing", async () => {
    const { session: mine } = await openSession();
    const { session: theirs } = await openSession();
    const their = await choose(theirs.id, "usdc");
    expect(await code(checkCheckoutCrypto({ sessionId: mine.id, paymentId: their.payment }))).toBe("resource_missing");
    expect(await code(checkCheckoutCrypto({ sessionId: mine.id, paymentId: "not-a-payment" }))).toBe("resource_missing");
    expect(await code(completeCheckoutSession({ ctx: checkoutContext(await sessionRow(mine.id)), id: mine.id, paymentId: their.payment }))).toBe(
      "resource_missing",
    );
    expect(await sessionRow(mine.id)).toMatchObject({ status: "open", paymentId: null });
  });
});

describe("paying on chain", () => {
  it("pending → the transfer → the watcher books it → the tab's refresh completes the session with that payment", async () => {
    const { ctx, session } = await openSession();
    const t = await choose(session.id, "usdc");
    expect(await checkCheckoutCrypto({ sessionId: session.id, paymentId: t.payment })).toEqual({
      state: "pending",
      remaining: "12500000",
      confirming: false,
      expires_at: t.expires_at,
      message: null,
    });
    await send("usdc", t.address, 12_500_000n);
    expect(await watcherCheck(ctx.merchantId, t.payment)).toMatchObject({ status: "succeeded", final: true });
    expect(await checkCheckoutCrypto({ sessionId: session.id, paymentId: t.payment })).toMatchObject({ state: "success" });
    expect(await sessionRow(session.id)).toMatchObject({ status: "complete", paymentId: t.payment });
    const completed = await env.h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "checkout.session.completed")));
    expect(completed.map((e) => (e.data as { object: { payment: string } }).object.payment)).toEqual([t.payment]);
    // Said again, the same; a new choice is refused now.
    expect(await checkCheckoutCrypto({ sessionId: session.id, paymentId: t.payment })).toMatchObject({ state: "success" });
    expect(await code(startCheckoutCrypto({ sessionId: session.id, token: "usdc" }))).toBe("checkout_session_complete");
  });

  it("a part payment stays pending with the rest to send; the rest completes it", async () => {
    const { ctx, session } = await openSession({ amount: 500 });
    const t = await choose(session.id, "dai");
    await send("dai", t.address, 2n * 10n ** 18n);
    await watcherCheck(ctx.merchantId, t.payment);
    expect(await checkCheckoutCrypto({ sessionId: session.id, paymentId: t.payment })).toMatchObject({
      state: "pending",
      remaining: (3n * 10n ** 18n).toString(),
    });
    const rest = await choose(session.id, "dai");
    expect(rest).toMatchObject({ payment: t.payment, address: t.address, amount: "3.00", amount_units: (3n * 10n ** 18n).toString() });
    await send("dai", t.address, 3n * 10n ** 18n);
    await watcherCheck(ctx.merchantId, t.payment);
    expect(await checkCheckoutCrypto({ sessionId: session.id, paymentId: t.payment })).toMatchObject({ state: "success" });
  });

  it("paid in a token chosen earlier (the customer switched, then paid the first QR): the refresh, the page and a new choice all complete with it", async () => {
    const { ctx, session } = await openSession();
    const first = await choose(session.id, "usdc");
    const second = await choose(session.id, "dai");
    await send("usdc", first.address, 12_500_000n);
    await watcherCheck(ctx.merchantId, first.payment);
    expect(await startCheckoutCrypto({ sessionId: session.id, token: "dai" })).toEqual({ state: "complete" });
    expect(await sessionRow(session.id)).toMatchObject({ status: "complete", paymentId: first.payment });
    expect(await checkCheckoutCrypto({ sessionId: session.id, paymentId: second.payment })).toMatchObject({ state: "success" });
  });

  it("the page finds a paid crypto payment as it loads; the expiry run completes a session paid after its page was closed", async () => {
    const { ctx, session } = await openSession();
    const t = await choose(session.id, "usdc");
    await send("usdc", t.address, 12_500_000n);
    await watcherCheck(ctx.merchantId, t.payment);
    const loaded = await loadCheckoutCrypto(await sessionRow(session.id));
    expect(loaded).toMatchObject({ session: { status: "complete", paymentId: t.payment }, waiting: null });

    const { ctx: ctx2, session: closed } = await openSession();
    const t2 = await choose(closed.id, "usdc");
    await send("usdc", t2.address, 12_500_000n);
    await watcherCheck(ctx2.merchantId, t2.payment);
    const later = (await sessionRow(closed.id)).expiresAt.getTime() + 1000;
    expect(await expireCheckoutSession({ ctx: checkoutContext(await sessionRow(closed.id)), id: closed.id, now: later })).toEqual({
      action: "completed",
      status: "complete",
    });
    expect(await sessionRow(closed.id)).toMatchObject({ status: "complete", paymentId: t2.payment });
  });

  it("for a workflow on payment.succeeded: the session of a paid crypto payment completes with no page open; other payments change nothing", async () => {
    const { ctx, session } = await openSession();
    const t = await choose(session.id, "usdc");
    expect(await completeSessionOfPayment({ ctx, paymentId: t.payment })).toEqual({ session: null, status: null }); // not paid yet
    await send("usdc", t.address, 12_500_000n);
    await watcherCheck(ctx.merchantId, t.payment);
    expect(await completeSessionOfPayment({ ctx, paymentId: t.payment })).toEqual({ session: session.id, status: "complete" });
    expect(await completeSessionOfPayment({ ctx, paymentId: t.payment })).toEqual({ session: session.id, status: "complete" });
    expect(await sessionRow(session.id)).toMatchObject({ status: "complete", paymentId: t.payment });
    const other = await bed.merchant();
    expect(await code(completeSessionOfPayment({ ctx: other, paymentId: t.payment }))).toBe("resource_missing");
    const plain = await createPayment({
      ctx,
      input: { payment_method_types: ["crypto"], currency: "usdc", amount: "5", metadata: { checkout_session: "cs_nope" } },
    });
    expect(await completeSessionOfPayment({ ctx, paymentId: plain.id })).toEqual({ session: null, status: null });
  });

  it("an unpaid session expires as before; its crypto payment, expired by the watcher, says expired to the tab", async () => {
    const { ctx, session } = await openSession();
    const t = await choose(session.id, "usdc");
    const later = (await sessionRow(session.id)).expiresAt.getTime() + 1000;
    expect(await expireCheckoutSession({ ctx: checkoutContext(await sessionRow(session.id)), id: session.id, now: later })).toEqual({
      action: "expired",
      status: "expired",
    });
    await checkCryptoDeposit({
      ctx: { merchantId: ctx.merchantId, livemode: false, actor: { type: "system", id: "test" } },
      paymentId: t.payment,
      expire: true,
    });
    expect(await checkCheckoutCrypto({ sessionId: session.id, paymentId: t.payment })).toMatchObject({
      state: "expired",
      message: expect.stringContaining("ran out"),
    });
  });
});

describe("the page's crypto actions (lib/checkout/checkout-page-actions.ts; the route's origin checks are e2e/api/checkout-page-actions.spec.ts)", () => {
  const act = (action: string, sessionId: string, body: Record<string, unknown>) => pageAction(action, sessionId, body, request.headers);

  it("bad input and a wrong session: the exact code and the server's words; then a choice and its status", async () => {
    const { session } = await openSession();
    expect(await act("crypto", session.id, { token: "btc" })).toEqual({
      ok: false,
      code: "currency_unsupported",
      message: "This checkout does not take BTC. Pay with USDC, USDT or DAI.",
      param: "token",
    });
    expect(await act("crypto", session.id, { token: "usdc", amount: "1" })).toMatchObject({ ok: false, code: "parameter_unknown", param: "amount" });
    expect(await act("crypto", session.id, {})).toMatchObject({ ok: false, code: "parameter_missing", param: "token" });
    expect(await act("crypto", "cs_00000000000000000000000000", { token: "usdc" })).toMatchObject({ ok: false, code: "resource_missing" });
    expect(await act("crypto_status", "cs_00000000000000000000000000", { payment: "pay_00000000000000000000000000" })).toMatchObject({
      ok: false,
      code: "resource_missing",
    });
    expect(await act("crypto_status", session.id, { payment: "pay_00000000000000000000000000" })).toMatchObject({ ok: false, code: "resource_missing" });
    const chosen = await act("crypto", session.id, { token: "usdc" });
    expect(chosen).toMatchObject({ ok: true, state: "transfer", transfer: { token: "usdc", amount: "12.50", symbol: "USDC" } });
    const paymentId = (chosen as unknown as { transfer: { payment: string } }).transfer.payment;
    expect(await act("crypto_status", session.id, { payment: paymentId })).toMatchObject({ ok: true, state: "pending", remaining: "12500000" });
  });

  it("the status refresh is rate-limited per client and session", async () => {
    const { session } = await openSession();
    const t = await choose(session.id, "usdc");
    request.headers.set("x-kassa-peer-address", "10.9.9.8");
    const answers = [];
    for (let i = 0; i < 91; i++) answers.push(await act("crypto_status", session.id, { payment: t.payment }));
    expect(answers.slice(0, 90).every((a) => a.ok)).toBe(true);
    expect(answers[90]).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

checksTheBooks(env);
