import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { sandboxCharges } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type Connector, type ConnectorContext } from "../types";
import { createSandboxConnector } from "./connector";
import { authorizeInput, tenant } from "@/test/gateways";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let sandbox: Connector;
let ctx: ConnectorContext;

beforeAll(async () => {
  handle = await freshPostgres("sandbox_auth");
  sandbox = createSandboxConnector({ db: handle.db, faultRate: 0, latencyMs: 0 });
  ctx = tenant();
});
afterAll(async () => {
  await handle?.close();
});

const rowsForKey = (key: string) => handle.db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, key));

describe("authorize: cards that succeed", () => {
  it.each([
    ["pm_card_visa", "visa", "4242", "credit"],
    ["pm_card_mastercard", "mastercard", "4444", "credit"],
    ["pm_card_amex", "amex", "0005", "credit"],
    ["pm_card_visa_debit", "visa", "5556", "debit"],
  ])("%s with automatic capture is succeeded and captured", async (paymentMethod, brand, last4, funding) => {
    const input = authorizeInput({ paymentMethod, amount: 1099n });
    const charge = await sandbox.authorize(ctx, input);
    expect(charge).toMatchObject({
      status: "succeeded",
      idempotencyKey: input.idempotencyKey,
      paymentId: input.paymentId,
      captureMethod: "automatic",
      amount: 1099n,
      amountCapturable: 0n,
      amountCaptured: 1099n,
      amountRefunded: 0n,
      currency: "usd",
      failure: null,
      nextAction: null,
      riskLevel: "normal",
      paymentMethod: { id: paymentMethod, type: "card", card: { brand, last4, funding, country: "US" } },
    });
    expect(charge.processorId).toMatch(/^sbch_[0-9a-z]{26}$/);
    expect(charge.created).toBeInstanceOf(Date);
  });

  it("holds the money with manual capture (requires_capture)", async () => {
    const charge = await sandbox.authorize(ctx, authorizeInput({ paymentMethod: "pm_card_mastercard", captureMethod: "manual", amount: 5000n }));
    expect(charge).toMatchObject({ status: "requires_capture", amountCapturable: 5000n, amountCaptured: 0n, failure: null });
  });

  it("stores currencies in lowercase and passes an elevated risk level through", async () => {
    const charge = await sandbox.authorize(ctx, authorizeInput({ currency: "EUR", paymentMethod: "pm_card_riskLevelElevated" }));
    expect(charge).toMatchObject({ currency: "eur", status: "succeeded", riskLevel: "elevated" });
  });
});

describe("authorize: declines", () => {
  it.each([
    ["pm_card_chargeDeclined", "card_declined", "generic_decline", "Your card was declined.", "card_error", "normal"],
    ["pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds", "Your card has insufficient funds.", "card_error", "normal"],
    ["pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card", "Your card has expired.", "card_error", "normal"],
    ["pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.", "card_error", "normal"],
    ["pm_card_riskLevelHighest", "card_declined", "fraudulent", "Your card was declined.", "fraud", "highest"],
  ])("%s fails with %s / %s", async (paymentMethod, code, declineCode, message, type, riskLevel) => {
    const input = authorizeInput({ paymentMethod, captureMethod: "manual" });
    const charge = await sandbox.authorize(ctx, input);
    expect(charge).toMatchObject({
      status: "failed",
      amountCapturable: 0n,
      amountCaptured: 0n,
      failure: { code, declineCode, message, type, retryable: false },
      riskLevel,
      nextAction: null,
    });
    // A decline is a recorded outcome, not a rejected request: it can be retrieved.
    expect(await sandbox.retrieve(ctx, { idempotencyKey: input.idempotencyKey })).toEqual(charge);
  });

  it("fails a payment's first attempt on pm_card_processingError (retryable), then succeeds on a new attempt", async () => {
    const first = authorizeInput({ paymentMethod: "pm_card_processingError", captureMethod: "manual" });
    const charge1 = await sandbox.authorize(ctx, first);
    expect(charge1).toMatchObject({
      status: "failed",
      failure: { code: "processing_error", declineCode: null, retryable: true, type: "processing_error" },
    });
    // Replaying the first key still answers with the first attempt's failure.
    expect((await sandbox.authorize(ctx, first)).status).toBe("failed");

    const second = authorizeInput({ paymentMethod: "pm_card_processingError", captureMethod: "manual", paymentId: first.paymentId });
    const charge2 = await sandbox.authorize(ctx, second);
    expect(charge2).toMatchObject({ status: "requires_capture", amountCapturable: 2000n, failure: null });
    expect(charge2.processorId).not.toBe(charge1.processorId);

    // Another payment with the same card starts over with a failure.
    expect((await sandbox.authorize(ctx, authorizeInput({ paymentMethod: "pm_card_processingError" }))).status).toBe("failed");
  });
});

