// Customers, saved cards, setup intents and disputes over HTTP (the server runs the sandbox: no Stripe keys).
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/api";
import { eq } from "drizzle-orm";
import { disputes, paymentMethods } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { auth, expectError, type Merchant, ok } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("cus-a");
  b = await seedMerchant("cus-b");
});

const post = (request: APIRequestContext, path: string, data: unknown, key = a.secretKey, headers: Record<string, string> = {}) =>
  request.post(path, { headers: auth(key, headers), data: data as Record<string, unknown> });
const get = (request: APIRequestContext, path: string, key = a.secretKey) => request.get(path, { headers: auth(key) });

test.describe("customers", () => {
  test("create, read, update (POST and PATCH), list with cursors, delete", async ({ request }) => {
    const made: { id: string }[] = [];
    for (let i = 0; i < 3; i++) made.push(await ok(await post(request, "/api/v1/customers", { email: `list${i}@example.test`, name: `List ${i}` })));
    expect(made[0]).toMatchObject({ object: "customer", email: "list0@example.test", invoice_settings: { default_payment_method: null }, livemode: false });
    expect(made[0]!.id).toMatch(/^cus_/);
    expect(await ok(await get(request, `/api/v1/customers/${made[0]!.id}`))).toEqual(made[0]);
    expect(await ok(await post(request, `/api/v1/customers/${made[0]!.id}`, { name: "Posted" }))).toMatchObject({ name: "Posted" });
    const patched = await ok(
      await request.patch(`/api/v1/customers/${made[0]!.id}`, { headers: auth(a.secretKey), data: { phone: "+15555550100", metadata: { crm: "42" } } }),
    );
    expect(patched).toMatchObject({ name: "Posted", phone: "+15555550100", metadata: { crm: "42" } });
    const page = await ok<{ data: { id: string }[]; has_more: boolean; url: string }>(await get(request, "/api/v1/customers?limit=2"));
    expect(page).toMatchObject({ has_more: true, url: "/api/v1/customers" });
    expect(page.data.map((c) => c.id)).toEqual([made[2]!.id, made[1]!.id]);
    const next = await ok<{ data: { id: string }[] }>(await get(request, `/api/v1/customers?limit=2&starting_after=${made[1]!.id}`));
    expect(next.data[0]!.id).toBe(made[0]!.id);
    expect(await ok(await request.delete(`/api/v1/customers/${made[2]!.id}`, { headers: auth(a.secretKey) }))).toEqual({
      id: made[2]!.id,
      object: "customer",
      deleted: true,
    });
    await expectError(await get(request, `/api/v1/customers/${made[2]!.id}`), 404, "resource_missing", "id");
    await expectError(await request.delete(`/api/v1/customers/${made[2]!.id}`, { headers: auth(a.secretKey) }), 404, "resource_missing");
  });

  test("bad input: invalid, missing, oversized, unknown → 400 with the parameter; body over 1 MB → 413", async ({ request }) => {
    const cases: [string, unknown, string, string][] = [
      ["invalid email", { email: "not-an-email" }, "parameter_invalid", "email"],
      ["oversized name", { name: "x".repeat(257) }, "parameter_invalid", "name"],
      ["oversized metadata value", { metadata: { k: "x".repeat(501) } }, "parameter_invalid", "metadata[k]"],
      ["wrong type", { name: 42 }, "parameter_invalid", "name"],
      ["unknown field", { nickname: "x" }, "parameter_unknown", "nickname"],
      ["a NUL character (Postgres cannot store it; once a 500)", { name: "Ada\u0000Lovelace" }, "parameter_invalid", "name"],
    ];
    for (const [label, body, code, param] of cases) {
      await test.step(label, async () => expectError(await post(request, "/api/v1/customers", body), 400, code, param));
    }
    const c = await ok<{ id: string }>(await post(request, "/api/v1/customers", {}));
    await expectError(
      await post(request, `/api/v1/customers/${c.id}`, { invoice_settings: {} }),
      400,
      "parameter_missing",
      "invoice_settings[default_payment_method]",
    );
    await expectError(
      await post(request, `/api/v1/customers/${c.id}`, { invoice_settings: { default_payment_method: "pm_nope" } }),
      404,
      "resource_missing",
      "invoice_settings[default_payment_method]",
    );
    await expectError(await get(request, "/api/v1/customers?limit=101"), 400, "parameter_invalid_integer", "limit");
    await expectError(
      await request.post("/api/v1/customers", {
        headers: auth(a.secretKey, { "content-type": "application/json" }),
        data: JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) }),
      }),
      413,
      "body_too_large",
    );
  });

  test("wrong tenant and wrong mode: another merchant's customer is not found", async ({ request }) => {
    const c = await ok<{ id: string }>(await post(request, "/api/v1/customers", { email: "mine@example.test" }));
    await expectError(await get(request, `/api/v1/customers/${c.id}`, b.secretKey), 404, "resource_missing");
    await expectError(await post(request, `/api/v1/customers/${c.id}`, { name: "x" }, b.secretKey), 404, "resource_missing");
    await expectError(await request.delete(`/api/v1/customers/${c.id}`, { headers: auth(b.secretKey) }), 404, "resource_missing");
    await expectError(await get(request, `/api/v1/customers/${c.id}/payment_methods`, b.secretKey), 404, "resource_missing");
    expect((await ok<{ data: { id: string }[] }>(await get(request, "/api/v1/customers?limit=100", b.secretKey))).data.map((x) => x.id)).not.toContain(c.id);
    await expectError(await get(request, `/api/v1/customers/${c.id}`, a.liveKey), 404, "resource_missing");
    // Live mode needs a processor: without Stripe there is none.
    await expectError(await post(request, "/api/v1/customers", {}, a.liveKey), 400, "processor_unavailable");
  });

  test("duplicate: the same Idempotency-Key replays one customer; other parameters → 422", async ({ request }) => {
    const key = `cus-${Date.now()}`;
    const first = await ok<{ id: string }>(await post(request, "/api/v1/customers", { email: "dup@example.test" }, a.secretKey, { "Idempotency-Key": key }));
    const again = await post(request, "/api/v1/customers", { email: "dup@example.test" }, a.secretKey, { "Idempotency-Key": key });
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect((await ok<{ id: string }>(again)).id).toBe(first.id);
    await expectError(
      await post(request, "/api/v1/customers", { email: "other@example.test" }, a.secretKey, { "Idempotency-Key": key }),
      422,
      "idempotency_key_reused",
    );
  });
});

