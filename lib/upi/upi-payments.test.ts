// UPI payments at service level on real PostgreSQL: the create call's checks (each with its exact code and
// nothing stored), the intent, QR and collect answers, and the sandbox PSP's signed API behind them.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { payments, sandboxUpiTransactions, upiSettings } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";

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

checksTheBooks(env);
