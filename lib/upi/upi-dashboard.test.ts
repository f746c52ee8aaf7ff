// UPI in the dashboard at service level on real PostgreSQL: the payments list's method, flow and UPI
// status filters (bad values refused with their exact code); the payment page's UPI panel (VPA masked,
// RRN, expiry) and its timeline of initiation, checks and expiry, a late success refunded with the
// reason; the overview's success rate per flow; Settings → UPI (defaults, bad input with exact codes and
// nothing stored, owners and admins only, test and live separate, audited, and the next payment follows it).
import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, payments, upiSettings } from "@/db/schema";
import { dateUpiPaymentBack, seedUpiPayment } from "@/lib/demo/seed-upi-payments";
import { configureUpiSandbox } from "@/lib/gateways/upi-sandbox/config";
import { createPayment } from "@/lib/payments/create-payment";
import { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";
import { searchPayments } from "@/lib/payments/search-payments";
import { getUpiOverview } from "@/lib/overview/get-upi-overview";
import { toDay } from "@/lib/overview/inputs";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { checkUpiPayment } from "./check-upi-payment";
import { getUpiSettings } from "./get-upi-settings";
import { updateUpiSettings } from "./update-upi-settings";

const bed = paymentsTestBed("upi_dash");
const db = () => bed.env.h.db;
const DAY = 86_400_000;
const asRole = (ctx: ServiceContext, role: ServiceContext["role"]): ServiceContext => ({ ...ctx, actor: { type: "user", id: "usr_x", label: "x" }, role });
const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof KassaError ? `${e.code} ${e.param ?? ""}`.trim() : `thrown: ${String(e)}`),
  );
const play = (ctx: ServiceContext, vpa: string, flow: "intent" | "qr" | "collect", at = Date.now() - DAY) =>
  seedUpiPayment(db(), ctx, { at, amount: 25_000, flow, vpa, description: "Thali", metadata: {} }).then(async (id) => {
    await dateUpiPaymentBack(db(), id, at);
    await db()
      .update(payments)
      .set({ createdAt: new Date(at) })
      .where(eq(payments.id, id));
    return id;
  });
const ids = (list: { data: { id: string }[] }) => list.data.map((p) => p.id).sort();

afterEach(() => configureUpiSandbox(null));

