// UPI payments at service level on real PostgreSQL: the create call's checks (each with its exact code and
// nothing stored), the intent, QR and collect answers, and the sandbox PSP's signed API behind them.
import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { events, paymentAttempts, payments, sandboxUpiTransactions, upiSettings } from "@/db/schema";
import { setFailpointHandler } from "@/lib/failpoints";
import { decideByApp } from "@/lib/gateways/upi-sandbox/psp";
import { pspDeps } from "@/lib/gateways/upi-sandbox/config";
import { createPayment } from "@/lib/payments/create-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { systemActor } from "@/lib/service/context";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, later, paymentsTestBed } from "@/test/payments";
import { sweepExpiredUpiPayments } from "./sweep-expired-upi-payments";

const bed = paymentsTestBed("upi_pay");
const { env } = bed;
const upi = (extra: Record<string, unknown> = {}) => ({ amount: 49_900, currency: "inr", payment_method_types: ["upi"], confirm: true, ...extra });
const paymentsOf = async (merchantId: string) => env.h.db.select().from(payments).where(eq(payments.merchantId, merchantId));

describe("a UPI payment", () => {
  it("intent: requires_action with the upi:// link, its QR and the expiry; the PSP holds one pending transaction", async () => {
    const ctx = await bed.merchant();
    const p = await createPayment({ ctx, input: upi({ description: "Chai for two" }) });
    expect(p.status).toBe("requires_action");
    expect(p.payment_method).toBe("upi");
    expect(p.connector).toBe("upi_sandbox");
    const next = p.next_action as { type: string; intent_url: string; qr_svg: string; expires_at: number };
    expect(next.type).toBe("upi_intent");
    const url = new URL(next.intent_url);
    expect(url.protocol).toBe("upi:");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ am: "499.00", cu: "INR", tn: "Chai for two" });
    expect(url.searchParams.get("pa")).toMatch(/@kassapsp$/);
    expect(next.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(next.expires_at - p.created).toBeGreaterThanOrEqual(600 - 2);
    expect(next.expires_at - p.created).toBeLessThanOrEqual(600 + 2);
    expect(p.payment_method_details).toMatchObject({ type: "upi", upi: { flow: "intent", status: "pending", rrn: null } });
    const txns = await env.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
    expect(txns).toHaveLength(1);
    expect(url.searchParams.get("tr")).toBe(txns[0]!.id);
    expect((p.payment_method_details as { upi: { psp_reference: string } }).upi.psp_reference).toBe(txns[0]!.id);
  });

  it("QR expires after 8 minutes; collect (when turned on) sends a request to the VPA, with the holder's name", async () => {
    const ctx = await bed.merchant();
    const qr = await createPayment({ ctx, input: upi({ payment_method_options: { upi: { flow: "qr" } } }) });
    expect((qr.next_action as { expires_at: number }).expires_at - qr.created).toBeGreaterThanOrEqual(480 - 2);
    await env.h.db.insert(upiSettings).values({ merchantId: ctx.merchantId, livemode: false, collectEnabled: true });
    const collect = await createPayment({ ctx, input: upi({ payment_method_options: { upi: { flow: "collect", vpa: "success@kassa" } } }) });
    expect(collect.next_action).toMatchObject({ type: "upi_collect_pending", vpa: "success@kassa" });
    expect(collect.payment_method_details).toMatchObject({ upi: { flow: "collect", vpa: "success@kassa", payer_name: "Asha Success" } });
  });

  it("bad input: each refused with its exact code, and nothing is stored", async () => {
    const ctx = await bed.merchant();
    const cases: [Record<string, unknown>, string][] = [
      [upi({ payment_method_options: { upi: { flow: "intent", vpa: "ashaokaxis" } } }), "vpa_invalid"],
      [upi({ payment_method_options: { upi: { flow: "intent", vpa: `${"a".repeat(160)}@okaxis` } } }), "vpa_invalid"],
      [upi({ payment_method_options: { upi: { flow: "intent", vpa: "Asha@OKAXIS" } } }), "vpa_invalid"],
      [upi({ payment_method_options: { upi: { flow: "intent", vpa: "unknown@kassa" } } }), "vpa_invalid"],
      [upi({ payment_method_options: { upi: { flow: "intent", vpa: "blocked@kassa" } } }), "vpa_blocked"],
      [upi({ currency: "usd" }), "payment_method_currency_mismatch"],
      [upi({ amount: 99 }), "amount_too_small"],
      [upi({ amount: 10_000_001 }), "amount_too_large"],
      [upi({ payment_method_options: { upi: { flow: "collect", vpa: "success@kassa" } } }), "upi_collect_disabled"],
      [upi({ payment_method_options: { upi: { flow: "sms" } } }), "parameter_invalid"],
      [upi({ capture_method: "manual" }), "payment_method_unsupported"],
      [{ amount: 1000, currency: "inr", payment_method: "pm_card_visa", payment_method_options: { upi: { flow: "qr" } } }, "parameter_invalid"],
    ];
    for (const [input, expected] of cases) expect(await code(createPayment({ ctx, input })), JSON.stringify(input)).toBe(expected);
    expect(await paymentsOf(ctx.merchantId)).toEqual([]);
    expect(await env.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.merchantId, ctx.merchantId))).toEqual([]);
  });

  it("live mode has no UPI PSP yet: processor_unavailable, nothing stored", async () => {
    const ctx = { ...(await bed.merchant()), livemode: true };
    expect(await code(createPayment({ ctx, input: upi() }))).toBe("processor_unavailable");
    expect(await paymentsOf(ctx.merchantId)).toEqual([]);
  });
});

