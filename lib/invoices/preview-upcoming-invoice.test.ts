// The upcoming invoice preview: what the next renewal bills (the next period's items plus pending prorations,
// after the customer's balance), equal to the invoice the renewal then makes, with nothing stored; who may
// read it, other merchants' and modes' ids, bad input; and GET /api/v1/invoices/upcoming over real HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { customers, invoiceLines, invoices } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { pauseSubscription } from "@/lib/subscriptions/pause-subscription";
import { renewSubscription } from "@/lib/subscriptions/renew-subscription";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";
import { makeCustomer, makePrice } from "@/test/billing";
import { errorCodeOf as code, makeMerchant, makeSecretKey } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { serveRoute } from "@/test/route-server";
import { getInvoice } from "./get-invoice";
import { previewUpcomingInvoice } from "./preview-upcoming-invoice";

const bed = paymentsTestBed("upcoming");
const db = () => bed.env.h.db;
afterEach(() => vi.useRealTimers());

const counts = async (merchantId: string) => ({
  invoices: Number((await db().execute(sql`select count(*) as n from invoices where merchant_id = ${merchantId}`)).rows[0]!.n),
  lines: Number((await db().execute(sql`select count(*) as n from invoice_lines where merchant_id = ${merchantId}`)).rows[0]!.n),
});

describe("previewUpcomingInvoice", () => {
  it("is the renewal invoice to the line: next period's items plus pending prorations, after the customer's credit; nothing stored", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-03-01T00:00:00Z"));
    const ctx = await bed.merchant();
    const price = await makePrice(ctx, { amount: 3100, name: "Seat" });
    const { customer } = await makeCustomer(ctx);
    const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
    // Quantity 1 → 3 on 16 Mar: 16 of March's 31 days left, −1600 and +4800 pending for the April invoice.
    vi.setSystemTime(new Date("2027-03-16T00:00:00Z"));
    await updateSubscription({ ctx, id: sub.id, input: { items: [{ id: sub.items.data[0]!.id, quantity: 3 }] } });
    // 500 of credit on the customer's balance, used first.
    await db().update(customers).set({ balance: -500n }).where(eq(customers.id, customer));
    const before = await counts(ctx.merchantId);

    const preview = await previewUpcomingInvoice({ ctx, input: { subscription: sub.id } });
    expect(preview).toMatchObject({
      id: null,
      object: "invoice",
      status: "draft",
      number: null,
      subscription: sub.id,
      customer,
      currency: "usd",
      billing_reason: "subscription_cycle",
      period_start: Date.parse("2027-04-01T00:00:00Z") / 1000,
      period_end: Date.parse("2027-05-01T00:00:00Z") / 1000,
      next_payment_attempt: Date.parse("2027-04-01T00:00:00Z") / 1000,
      subtotal: 12500,
      total: 12500,
      starting_balance: -500,
      amount_due: 12000,
      ending_balance: 0,
      hosted_invoice_url: null,
    });
    expect(preview.lines.data.map((l) => [l.amount, l.proration, l.id === null])).toEqual([
      [-1600, true, false],
      [4800, true, false],
      [9300, false, true],
    ]);
    expect(preview.lines.data[2]!.description).toBe("3 × Seat (at $31.00 / month)");
    expect(await counts(ctx.merchantId)).toEqual(before);

    // The renewal makes exactly that invoice.
    vi.setSystemTime(new Date("2027-04-01T00:00:00Z"));
    const renewal = await renewSubscription({ ctx, subscriptionId: sub.id, periodEnd: new Date("2027-04-01T00:00:00Z") });
    const made = await getInvoice({ ctx, id: renewal.invoice! });
    const shape = (l: { amount: number; description: string; quantity: number; proration: boolean; period: unknown; price: string | null }) => ({
      amount: l.amount,
      description: l.description,
      quantity: l.quantity,
      proration: l.proration,
      period: l.period,
      price: l.price,
    });
    const byAmount = (a: { amount: number }, b: { amount: number }) => a.amount - b.amount;
    expect(made.lines.data.map(shape).sort(byAmount)).toEqual(preview.lines.data.map(shape).sort(byAmount));
    expect(made).toMatchObject({
      period_start: preview.period_start,
      period_end: preview.period_end,
      subtotal: preview.subtotal,
      total: preview.total,
      starting_balance: preview.starting_balance,
      amount_due: preview.amount_due,
      ending_balance: preview.ending_balance,
    });
    // The pending lines were taken: the next preview is May's items alone.
    const next = await previewUpcomingInvoice({ ctx, input: { subscription: sub.id } });
    expect(next.lines.data.map((l) => l.amount)).toEqual([9300]);
    expect(next.period_start).toBe(Date.parse("2027-05-01T00:00:00Z") / 1000);
  });

  it("after a trial: the first paid period, whole; a yearly price in yen", async () => {
    const ctx = await bed.merchant();
    const price = await makePrice(ctx, { amount: 9800, currency: "jpy", interval: "year", name: "Annual" });
    const { customer } = await makeCustomer(ctx, null);
    const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id, quantity: 2 }], trial_period_days: 7 } });
    const preview = await previewUpcomingInvoice({ ctx, input: { subscription: sub.id } });
    expect(preview).toMatchObject({ currency: "jpy", period_start: sub.trial_end, total: 19600, amount_due: 19600 });
    expect(preview.period_end - preview.period_start).toBeGreaterThanOrEqual(365 * 86400);
    expect(preview.lines.data).toEqual([
      expect.objectContaining({ amount: 19600, quantity: 2, proration: false, description: "2 × Annual (at ¥9,800 / year)" }),
    ]);
  });

  it("has none for a subscription that will not renew: canceled, canceling at period end, paused, incomplete", async () => {
    const ctx = await bed.merchant();
    const price = await makePrice(ctx);
    const { customer } = await makeCustomer(ctx);
    const noCard = await makeCustomer(ctx, null);
    const ending = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }], cancel_at_period_end: true } });
    const canceled = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
    await cancelSubscription({ ctx, id: canceled.id, input: {} });
    const paused = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
    await pauseSubscription({ ctx, id: paused.id });
    const incomplete = await createSubscription({ ctx, input: { customer: noCard.customer, items: [{ price: price.id }] } });
    for (const s of [ending, canceled, paused, incomplete]) {
      expect(await code(previewUpcomingInvoice({ ctx, input: { subscription: s.id } })), s.status).toBe("invoice_upcoming_none");
    }
    // Undoing the cancellation brings the renewal back.
    await updateSubscription({ ctx, id: ending.id, input: { cancel_at_period_end: false } });
    expect((await previewUpcomingInvoice({ ctx, input: { subscription: ending.id } })).total).toBe(2000);
  });

  it("another merchant's or the other mode's subscription is not found; bad input; who may read it", async () => {
    const ctx = await bed.merchant();
    const other = await bed.merchant();
    const { customer } = await makeCustomer(other);
    const theirs = await createSubscription({ ctx: other, input: { customer, items: [{ price: (await makePrice(other)).id }] } });
    expect(await code(previewUpcomingInvoice({ ctx, input: { subscription: theirs.id } }))).toBe("resource_missing");
    expect(await code(previewUpcomingInvoice({ ctx: { ...other, livemode: true }, input: { subscription: theirs.id } }))).toBe("resource_missing");
    expect(await code(previewUpcomingInvoice({ ctx, input: { subscription: "in_123" } }))).toBe("resource_missing");
    expect(await code(previewUpcomingInvoice({ ctx, input: {} }))).toBe("parameter_missing");
    expect(await code(previewUpcomingInvoice({ ctx, input: { subscription: theirs.id, customer } }))).toBe("parameter_unknown");
    // Every role reads invoices; a restricted key needs invoices read.
    for (const role of ["analyst", "support", "developer"] as const) {
      const member: ServiceContext = { ...other, actor: { type: "user", id: "usr_x" }, role };
      expect((await previewUpcomingInvoice({ ctx: member, input: { subscription: theirs.id } })).subscription, role).toBe(theirs.id);
    }
    const key = (grants: Record<string, "read" | "write">): ServiceContext => ({ ...other, actor: { type: "api_key", id: "key_x" }, keyPermissions: grants });
    expect(await code(previewUpcomingInvoice({ ctx: key({ subscriptions: "write" }), input: { subscription: theirs.id } }))).toBe("permission_denied");
    expect((await previewUpcomingInvoice({ ctx: key({ invoices: "read" }), input: { subscription: theirs.id } })).total).toBe(2000);
  });
});

