// Unknown outcomes at service level on a real PostgreSQL: a lost answer is settled by asking the
// processor with the same key (or sending the same attempt again), never by charging twice.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { paymentAttempts, payments } from "@/db/schema";
import { systemActor } from "@/lib/service/context";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, later, paymentsTestBed } from "@/test/payments";
import { capturePayment } from "./capture-payment";
import { createPayment } from "./create-payment";
import { settlePayment } from "./settle-payment";

const { env, faultOnce, charges, merchant } = paymentsTestBed("pay_unknown");

describe("unknown outcomes are settled with the same key, never charged twice", () => {
  it("response lost after the charge: processing, then succeeded by settlePayment with one charge", async () => {
    const ctx = await merchant();
    faultOnce("after");
    const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(p.status).toBe("processing");
    const [attempt] = await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, p.id));
    expect(attempt!.status).toBe("unknown");
    const settled = await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: p.id, now: later() });
    expect(settled).toEqual({ status: "succeeded", done: true });
    expect(await charges(p.id)).toHaveLength(1);
    // Settling again changes nothing.
    expect(await settlePayment({ ctx, paymentId: p.id, now: later() })).toEqual({ status: "succeeded", done: true });
  });

  it("request lost before reaching the processor: settled by sending the same attempt again, one charge", async () => {
    const ctx = await merchant();
    faultOnce("before");
    const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(p.status).toBe("processing");
    expect(await charges(p.id)).toHaveLength(0);
    expect((await settlePayment({ ctx, paymentId: p.id, now: later() })).status).toBe("succeeded");
    const [charge] = await charges(p.id);
    expect(charge!.idempotencyKey).toBe(p.latest_attempt);
  });

  it("a capture whose answer was lost is finished by reconciliation, posted once", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 4000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    faultOnce("after");
    expect(await code(capturePayment({ ctx, id: p.id, input: { amount_to_capture: 2500 } }))).toBe("processor_error");
    const [pending] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(pending).toMatchObject({ status: "requires_capture", pendingOperation: { type: "capture", amount: "2500" } });
    expect(await settlePayment({ ctx, paymentId: p.id, now: later() })).toEqual({ status: "succeeded", done: true });
    const [done] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(done).toMatchObject({ status: "succeeded", amountReceived: 2500n, pendingOperation: null });
  });
});

describe("books", () => checksTheBooks(env));