describe("authorize: 3D Secure", () => {
  it("requires action with a redirect to the sandbox 3DS page, then succeeds (manual → requires_capture)", async () => {
    const input = authorizeInput({ paymentMethod: "pm_card_authenticationRequired", captureMethod: "manual", returnUrl: "https://shop.test/back" });
    const charge = await sandbox.authorize(ctx, input);
    expect(charge).toMatchObject({ status: "requires_action", amountCapturable: 0n, amountCaptured: 0n, failure: null });
    expect(charge.nextAction).toEqual({
      type: "redirect_to_url",
      redirectToUrl: { url: `/sandbox/3ds/${charge.processorId}`, returnUrl: "https://shop.test/back" },
    });
    const done = await sandbox.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" });
    expect(done).toMatchObject({ status: "requires_capture", amountCapturable: 2000n, nextAction: null, failure: null });
    // A double submit of the same answer changes nothing; the opposite answer is refused.
    expect(await sandbox.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" })).toEqual(done);
    await expect(sandbox.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "fail" })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });

  it("succeeds with automatic capture after authentication (the …3155 card too)", async () => {
    const charge = await sandbox.authorize(ctx, authorizeInput({ paymentMethod: "pm_card_authenticationRequiredOnSetup" }));
    expect(charge.nextAction).toMatchObject({ type: "redirect_to_url", redirectToUrl: { returnUrl: null } });
    const done = await sandbox.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" });
    expect(done).toMatchObject({ status: "succeeded", amountCaptured: 2000n, amountCapturable: 0n });
  });

  it("fails with authentication_required when the customer fails the challenge", async () => {
    const charge = await sandbox.authorize(ctx, authorizeInput({ paymentMethod: "pm_card_authenticationRequired" }));
    const done = await sandbox.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "fail" });
    expect(done).toMatchObject({
      status: "failed",
      amountCaptured: 0n,
      nextAction: null,
      failure: { code: "authentication_required", declineCode: "authentication_required", type: "card_error" },
    });
    expect(await sandbox.retrieve(ctx, { processorId: charge.processorId })).toEqual(done);
  });

  it("refuses to complete a charge that never required action", async () => {
    const charge = await sandbox.authorize(ctx, authorizeInput());
    await expect(sandbox.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
    await expect(sandbox.completeAuthentication(ctx, { processorId: "sbch_missing", outcome: "succeed" })).rejects.toMatchObject({
      code: "resource_missing",
    });
  });
});

