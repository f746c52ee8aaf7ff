import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxRefunds, sandboxRequests } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { ConnectorRequestError, type AuthorizeInput, type Connector, type ConnectorContext } from "../types";
import { createSandboxConnector } from "./connector";
import { REFUND_FAILURE_REASON } from "./refund";
import { authorizeInput, key, tenant } from "@/test/gateways";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let sandbox: Connector;
let ctx: ConnectorContext;

beforeAll(async () => {
  handle = await freshPostgres("sandbox_ccr");
  sandbox = createSandboxConnector({ db: handle.db, faultRate: 0, latencyMs: 0 });
  ctx = tenant();
});
afterAll(async () => {
  await handle?.close();
});

const held = (overrides: Partial<AuthorizeInput> = {}) => sandbox.authorize(ctx, authorizeInput({ captureMethod: "manual", amount: 10_000n, ...overrides }));
const captured = (overrides: Partial<AuthorizeInput> = {}) => sandbox.authorize(ctx, authorizeInput({ amount: 10_000n, ...overrides }));

describe("capture", () => {
  it("captures the full amount", async () => {
    const charge = await held();
    const done = await sandbox.capture(ctx, { processorId: charge.processorId, amount: 10_000n, idempotencyKey: key("cap") });
    expect(done).toMatchObject({ processorId: charge.processorId, status: "succeeded", amountCaptured: 10_000n, amountCapturable: 0n });
    expect(await sandbox.retrieve(ctx, { processorId: charge.processorId })).toEqual(done);
  });

  it("captures part and releases the rest", async () => {
    const charge = await held();
    const done = await sandbox.capture(ctx, { processorId: charge.processorId, amount: 2_500n, idempotencyKey: key("cap") });
    expect(done).toMatchObject({ status: "succeeded", amount: 10_000n, amountCaptured: 2_500n, amountCapturable: 0n });
    // The released remainder cannot be captured later.
    await expect(sandbox.capture(ctx, { processorId: charge.processorId, amount: 1n, idempotencyKey: key("cap") })).rejects.toMatchObject({
      code: "charge_already_captured",
    });
  });

  it("refuses more than the capturable amount and leaves the charge as it was", async () => {
    const charge = await held();
    const capKey = key("cap");
    const error = await sandbox.capture(ctx, { processorId: charge.processorId, amount: 10_001n, idempotencyKey: capKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorRequestError);
    expect(error).toMatchObject({ code: "amount_too_large" });
    expect(await sandbox.retrieve(ctx, { processorId: charge.processorId })).toEqual(charge);
    // A rejected request does not use up its key: the corrected call with the same key works.
    const done = await sandbox.capture(ctx, { processorId: charge.processorId, amount: 10_000n, idempotencyKey: capKey });
    expect(done.status).toBe("succeeded");
  });

  it("replays a capture with the same key, refuses a second capture with another key", async () => {
    const charge = await held();
    const input = { processorId: charge.processorId, amount: 4_000n, idempotencyKey: key("cap") };
    const first = await sandbox.capture(ctx, input);
    expect(await sandbox.capture(ctx, { ...input })).toEqual(first);
    await expect(sandbox.capture(ctx, { ...input, amount: 5_000n })).rejects.toMatchObject({ code: "idempotency_key_reused" });
    await expect(sandbox.capture(ctx, { ...input, idempotencyKey: key("cap") })).rejects.toMatchObject({ code: "charge_already_captured" });
    const requests = await handle.db.select().from(sandboxRequests).where(eq(sandboxRequests.chargeId, charge.processorId));
    expect(requests).toHaveLength(1);
  });

  it("captures once under 20 concurrent calls with one key", async () => {
    const charge = await held();
    const input = { processorId: charge.processorId, amount: 10_000n, idempotencyKey: key("cap") };
    const results = await Promise.all(Array.from({ length: 20 }, () => sandbox.capture(ctx, { ...input })));
    expect(results.every((c) => c.status === "succeeded" && c.amountCaptured === 10_000n)).toBe(true);
  });

  it("refuses charges that are not waiting for capture", async () => {
    const auto = await captured();
    await expect(sandbox.capture(ctx, { processorId: auto.processorId, amount: 1n, idempotencyKey: key("cap") })).rejects.toMatchObject({
      code: "charge_already_captured",
    });
    const declined = await held({ paymentMethod: "pm_card_chargeDeclined" });
    const threeDs = await held({ paymentMethod: "pm_card_authenticationRequired" });
    for (const charge of [declined, threeDs]) {
      await expect(sandbox.capture(ctx, { processorId: charge.processorId, amount: 1n, idempotencyKey: key("cap") })).rejects.toMatchObject({
        code: "payment_intent_unexpected_state",
      });
    }
    await expect(sandbox.capture(ctx, { processorId: "sbch_nope", amount: 1n, idempotencyKey: key("cap") })).rejects.toMatchObject({
      code: "resource_missing",
    });
    await expect(sandbox.capture(ctx, { processorId: auto.processorId, amount: 0n, idempotencyKey: key("cap") })).rejects.toMatchObject({
      code: "parameter_invalid_integer",
    });
  });
});

describe("cancel", () => {
  it("voids an authorization and replays by key", async () => {
    const charge = await held();
    const input = { processorId: charge.processorId, idempotencyKey: key("can") };
    const done = await sandbox.cancel(ctx, input);
    expect(done).toMatchObject({ status: "canceled", amountCapturable: 0n, amountCaptured: 0n });
    expect(await sandbox.cancel(ctx, { ...input })).toEqual(done);
    await expect(sandbox.cancel(ctx, { ...input, idempotencyKey: key("can") })).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    await expect(sandbox.capture(ctx, { processorId: charge.processorId, amount: 1n, idempotencyKey: key("cap") })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });

  it("abandons a pending 3DS challenge, after which the challenge cannot complete", async () => {
    const charge = await held({ paymentMethod: "pm_card_authenticationRequired" });
    const done = await sandbox.cancel(ctx, { processorId: charge.processorId, idempotencyKey: key("can") });
    expect(done).toMatchObject({ status: "canceled", nextAction: null });
    await expect(sandbox.completeAuthentication(ctx, { processorId: charge.processorId, outcome: "succeed" })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });

  it("refuses captured and failed charges", async () => {
    for (const charge of [await captured(), await held({ paymentMethod: "pm_card_chargeDeclined" })]) {
      await expect(sandbox.cancel(ctx, { processorId: charge.processorId, idempotencyKey: key("can") })).rejects.toMatchObject({
        code: "payment_intent_unexpected_state",
      });
    }
  });

  it("keeps capture and cancel keys apart (one key namespace per operation)", async () => {
    const charge = await held();
    const shared = key("shared");
    await sandbox.capture(ctx, { processorId: charge.processorId, amount: 100n, idempotencyKey: shared });
    await expect(sandbox.cancel(ctx, { processorId: charge.processorId, idempotencyKey: shared })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });
});

describe("refund", () => {
  it("refunds partially, then the rest, then refuses more", async () => {
    const charge = await captured();
    const r1 = await sandbox.refund(ctx, { processorId: charge.processorId, amount: 3_000n, idempotencyKey: key("re"), reason: "requested_by_customer" });
    expect(r1).toMatchObject({ status: "succeeded", amount: 3_000n, currency: "usd", failureReason: null });
    expect(r1.processorId).toMatch(/^sbre_/);
    expect((await sandbox.retrieve(ctx, { processorId: charge.processorId }))?.amountRefunded).toBe(3_000n);

    const over = sandbox.refund(ctx, { processorId: charge.processorId, amount: 7_001n, idempotencyKey: key("re") });
    await expect(over).rejects.toMatchObject({ code: "amount_too_large" });

    const r2 = await sandbox.refund(ctx, { processorId: charge.processorId, amount: 7_000n, idempotencyKey: key("re") });
    expect(r2.status).toBe("succeeded");
    const after = await sandbox.retrieve(ctx, { processorId: charge.processorId });
    expect(after).toMatchObject({ status: "succeeded", amountCaptured: 10_000n, amountRefunded: 10_000n });

    await expect(sandbox.refund(ctx, { processorId: charge.processorId, amount: 1n, idempotencyKey: key("re") })).rejects.toMatchObject({
      code: "charge_already_refunded",
    });
    const rows = await handle.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.chargeId, charge.processorId));
    expect(rows.map((r) => r.amount).sort()).toEqual([3_000n, 7_000n].sort());
  });

  it("refunds only what a partial capture took", async () => {
    const charge = await held();
    await sandbox.capture(ctx, { processorId: charge.processorId, amount: 4_000n, idempotencyKey: key("cap") });
    await expect(sandbox.refund(ctx, { processorId: charge.processorId, amount: 4_001n, idempotencyKey: key("re") })).rejects.toMatchObject({
      code: "amount_too_large",
    });
    expect((await sandbox.refund(ctx, { processorId: charge.processorId, amount: 4_000n, idempotencyKey: key("re") })).status).toBe("succeeded");
  });

  it("is idempotent by key, also under concurrency, and refuses a reused key", async () => {
    const charge = await captured();
    const input = { processorId: charge.processorId, amount: 10_000n, idempotencyKey: key("re") };
    const results = await Promise.all(Array.from({ length: 20 }, () => sandbox.refund(ctx, { ...input })));
    expect(new Set(results.map((r) => r.processorId)).size).toBe(1);
    expect(await sandbox.refund(ctx, { ...input })).toEqual(results[0]);
    expect(await sandbox.retrieveRefund(ctx, { idempotencyKey: input.idempotencyKey })).toEqual(results[0]);
    await expect(sandbox.refund(ctx, { ...input, amount: 5_000n })).rejects.toMatchObject({ code: "idempotency_key_reused" });
    expect((await sandbox.retrieve(ctx, { processorId: charge.processorId }))?.amountRefunded).toBe(10_000n);
  });

  it("never refunds more than was captured under concurrent refunds with different keys", async () => {
    const charge = await captured();
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, () => sandbox.refund(ctx, { processorId: charge.processorId, amount: 3_000n, idempotencyKey: key("re") })),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(3);
    for (const s of settled) if (s.status === "rejected") expect(s.reason).toMatchObject({ code: "amount_too_large" });
    expect((await sandbox.retrieve(ctx, { processorId: charge.processorId }))?.amountRefunded).toBe(9_000n);
  });

  it("refuses uncaptured, canceled and failed charges, and unknown ids", async () => {
    const uncaptured = await held();
    const canceled = await held();
    await sandbox.cancel(ctx, { processorId: canceled.processorId, idempotencyKey: key("can") });
    const failed = await captured({ paymentMethod: "pm_card_chargeDeclined" });
    for (const charge of [uncaptured, canceled, failed]) {
      const refundKey = key("re");
      await expect(sandbox.refund(ctx, { processorId: charge.processorId, amount: 1n, idempotencyKey: refundKey })).rejects.toMatchObject({
        code: "payment_intent_unexpected_state",
      });
      expect(await sandbox.retrieveRefund(ctx, { idempotencyKey: refundKey })).toBeNull();
    }
    await expect(sandbox.refund(ctx, { processorId: "sbch_nope", amount: 1n, idempotencyKey: key("re") })).rejects.toMatchObject({
      code: "resource_missing",
    });
  });

  it("fails refunds on pm_card_refundFail without giving money back", async () => {
    const charge = await captured({ paymentMethod: "pm_card_refundFail" });
    expect(charge.status).toBe("succeeded");
    const result = await sandbox.refund(ctx, { processorId: charge.processorId, amount: 10_000n, idempotencyKey: key("re") });
    expect(result).toMatchObject({ status: "failed", failureReason: REFUND_FAILURE_REASON, amount: 10_000n });
    expect((await sandbox.retrieve(ctx, { processorId: charge.processorId }))?.amountRefunded).toBe(0n);
  });

  it("keeps refunds per tenant", async () => {
    const charge = await captured();
    const refundKey = key("re");
    await sandbox.refund(ctx, { processorId: charge.processorId, amount: 1n, idempotencyKey: refundKey });
    const other = tenant();
    expect(await sandbox.retrieveRefund(other, { idempotencyKey: refundKey })).toBeNull();
    expect(await sandbox.retrieveRefund({ ...ctx, livemode: true }, { idempotencyKey: refundKey })).toBeNull();
    await expect(sandbox.refund(other, { processorId: charge.processorId, amount: 1n, idempotencyKey: key("re") })).rejects.toMatchObject({
      code: "resource_missing",
    });
  });
});