describe("a UPI payment's booking", () => {
  it("posts like a card's capture, with the PSP's fee from the merchant's setting (basis points, half up)", async () => {
    const ctx = await bed.merchant();
    await env.h.db.insert(upiSettings).values({ merchantId: ctx.merchantId, livemode: false, feeBasisPoints: 150 });
    const p = await createPayment({ ctx, input: upi() });
    const [txn] = await env.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, p.id));
    await decideByApp(pspDeps, txn!.id, "approve", "asha@okaxis");
    const { checkUpiPayment } = await import("./check-upi-payment");
    const c = await checkUpiPayment({ ctx, paymentId: p.id, source: "page" });
    expect(c).toMatchObject({ pspStatus: "success", final: true, payment: { status: "succeeded", amount_received: 49_900, fee: 749 } });
    expect(c.payment.payment_method_details).toMatchObject({ type: "upi", upi: { status: "success", vpa: "asha@okaxis", payer_name: "Asha" } });
  });
});

describe("a UPI payment's crashes and lost runs", () => {
  afterEach(() => setFailpointHandler(null));

  it("the process dies after the PSP took the initiation: the payment stays processing, and reconciliation finds the same transaction and starts its polls", async () => {
    const ctx = await bed.merchant();
    setFailpointHandler((name) => {
      if (name === "payment.processor:after") throw new Error("crashed after the PSP call");
    });
    await expect(createPayment({ ctx, input: upi() })).rejects.toThrow("crashed");
    setFailpointHandler(null);
    const [row] = await paymentsOf(ctx.merchantId);
    expect(row!.status).toBe("processing");
    const settled = await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: row!.id, now: later() });
    expect(settled.status).toBe("requires_action");
    const [after] = await paymentsOf(ctx.merchantId);
    expect(after!.nextAction).toMatchObject({ type: "upi_intent" });
    // One PSP transaction (the attempt id is its merchant reference), one poll run started.
    const txns = await env.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, row!.id));
    expect(txns.map((t) => t.merchantReference)).toEqual([row!.latestAttemptId]);
    const started = await env.h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "upi/payment.started")));
    expect(started).toHaveLength(1);
  });

  it("the 15-minute sweep: a payment left waiting past its expiry (its run was lost) is expired, one paid meanwhile is booked", async () => {
    const ctx = await bed.merchant();
    const waiting = await createPayment({ ctx, input: upi({ payment_method_options: { upi: { flow: "qr", vpa: "never@kassa" } } }) });
    const paid = await createPayment({ ctx, input: upi() });
    const [paidTxn] = await env.h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, paid.id));
    await decideByApp(pspDeps, paidTxn!.id, "approve", "asha@okaxis");
    const fresh = await createPayment({ ctx, input: upi() });
    // Not yet past the expiry (plus the grace): the sweep leaves them all alone.
    expect((await sweepExpiredUpiPayments({ db: env.h.db })).checked).toBe(0);
    const wayLater = Date.now() + 30 * 60_000;
    // The first two's expiry moved into the past; the third stays in the future.
    for (const p of [waiting, paid]) {
      const [row] = await env.h.db.select().from(payments).where(eq(payments.id, p.id));
      await env.h.db
        .update(payments)
        .set({ upi: { ...row!.upi!, expires_at: Math.floor((Date.now() - 10 * 60_000) / 1000) } })
        .where(eq(payments.id, p.id));
    }
    const result = await sweepExpiredUpiPayments({ db: env.h.db, now: wayLater - 25 * 60_000 });
    expect(result).toEqual({ checked: 2, expired: 1, paid: 1 });
    const byId = new Map((await paymentsOf(ctx.merchantId)).map((p) => [p.id, p]));
    expect(byId.get(waiting.id)).toMatchObject({ status: "requires_payment_method", lastPaymentError: { code: "payment_intent_payment_attempt_expired" } });
    expect(byId.get(paid.id)).toMatchObject({ status: "succeeded", amountReceived: 49_900n });
    expect(byId.get(fresh.id)!.status).toBe("requires_action");
    const [attempt] = await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, waiting.id));
    expect(attempt!.failure).toMatchObject({ code: "payment_intent_payment_attempt_expired" });
  });
});

checksTheBooks(env);