describe("authorize: idempotency", () => {
  it("replays the same key and parameters without a second charge", async () => {
    const input = authorizeInput({ captureMethod: "manual", customer: "cus_1", description: "Order 1" });
    const first = await sandbox.authorize(ctx, input);
    const again = await sandbox.authorize(ctx, { ...input });
    expect(again).toEqual(first);
    expect(await rowsForKey(input.idempotencyKey)).toHaveLength(1);
  });

  it.each([
    ["amount", { amount: 2001n }],
    ["payment method", { paymentMethod: "pm_card_mastercard" }],
    ["capture method", { captureMethod: "manual" as const }],
    ["payment id", { paymentId: "pay_other" }],
    ["description", { description: "changed" }],
  ])("refuses the same key with another %s (idempotency_key_reused)", async (_label, change) => {
    const input = authorizeInput();
    const first = await sandbox.authorize(ctx, input);
    const error = await sandbox.authorize(ctx, { ...input, ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorRequestError);
    expect(error).toMatchObject({ code: "idempotency_key_reused" });
    const rows = await rowsForKey(input.idempotencyKey);
    expect(rows.map((r) => [r.id, r.amount])).toEqual([[first.processorId, 2000n]]);
  });

  it("makes exactly one charge for 50 concurrent calls with one key", async () => {
    const input = authorizeInput({ captureMethod: "manual" });
    const results = await Promise.all(Array.from({ length: 50 }, () => sandbox.authorize(ctx, { ...input })));
    expect(new Set(results.map((c) => c.processorId)).size).toBe(1);
    expect(results.every((c) => c.status === "requires_capture")).toBe(true);
    expect(await rowsForKey(input.idempotencyKey)).toHaveLength(1);
  });

  it("records pm_card_lostResponse but loses the response; retrieve finds it and a replay returns it", async () => {
    const input = authorizeInput({ paymentMethod: "pm_card_lostResponse", captureMethod: "manual" });
    await expect(sandbox.authorize(ctx, input)).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    const found = await sandbox.retrieve(ctx, { idempotencyKey: input.idempotencyKey });
    expect(found).toMatchObject({ status: "requires_capture", amountCapturable: 2000n, paymentId: input.paymentId });
    const replay = await sandbox.authorize(ctx, input);
    expect(replay).toEqual(found);
    expect(await rowsForKey(input.idempotencyKey)).toHaveLength(1);
  });

  it("rejects bad requests without recording anything", async () => {
    const cases: Array<[Partial<ReturnType<typeof authorizeInput>>, string]> = [
      [{ paymentMethod: "pm_card_nope" }, "resource_missing"],
      [{ amount: 0n }, "amount_too_small"],
      [{ amount: -5n }, "amount_too_small"],
      [{ amount: 100_000_000n }, "amount_too_large"],
      [{ currency: "xxx" }, "parameter_invalid_string"],
      [{ idempotencyKey: "" }, "idempotency_key_invalid"],
    ];
    for (const [change, code] of cases) {
      const input = authorizeInput(change);
      await expect(sandbox.authorize(ctx, input), code).rejects.toMatchObject({ code });
      if (input.idempotencyKey) expect(await sandbox.retrieve(ctx, { idempotencyKey: input.idempotencyKey })).toBeNull();
    }
  });
});

describe("authorize: durability", () => {
  it("finds a charge after a restart (a new connection and connector on the same database)", async () => {
    const input = authorizeInput({ paymentMethod: "pm_card_lostResponse", captureMethod: "manual" });
    await expect(sandbox.authorize(ctx, input)).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    const restarted = await openDatabase(handle.url);
    try {
      const fresh = createSandboxConnector({ db: restarted.db });
      const found = await fresh.retrieve(ctx, { idempotencyKey: input.idempotencyKey });
      expect(found).toMatchObject({ status: "requires_capture", paymentId: input.paymentId });
      expect(await fresh.retrieve(ctx, { processorId: found!.processorId })).toEqual(found);
      expect(await fresh.authorize(ctx, input)).toEqual(found);
    } finally {
      await restarted.close();
    }
  });
});

describe("authorize: round trips", () => {
  it("takes one statement for a new charge and two for a replay", async () => {
    const pool = handle.pool as unknown as { query: (...args: unknown[]) => unknown };
    const spy = vi.spyOn(pool, "query");
    try {
      const input = authorizeInput();
      await sandbox.authorize(ctx, input);
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockClear();
      await sandbox.authorize(ctx, input);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("tenant isolation", () => {
  it("never shows one merchant's or mode's charge to another", async () => {
    const input = authorizeInput({ captureMethod: "manual" });
    const charge = await sandbox.authorize(ctx, input);
    for (const other of [tenant(), { merchantId: ctx.merchantId, livemode: true }]) {
      expect(await sandbox.retrieve(other, { idempotencyKey: input.idempotencyKey })).toBeNull();
      expect(await sandbox.retrieve(other, { processorId: charge.processorId })).toBeNull();
      await expect(sandbox.capture(other, { processorId: charge.processorId, amount: 1n, idempotencyKey: "cap-x" })).rejects.toMatchObject({
        code: "resource_missing",
      });
      await expect(sandbox.cancel(other, { processorId: charge.processorId, idempotencyKey: "can-x" })).rejects.toMatchObject({
        code: "resource_missing",
      });
    }
    // Keys are per tenant: merchant B's call with A's key makes B's own charge.
    const b = tenant();
    const bCharge = await sandbox.authorize(b, { ...input, amount: 999n });
    expect(bCharge.processorId).not.toBe(charge.processorId);
    expect((await sandbox.retrieve(ctx, { processorId: charge.processorId }))?.status).toBe("requires_capture");
  });
});
