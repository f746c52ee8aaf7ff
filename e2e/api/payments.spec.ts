import { and, eq } from "drizzle-orm";
import { payments, sandboxCharges } from "@/db/schema";
import { newId } from "@/lib/ids";
import { db, seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("pay-a");
  b = await seedMerchant("pay-b");
});

const create = (body: BodyOf<"/api/v1/payments", "post">, key = a.secretKey, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/payments", { body, headers });
type Verb = "capture" | "cancel" | "confirm";
const action = (id: string, verb: Verb, body: Record<string, unknown> = {}, key = a.secretKey) => {
  const [api, params] = [kassa(key), { path: { id } }];
  if (verb === "capture") return api.POST("/api/v1/payments/{id}/capture", { params, body });
  if (verb === "cancel") return api.POST("/api/v1/payments/{id}/cancel", { params, body });
  return api.POST("/api/v1/payments/{id}/confirm", { params, body });
};
const refund = (body: BodyOf<"/api/v1/refunds", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/refunds", { body });
const getPayment = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/payments/{id}", { params: { path: { id } } });
const listPayments = (
  query: { limit?: number; starting_after?: string; ending_before?: string; status?: string; created?: { gte?: number; lte?: number } },
  key = a.secretKey,
) => kassa(key).GET("/api/v1/payments", { params: { query: query as never } });

async function chargesOf(paymentId: string) {
  const h = await db();
  return h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, paymentId));
}

