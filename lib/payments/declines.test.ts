// Declines at service level on a real PostgreSQL: a transient one is retried on a new attempt (a new
// processor key) by reconciliation; a hard one is final and never charged again.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { paymentAttempts, payments } from "@/db/schema";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, later, paymentsTestBed } from "@/test/payments";
import { createPayment } from "./create-payment";
import { settlePayment } from "./settle-payment";

const { env, charges, merchant } = paymentsTestBed("pay_declines");

describe("declines", () => {
  it("a transient decline is retried on a new attempt; a hard decline never is", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 900, currency: "usd", payment_method: "pm_card_processingError", confirm: true } });
    expect(p.status).toBe("processing");
    expect(p.last_payment_error).toMatchObject({ code: "processing_error" });
    expect(await settlePayment({ ctx, paymentId: p.id, now: later() })).toEqual({ status: "succeeded", done: true });
    const attempts = await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, p.id));
    expect(attempts.map((a) => a.status).sort()).toEqual(["failed", "succeeded"]);

    expect(await code(createPayment({ ctx, input: { amount: 900, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true } }))).toBe(
      "card_declined",
    );
    const [declined] = await env.h.db.select().from(payments).where(eq(payments.status, "requires_payment_method")).orderBy(payments.id);
    expect(await settlePayment({ ctx, paymentId: declined!.id, now: later() })).toEqual({ status: "requires_payment_method", done: true });
    expect(await charges(declined!.id)).toHaveLength(1);
  });
});

describe("books", () => checksTheBooks(env));
