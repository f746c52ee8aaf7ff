// Subscriptions and invoices over real HTTP: the happy paths, every bad input with its exact status and
// code and nothing stored, another merchant's and the other mode's ids (404), each role's key and a
// restricted key, idempotent replays, and the test helper that ends a period so the workflow renews at once.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/api";
import { asc, eq } from "drizzle-orm";
import { invoices, payments, subscriptions, type Role } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { changeRole } from "@/lib/team/change-role";
import { memberships, users } from "@/db/schema";
import { and } from "drizzle-orm";
import type { InvoiceObject } from "@/lib/invoices/serialize";
import type { SubscriptionObject } from "@/lib/subscriptions/serialize";
import { auth, expectError, ok, type Merchant } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";

test.describe.configure({ mode: "serial" });

let m: Merchant;
let other: Merchant;
let price: string;
let customer: string;
let card: string;

const post = (request: APIRequestContext, path: string, key: string, data: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  request.post(path, { headers: auth(key, headers), data });

async function catalogue(request: APIRequestContext, key: string, opts: { currency?: string; interval?: string; amount?: number; recurring?: boolean } = {}) {
  const product = await ok<{ id: string; default_price: string }>(
    await post(request, "/api/v1/products", key, {
      name: "Pro",
      default_price_data: {
        currency: opts.currency ?? "usd",
        unit_amount: opts.amount ?? 2000,
        ...(opts.recurring === false ? {} : { recurring: { interval: opts.interval ?? "month" } }),
      },
    }),
  );
  return product.default_price;
}

async function customerWithCard(request: APIRequestContext, key: string, token: string | null = "pm_card_visa") {
  const c = await ok<{ id: string }>(await post(request, "/api/v1/customers", key, { email: "payer@example.test", name: "Payer" }));
  if (!token) return { customer: c.id, card: null };
  const pm = await ok<{ id: string }>(await post(request, `/api/v1/payment_methods/${token}/attach`, key, { customer: c.id }));
  await ok(await post(request, `/api/v1/customers/${c.id}`, key, { invoice_settings: { default_payment_method: pm.id } }));
  return { customer: c.id, card: pm.id };
}

async function stored(merchantId: string) {
  const h = await db();
  return {
    subscriptions: await h.db.select().from(subscriptions).where(eq(subscriptions.merchantId, merchantId)).orderBy(asc(subscriptions.id)),
    invoices: await h.db.select().from(invoices).where(eq(invoices.merchantId, merchantId)).orderBy(asc(invoices.id)),
    payments: (await h.db.select().from(payments).where(eq(payments.merchantId, merchantId))).length,
  };
}

test.beforeAll(async ({ request }) => {
  m = await seedMerchant("subs");
  other = await seedMerchant("subs-other");
  price = await catalogue(request, m.secretKey);
  ({ customer, card } = (await customerWithCard(request, m.secretKey)) as { customer: string; card: string });
});

test("subscribe, read, list, update with always_invoice proration, cancel at period end and now", async ({ request }) => {
  const sub = await ok<SubscriptionObject>(await post(request, "/api/v1/subscriptions", m.secretKey, { customer, items: [{ price, quantity: 2 }] }));
  expect(sub).toMatchObject({ object: "subscription", status: "active", customer, default_payment_method: null, items: { data: [{ quantity: 2 }] } });
  const invoice = await ok<InvoiceObject>(await request.get(`/api/v1/invoices/${sub.latest_invoice}`, { headers: auth(m.secretKey) }));
  expect(invoice).toMatchObject({ status: "paid", amount_paid: 4000, number: expect.stringMatching(/^KASSA-\d{4}$/), subscription: sub.id });
  expect(await ok(await request.get(`/api/v1/subscriptions/${sub.id}`, { headers: auth(m.secretKey) }))).toEqual(sub);
  const list = await ok<{ data: { id: string }[] }>(
    await request.get(`/api/v1/subscriptions?customer=${customer}&status=active`, { headers: auth(m.secretKey) }),
  );
  expect(list.data.map((s) => s.id)).toContain(sub.id);
  const plus = await catalogue(request, m.secretKey, { amount: 5000 });
  const upgraded = await ok<SubscriptionObject>(
    await post(request, `/api/v1/subscriptions/${sub.id}`, m.secretKey, {
      items: [{ id: sub.items.data[0]!.id, price: plus }],
      proration_behavior: "always_invoice",
    }),
  );
  expect(upgraded.items.data).toMatchObject([{ id: sub.items.data[0]!.id, price: { id: plus }, quantity: 2 }]);
  const proration = await ok<InvoiceObject>(await request.get(`/api/v1/invoices/${upgraded.latest_invoice}`, { headers: auth(m.secretKey) }));
  expect(proration).toMatchObject({ billing_reason: "subscription_update", status: "paid" });
  expect(proration.lines.data.map((l) => l.proration)).toEqual([true, true]);
  expect(proration.total).toBe(proration.lines.data.reduce((s, l) => s + l.amount, 0));
  expect(await ok(await post(request, `/api/v1/subscriptions/${sub.id}`, m.secretKey, { cancel_at_period_end: true }))).toMatchObject({
    cancel_at_period_end: true,
    status: "active",
  });
  expect(await ok(await post(request, `/api/v1/subscriptions/${sub.id}/cancel`, m.secretKey, { prorate: true }))).toMatchObject({ status: "canceled" });
  await expectError(await post(request, `/api/v1/subscriptions/${sub.id}/cancel`, m.secretKey), 400, "subscription_unexpected_state");
  await expectError(await post(request, `/api/v1/subscriptions/${sub.id}`, m.secretKey, { metadata: { a: "b" } }), 400, "subscription_unexpected_state");
});

test("a customer without a card: incomplete with its reason; paying the open invoice with a card makes it active; a replay is the same answer", async ({
  request,
}) => {
  const { customer: bare } = await customerWithCard(request, m.secretKey, null);
  const sub = await ok<SubscriptionObject>(await post(request, "/api/v1/subscriptions", m.secretKey, { customer: bare, items: [{ price }] }));
  expect(sub).toMatchObject({ status: "incomplete", status_reason: { code: "payment_method_missing" } });
  await expectError(await post(request, `/api/v1/invoices/${sub.latest_invoice}/pay`, m.secretKey), 400, "parameter_missing", "payment_method");
  const pm = await ok<{ id: string }>(await post(request, "/api/v1/payment_methods/pm_card_chargeCustomerFail/attach", m.secretKey, { customer: bare }));
  await expectError(await post(request, `/api/v1/invoices/${sub.latest_invoice}/pay`, m.secretKey, { payment_method: pm.id }), 402, "card_declined", {
    decline_code: "generic_decline",
  });
  const good = await ok<{ id: string }>(await post(request, "/api/v1/payment_methods/pm_card_visa/attach", m.secretKey, { customer: bare }));
  const key = `pay-${sub.latest_invoice}`;
  const first = await post(request, `/api/v1/invoices/${sub.latest_invoice}/pay`, m.secretKey, { payment_method: good.id }, { "Idempotency-Key": key });
  const paid = await ok<InvoiceObject>(first);
  expect(paid).toMatchObject({ status: "paid", attempt_count: 3 });
  const replay = await post(request, `/api/v1/invoices/${sub.latest_invoice}/pay`, m.secretKey, { payment_method: good.id }, { "Idempotency-Key": key });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await ok(replay)).toEqual(paid);
  expect(await ok(await request.get(`/api/v1/subscriptions/${sub.id}`, { headers: auth(m.secretKey) }))).toMatchObject({
    status: "active",
    status_reason: null,
  });
  const h = await db();
  const tries = (await h.db.select().from(payments).where(eq(payments.merchantId, m.merchantId))).filter((p) => p.metadata.invoice === sub.latest_invoice);
  expect(tries.filter((p) => p.status === "succeeded")).toHaveLength(1);
});