describe("GET /api/v1/invoices/upcoming over HTTP", () => {
  let server: Awaited<ReturnType<typeof serveRoute>>;
  beforeAll(async () => {
    server = await serveRoute(await import("@/app/api/v1/invoices/upcoming/route"));
  });
  afterAll(() => server.close());

  it("answers the preview, 404 for another merchant's subscription, 400 for bad input, 401 without a key", async () => {
    const { ctx: owner } = await makeMerchant(db());
    const { secret } = await makeSecretKey(owner);
    const { db: _db, ...ctx } = owner;
    const price = await makePrice(ctx, { amount: 1250, currency: "eur" });
    const { customer } = await makeCustomer(ctx);
    const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id, quantity: 4 }] } });
    const other = await bed.merchant();
    const theirs = await createSubscription({
      ctx: other,
      input: { customer: (await makeCustomer(other)).customer, items: [{ price: (await makePrice(other)).id }] },
    });
    const get = async (query: string, key: string | null = secret) => {
      const res = await fetch(`${server.url}/api/v1/invoices/upcoming${query}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; param?: string } } };
    };
    const ok = await get(`?subscription=${sub.id}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ object: "invoice", id: null, subscription: sub.id, currency: "eur", total: 5000, amount_due: 5000 });
    const refused: [string, number, string, string?][] = [
      [`?subscription=${theirs.id}`, 404, "resource_missing", "subscription"],
      ["", 400, "parameter_missing", "subscription"],
      [`?subscription=${sub.id}&expand=lines`, 400, "parameter_unknown", "expand"],
    ];
    for (const [query, status, errorCode, param] of refused) {
      const res = await get(query);
      expect(res.status, query).toBe(status);
      expect(res.body.error, query).toMatchObject({ code: errorCode, ...(param ? { param } : {}) });
    }
    await cancelSubscription({ ctx, id: sub.id, input: {} });
    expect(await get(`?subscription=${sub.id}`)).toMatchObject({ status: 404, body: { error: { code: "invoice_upcoming_none", param: "subscription" } } });
    expect((await get(`?subscription=${sub.id}`, null)).status).toBe(401);
    // A read made nothing.
    expect((await db().select().from(invoices).where(eq(invoices.subscription, sub.id))).length).toBe(1);
    expect((await db().select().from(invoiceLines).where(eq(invoiceLines.subscription, sub.id))).length).toBe(1);
  });
});
