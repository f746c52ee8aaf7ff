// Subscriptions and invoices over real HTTP: the happy paths, every bad input with its exact status and
// code and nothing stored, another merchant's and the other mode's ids (404), each role's key and a
// restricted key, idempotent replays, and the test helper that ends a period so the workflow renews at once.
import { asc, eq } from "drizzle-orm";
import { invoices, payments, subscriptions, type Role } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { changeRole } from "@/lib/team/change-role";
import { memberships, users } from "@/db/schema";
import { and } from "drizzle-orm";
import { auth, type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";

test.describe.configure({ mode: "serial" });

let m: Merchant;
let other: Merchant;
let price: string;
let customer: string;
let card: string;

const subscribe = (body: BodyOf<"/api/v1/subscriptions", "post">, key = m.secretKey) => kassa(key).POST("/api/v1/subscriptions", { body });
const getSubscription = (id: string, key = m.secretKey) => kassa(key).GET("/api/v1/subscriptions/{id}", { params: { path: { id } } });
const updateSubscription = (id: string, body: BodyOf<"/api/v1/subscriptions/{id}", "post">, key = m.secretKey) =>
  kassa(key).POST("/api/v1/subscriptions/{id}", { params: { path: { id } }, body });
const cancelSubscription = (id: string, body: BodyOf<"/api/v1/subscriptions/{id}/cancel", "post"> = {}, key = m.secretKey) =>
  kassa(key).POST("/api/v1/subscriptions/{id}/cancel", { params: { path: { id } }, body });
const getInvoice = (id: string, key = m.secretKey) => kassa(key).GET("/api/v1/invoices/{id}", { params: { path: { id } } });
const payInvoice = (id: string, body: BodyOf<"/api/v1/invoices/{id}/pay", "post"> = {}, key = m.secretKey, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/invoices/{id}/pay", { params: { path: { id } }, body, headers });
const attach = (token: string, customer: string, key = m.secretKey) =>
  kassa(key).POST("/api/v1/payment_methods/{id}/attach", { params: { path: { id: token } }, body: { customer } });

async function catalogue(key: string, opts: { currency?: string; interval?: "month" | "year"; amount?: number; recurring?: boolean } = {}) {
  const product = await ok(
    await kassa(key).POST("/api/v1/products", {
      body: {
        name: "Pro",
        default_price_data: {
          currency: opts.currency ?? "usd",
          unit_amount: opts.amount ?? 2000,
          ...(opts.recurring === false ? {} : { recurring: { interval: opts.interval ?? "month" } }),
        },
      },
    }),
  );
  return product.default_price!;
}

async function customerWithCard(key: string, token: string | null = "pm_card_visa") {
  const c = await ok(await kassa(key).POST("/api/v1/customers", { body: { email: "payer@example.test", name: "Payer" } }));
  if (!token) return { customer: c.id, card: null };
  const pm = await ok(await attach(token, c.id, key));
  await ok(await kassa(key).POST("/api/v1/customers/{id}", { params: { path: { id: c.id } }, body: { invoice_settings: { default_payment_method: pm.id } } }));
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

test.beforeAll(async () => {
  m = await seedMerchant("subs");
  other = await seedMerchant("subs-other");
  price = await catalogue(m.secretKey);
  ({ customer, card } = (await customerWithCard(m.secretKey)) as { customer: string; card: string });
});

test("subscribe, read, list, update with always_invoice proration, cancel at period end and now", async () => {
  const sub = await ok(await subscribe({ customer, items: [{ price, quantity: 2 }] }));
  expect(sub).toMatchObject({ object: "subscription", status: "active", customer, default_payment_method: null, items: { data: [{ quantity: 2 }] } });
  const invoice = await ok(await getInvoice(sub.latest_invoice!));
  expect(invoice).toMatchObject({ status: "paid", amount_paid: 4000, number: expect.stringMatching(/^KASSA-\d{4}$/), subscription: sub.id });
  expect(await ok(await getSubscription(sub.id))).toEqual(sub);
  const list = await ok(await kassa(m.secretKey).GET("/api/v1/subscriptions", { params: { query: { customer, status: "active" } } }));
  expect(list.data.map((s) => s.id)).toContain(sub.id);
  const plus = await catalogue(m.secretKey, { amount: 5000 });
  const upgraded = await ok(
    await updateSubscription(sub.id, {
      items: [{ id: sub.items.data[0]!.id, price: plus }],
      proration_behavior: "always_invoice",
    }),
  );
  expect(upgraded.items.data).toMatchObject([{ id: sub.items.data[0]!.id, price: { id: plus }, quantity: 2 }]);
  const proration = await ok(await getInvoice(upgraded.latest_invoice!));
  expect(proration).toMatchObject({ billing_reason: "subscription_update", status: "paid" });
  expect(proration.lines.data.map((l) => l.proration)).toEqual([true, true]);
  expect(proration.total).toBe(proration.lines.data.reduce((s, l) => s + l.amount, 0));
  expect(await ok(await updateSubscription(sub.id, { cancel_at_period_end: true }))).toMatchObject({
    cancel_at_period_end: true,
    status: "active",
  });
  expect(await ok(await cancelSubscription(sub.id, { prorate: true }))).toMatchObject({ status: "canceled" });
  await expectError(await cancelSubscription(sub.id), 400, "subscription_unexpected_state");
  await expectError(await updateSubscription(sub.id, { metadata: { a: "b" } }), 400, "subscription_unexpected_state");
});

test("a customer without a card: incomplete with its reason; paying the open invoice with a card makes it active; a replay is the same answer", async () => {
  const { customer: bare } = await customerWithCard(m.secretKey, null);
  const sub = await ok(await subscribe({ customer: bare, items: [{ price }] }));
  expect(sub).toMatchObject({ status: "incomplete", status_reason: { code: "payment_method_missing" } });
  const invoice = sub.latest_invoice!;
  await expectError(await payInvoice(invoice), 400, "parameter_missing", "payment_method");
  const pm = await ok(await attach("pm_card_chargeCustomerFail", bare));
  await expectError(await payInvoice(invoice, { payment_method: pm.id }), 402, "card_declined", {
    decline_code: "generic_decline",
  });
  const good = await ok(await attach("pm_card_visa", bare));
  const key = `pay-${sub.latest_invoice}`;
  const first = await payInvoice(invoice, { payment_method: good.id }, m.secretKey, { "Idempotency-Key": key });
  const paid = await ok(first);
  expect(paid).toMatchObject({ status: "paid", attempt_count: 3 });
  const replay = await payInvoice(invoice, { payment_method: good.id }, m.secretKey, { "Idempotency-Key": key });
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect(await ok(replay)).toEqual(paid);
  expect(await ok(await getSubscription(sub.id))).toMatchObject({
    status: "active",
    status_reason: null,
  });
  const h = await db();
  const tries = (await h.db.select().from(payments).where(eq(payments.merchantId, m.merchantId))).filter((p) => p.metadata.invoice === sub.latest_invoice);
  expect(tries.filter((p) => p.status === "succeeded")).toHaveLength(1);
});

test("bad input: each with its exact status and code, and nothing stored", async ({ request }) => {
  const oneOff = await catalogue(m.secretKey, { recurring: false });
  const euro = await catalogue(m.secretKey, { currency: "eur" });
  const yearly = await catalogue(m.secretKey, { interval: "year" });
  const theirPrice = await catalogue(other.secretKey);
  const { customer: theirCustomer } = await customerWithCard(other.secretKey);
  const before = await stored(m.merchantId);
  // Deliberately invalid bodies: each case breaks the document's schema or a rule of the API.
  const create = (data: Record<string, unknown>) => subscribe({ customer, items: [{ price }], ...data } as never);
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
  // Raw: broken JSON is no body the typed client can send.
  await expectError(
    await request.post("/api/v1/subscriptions", { headers: { ...auth(m.secretKey), "Content-Type": "application/json" }, data: Buffer.from('{"customer": ') }),
    400,
    "body_not_json",
  );
  // Raw: a body over the size limit, sent as raw bytes.
  await expectError(
    await request.post("/api/v1/subscriptions", {
      headers: { ...auth(m.secretKey), "Content-Type": "application/json" },
      data: Buffer.from(JSON.stringify({ customer, items: [{ price }], metadata: { a: "x".repeat(1024 * 1024) } })),
    }),
    413,
    "body_too_large",
  );
  // Deliberately invalid: no such status.
  await expectError(
    await kassa(m.secretKey).GET("/api/v1/subscriptions", { params: { query: { status: "sleeping" as never } } }),
    400,
    "parameter_invalid",
    "status",
  );
  await expectError(await kassa(m.secretKey).GET("/api/v1/invoices", { params: { query: { limit: 1000 } } }), 400, "parameter_invalid_integer", "limit");
  expect(await stored(m.merchantId)).toEqual(before);
});

test("another merchant's and the other mode's subscriptions and invoices are 404, and nothing changes", async () => {
  const sub = await ok(await subscribe({ customer, items: [{ price }] }));
  const invoice = { params: { path: { id: sub.latest_invoice! } } };
  const before = await stored(m.merchantId);
  for (const key of [other.secretKey, m.liveKey]) {
    await expectError(await getSubscription(sub.id, key), 404, "resource_missing", "id");
    await expectError(await updateSubscription(sub.id, { metadata: { x: "y" } }, key), 404, "resource_missing", "id");
    await expectError(await cancelSubscription(sub.id, {}, key), 404, "resource_missing", "id");
    await expectError(await kassa(key).POST("/api/v1/subscriptions/{id}/pause", { params: { path: { id: sub.id } } }), 404, "resource_missing", "id");
    await expectError(await getInvoice(sub.latest_invoice!, key), 404, "resource_missing", "id");
    await expectError(await kassa(key).POST("/api/v1/invoices/{id}/void", invoice), 404, "resource_missing", "id");
    await expectError(await payInvoice(sub.latest_invoice!, {}, key), 404, "resource_missing", "id");
    const list = await ok(await kassa(key).GET("/api/v1/subscriptions", { params: { query: { customer } } }));
    expect(list.data).toEqual([]);
  }
  // Another merchant cannot subscribe our customer to their price, nor to ours.
  await expectError(await subscribe({ customer, items: [{ price }] }, other.secretKey), 404, "resource_missing", "customer");
  expect(await stored(m.merchantId)).toEqual(before);
  // Mass assignment: status, latest_invoice and livemode are not parameters (deliberately unknown fields).
  await expectError(await updateSubscription(sub.id, { status: "canceled" } as never), 400, "parameter_unknown", "status");
  await expectError(await updateSubscription(sub.id, { livemode: true } as never), 400, "parameter_unknown", "livemode");
  await expectError(
    await kassa(m.secretKey).POST("/api/v1/invoices/{id}/void", { ...invoice, body: { status: "paid" } as never }),
    400,
    "parameter_unknown",
    "status",
  );
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
  test(`${/^[aeiou]/.test(role) ? "an" : "a"} ${role}'s key ${writes ? "subscribes and collects" : "reads subscriptions and invoices; every write is 403 with nothing stored"}`, async () => {
    const key = await keyOf(role);
    const sub = await ok(await subscribe({ customer, items: [{ price }] }));
    expect(await ok(await getSubscription(sub.id, key))).toMatchObject({ id: sub.id });
    expect(await ok(await getInvoice(sub.latest_invoice!, key))).toMatchObject({ id: sub.latest_invoice });
    const before = await stored(m.merchantId);
    const writesToTry = [
      () => subscribe({ customer, items: [{ price }] }, key),
      () => updateSubscription(sub.id, { cancel_at_period_end: true }, key),
      () => cancelSubscription(sub.id, {}, key),
    ];
    if (writes) {
      for (const send of writesToTry) await ok(await send());
    } else {
      for (const send of writesToTry) await expectError(await send(), 403, "permission_denied");
      expect(await stored(m.merchantId)).toEqual(before);
    }
  });
}

test("a restricted key does what its grants allow: subscriptions read only", async () => {
  const { secret } = await createApiKey({
    ctx: m.ctx,
    input: { kind: "restricted", name: "billing reader", permissions: { subscriptions: "read", invoices: "read" } },
  });
  const list = await ok(await kassa(secret).GET("/api/v1/subscriptions"));
  expect(list.data.length).toBeGreaterThan(0);
  await expectError(await subscribe({ customer, items: [{ price }] }, secret), 403, "permission_denied");
  await expectError(await kassa(secret).GET("/api/v1/customers"), 403, "permission_denied");
});

test("the end_period test helper renews at once through the workflow: a new paid invoice (test mode only)", async () => {
  const sub = await ok(await subscribe({ customer, items: [{ price }], default_payment_method: card }));
  const endPeriod = (key: string) => kassa(key).POST("/api/v1/test_helpers/subscriptions/{id}/end_period", { params: { path: { id: sub.id } } });
  await ok(await endPeriod(m.secretKey));
  await expect
    .poll(async () => (await ok(await kassa(m.secretKey).GET("/api/v1/invoices", { params: { query: { subscription: sub.id } } }))).data.map((i) => i.status), {
      timeout: 30_000,
    })
    .toEqual(["paid", "paid"]);
  const after = await ok(await getSubscription(sub.id));
  expect(after.status).toBe("active");
  expect(after.latest_invoice).not.toBe(sub.latest_invoice);
  await expectError(await endPeriod(m.liveKey), 403, "permission_denied");
});
