// A crash between the phases at service level on a real PostgreSQL: the client's retry with the same
// Idempotency-Key resumes the attempt phase A recorded — one payment, one charge.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { idempotencyKeys, payments } from "@/db/schema";
import { beginIdempotentRequest } from "@/lib/service/idempotency";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { createPayment } from "./create-payment";

const { env, faultOnce, charges, merchant } = paymentsTestBed("pay_retry");

describe("a retry after a crash resumes, never charges again", () => {
  it("a crash after phase A: the client's retry with the same Idempotency-Key resumes that attempt", async () => {
    const ctx = await merchant();
    const scope = { merchantId: ctx.merchantId, livemode: false, key: "order-1", method: "POST", path: "/api/v1/payments", requestHash: "h" };
    const first = await beginIdempotentRequest(env.h.db, scope);
    if (first.kind !== "started") throw new Error("expected a fresh key");
    faultOnce("after"); // the processor charged, the process "died" before phase B
    const held = (recovery: unknown = undefined) => ({ id: first.record.id, lockVersion: first.record.lockVersion, recovery, stored: false });
    const crashed = await createPayment({
      ctx: { ...ctx, idempotency: held(), idempotencyKey: "order-1" },
      input: { amount: 700, currency: "usd", payment_method: "pm_card_visa", confirm: true },
    });
    expect(crashed.status).toBe("processing");
    // Recovery data was recorded with phase A; the retry reads it from the key.
    const [row] = await env.h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.id, first.record.id));
    expect(row!.recoveryData).toEqual({ point: "attempt_started", paymentId: crashed.id, attemptId: crashed.latest_attempt });
    const retry = await createPayment({
      ctx: { ...ctx, idempotency: held(row!.recoveryData), idempotencyKey: "order-1" },
      input: { amount: 700, currency: "usd", payment_method: "pm_card_visa", confirm: true },
    });
    expect(retry).toMatchObject({ id: crashed.id, status: "succeeded" });
    expect(await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId))).toHaveLength(1);
    expect(await charges(crashed.id)).toHaveLength(1);
  });
});

describe("books", () => checksTheBooks(env));