test("bad input: each with its exact status and code, and nothing stored", async ({ request }) => {
  const oneOff = await catalogue(request, m.secretKey, { recurring: false });
  const euro = await catalogue(request, m.secretKey, { currency: "eur" });
  const yearly = await catalogue(request, m.secretKey, { interval: "year" });
  const theirPrice = await catalogue(request, other.secretKey);
  const { customer: theirCustomer } = await customerWithCard(request, other.secretKey);
  const before = await stored(m.merchantId);
  const create = (data: Record<string, unknown>) => post(request, "/api/v1/subscriptions", m.secretKey, { customer, items: [{ price }], ...data });
  const cases: [Record<string, unknown>, number, string, string | undefined][] = [
    [{ items: [{ price: "price_00000000000000000000000000" }] }, 404, "resource_missing", "items[0][price]"],
    [{ items: [{ price: theirPrice }] }, 404, "resource_missing", "items[0][price]"],
    [{ customer: theirCustomer }, 404, "resource_missing", "customer"],
    [{ items: [{ price, quantity: 0 }] }, 400, "parameter_invalid_integer", "items[0][quantity]"],
    [{ items: [{ price, quantity: 10_001 }] }, 400, "parameter_invalid_integer", "items[0][quantity]"],
    [{ items: [{ price, quantity: 1.5 }] }, 400, "parameter_invalid_integer", "items[0][quantity]"],
    [{ trial_period_days: 731 }, 400, "parameter_invalid_integer", "trial_period_days"],
    [{ items: [{ price: oneOff }] }, 400, "price_not_recurring", "items[0][price]"],
    [{ items: [{ price }, { price: euro }] }, 400, "currency_mismatch", "items[1][price]"],
    [{ items: [{ price }, { price: yearly }] }, 400, "interval_mismatch", "items[1][price]"],
    [{ items: [] }, 400, "parameter_invalid", "items"],
    [{ items: "gold" }, 400, "parameter_invalid", "items"],
    [{ customer: undefined }, 400, "parameter_missing", "customer"],
    [{ status: "active" }, 400, "parameter_unknown", "status"],
    [{ metadata: { ["k".repeat(41)]: "v" } }, 400, "parameter_invalid", undefined],
  ];
  for (const [data, status, code, param] of cases) {
    await test.step(`${JSON.stringify(data).slice(0, 60)} → ${status} ${code}`, async () => {
      await expectError(await create(data), status, code, param === undefined ? {} : param);
    });
  }
  await expectError(
    await request.post("/api/v1/subscriptions", { headers: { ...auth(m.secretKey), "Content-Type": "application/json" }, data: Buffer.from('{"customer": ') }),
    400,
    "body_not_json",
  );
  await expectError(
    await request.post("/api/v1/subscriptions", {
      headers: { ...auth(m.secretKey), "Content-Type": "application/json" },
      data: Buffer.from(JSON.stringify({ customer, items: [{ price }], metadata: { a: "x".repeat(1024 * 1024) } })),
    }),
    413,
    "body_too_large",
  );
  await expectError(await request.get("/api/v1/subscriptions?status=sleeping", { headers: auth(m.secretKey) }), 400, "parameter_invalid", "status");
  await expectError(await request.get("/api/v1/invoices?limit=1000", { headers: auth(m.secretKey) }), 400, "parameter_invalid_integer", "limit");
  expect(await stored(m.merchantId)).toEqual(before);
});