test.describe("happy paths", () => {
  test("automatic capture: created, confirmed and succeeded in one call", async () => {
    const p = await ok(
      await create({
        amount: 4200,
        currency: "usd",
        payment_method: "pm_card_visa",
        confirm: true,
        description: "Order 17",
        metadata: { order: "17" },
      }),
    );
    expect(p).toMatchObject({
      object: "payment",
      amount: 4200,
      amount_received: 4200,
      amount_capturable: 0,
      amount_refunded: 0,
      currency: "usd",
      status: "succeeded",
      capture_method: "automatic",
      payment_method: "pm_card_visa",
      livemode: false,
      connector: "sandbox",
      description: "Order 17",
      metadata: { order: "17" },
      last_payment_error: null,
      next_action: null,
      payment_method_details: { type: "card", card: { brand: "visa", last4: "4242" } },
    });
    expect(p.id).toMatch(/^pay_/);
    expect(await ok(await getPayment(p.id))).toEqual(p);
    const events = await ok<{ data: { type: string; data: { object: { id: string } } }[] }>(
      await kassa(a.secretKey).GET("/api/v1/events", { params: { query: { type: "payment.*", limit: 10 } } }),
    );
    const mine = events.data.filter((e) => e.data.object.id === p.id).map((e) => e.type);
    expect(mine.sort()).toEqual(["payment.created", "payment.succeeded"]);
  });

  test("create, then confirm in a second call", async () => {
    const p = await ok(await create({ amount: 1000, currency: "eur" }));
    expect(p.status).toBe("requires_payment_method");
    const done = await ok(await action(p.id as string, "confirm", { payment_method: "pm_card_mastercard" }));
    expect(done).toMatchObject({ status: "succeeded", amount_received: 1000, payment_method_details: { card: { brand: "mastercard" } } });
  });

  test("manual capture, full", async () => {
    const p = await ok(await create({ amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" }));
    expect(p).toMatchObject({ status: "requires_capture", amount_capturable: 3000, amount_received: 0 });
    expect(p.authorization_expires_at as number).toBeGreaterThan(Date.now() / 1000 + 6.9 * 86400);
    const done = await ok(await action(p.id as string, "capture"));
    expect(done).toMatchObject({ status: "succeeded", amount_capturable: 0, amount_received: 3000 });
  });

  test("manual capture, partial: the rest is released", async () => {
    const p = await ok(await create({ amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" }));
    const done = await ok(await action(p.id as string, "capture", { amount_to_capture: 1800 }));
    expect(done).toMatchObject({ status: "succeeded", amount_capturable: 0, amount_received: 1800 });
    const [charge] = await chargesOf(p.id as string);
    expect(charge).toMatchObject({ amountCaptured: 1800n, amountCapturable: 0n });
  });

  test("cancel an authorisation: the hold is released", async () => {
    const p = await ok(await create({ amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" }));
    const done = await ok(await action(p.id as string, "cancel", { cancellation_reason: "requested_by_customer" }));
    expect(done).toMatchObject({ status: "canceled", amount_capturable: 0, cancellation_reason: "requested_by_customer" });
    expect((await chargesOf(p.id as string))[0]!.status).toBe("canceled");
  });

  test("three partial refunds, then the remaining amount", async () => {
    const p = await ok(await create({ amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true }));
    for (const amount of [300, 200, 500]) {
      const r = await ok(await refund({ payment: p.id, amount, reason: "requested_by_customer" }));
      expect(r).toMatchObject({ object: "refund", amount, currency: "usd", payment: p.id, status: "succeeded", reason: "requested_by_customer" });
    }
    const last = await ok(await refund({ payment: p.id }));
    expect(last).toMatchObject({ amount: 1000, status: "succeeded" });
    expect(await ok(await getPayment(p.id))).toMatchObject({ amount_refunded: 2000 });
    await expectError(await refund({ payment: p.id, amount: 1 }), 400, "charge_already_refunded");
    const list = await ok<{ data: { amount: number }[] }>(await kassa(a.secretKey).GET("/api/v1/refunds", { params: { query: { payment: p.id } } }));
    expect(list.data.map((r) => r.amount)).toEqual([1000, 500, 200, 300]);
    expect(await ok(await kassa(a.secretKey).GET("/api/v1/refunds/{id}", { params: { path: { id: last.id } } }))).toEqual(last);
  });

  test("refund of a manual-capture payment after capture", async () => {
    const p = await ok(await create({ amount: 5000, currency: "inr", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" }));
    await expectError(await refund({ payment: p.id }), 400, "payment_intent_unexpected_state");
    await ok(await action(p.id as string, "capture", { amount_to_capture: 4000 }));
    await expectError(await refund({ payment: p.id, amount: 4001 }), 400, "amount_too_large", { param: "amount" });
    expect(await ok(await refund({ payment: p.id }))).toMatchObject({ amount: 4000, currency: "inr", status: "succeeded" });
  });

  test("3D Secure card → requires_action with a next_action", async () => {
    const p = await ok(
      await create({
        amount: 1500,
        currency: "gbp",
        payment_method: "pm_card_authenticationRequired",
        confirm: true,
        return_url: "https://shop.example/done",
      }),
    );
    expect(p.status).toBe("requires_action");
    expect(p.next_action).toMatchObject({ type: "redirect_to_url", redirect_to_url: { url: expect.stringContaining("/sandbox/3ds/") } });
    expect(await ok(await action(p.id as string, "cancel"))).toMatchObject({ status: "canceled" });
  });
});

test.describe("the PayPal wallet (no PayPal configured: the sandbox's simulated one)", () => {
  test("payment_method paypal: requires_action to the simulated approval page; bad input and another merchant refused", async () => {
    await expectError(await create({ amount: 1500, currency: "usd", payment_method: "paypal", confirm: true }), 400, "parameter_missing", {
      param: "return_url",
    });
    await expectError(
      await create({
        amount: 1500,
        currency: "usd",
        payment_method: "paypal",
        payment_method_types: ["card"],
        confirm: true,
        return_url: "https://shop.test/r",
      }),
      400,
      "parameter_invalid",
      { param: "payment_method_types" },
    );
    await expectError(await create({ amount: 1500, currency: "usd", payment_method_types: ["paypal", "bitcoin" as never] }), 400, "parameter_invalid");
    const p = await ok(await create({ amount: 1500, currency: "usd", payment_method_types: ["paypal"], confirm: true, return_url: "https://shop.test/r" }));
    expect(p).toMatchObject({ status: "requires_action", payment_method: "paypal", connector: "sandbox", payment_method_details: null });
    expect(p.next_action).toMatchObject({
      type: "redirect_to_url",
      redirect_to_url: { url: expect.stringMatching(/^\/sandbox\/paypal\/sbch_/), return_url: "https://shop.test/r" },
    });
    // Another merchant cannot see it or act on it.
    await expectError(await getPayment(p.id as string, b.secretKey), 404, "resource_missing");
    await expectError(await action(p.id as string, "cancel", {}, b.secretKey), 404, "resource_missing");
    // Canceled while waiting for the buyer: nothing was charged.
    expect(await ok(await action(p.id as string, "cancel"))).toMatchObject({ status: "canceled", amount_received: 0 });
    expect((await chargesOf(p.id as string)).map((c) => c.status)).toEqual(["canceled"]);
  });
});

test.describe("declines", () => {
  const cases = [
    ["pm_card_chargeDeclined", "card_declined", "generic_decline"],
    ["pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"],
    ["pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"],
    ["pm_card_riskLevelHighest", "card_declined", "fraudulent"],
  ] as const;
  for (const [pm, code, decline] of cases) {
    test(`${pm} → 402 ${code} / ${decline}; the payment asks for another method`, async () => {
      const err = await expectError(await create({ amount: 2500, currency: "usd", payment_method: pm, confirm: true }), 402, code, {
        type: "card_error",
        decline_code: decline,
      });
      expect(String(err.message)).not.toHaveLength(0);
      const list = await ok<{ data: { id: string; status: string; payment_method: string; last_payment_error: { code: string; decline_code: string } }[] }>(
        await listPayments({ limit: 1 }),
      );
      expect(list.data[0]).toMatchObject({ status: "requires_payment_method", payment_method: pm, last_payment_error: { code, decline_code: decline } });
      // A second try with a good card succeeds on the same payment.
      expect(await ok(await action(list.data[0]!.id, "confirm", { payment_method: "pm_card_visa" }))).toMatchObject({ status: "succeeded" });
    });
  }
});

test.describe("illegal transitions and bad input", () => {
  test("capture or cancel a succeeded payment, capture too much, confirm twice", async () => {
    const done = await ok(await create({ amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true }));
    await expectError(await action(done.id as string, "capture"), 400, "payment_intent_unexpected_state");
    await expectError(await action(done.id as string, "cancel"), 400, "payment_intent_unexpected_state");
    await expectError(await action(done.id as string, "confirm"), 400, "payment_intent_unexpected_state");
    const held = await ok(await create({ amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" }));
    await expectError(await action(held.id as string, "capture", { amount_to_capture: 2001 }), 400, "amount_too_large", {
      param: "amount_to_capture",
    });
    expect(await ok(await getPayment(held.id))).toMatchObject({
      status: "requires_capture",
      amount_capturable: 2000,
    });
  });

  const bad: [string, Record<string, unknown>, number, string, string?][] = [
    ["amount 0", { amount: 0, currency: "usd" }, 400, "parameter_invalid_integer", "amount"],
    ["negative amount", { amount: -5, currency: "usd" }, 400, "parameter_invalid_integer", "amount"],
    ["amount over 99999999", { amount: 100_000_000, currency: "usd" }, 400, "amount_too_large", "amount"],
    ["a decimal amount (wrong exponent)", { amount: 10.5, currency: "usd" }, 400, "parameter_invalid_integer", "amount"],
    ["an amount as a string", { amount: "1000", currency: "usd" }, 400, "parameter_invalid", "amount"],
    ["below the currency minimum", { amount: 20, currency: "usd" }, 400, "amount_too_small", "amount"],
    ["below the JPY minimum", { amount: 49, currency: "jpy" }, 400, "amount_too_small", "amount"],
    ["unsupported currency", { amount: 1000, currency: "xyz" }, 400, "currency_unsupported", "currency"],
    ["missing amount", { currency: "usd" }, 400, "parameter_missing", "amount"],
    ["missing currency", { amount: 1000 }, 400, "parameter_missing", "currency"],
    ["unknown field", { amount: 1000, currency: "usd", tip: 5 }, 400, "parameter_unknown", "tip"],
    ["confirm without a payment method", { amount: 1000, currency: "usd", confirm: true }, 400, "parameter_missing", "payment_method"],
    ["an unknown payment method", { amount: 1000, currency: "usd", confirm: true, payment_method: "pm_card_nope" }, 404, "resource_missing", "payment_method"],
    [
      "capture_at without manual capture",
      { amount: 1000, currency: "usd", capture_at: Math.floor(Date.now() / 1000) + 3600 },
      400,
      "parameter_invalid",
      "capture_at",
    ],
    ["metadata value too long", { amount: 1000, currency: "usd", metadata: { k: "x".repeat(501) } }, 400, "parameter_invalid", "metadata[k]"],
  ];
  for (const [name, body, status, code, param] of bad) {
    test(`${name} → ${status} ${code}`, async () => {
      const before = (await ok<{ data: unknown[] }>(await listPayments({ limit: 100 }, b.secretKey))).data.length;
      // Deliberately invalid bodies: each case breaks the document's schema or a rule of the API.
      await expectError(await create(body as never, b.secretKey), status, code, param ? { param } : {});
      const after = (await ok<{ data: { status: string }[] }>(await listPayments({ limit: 100 }, b.secretKey))).data;
      expect(after.length, "nothing is stored for a rejected request").toBe(before);
    });
  }

  test("refund input: unknown payment, bad amount, bad reason", async () => {
    await expectError(await refund({ payment: "pay_nope" }), 404, "resource_missing", { param: "payment" });
    // Deliberately invalid: no payment, then an unknown reason.
    await expectError(await refund({} as never), 400, "parameter_missing", { param: "payment" });
    const p = await ok(await create({ amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true }));
    await expectError(await refund({ payment: p.id, amount: 0 }), 400, "parameter_invalid_integer", { param: "amount" });
    await expectError(await refund({ payment: p.id, reason: "bored" } as never), 400, "parameter_invalid", { param: "reason" });
  });
});

test.describe("exactly once", () => {
  test("50 parallel identical POSTs with one Idempotency-Key → one payment, one processor charge", async () => {
    const m = await seedMerchant("idem50");
    const key = `order-${Date.now()}`;
    const body = { amount: 1234, currency: "usd", payment_method: "pm_card_visa", confirm: true };
    const responses = await Promise.all(Array.from({ length: 50 }, () => create(body, m.secretKey, { "Idempotency-Key": key })));
    const statuses = responses.map((r) => r.response.status);
    expect(
      statuses.every((s) => s === 200 || s === 409),
      statuses.join(","),
    ).toBe(true);
    const ids = new Set<string>();
    for (const r of responses) if (r.response.status === 200) ids.add(r.data!.id);
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const h = await db();
    expect(await h.db.select().from(payments).where(eq(payments.merchantId, m.merchantId))).toHaveLength(1);
    expect(await chargesOf(id!)).toHaveLength(1);
    // A later retry replays the same payment.
    const replay = await create(body, m.secretKey, { "Idempotency-Key": key });
    expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.data?.id).toBe(id);
  });

  test("a decline is replayed, not retried, under the same Idempotency-Key", async () => {
    const key = `declined-${Date.now()}`;
    const body = { amount: 1234, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true };
    const first = await create(body, a.secretKey, { "Idempotency-Key": key });
    const e1 = await expectError(first, 402, "card_declined");
    const second = await create(body, a.secretKey, { "Idempotency-Key": key });
    const e2 = await expectError(second, 402, "card_declined");
    expect(second.response.headers.get("idempotent-replayed")).toBe("true");
    expect(e2.request_id).toBe(e1.request_id);
  });

  test("a lost processor response: processing, then settled by the reconciliation function with one charge", async () => {
    const p = await ok(await create({ amount: 2200, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true }));
    expect(p.status).toBe("processing");
    await expect.poll(async () => (await ok(await getPayment(p.id))).status, { timeout: 20_000 }).toBe("succeeded");
    expect(await chargesOf(p.id as string)).toHaveLength(1);
  });

  test("a transient processing error: processing, then succeeded on a new attempt", async () => {
    const p = await ok(await create({ amount: 2300, currency: "usd", payment_method: "pm_card_processingError", confirm: true }));
    expect(p.status).toBe("processing");
    await expect.poll(async () => (await ok(await getPayment(p.id))).status, { timeout: 20_000 }).toBe("succeeded");
    const charges = await chargesOf(p.id as string);
    expect(charges.map((c) => c.status).sort()).toEqual(["failed", "succeeded"]);
  });
});

test.describe("tenants and modes", () => {
  test("merchant B's key cannot read, capture, cancel, confirm or refund A's payment (404)", async () => {
    const p = await ok(await create({ amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" }));
    await expectError(await getPayment(p.id, b.secretKey), 404, "resource_missing");
    for (const verb of ["capture", "cancel", "confirm"] as const)
      await expectError(await action(p.id as string, verb, {}, b.secretKey), 404, "resource_missing");
    await ok(await action(p.id as string, "capture"));
    await expectError(await refund({ payment: p.id }, b.secretKey), 404, "resource_missing", { param: "payment" });
    const theirList = await ok<{ data: { id: string }[] }>(await listPayments({ limit: 100 }, b.secretKey));
    expect(theirList.data.map((x) => x.id)).not.toContain(p.id);
    const r = await ok(await refund({ payment: p.id, amount: 100 }));
    await expectError(await kassa(b.secretKey).GET("/api/v1/refunds/{id}", { params: { path: { id: r.id } } }), 404, "resource_missing");
  });

  test("test and live objects never meet; live payments need a real processor", async () => {
    const testPayment = await ok(await create({ amount: 2000, currency: "usd" }));
    await expectError(await getPayment(testPayment.id, a.liveKey), 404, "resource_missing");
    await expectError(await create({ amount: 2000, currency: "usd" }, a.liveKey), 400, "processor_unavailable");
    // A live payment (as a Stripe-backed one will be) is invisible to the test key.
    const h = await db();
    const liveId = newId("payment");
    await h.db.insert(payments).values({
      id: liveId,
      merchantId: a.merchantId,
      livemode: true,
      amount: 999n,
      currency: "usd",
      status: "requires_payment_method",
      captureMethod: "automatic",
      connector: "stripe",
    });
    await expectError(await getPayment(liveId), 404, "resource_missing");
    expect((await ok(await getPayment(liveId, a.liveKey))).livemode).toBe(true);
    const testList = await ok<{ data: { id: string }[] }>(await listPayments({ limit: 100 }));
    expect(testList.data.map((x) => x.id)).not.toContain(liveId);
    expect(
      await h.db
        .select()
        .from(payments)
        .where(and(eq(payments.id, liveId), eq(payments.livemode, true))),
    ).toHaveLength(1);
  });
});

test.describe("lists", () => {
  test("cursor pagination and filters by status, customer and created", async () => {
    const m = await seedMerchant("list");
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await ok(await create({ amount: 1000 + i, currency: "usd", ...(i % 2 ? { payment_method: "pm_card_visa", confirm: true } : {}) }, m.secretKey));
      made.push(p.id as string);
    }
    const page1 = await ok<{ data: { id: string }[]; has_more: boolean; url: string }>(await listPayments({ limit: 2 }, m.secretKey));
    expect(page1).toMatchObject({ has_more: true, url: "/api/v1/payments" });
    expect(page1.data.map((p) => p.id)).toEqual([made[4], made[3]]);
    const page2 = await ok<{ data: { id: string }[] }>(await listPayments({ limit: 2, starting_after: made[3] }, m.secretKey));
    expect(page2.data.map((p) => p.id)).toEqual([made[2], made[1]]);
    const back = await ok<{ data: { id: string }[] }>(await listPayments({ limit: 2, ending_before: made[2] }, m.secretKey));
    expect(back.data.map((p) => p.id)).toEqual([made[4], made[3]]);
    const succeeded = await ok<{ data: { id: string }[] }>(await listPayments({ status: "succeeded" }, m.secretKey));
    expect(succeeded.data.map((p) => p.id)).toEqual([made[3], made[1]]);
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect((await ok<{ data: unknown[] }>(await listPayments({ created: { gte: future } }, m.secretKey))).data).toEqual([]);
    expect((await ok<{ data: unknown[] }>(await listPayments({ created: { lte: future } }, m.secretKey))).data).toHaveLength(5);
    // Deliberately invalid: no such status, an unknown bound.
    await expectError(await listPayments({ status: "paid" }, m.secretKey), 400, "parameter_invalid", { param: "status" });
    await expectError(await listPayments({ created: { around: 1 } as never }, m.secretKey), 400, "parameter_unknown", {
      param: "created[around]",
    });
  });
});

test.describe("balance", () => {
  test("captures and refunds show in the balance and balance transactions, derived from the ledger", async () => {
    const m = await seedMerchant("bal");
    const p = await ok(await create({ amount: 10_000, currency: "usd", payment_method: "pm_card_visa", confirm: true }, m.secretKey));
    expect(p.fee).toBe(320);
    await ok(await refund({ payment: p.id, amount: 2_500 }, m.secretKey));
    const balance = await ok(await kassa(m.secretKey).GET("/api/v1/balance"));
    // 10000 − 320 fee, then −2500 + 80 (the refund's share of the fee).
    expect(balance).toMatchObject({
      object: "balance",
      livemode: false,
      available: [{ amount: 0, currency: "usd" }],
      pending: [{ amount: 7_260, currency: "usd" }],
    });
    const txns = await ok<{ data: { type: string; amount: number; fee: number; net: number; status: string; source: string }[] }>(
      await kassa(m.secretKey).GET("/api/v1/balance_transactions"),
    );
    expect(txns.data.map((t) => [t.type, t.amount, t.fee, t.net])).toEqual([
      ["refund", -2_500, -80, -2_420],
      ["charge", 10_000, 320, 9_680],
    ]);
    const one = await ok(
      await kassa(m.secretKey).GET("/api/v1/balance_transactions/{id}", { params: { path: { id: (txns.data[0] as unknown as { id: string }).id } } }),
    );
    expect(one).toEqual(txns.data[0]);
    await expectError(
      await kassa(b.secretKey).GET("/api/v1/balance_transactions/{id}", { params: { path: { id: (txns.data[0] as unknown as { id: string }).id } } }),
      404,
      "resource_missing",
    );
    expect((await ok(await kassa(b.secretKey).GET("/api/v1/balance"))).pending).not.toEqual(balance.pending);
  });
});

test.afterAll(async () => {
  const { checkMoneyInvariants } = await import("@/lib/payments/check-payment-invariants");
  const h = await db();
  for (const m of [a, b]) expect((await checkMoneyInvariants(h.db, { merchantId: m.merchantId })).problems).toEqual([]);
});