test.describe("saved cards", () => {
  test("setup, charge off-session, default, list, detach", async ({ request }) => {
    const c = await ok<{ id: string }>(await post(request, "/api/v1/customers", { email: "saver@example.test" }));
    const seti = await ok<{ id: string; status: string; payment_method: string }>(
      await post(request, "/api/v1/setup_intents", { customer: c.id, payment_method: "pm_card_visa" }),
    );
    expect(seti).toMatchObject({ object: "setup_intent", status: "succeeded", customer: c.id, usage: "off_session" });
    expect(seti.id).toMatch(/^seti_/);
    expect(await ok(await get(request, `/api/v1/setup_intents/${seti.id}`))).toMatchObject({ id: seti.id, status: "succeeded" });
    const pm = seti.payment_method;
    expect(await ok(await get(request, `/api/v1/payment_methods/${pm}`))).toMatchObject({
      object: "payment_method",
      customer: c.id,
      card: { brand: "visa", last4: "4242" },
    });
    const [stored] = await (await db()).db.select().from(paymentMethods).where(eq(paymentMethods.id, pm));
    expect(JSON.stringify(stored)).not.toContain("4242424242424242");

    const paid = await ok(await post(request, "/api/v1/payments", { amount: 2500, currency: "usd", customer: c.id, payment_method: pm, confirm: true }));
    expect(paid).toMatchObject({ status: "succeeded", customer: c.id, payment_method: pm });
    expect(await ok(await post(request, `/api/v1/customers/${c.id}`, { invoice_settings: { default_payment_method: pm } }))).toMatchObject({
      invoice_settings: { default_payment_method: pm },
    });
    const list = await ok<{ data: { id: string }[] }>(await get(request, `/api/v1/customers/${c.id}/payment_methods`));
    expect(list.data.map((x) => x.id)).toEqual([pm]);

    await expectError(
      await post(request, "/api/v1/payments", { amount: 2500, currency: "usd", payment_method: pm, confirm: true }),
      400,
      "payment_method_unexpected_state",
      "payment_method",
    );
    expect(await ok(await post(request, `/api/v1/payment_methods/${pm}/detach`, {}))).toMatchObject({ id: pm, customer: null });
    await expectError(await post(request, `/api/v1/payment_methods/${pm}/detach`, {}), 400, "payment_method_unexpected_state");
    expect(await ok(await get(request, `/api/v1/customers/${c.id}`))).toMatchObject({ invoice_settings: { default_payment_method: null } });
    await expectError(
      await post(request, "/api/v1/payments", { amount: 2500, currency: "usd", customer: c.id, payment_method: pm, confirm: true }),
      400,
      "payment_method_unexpected_state",
    );
  });

  test("bad input, declines, wrong tenant and duplicates for setup_intents and attach", async ({ request }) => {
    const c = await ok<{ id: string }>(await post(request, "/api/v1/customers", {}));
    await expectError(await post(request, "/api/v1/setup_intents", { payment_method: "pm_card_visa" }), 400, "parameter_missing", "customer");
    await expectError(await post(request, "/api/v1/setup_intents", { customer: c.id }), 400, "parameter_missing", "payment_method");
    await expectError(
      await post(request, "/api/v1/setup_intents", { customer: c.id, payment_method: "pm_card_visa", usage: "sometimes" }),
      400,
      "parameter_invalid",
      "usage",
    );
    await expectError(
      await post(request, "/api/v1/setup_intents", { customer: c.id, payment_method: "x".repeat(256) }),
      400,
      "parameter_invalid",
      "payment_method",
    );
    await expectError(
      await post(request, "/api/v1/setup_intents", { customer: c.id, payment_method: "pm_card_nope" }),
      404,
      "resource_missing",
      "payment_method",
    );
    await expectError(await post(request, "/api/v1/setup_intents", { customer: c.id, payment_method: "pm_card_chargeDeclined" }), 402, "card_declined");
    await expectError(
      await post(request, "/api/v1/setup_intents", { customer: c.id, payment_method: "pm_card_visa" }, b.secretKey),
      404,
      "resource_missing",
      "customer",
    );

    await expectError(await post(request, "/api/v1/payment_methods/pm_card_visa/attach", {}), 400, "parameter_missing", "customer");
    await expectError(await post(request, "/api/v1/payment_methods/pm_card_visa/attach", { customer: c.id, extra: 1 }), 400, "parameter_unknown", "extra");
    const pm = await ok<{ id: string }>(await post(request, "/api/v1/payment_methods/pm_card_mastercard/attach", { customer: c.id }));
    expect(pm).toMatchObject({ customer: c.id, card: { brand: "mastercard" } });
    // Another merchant: neither the card nor the customer exists for it.
    const cb = await ok<{ id: string }>(await post(request, "/api/v1/customers", {}, b.secretKey));
    await expectError(await post(request, `/api/v1/payment_methods/${pm.id}/attach`, { customer: cb.id }, b.secretKey), 404, "resource_missing");
    await expectError(await post(request, `/api/v1/payment_methods/${pm.id}/attach`, { customer: cb.id }), 404, "resource_missing", "customer");
    await expectError(await get(request, `/api/v1/payment_methods/${pm.id}`, b.secretKey), 404, "resource_missing");
    await expectError(await post(request, `/api/v1/payment_methods/${pm.id}/detach`, {}, b.secretKey), 404, "resource_missing");
    await expectError(
      await post(request, "/api/v1/payments", { amount: 1000, currency: "usd", customer: cb.id, payment_method: pm.id, confirm: true }, b.secretKey),
      404,
      "resource_missing",
      "payment_method",
    );
    // Duplicate: attaching again to the same customer answers the same card; to another one is refused.
    expect((await ok<{ id: string }>(await post(request, `/api/v1/payment_methods/${pm.id}/attach`, { customer: c.id }))).id).toBe(pm.id);
    const c2 = await ok<{ id: string }>(await post(request, "/api/v1/customers", {}));
    await expectError(await post(request, `/api/v1/payment_methods/${pm.id}/attach`, { customer: c2.id }), 400, "payment_method_unexpected_state");
  });
});

