// The merchant's dunning settings: Stripe's defaults until saved; at most 7 retries, days 1–30 ascending, each
// bad input refused with its code and parameter and nothing stored; owners and admins only; another merchant's
// settings untouched; and the next failed renewal follows the saved schedule and end state.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, billingSettings, subscriptions } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import type { ServiceContext } from "@/lib/service/context";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { endDunning } from "@/lib/subscriptions/end-dunning";
import { renewSubscription } from "@/lib/subscriptions/renew-subscription";
import { giveCard, makeCustomer, makePrice } from "@/test/billing";
import { errorCodeOf as code } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { retrieveBillingSettings } from "./retrieve-billing-settings";
import { DEFAULT_BILLING_SETTINGS } from "./settings";
import { updateBillingSettings } from "./update-billing-settings";

const bed = paymentsTestBed("billing_settings");
const db = () => bed.env.h.db;
const asRole = (ctx: ServiceContext, role: ServiceContext["role"]): ServiceContext => ({ ...ctx, actor: { type: "user", id: "usr_x", label: "x" }, role });
const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof KassaError ? `${e.code} ${e.param ?? ""}`.trim() : `thrown: ${String(e)}`),
  );

describe("billing settings", () => {
  it("are Stripe's defaults until saved; a valid schedule is stored and read back, audited", async () => {
    const ctx = await bed.merchant();
    expect(await retrieveBillingSettings({ ctx })).toEqual({ retry_days: [1, 2, 3, 5, 7, 10, 14], terminal_action: "unpaid", portal_cancel: true });
    const saved = await updateBillingSettings({ ctx, input: { retry_days: [2, 4, 30], terminal_action: "canceled", portal_cancel: false } });
    expect(saved).toEqual({ retry_days: [2, 4, 30], terminal_action: "canceled", portal_cancel: false });
    expect(await retrieveBillingSettings({ ctx })).toEqual(saved);
    // No retries at all is a schedule too.
    expect((await updateBillingSettings({ ctx, input: { retry_days: [], terminal_action: "unpaid", portal_cancel: true } })).retry_days).toEqual([]);
    const audits = await db().select().from(auditLog).where(eq(auditLog.merchantId, ctx.merchantId));
    expect(audits.filter((a) => a.action === "billing_settings.updated")).toHaveLength(2);
    // Another merchant keeps the defaults.
    expect((await retrieveBillingSettings({ ctx: await bed.merchant() })).retry_days).toEqual([...DEFAULT_BILLING_SETTINGS.retryDays]);
  });

  it("refuses bad schedules with the exact code and parameter, storing nothing", async () => {
    const ctx = await bed.merchant();
    const base = { terminal_action: "unpaid", portal_cancel: true };
    const cases: [unknown, string][] = [
      [{ ...base, retry_days: [1, 2, 3, 4, 5, 6, 7, 8] }, "parameter_invalid retry_days"],
      [{ ...base, retry_days: [3, 2] }, "parameter_invalid retry_days"],
      [{ ...base, retry_days: [2, 2] }, "parameter_invalid retry_days"],
      [{ ...base, retry_days: [1, 31] }, "parameter_invalid_integer retry_days[1]"],
      [{ ...base, retry_days: [0, 5] }, "parameter_invalid_integer retry_days[0]"],
      [{ ...base, retry_days: [1.5] }, "parameter_invalid_integer retry_days[0]"],
      [{ ...base, retry_days: "1,2" }, "parameter_invalid retry_days"],
      [{ ...base, retry_days: [1], terminal_action: "past_due" }, "parameter_invalid terminal_action"],
      [{ retry_days: [1], terminal_action: "unpaid" }, "parameter_missing portal_cancel"],
      [{ ...base, retry_days: [1], extra: true }, "parameter_unknown extra"],
    ];
    for (const [input, expected] of cases) expect(await refusal(updateBillingSettings({ ctx, input })), JSON.stringify(input)).toBe(expected);
    expect(await db().select().from(billingSettings).where(eq(billingSettings.merchantId, ctx.merchantId))).toEqual([]);
  });

  it("only owners and admins change them; every role reads them", async () => {
    const ctx = await bed.merchant();
    const input = { retry_days: [3], terminal_action: "unpaid", portal_cancel: true };
    for (const role of ["developer", "analyst", "support"] as const) {
      expect(await code(updateBillingSettings({ ctx: asRole(ctx, role), input })), role).toBe("permission_denied");
      expect((await retrieveBillingSettings({ ctx: asRole(ctx, role) })).retry_days, role).toEqual([...DEFAULT_BILLING_SETTINGS.retryDays]);
    }
    expect(await db().select().from(billingSettings).where(eq(billingSettings.merchantId, ctx.merchantId))).toEqual([]);
    for (const role of ["owner", "admin"] as const) expect(await code(updateBillingSettings({ ctx: asRole(ctx, role), input })), role).toBe("ok");
  });

  it("the next failed renewal follows the saved schedule, and the last failure cancels when told to", async () => {
    const ctx = await bed.merchant();
    await updateBillingSettings({ ctx, input: { retry_days: [2, 9], terminal_action: "canceled", portal_cancel: true } });
    const price = await makePrice(ctx);
    const { customer } = await makeCustomer(ctx);
    const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
    await giveCard(ctx, customer, "pm_card_chargeCustomerFail");
    // To the millisecond, as stored (the API object has whole seconds).
    const periodEnd = (await db().select().from(subscriptions).where(eq(subscriptions.id, sub.id)))[0]!.currentPeriodEnd;
    const renewal = await renewSubscription({ ctx, subscriptionId: sub.id, periodEnd });
    const first = await collectInvoice({ ctx, invoiceId: renewal.invoice!, now: periodEnd });
    expect(first.status).toBe("failed");
    expect(first.status === "failed" && first.retryAt?.getTime()).toBe(periodEnd.getTime() + 2 * 86_400_000);
    const second = await collectInvoice({ ctx, invoiceId: renewal.invoice!, now: new Date(periodEnd.getTime() + 2 * 86_400_000) });
    expect(second.status === "failed" && second.retryAt?.getTime()).toBe(periodEnd.getTime() + 9 * 86_400_000);
    const third = await collectInvoice({ ctx, invoiceId: renewal.invoice!, now: new Date(periodEnd.getTime() + 9 * 86_400_000) });
    expect(third.status === "failed" && third.retryAt).toBeNull();
    expect(await endDunning({ ctx, subscriptionId: sub.id, invoiceId: renewal.invoice! })).toEqual({ status: "canceled" });
  });
});