test("another merchant's and the other mode's subscriptions and invoices are 404, and nothing changes", async ({ request }) => {
  const sub = await ok<SubscriptionObject>(await post(request, "/api/v1/subscriptions", m.secretKey, { customer, items: [{ price }] }));
  const before = await stored(m.merchantId);
  for (const key of [other.secretKey, m.liveKey]) {
    await expectError(await request.get(`/api/v1/subscriptions/${sub.id}`, { headers: auth(key) }), 404, "resource_missing", "id");
    await expectError(await post(request, `/api/v1/subscriptions/${sub.id}`, key, { metadata: { x: "y" } }), 404, "resource_missing", "id");
    await expectError(await post(request, `/api/v1/subscriptions/${sub.id}/cancel`, key), 404, "resource_missing", "id");
    await expectError(await post(request, `/api/v1/subscriptions/${sub.id}/pause`, key), 404, "resource_missing", "id");
    await expectError(await request.get(`/api/v1/invoices/${sub.latest_invoice}`, { headers: auth(key) }), 404, "resource_missing", "id");
    await expectError(await post(request, `/api/v1/invoices/${sub.latest_invoice}/void`, key), 404, "resource_missing", "id");
    await expectError(await post(request, `/api/v1/invoices/${sub.latest_invoice}/pay`, key), 404, "resource_missing", "id");
    const list = await ok<{ data: unknown[] }>(await request.get(`/api/v1/subscriptions?customer=${customer}`, { headers: auth(key) }));
    expect(list.data).toEqual([]);
  }
  // Another merchant cannot subscribe our customer to their price, nor to ours.
  await expectError(await post(request, "/api/v1/subscriptions", other.secretKey, { customer, items: [{ price }] }), 404, "resource_missing", "customer");
  expect(await stored(m.merchantId)).toEqual(before);
  // Mass assignment: status, latest_invoice and livemode are not parameters.
  await expectError(await post(request, `/api/v1/subscriptions/${sub.id}`, m.secretKey, { status: "canceled" }), 400, "parameter_unknown", "status");
  await expectError(await post(request, `/api/v1/subscriptions/${sub.id}`, m.secretKey, { livemode: true }), 400, "parameter_unknown", "livemode");
  await expectError(await post(request, `/api/v1/invoices/${sub.latest_invoice}/void`, m.secretKey, { status: "paid" }), 400, "parameter_unknown", "status");
  expect(await stored(m.merchantId)).toEqual(before);
});