test.describe("disputes (sandbox)", () => {
  test("pm_card_createDispute is disputed after capture: debit with the fee, evidence, won → credit back", async ({ request }) => {
    const m = await seedMerchant("disp");
    const p = await ok<{ id: string }>(
      await post(request, "/api/v1/payments", { amount: 10_000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true }, m.secretKey),
    );
    let dispute: { id: string; status: string; amount: number; fee: number; evidence_details: { due_by: number } } | undefined;
    await expect
      .poll(
        async () => {
          dispute = (await ok<{ data: (typeof dispute)[] }>(await get(request, `/api/v1/disputes?payment=${p.id}`, m.secretKey))).data[0];
          return dispute?.status;
        },
        { timeout: 30_000 },
      )
      .toBe("needs_response");
    expect(dispute).toMatchObject({ object: "dispute", amount: 10_000, fee: 1500, payment: p.id, reason: "fraudulent" });
    expect(dispute!.id).toMatch(/^dp_/);
    expect(dispute!.evidence_details.due_by).toBeGreaterThan(Date.now() / 1000);
    const pending = async () => (await ok<{ pending: { amount: number }[] }>(await get(request, "/api/v1/balance", m.secretKey))).pending[0]!.amount;
    expect(await pending()).toBe(10_000 - 320 - 10_000 - 1500);
    expect(await ok(await get(request, `/api/v1/disputes/${dispute!.id}`, m.secretKey))).toMatchObject({ id: dispute!.id });

    await expectError(await post(request, `/api/v1/disputes/${dispute!.id}/evidence`, {}, m.secretKey), 400, "parameter_missing", "evidence");
    await expectError(await post(request, `/api/v1/disputes/${dispute!.id}/evidence`, { evidence: {} }, m.secretKey), 400, "parameter_invalid", "evidence");
    await expectError(
      await post(request, `/api/v1/disputes/${dispute!.id}/evidence`, { evidence: { uncategorized_text: "x".repeat(20_001) } }, m.secretKey),
      400,
      "parameter_invalid",
      "evidence[uncategorized_text]",
    );
    await expectError(
      await post(request, `/api/v1/disputes/${dispute!.id}/evidence`, { evidence: { shipping_label: "x" } }, m.secretKey),
      400,
      "parameter_unknown",
      "evidence[shipping_label]",
    );
    await expectError(
      await post(request, `/api/v1/disputes/${dispute!.id}/evidence`, { evidence: { uncategorized_text: "x" } }, a.secretKey),
      404,
      "resource_missing",
    );
    await expectError(await get(request, `/api/v1/disputes/${dispute!.id}`, a.secretKey), 404, "resource_missing");
    const answered = await ok(
      await post(request, `/api/v1/disputes/${dispute!.id}/evidence`, { evidence: { uncategorized_text: "Delivered and signed for." } }, m.secretKey),
    );
    expect(answered).toMatchObject({ status: "under_review", evidence: { uncategorized_text: "Delivered and signed for." } });
    await expectError(
      await post(request, `/api/v1/disputes/${dispute!.id}/evidence`, { evidence: { uncategorized_text: "again" } }, m.secretKey),
      400,
      "dispute_unexpected_state",
    );

    await expectError(
      await post(request, `/api/v1/test_helpers/disputes/${dispute!.id}/close`, { outcome: "maybe" }, m.secretKey),
      400,
      "parameter_invalid",
      "outcome",
    );
    expect(await ok(await post(request, `/api/v1/test_helpers/disputes/${dispute!.id}/close`, { outcome: "won" }, m.secretKey))).toMatchObject({
      status: "won",
    });
    expect(await pending()).toBe(10_000 - 320 - 1500);
    const types = (await ok<{ data: { type: string }[] }>(await get(request, "/api/v1/events?type=dispute.*", m.secretKey))).data.map((e) => e.type);
    expect(types.sort()).toEqual(["dispute.closed", "dispute.created", "dispute.updated"]);
  });

  test("evidence after evidence_due_by → 400 dispute_evidence_past_due; list bad input", async ({ request }) => {
    const m = await seedMerchant("disp-late");
    const p = await ok<{ id: string }>(
      await post(request, "/api/v1/payments", { amount: 5000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true }, m.secretKey),
    );
    await expect
      .poll(async () => (await ok<{ data: unknown[] }>(await get(request, `/api/v1/disputes?payment=${p.id}`, m.secretKey))).data.length, { timeout: 30_000 })
      .toBe(1);
    const h = await db();
    const [row] = await h.db.select().from(disputes).where(eq(disputes.paymentId, p.id));
    await h.db
      .update(disputes)
      .set({ evidenceDueBy: new Date(Date.now() - 1000) })
      .where(eq(disputes.id, row!.id));
    await expectError(
      await post(request, `/api/v1/disputes/${row!.id}/evidence`, { evidence: { uncategorized_text: "late" } }, m.secretKey),
      400,
      "dispute_evidence_past_due",
      "evidence",
    );
    await expectError(await get(request, "/api/v1/disputes?status=pending", m.secretKey), 400, "parameter_invalid", "status");
    await expectError(await get(request, "/api/v1/disputes?limit=0", m.secretKey), 400, "parameter_invalid_integer", "limit");
    await expectError(await get(request, "/api/v1/disputes/dp_missing", m.secretKey), 404, "resource_missing");
  });
});

test("Stripe webhooks without STRIPE_WEBHOOK_SECRET: 503, nothing recorded", async ({ request }) => {
  await expectError(
    await request.post("/api/webhooks/stripe", { data: { id: "evt_1", type: "payment_intent.succeeded" }, headers: { "stripe-signature": "t=1,v1=00" } }),
    503,
    "service_unavailable",
  );
});