describe("the payments list", () => {
  it("filters by method, UPI flow and UPI status; bad values are refused with their exact code", async () => {
    const ctx = await bed.merchant();
    const paid = await play(ctx, "success@kassa", "intent");
    const declined = await play(ctx, "failure@kassa", "qr");
    const expired = await play(ctx, "never@kassa", "qr");
    const card = await createPayment({ ctx, input: { amount: 2_000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const other = await bed.merchant();
    await play(other, "success@kassa", "qr");

    expect(ids(await searchPayments({ ctx, input: { method: "upi" } }))).toEqual([paid, declined, expired].sort());
    expect(ids(await searchPayments({ ctx, input: { method: "card" } }))).toEqual([card.id]);
    expect(ids(await searchPayments({ ctx, input: { upi_flow: "qr" } }))).toEqual([declined, expired].sort());
    expect(ids(await searchPayments({ ctx, input: { upi_flow: "intent", upi_status: "success" } }))).toEqual([paid]);
    expect(ids(await searchPayments({ ctx, input: { upi_status: "expired" } }))).toEqual([expired]);
    expect(ids(await searchPayments({ ctx, input: { upi_status: "failed", status: "requires_payment_method" } }))).toEqual([declined]);
    expect(ids(await searchPayments({ ctx, input: { upi_flow: "collect" } }))).toEqual([]);
    // Live mode holds none of test mode's.
    expect(ids(await searchPayments({ ctx: { ...ctx, livemode: true }, input: { method: "upi" } }))).toEqual([]);
    // Blank is no filter, as the page's form sends it.
    expect((await searchPayments({ ctx, input: { method: "", upi_flow: "", upi_status: "" } })).data).toHaveLength(4);

    expect(await refusal(searchPayments({ ctx, input: { method: "wallet" } }))).toBe("parameter_invalid method");
    expect(await refusal(searchPayments({ ctx, input: { upi_flow: "sms" } }))).toBe("parameter_invalid upi_flow");
    expect(await refusal(searchPayments({ ctx, input: { upi_status: "succeeded" } }))).toBe("parameter_invalid upi_status");
  });
});

describe("the payment page", () => {
  it("shows the UPI panel with the VPA masked and a timeline of the initiation and the checks", async () => {
    const ctx = await bed.merchant();
    const id = await play(ctx, "success@kassa", "intent");
    const view = await getPaymentTimeline({ ctx, id });
    expect(view.upi).toMatchObject({ flow: "intent", status: "success", vpa: "su•••••@kassa", payer_name: "Asha Success", late_note: null, late_refund: null });
    expect(view.upi!.rrn).toMatch(/^\d{12}$/);
    expect(view.upi!.psp_reference).toMatch(/^sbupi_/);
    expect(view.upi!.checks).toBe(1);
    // The browser gets no whole VPA, in the panel or the payment object.
    expect(JSON.stringify(view)).not.toContain("success@kassa");
    const upiLines = view.timeline.filter((t) => t.kind === "upi").map((t) => t.title);
    expect(upiLines).toEqual(["UPI intent (app link) sent to the PSP", "UPI status check: success"]);
    // Each line sits among the payment's other lines in time order.
    expect(view.timeline.map((t) => t.at)).toEqual([...view.timeline.map((t) => t.at)].sort((a, b) => a - b));

    const expired = await getPaymentTimeline({ ctx, id: await play(ctx, "never@kassa", "qr") });
    expect(expired.upi).toMatchObject({ flow: "qr", status: "expired", rrn: null, vpa: "ne•••@kassa" });
    expect(expired.timeline.filter((t) => t.kind === "upi").map((t) => t.title)).toEqual([
      "UPI QR code sent to the PSP",
      "UPI status check: expired",
      "UPI payment expired unpaid",
    ]);
    // A card payment has no UPI panel; another merchant's UPI payment is not found.
    const card = await createPayment({ ctx, input: { amount: 2_000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect((await getPaymentTimeline({ ctx, id: card.id })).upi).toBeNull();
    expect(await code(getPaymentTimeline({ ctx: await bed.merchant(), id }))).toBe("resource_missing");
  });

  it("a payment paid after it expired says why it was refunded, with the refund's id", async () => {
    const ctx = await bed.merchant();
    const p = await createPayment({
      ctx,
      input: {
        amount: 30_000,
        currency: "inr",
        payment_method_types: ["upi"],
        confirm: true,
        payment_method_options: { upi: { flow: "intent", vpa: "late@kassa" } },
      },
    });
    // Expired by Kassa while the PSP still said pending; the payer's app paid two minutes after the expiry.
    expect((await checkUpiPayment({ ctx, paymentId: p.id, source: "expiry", expire: true })).payment.status).toBe("requires_payment_method");
    configureUpiSandbox({ now: () => Date.now() + 15 * 60_000 });
    const late = await checkUpiPayment({ ctx, paymentId: p.id, source: "sweep" });
    configureUpiSandbox(null);
    expect(late.payment.status).toBe("succeeded");
    const view = await getPaymentTimeline({ ctx, id: p.id });
    expect(view.upi!.late_note).toBe("Paid after it expired — refunded automatically");
    expect(view.upi!.late_refund).toMatch(/^re_/);
    expect(view.refunds.map((r) => r.id)).toEqual([view.upi!.late_refund]);
    const lateLine = view.timeline.find((t) => t.kind === "upi" && t.title.startsWith("UPI paid after it expired"));
    expect(lateLine?.detail).toBe(`refund ${view.upi!.late_refund}`);
    expect(view.timeline.filter((t) => t.kind === "upi").map((t) => t.title)).toContain("UPI payment expired unpaid");
  });
});

describe("the overview", () => {
  it("gives the UPI success rate per flow over the range: succeeded ÷ finished, waiting ones not counted", async () => {
    const ctx = await bed.merchant();
    const yesterday = Date.now() - DAY;
    await play(ctx, "success@kassa", "intent", yesterday);
    await play(ctx, "success@kassa", "intent", yesterday);
    await play(ctx, "failure@kassa", "intent", yesterday);
    await play(ctx, "success@kassa", "qr", yesterday);
    await play(ctx, "never@kassa", "qr", yesterday);
    // Outside the range (40 days ago), and one still waiting for the app today.
    await play(ctx, "failure@kassa", "qr", Date.now() - 40 * DAY);
    await createPayment({
      ctx,
      input: { amount: 10_000, currency: "inr", payment_method_types: ["upi"], confirm: true, payment_method_options: { upi: { flow: "qr" } } },
    });
    const range = { from: toDay(new Date(Date.now() - 29 * DAY)), to: toDay(new Date()) };
    const o = await getUpiOverview({ ctx, input: range });
    expect(o.flows).toEqual([
      { flow: "intent", succeeded: 2, failed: 1, expired: 0, pending: 0, rate: 66.7 },
      { flow: "qr", succeeded: 1, failed: 0, expired: 1, pending: 1, rate: 50 },
    ]);
    expect((await getUpiOverview({ ctx: { ...ctx, livemode: true }, input: range })).flows).toEqual([]);
    expect((await getUpiOverview({ ctx: await bed.merchant(), input: range })).flows).toEqual([]);
    expect(await refusal(getUpiOverview({ ctx, input: { from: "2026-02-30", to: "2026-03-01" } }))).toBe("parameter_invalid from");
  });
});

describe("Settings → UPI", () => {
  const good = { collect_enabled: true, max_amount: 50_000_000, expiry_minutes: 15, fee_basis_points: 35 };

  it("are the defaults until saved; saved per mode, audited, and the next payment follows them", async () => {
    const ctx = asRole(await bed.merchant(), "owner");
    expect(await getUpiSettings({ ctx })).toEqual({
      object: "upi_settings",
      livemode: false,
      collect_enabled: false,
      max_amount: 10_000_000,
      expiry_minutes: null,
      fee_basis_points: 0,
      default_expiry_minutes: { intent: 10, qr: 8, collect: 8 },
    });
    const saved = await updateUpiSettings({ ctx, input: good });
    expect(saved).toMatchObject(good);
    expect(await getUpiSettings({ ctx })).toEqual(saved);
    // Live mode keeps its own defaults.
    expect(await getUpiSettings({ ctx: { ...ctx, livemode: true } })).toMatchObject({ livemode: true, collect_enabled: false, max_amount: 10_000_000 });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.action, "upi_settings.updated")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.metadata).toEqual({
      before: { collect_enabled: false, max_amount: 10_000_000, expiry_minutes: null, fee_basis_points: 0 },
      after: { collect_enabled: true, max_amount: 50_000_000, expiry_minutes: 15, fee_basis_points: 35 },
    });
    // ₹4,00,000 by collect now passes, expires in 15 minutes, and is charged 0.35%.
    const p = await createPayment({
      ctx,
      input: {
        amount: 40_000_000,
        currency: "inr",
        payment_method_types: ["upi"],
        confirm: true,
        payment_method_options: { upi: { flow: "collect", vpa: "success@kassa" } },
      },
    });
    expect((p.next_action as { expires_at: number }).expires_at - p.created).toBeGreaterThanOrEqual(15 * 60 - 2);
    configureUpiSandbox({ now: () => Date.now() + 60_000 });
    const done = await checkUpiPayment({ ctx, paymentId: p.id, source: "poll" });
    expect([done.payment.status, done.payment.fee]).toEqual(["succeeded", 140_000]);
    // Back to each flow's default expiry.
    expect((await updateUpiSettings({ ctx, input: { ...good, expiry_minutes: null } })).expiry_minutes).toBeNull();
  });

  it("refuses bad input with the exact code and parameter, storing nothing", async () => {
    const ctx = asRole(await bed.merchant(), "admin");
    const cases: [unknown, string][] = [
      [{ ...good, max_amount: 50_000_001 }, "parameter_invalid_integer max_amount"],
      [{ ...good, max_amount: 99 }, "parameter_invalid_integer max_amount"],
      [{ ...good, max_amount: 100.5 }, "parameter_invalid_integer max_amount"],
      [{ ...good, max_amount: Number.NaN }, "parameter_invalid max_amount"],
      [{ ...good, max_amount: "100000" }, "parameter_invalid max_amount"],
      [{ ...good, expiry_minutes: 4 }, "parameter_invalid_integer expiry_minutes"],
      [{ ...good, expiry_minutes: 61 }, "parameter_invalid_integer expiry_minutes"],
      [{ ...good, fee_basis_points: -1 }, "parameter_invalid_integer fee_basis_points"],
      [{ ...good, fee_basis_points: 501 }, "parameter_invalid_integer fee_basis_points"],
      [{ ...good, collect_enabled: "on" }, "parameter_invalid collect_enabled"],
      [{ max_amount: 100, expiry_minutes: null, fee_basis_points: 0 }, "parameter_missing collect_enabled"],
      [{ ...good, limit: 5 }, "parameter_unknown limit"],
    ];
    for (const [input, expected] of cases) expect(await refusal(updateUpiSettings({ ctx, input })), JSON.stringify(input)).toBe(expected);
    expect(await db().select().from(upiSettings).where(eq(upiSettings.merchantId, ctx.merchantId))).toEqual([]);
    // The edges themselves are fine.
    for (const edge of [
      { ...good, max_amount: 100, expiry_minutes: 5, fee_basis_points: 0 },
      { ...good, max_amount: 50_000_000, expiry_minutes: 60, fee_basis_points: 500 },
    ])
      expect(await refusal(updateUpiSettings({ ctx, input: edge }))).toBe("ok");
  });

  it("only owners and admins change them, each in their session's mode; every role reads them", async () => {
    const ctx = await bed.merchant();
    for (const role of ["developer", "analyst", "support"] as const) {
      expect(await code(updateUpiSettings({ ctx: asRole(ctx, role), input: good })), role).toBe("permission_denied");
      expect((await getUpiSettings({ ctx: asRole(ctx, role) })).collect_enabled, role).toBe(false);
    }
    expect(await db().select().from(upiSettings).where(eq(upiSettings.merchantId, ctx.merchantId))).toEqual([]);
    expect(await code(updateUpiSettings({ ctx: asRole(ctx, "owner"), input: good }))).toBe("ok");
    expect(await code(updateUpiSettings({ ctx: { ...asRole(ctx, "admin"), livemode: true }, input: { ...good, fee_basis_points: 10 } }))).toBe("ok");
    const rows = await db().select().from(upiSettings).where(eq(upiSettings.merchantId, ctx.merchantId));
    expect(rows.map((r) => [r.livemode, r.feeBasisPoints]).sort()).toEqual([
      [false, 35],
      [true, 10],
    ]);
    // Another merchant keeps the defaults.
    expect((await getUpiSettings({ ctx: await bed.merchant() })).fee_basis_points).toBe(0);
  });
});

checksTheBooks(bed.env);
