import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { freshPglite } from "@/test/db";
import { ConnectorUnknownOutcomeError, type Connector, type ConnectorContext } from "../types";
import { createSandboxConnector } from "./connector";
import { authorizeInput, key, tenant } from "@/test/gateways";

// The embedded default runs on PGlite: one smoke pass over every verb there.
let handle: DatabaseHandle;
let sandbox: Connector;
let ctx: ConnectorContext;

beforeAll(async () => {
  handle = await freshPglite();
  sandbox = createSandboxConnector({ db: handle.db, faultRate: 0, latencyMs: 0 });
  ctx = tenant();
});
afterAll(async () => {
  await handle?.close();
});

describe("sandbox on PGlite", () => {
  it("authorizes, replays, captures, refunds and retrieves", async () => {
    const input = authorizeInput({ captureMethod: "manual", amount: 1500n });
    const charge = await sandbox.authorize(ctx, input);
    expect(charge).toMatchObject({ status: "requires_capture", amountCapturable: 1500n });
    expect(await sandbox.authorize(ctx, input)).toEqual(charge);
    await expect(sandbox.authorize(ctx, { ...input, amount: 1n })).rejects.toMatchObject({ code: "idempotency_key_reused" });

    const captured = await sandbox.capture(ctx, { processorId: charge.processorId, amount: 1000n, idempotencyKey: key("cap") });
    expect(captured).toMatchObject({ status: "succeeded", amountCaptured: 1000n, amountCapturable: 0n });
    const refund = await sandbox.refund(ctx, { processorId: charge.processorId, amount: 400n, idempotencyKey: key("re") });
    expect(refund).toMatchObject({ status: "succeeded", amount: 400n });
    await expect(sandbox.refund(ctx, { processorId: charge.processorId, amount: 601n, idempotencyKey: key("re") })).rejects.toMatchObject({
      code: "amount_too_large",
    });
    expect(await sandbox.retrieve(ctx, { idempotencyKey: input.idempotencyKey })).toMatchObject({ amountRefunded: 400n });
    expect(await sandbox.retrieveRefund(ctx, { idempotencyKey: refund.idempotencyKey })).toEqual(refund);
    expect(await sandbox.retrieve(tenant(), { processorId: charge.processorId })).toBeNull();
  });

  it("handles the lost response, 3DS, declines, processing errors and cancel", async () => {
    const lost = authorizeInput({ paymentMethod: "pm_card_lostResponse" });
    await expect(sandbox.authorize(ctx, lost)).rejects.toBeInstanceOf(ConnectorUnknownOutcomeError);
    expect((await sandbox.authorize(ctx, lost)).status).toBe("succeeded");

    const threeDs = await sandbox.authorize(ctx, authorizeInput({ paymentMethod: "pm_card_authenticationRequired" }));
    expect((await sandbox.completeAuthentication(ctx, { processorId: threeDs.processorId, outcome: "succeed" })).status).toBe("succeeded");

    expect((await sandbox.authorize(ctx, authorizeInput({ paymentMethod: "pm_card_chargeDeclined" }))).failure?.declineCode).toBe("generic_decline");

    const first = authorizeInput({ paymentMethod: "pm_card_processingError", captureMethod: "manual" });
    expect((await sandbox.authorize(ctx, first)).status).toBe("failed");
    const second = await sandbox.authorize(ctx, authorizeInput({ ...first, idempotencyKey: key("att") }));
    expect(second.status).toBe("requires_capture");
    expect((await sandbox.cancel(ctx, { processorId: second.processorId, idempotencyKey: key("can") })).status).toBe("canceled");
  });

  it("makes one charge for concurrent calls with one key", async () => {
    const input = authorizeInput();
    const results = await Promise.all(Array.from({ length: 10 }, () => sandbox.authorize(ctx, { ...input })));
    expect(new Set(results.map((c) => c.processorId)).size).toBe(1);
  });
});