async function keyOf(role: Role): Promise<string> {
  const writerRole = role === "analyst" || role === "support" ? "developer" : role;
  const login = await addMember(m.ctx, writerRole);
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, login.email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), eq(memberships.merchantId, m.merchantId)));
  const ctx = { merchantId: m.merchantId, livemode: false, actor: { type: "user" as const, id: user!.id, label: login.email }, role: writerRole, db: h.db };
  const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: `${role}'s key` } });
  if (writerRole !== role) await changeRole({ ctx: m.ctx, input: { membership: membership!.id, role } });
  return secret;
}

for (const role of ["developer", "analyst", "support"] as Role[]) {
  const writes = role === "developer";
  test(`${/^[aeiou]/.test(role) ? "an" : "a"} ${role}'s key ${writes ? "subscribes and collects" : "reads subscriptions and invoices; every write is 403 with nothing stored"}`, async ({
    request,
  }) => {
    const key = await keyOf(role);
    const sub = await ok<SubscriptionObject>(await post(request, "/api/v1/subscriptions", m.secretKey, { customer, items: [{ price }] }));
    expect(await ok(await request.get(`/api/v1/subscriptions/${sub.id}`, { headers: auth(key) }))).toMatchObject({ id: sub.id });
    expect(await ok(await request.get(`/api/v1/invoices/${sub.latest_invoice}`, { headers: auth(key) }))).toMatchObject({ id: sub.latest_invoice });
    const before = await stored(m.merchantId);
    const writesToTry = [
      () => post(request, "/api/v1/subscriptions", key, { customer, items: [{ price }] }),
      () => post(request, `/api/v1/subscriptions/${sub.id}`, key, { cancel_at_period_end: true }),
      () => post(request, `/api/v1/subscriptions/${sub.id}/cancel`, key),
    ];
    if (writes) {
      for (const send of writesToTry) await ok(await send());
    } else {
      for (const send of writesToTry) await expectError(await send(), 403, "permission_denied");
      expect(await stored(m.merchantId)).toEqual(before);
    }
  });
}

test("a restricted key does what its grants allow: subscriptions read only", async ({ request }) => {
  const { secret } = await createApiKey({
    ctx: m.ctx,
    input: { kind: "restricted", name: "billing reader", permissions: { subscriptions: "read", invoices: "read" } },
  });
  const list = await ok<{ data: unknown[] }>(await request.get("/api/v1/subscriptions", { headers: auth(secret) }));
  expect(list.data.length).toBeGreaterThan(0);
  await expectError(await post(request, "/api/v1/subscriptions", secret, { customer, items: [{ price }] }), 403, "permission_denied");
  await expectError(await request.get("/api/v1/customers", { headers: auth(secret) }), 403, "permission_denied");
});

test("the end_period test helper renews at once through the workflow: a new paid invoice (test mode only)", async ({ request }) => {
  const sub = await ok<SubscriptionObject>(
    await post(request, "/api/v1/subscriptions", m.secretKey, { customer, items: [{ price }], default_payment_method: card }),
  );
  await ok(await post(request, `/api/v1/test_helpers/subscriptions/${sub.id}/end_period`, m.secretKey));
  await expect
    .poll(
      async () =>
        (await ok<{ data: { status: string }[] }>(await request.get(`/api/v1/invoices?subscription=${sub.id}`, { headers: auth(m.secretKey) }))).data.map(
          (i) => i.status,
        ),
      {
        timeout: 30_000,
      },
    )
    .toEqual(["paid", "paid"]);
  const after = await ok<SubscriptionObject>(await request.get(`/api/v1/subscriptions/${sub.id}`, { headers: auth(m.secretKey) }));
  expect(after.status).toBe("active");
  expect(after.latest_invoice).not.toBe(sub.latest_invoice);
  await expectError(await post(request, `/api/v1/test_helpers/subscriptions/${sub.id}/end_period`, m.liveKey), 403, "permission_denied");
});
