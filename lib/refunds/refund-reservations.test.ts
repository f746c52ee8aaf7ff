// Refunds at service level on a real PostgreSQL: phase A reserves the amount on the locked payment, so
// concurrent refunds never exceed what was received; a refund the processor fails gives it back.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { payments } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { createRefund } from "./create-refund";

const { env, merchant } = paymentsTestBed("refund_reserve");

describe("refunds under concurrency", () => {
  it("two concurrent refunds of the remaining amount: exactly one succeeds", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    await createRefund({ ctx, input: { payment: p.id, amount: 1000 } });
    const results = await Promise.all([0, 1].map(() => code(createRefund({ ctx, input: { payment: p.id, amount: 2000 } }))));
    expect(results.sort()).toEqual(["charge_already_refunded", "ok"]);
    const [row] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.amountRefunded).toBe(3000n);
  });

  it("ten concurrent partial refunds never exceed the amount received", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const results = await Promise.all(Array.from({ length: 10 }, () => code(createRefund({ ctx, input: { payment: p.id, amount: 300 } }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(3);
    const [row] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.amountRefunded).toBe(900n);
  });

  it("a refund the processor fails gives the reserved amount back", async () => {
    const ctx = await merchant();
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_refundFail", confirm: true } });
    const r = await createRefund({ ctx, input: { payment: p.id } });
    expect(r).toMatchObject({ status: "failed", failure_reason: expect.any(String) });
    const [row] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
    expect(row!.amountRefunded).toBe(0n);
  });
});

describe("books", () => checksTheBooks(env));
