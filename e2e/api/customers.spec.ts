// Customers, saved cards, setup intents and disputes over HTTP (the server runs the sandbox: no Stripe keys).
import { eq } from "drizzle-orm";
import type { components } from "@/clients/typescript";
import { disputes, paymentMethods } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("cus-a");
  b = await seedMerchant("cus-b");
});

const path = (id: string) => ({ path: { id } });
const createCustomer = (body: BodyOf<"/api/v1/customers", "post">, key = a.secretKey, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/customers", { body, headers });
const getCustomer = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/customers/{id}", { params: path(id) });
const updateCustomer = (id: string, body: BodyOf<"/api/v1/customers/{id}", "post">, key = a.secretKey) =>
  kassa(key).POST("/api/v1/customers/{id}", { params: path(id), body });
const deleteCustomer = (id: string, key = a.secretKey) => kassa(key).DELETE("/api/v1/customers/{id}", { params: path(id) });
const listCustomers = (query: { limit?: number; starting_after?: string }, key = a.secretKey) => kassa(key).GET("/api/v1/customers", { params: { query } });
const pay = (body: BodyOf<"/api/v1/payments", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/payments", { body });
const setupIntent = (body: BodyOf<"/api/v1/setup_intents", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/setup_intents", { body });
const attach = (id: string, body: BodyOf<"/api/v1/payment_methods/{id}/attach", "post">, key = a.secretKey) =>
  kassa(key).POST("/api/v1/payment_methods/{id}/attach", { params: path(id), body });
const detach = (id: string, key = a.secretKey) => kassa(key).POST("/api/v1/payment_methods/{id}/detach", { params: path(id), body: {} });
const getPaymentMethod = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/payment_methods/{id}", { params: path(id) });
const evidence = (id: string, body: BodyOf<"/api/v1/disputes/{id}/evidence", "post">, key: string) =>
  kassa(key).POST("/api/v1/disputes/{id}/evidence", { params: path(id), body });
const getDispute = (id: string, key: string) => kassa(key).GET("/api/v1/disputes/{id}", { params: path(id) });
const listDisputes = (query: { payment?: string; limit?: number }, key: string) => kassa(key).GET("/api/v1/disputes", { params: { query } });
const closeDispute = (id: string, body: BodyOf<"/api/v1/test_helpers/disputes/{id}/close", "post">, key: string) =>
  kassa(key).POST("/api/v1/test_helpers/disputes/{id}/close", { params: path(id), body });

test.describe("customers", () => {
  test("create, read, update (POST and PATCH), list with cursors, delete", async () => {
    const made: { id: string }[] = [];
    for (let i = 0; i < 3; i++) made.push(await ok(await createCustomer({ email: `list${i}@example.test`, name: `List ${i}` })));
    expect(made[0]).toMatchObject({ object: "customer", email: "list0@example.test", invoice_settings: { default_payment_method: null }, livemode: false });
    expect(made[0]!.id).toMatch(/^cus_/);
    expect(await ok(await getCustomer(made[0]!.id))).toEqual(made[0]);
    expect(await ok(await updateCustomer(made[0]!.id, { name: "Posted" }))).toMatchObject({ name: "Posted" });
    const patched = await ok(
      await kassa(a.secretKey).PATCH("/api/v1/customers/{id}", { params: path(made[0]!.id), body: { phone: "+15555550100", metadata: { crm: "42" } } }),
    );
    expect(patched).toMatchObject({ name: "Posted", phone: "+15555550100", metadata: { crm: "42" } });
    const page = await ok(await listCustomers({ limit: 2 }));
    expect(page).toMatchObject({ has_more: true, url: "/api/v1/customers" });
    expect(page.data.map((c) => c.id)).toEqual([made[2]!.id, made[1]!.id]);
    const next = await ok(await listCustomers({ limit: 2, starting_after: made[1]!.id }));
    expect(next.data[0]!.id).toBe(made[0]!.id);
    expect(await ok(await deleteCustomer(made[2]!.id))).toEqual({
      id: made[2]!.id,
      object: "customer",
      deleted: true,
    });
    await expectError(await getCustomer(made[2]!.id), 404, "resource_missing", "id");
    await expectError(await deleteCustomer(made[2]!.id), 404, "resource_missing");
  });

  test("bad input: invalid, missing, oversized, unknown → 400 with the parameter; body over 1 MB → 413", async () => {
    const cases: [string, unknown, string, string][] = [
      ["invalid email", { email: "not-an-email" }, "parameter_invalid", "email"],
      ["oversized name", { name: "x".repeat(257) }, "parameter_invalid", "name"],
      ["oversized metadata value", { metadata: { k: "x".repeat(501) } }, "parameter_invalid", "metadata[k]"],
      ["wrong type", { name: 42 }, "parameter_invalid", "name"],
      ["unknown field", { nickname: "x" }, "parameter_unknown", "nickname"],
      ["a NUL character (Postgres cannot store it; once a 500)", { name: "Ada\u0000Lovelace" }, "parameter_invalid", "name"],
    ];
    for (const [label, body, code, param] of cases) {
      // Deliberately invalid bodies (some break the document's schema): sent as they are.
      await test.step(label, async () => expectError(await createCustomer(body as never), 400, code, param));
    }
    const c = await ok(await createCustomer({}));
    // Deliberately invalid: invoice_settings without its required default_payment_method.
    await expectError(await updateCustomer(c.id, { invoice_settings: {} } as never), 400, "parameter_missing", "invoice_settings[default_payment_method]");
    await expectError(
      await updateCustomer(c.id, { invoice_settings: { default_payment_method: "pm_nope" } }),
      404,
      "resource_missing",
      "invoice_settings[default_payment_method]",
    );
    await expectError(await listCustomers({ limit: 101 }), 400, "parameter_invalid_integer", "limit");
    await expectError(await createCustomer({ name: "x".repeat(1024 * 1024 + 10) }), 413, "body_too_large");
  });

  test("wrong tenant and wrong mode: another merchant's customer is not found", async () => {
    const c = await ok(await createCustomer({ email: "mine@example.test" }));
    await expectError(await getCustomer(c.id, b.secretKey), 404, "resource_missing");
    await expectError(await updateCustomer(c.id, { name: "x" }, b.secretKey), 404, "resource_missing");
    await expectError(await deleteCustomer(c.id, b.secretKey), 404, "resource_missing");
    await expectError(await kassa(b.secretKey).GET("/api/v1/customers/{id}/payment_methods", { params: path(c.id) }), 404, "resource_missing");
    expect((await ok(await listCustomers({ limit: 100 }, b.secretKey))).data.map((x) => x.id)).not.toContain(c.id);
    await expectError(await getCustomer(c.id, a.liveKey), 404, "resource_missing");
    // Live mode needs a processor: without Stripe there is none.
    await expectError(await createCustomer({}, a.liveKey), 400, "processor_unavailable");
  });

  test("duplicate: the same Idempotency-Key replays one customer; other parameters → 422", async () => {
    const key = `cus-${Date.now()}`;
    const first = await ok(await createCustomer({ email: "dup@example.test" }, a.secretKey, { "Idempotency-Key": key }));
    const again = await createCustomer({ email: "dup@example.test" }, a.secretKey, { "Idempotency-Key": key });
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect((await ok(again)).id).toBe(first.id);
    await expectError(await createCustomer({ email: "other@example.test" }, a.secretKey, { "Idempotency-Key": key }), 422, "idempotency_key_reused");
  });
});

test.describe("saved cards", () => {
  test("setup, charge off-session, default, list, detach", async () => {
    const c = await ok(await createCustomer({ email: "saver@example.test" }));
    const seti = await ok(await setupIntent({ customer: c.id, payment_method: "pm_card_visa" }));
    expect(seti).toMatchObject({ object: "setup_intent", status: "succeeded", customer: c.id, usage: "off_session" });
    expect(seti.id).toMatch(/^seti_/);
    expect(await ok(await kassa(a.secretKey).GET("/api/v1/setup_intents/{id}", { params: path(seti.id) }))).toMatchObject({ id: seti.id, status: "succeeded" });
    // A succeeded setup names its card (the document allows null for the other states).
    const pm = seti.payment_method!;
    expect(await ok(await getPaymentMethod(pm))).toMatchObject({
      object: "payment_method",
      customer: c.id,
      card: { brand: "visa", last4: "4242" },
    });
    const [stored] = await (await db()).db.select().from(paymentMethods).where(eq(paymentMethods.id, pm));
    expect(JSON.stringify(stored)).not.toContain("4242424242424242");

    const paid = await ok(await pay({ amount: 2500, currency: "usd", customer: c.id, payment_method: pm, confirm: true }));
    expect(paid).toMatchObject({ status: "succeeded", customer: c.id, payment_method: pm });
    expect(await ok(await updateCustomer(c.id, { invoice_settings: { default_payment_method: pm } }))).toMatchObject({
      invoice_settings: { default_payment_method: pm },
    });
    const list = await ok(await kassa(a.secretKey).GET("/api/v1/customers/{id}/payment_methods", { params: path(c.id) }));
    expect(list.data.map((x) => x.id)).toEqual([pm]);

    await expectError(
      await pay({ amount: 2500, currency: "usd", payment_method: pm, confirm: true }),
      400,
      "payment_method_unexpected_state",
      "payment_method",
    );
    expect(await ok(await detach(pm))).toMatchObject({ id: pm, customer: null });
    await expectError(await detach(pm), 400, "payment_method_unexpected_state");
    expect(await ok(await getCustomer(c.id))).toMatchObject({ invoice_settings: { default_payment_method: null } });
    await expectError(await pay({ amount: 2500, currency: "usd", customer: c.id, payment_method: pm, confirm: true }), 400, "payment_method_unexpected_state");
  });

  test("bad input, declines, wrong tenant and duplicates for setup_intents and attach", async () => {
    const c = await ok(await createCustomer({}));
    // Deliberately invalid: no customer, no payment method, an unknown usage.
    await expectError(await setupIntent({ payment_method: "pm_card_visa" } as never), 400, "parameter_missing", "customer");
    await expectError(await setupIntent({ customer: c.id } as never), 400, "parameter_missing", "payment_method");
    await expectError(await setupIntent({ customer: c.id, payment_method: "pm_card_visa", usage: "sometimes" } as never), 400, "parameter_invalid", "usage");
    await expectError(await setupIntent({ customer: c.id, payment_method: "x".repeat(256) }), 400, "parameter_invalid", "payment_method");
    await expectError(await setupIntent({ customer: c.id, payment_method: "pm_card_nope" }), 404, "resource_missing", "payment_method");
    await expectError(await setupIntent({ customer: c.id, payment_method: "pm_card_chargeDeclined" }), 402, "card_declined");
    await expectError(await setupIntent({ customer: c.id, payment_method: "pm_card_visa" }, b.secretKey), 404, "resource_missing", "customer");

    // Deliberately invalid: no customer, then an unknown field.
    await expectError(await attach("pm_card_visa", {} as never), 400, "parameter_missing", "customer");
    await expectError(await attach("pm_card_visa", { customer: c.id, extra: 1 } as never), 400, "parameter_unknown", "extra");
    const pm = await ok(await attach("pm_card_mastercard", { customer: c.id }));
    expect(pm).toMatchObject({ customer: c.id, card: { brand: "mastercard" } });
    // Another merchant: neither the card nor the customer exists for it.
    const cb = await ok(await createCustomer({}, b.secretKey));
    await expectError(await attach(pm.id, { customer: cb.id }, b.secretKey), 404, "resource_missing");
    await expectError(await attach(pm.id, { customer: cb.id }), 404, "resource_missing", "customer");
    await expectError(await getPaymentMethod(pm.id, b.secretKey), 404, "resource_missing");
    await expectError(await detach(pm.id, b.secretKey), 404, "resource_missing");
    await expectError(
      await pay({ amount: 1000, currency: "usd", customer: cb.id, payment_method: pm.id, confirm: true }, b.secretKey),
      404,
      "resource_missing",
      "payment_method",
    );
    // Duplicate: attaching again to the same customer answers the same card; to another one is refused.
    expect((await ok(await attach(pm.id, { customer: c.id }))).id).toBe(pm.id);
    const c2 = await ok(await createCustomer({}));
    await expectError(await attach(pm.id, { customer: c2.id }), 400, "payment_method_unexpected_state");
  });
});

test.describe("disputes (sandbox)", () => {
  test("pm_card_createDispute is disputed after capture: debit with the fee, evidence, won → credit back", async () => {
    const m = await seedMerchant("disp");
    const p = await ok(await pay({ amount: 10_000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true }, m.secretKey));
    let dispute: components["schemas"]["Dispute"] | undefined;
    await expect
      .poll(
        async () => {
          dispute = (await ok(await listDisputes({ payment: p.id }, m.secretKey))).data[0];
          return dispute?.status;
        },
        { timeout: 30_000 },
      )
      .toBe("needs_response");
    expect(dispute).toMatchObject({ object: "dispute", amount: 10_000, fee: 1500, payment: p.id, reason: "fraudulent" });
    expect(dispute!.id).toMatch(/^dp_/);
    expect(dispute!.evidence_details.due_by).toBeGreaterThan(Date.now() / 1000);
    const pending = async () => (await ok(await kassa(m.secretKey).GET("/api/v1/balance"))).pending[0]!.amount;
    expect(await pending()).toBe(10_000 - 320 - 10_000 - 1500);
    expect(await ok(await getDispute(dispute!.id, m.secretKey))).toMatchObject({ id: dispute!.id });

    // Deliberately invalid: no evidence at all.
    await expectError(await evidence(dispute!.id, {} as never, m.secretKey), 400, "parameter_missing", "evidence");
    await expectError(await evidence(dispute!.id, { evidence: {} }, m.secretKey), 400, "parameter_invalid", "evidence");
    await expectError(
      await evidence(dispute!.id, { evidence: { uncategorized_text: "x".repeat(20_001) } }, m.secretKey),
      400,
      "parameter_invalid",
      "evidence[uncategorized_text]",
    );
    // Deliberately invalid: a kind of evidence the API does not take.
    await expectError(
      await evidence(dispute!.id, { evidence: { shipping_label: "x" } } as never, m.secretKey),
      400,
      "parameter_unknown",
      "evidence[shipping_label]",
    );
    await expectError(await evidence(dispute!.id, { evidence: { uncategorized_text: "x" } }, a.secretKey), 404, "resource_missing");
    await expectError(await getDispute(dispute!.id, a.secretKey), 404, "resource_missing");
    const answered = await ok(await evidence(dispute!.id, { evidence: { uncategorized_text: "Delivered and signed for." } }, m.secretKey));
    expect(answered).toMatchObject({ status: "under_review", evidence: { uncategorized_text: "Delivered and signed for." } });
    await expectError(await evidence(dispute!.id, { evidence: { uncategorized_text: "again" } }, m.secretKey), 400, "dispute_unexpected_state");

    // Deliberately invalid: no such outcome.
    await expectError(await closeDispute(dispute!.id, { outcome: "maybe" } as never, m.secretKey), 400, "parameter_invalid", "outcome");
    expect(await ok(await closeDispute(dispute!.id, { outcome: "won" }, m.secretKey))).toMatchObject({
      status: "won",
    });
    expect(await pending()).toBe(10_000 - 320 - 1500);
    const types = (await ok(await kassa(m.secretKey).GET("/api/v1/events", { params: { query: { type: "dispute.*" } } }))).data.map((e) => e.type);
    expect(types.sort()).toEqual(["dispute.closed", "dispute.created", "dispute.updated"]);
  });

  test("evidence after evidence_due_by → 400 dispute_evidence_past_due; list bad input", async () => {
    const m = await seedMerchant("disp-late");
    const p = await ok(await pay({ amount: 5000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true }, m.secretKey));
    await expect.poll(async () => (await ok(await listDisputes({ payment: p.id }, m.secretKey))).data.length, { timeout: 30_000 }).toBe(1);
    const h = await db();
    const [row] = await h.db.select().from(disputes).where(eq(disputes.paymentId, p.id));
    await h.db
      .update(disputes)
      .set({ evidenceDueBy: new Date(Date.now() - 1000) })
      .where(eq(disputes.id, row!.id));
    await expectError(await evidence(row!.id, { evidence: { uncategorized_text: "late" } }, m.secretKey), 400, "dispute_evidence_past_due", "evidence");
    // Deliberately invalid: no such status.
    await expectError(
      await kassa(m.secretKey).GET("/api/v1/disputes", { params: { query: { status: "pending" } as never } }),
      400,
      "parameter_invalid",
      "status",
    );
    await expectError(await listDisputes({ limit: 0 }, m.secretKey), 400, "parameter_invalid_integer", "limit");
    await expectError(await getDispute("dp_missing", m.secretKey), 404, "resource_missing");
  });
});

test("Stripe webhooks without STRIPE_WEBHOOK_SECRET: 503, nothing recorded", async ({ request }) => {
  // Raw: /api/webhooks/stripe is not an /api/v1 route, so not in the typed client.
  await expectError(
    await request.post("/api/webhooks/stripe", { data: { id: "evt_1", type: "payment_intent.succeeded" }, headers: { "stripe-signature": "t=1,v1=00" } }),
    503,
    "service_unavailable",
  );
});
