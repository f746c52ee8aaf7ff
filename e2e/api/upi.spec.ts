// UPI over real HTTP (issue 16): intent, QR and collect payments through POST /api/v1/payments, the
// Idempotency-Key replay (one PSP transaction), tenancy and mode, every bad input with its exact code and
// nothing stored, POST /api/v1/upi/vpa/validate, and the PSP's signed callbacks at /api/webhooks/upi.
import type { APIRequestContext } from "@playwright/test";
import { and, count, eq } from "drizzle-orm";
import type { components } from "@/clients/typescript";
import { payments, sandboxUpiTransactions, upiEvents, upiSettings } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { sandboxUpiKeys } from "@/lib/gateways/upi-sandbox/keys";
import { signCallback } from "@/lib/gateways/upi-sandbox/signing";
import { db, seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

// The server's keyring (playwright.config.ts webServer env): the sandbox PSP's callback secret is sealed
// with it in Postgres, and this spec reads it back to sign callbacks as the PSP does.
process.env.KASSA_ENCRYPTION_KEYS = "e2e:" + Buffer.alloc(32, 7).toString("base64");

type Payment = components["schemas"]["Payment"];
type PaymentBody = BodyOf<"/api/v1/payments", "post">;
type UpiOptions = NonNullable<NonNullable<PaymentBody["payment_method_options"]>["upi"]>;
type NextAction<T extends string> = Extract<NonNullable<Payment["next_action"]>, { type: T }>;

/** The payment's next_action, which must be of `type`. */
function nextAction<T extends NonNullable<Payment["next_action"]>["type"]>(p: Payment, type: T): NextAction<T> {
  expect(p.next_action?.type).toBe(type);
  return p.next_action as NextAction<T>;
}
/** The payment's UPI details (its payment_method_details must be UPI's). */
function upiOf(p: Payment): components["schemas"]["UpiDetails"] {
  expect(p.payment_method_details?.type).toBe("upi");
  return (p.payment_method_details as Extract<Payment["payment_method_details"], { type: "upi" }>).upi;
}

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("upi-a");
  b = await seedMerchant("upi-b");
});

const upi = (extra: Partial<PaymentBody> = {}): PaymentBody => ({ amount: 49_900, currency: "inr", payment_method_types: ["upi"], confirm: true, ...extra });
const withUpi = (options: UpiOptions, extra: Partial<PaymentBody> = {}) => upi({ payment_method_options: { upi: options }, ...extra });
const create = (body: PaymentBody, key = a.secretKey, headers: Record<string, string> = {}) => kassa(key).POST("/api/v1/payments", { body, headers });
const getPayment = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/payments/{id}", { params: { path: { id } } });
const validate = (body: BodyOf<"/api/v1/upi/vpa/validate", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/upi/vpa/validate", { body });

async function paymentCount(merchantId: string): Promise<number> {
  const h = await db();
  const [row] = await h.db.select({ n: count() }).from(payments).where(eq(payments.merchantId, merchantId));
  return row!.n;
}
async function pspTransactions(where: { merchantId: string; paymentId?: string }): Promise<number> {
  const h = await db();
  const [row] = await h.db
    .select({ n: count() })
    .from(sandboxUpiTransactions)
    .where(and(eq(sandboxUpiTransactions.merchantId, where.merchantId), where.paymentId ? eq(sandboxUpiTransactions.paymentId, where.paymentId) : undefined));
  return row!.n;
}

test.describe("UPI payments", () => {
  test("intent: requires_action with the upi://pay link, its QR and a 10-minute expiry; one PSP transaction", async () => {
    const p = await ok(await create(upi({ description: "Chai for two" })));
    expect(p).toMatchObject({
      object: "payment",
      status: "requires_action",
      amount: 49_900,
      currency: "inr",
      payment_method: "upi",
      connector: "upi_sandbox",
      livemode: false,
    });
    const next = nextAction(p, "upi_intent");
    const url = new URL(next.intent_url);
    expect(url.protocol).toBe("upi:");
    expect(url.host + url.pathname).toBe("pay");
    const q = Object.fromEntries(url.searchParams);
    expect(Object.keys(q).sort()).toEqual(expect.arrayContaining(["am", "cu", "pa", "pn", "tn", "tr"]));
    expect(q).toMatchObject({ am: "499.00", cu: "INR", tn: "Chai for two", tr: upiOf(p).psp_reference });
    expect(q.pa).toMatch(/^[a-z0-9._-]+@[a-z0-9]+$/);
    expect(q.pn).toBeTruthy();
    expect(next.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(next.expires_at - p.created).toBeGreaterThanOrEqual(600 - 2);
    expect(next.expires_at - p.created).toBeLessThanOrEqual(600 + 2);
    expect(p.payment_method_details).toMatchObject({ type: "upi", upi: { flow: "intent", status: "pending", rrn: null } });
    expect(await pspTransactions({ merchantId: a.merchantId, paymentId: p.id })).toBe(1);
    // Read back: the same payment, and another merchant's key or the other mode's finds nothing.
    expect(await ok(await getPayment(p.id))).toMatchObject({
      id: p.id,
      status: "requires_action",
      next_action: { type: "upi_intent", intent_url: next.intent_url },
    });
    await expectError(await getPayment(p.id, b.secretKey), 404, "resource_missing");
    await expectError(await getPayment(p.id, a.liveKey), 404, "resource_missing");
  });

  test("QR: the same link and its SVG, expiring after 8 minutes", async () => {
    const p = await ok(await create(withUpi({ flow: "qr" })));
    expect(p.status).toBe("requires_action");
    const next = nextAction(p, "upi_intent");
    expect(next.intent_url).toMatch(/^upi:\/\/pay\?/);
    expect(next.qr_svg).toMatch(/^<svg/);
    expect(next.expires_at - p.created).toBeGreaterThanOrEqual(480 - 2);
    expect(next.expires_at - p.created).toBeLessThanOrEqual(480 + 2);
    expect(upiOf(p)).toMatchObject({ flow: "qr", status: "pending" });
  });

  test("collect: refused while off (nothing stored); once turned on, a request to the VPA with the holder's name", async () => {
    const m = await seedMerchant("upi-collect");
    const collect = withUpi({ flow: "collect", vpa: "success@kassa" });
    await expectError(await create(collect, m.secretKey), 400, "upi_collect_disabled", "payment_method_options[upi][flow]");
    expect(await paymentCount(m.merchantId)).toBe(0);
    expect(await pspTransactions({ merchantId: m.merchantId })).toBe(0);

    const h = await db();
    await h.db.insert(upiSettings).values({ merchantId: m.merchantId, livemode: false, collectEnabled: true });
    await expectError(await create(withUpi({ flow: "collect" }), m.secretKey), 400, "parameter_missing", "payment_method_options[upi][vpa]");
    const p = await ok(await create(collect, m.secretKey));
    expect(p.status).toBe("requires_action");
    expect(p.next_action).toMatchObject({ type: "upi_collect_pending", vpa: "success@kassa" });
    expect(nextAction(p, "upi_collect_pending").expires_at - p.created).toBeGreaterThanOrEqual(480 - 2);
    expect(upiOf(p)).toMatchObject({ flow: "collect", vpa: "success@kassa", payer_name: "Asha Success", status: "pending" });
    expect(await paymentCount(m.merchantId)).toBe(1);
    expect(await pspTransactions({ merchantId: m.merchantId, paymentId: p.id })).toBe(1);
  });

  test("an Idempotency-Key replay answers the same payment and starts no second PSP transaction", async () => {
    const m = await seedMerchant("upi-idem");
    const key = `upi-${Date.now()}`;
    const first = await create(upi(), m.secretKey, { "Idempotency-Key": key });
    const p = await ok(first);
    const again = await create(upi(), m.secretKey, { "Idempotency-Key": key });
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    const replay = await ok(again);
    expect(replay.id).toBe(p.id);
    expect(nextAction(replay, "upi_intent").intent_url).toBe(nextAction(p, "upi_intent").intent_url);
    expect(await paymentCount(m.merchantId)).toBe(1);
    expect(await pspTransactions({ merchantId: m.merchantId })).toBe(1);
    // The same key with another body is refused, and still nothing new.
    await expectError(await create(upi({ amount: 50_000 }), m.secretKey, { "Idempotency-Key": key }), 422, "idempotency_key_reused");
    expect(await pspTransactions({ merchantId: m.merchantId })).toBe(1);
  });

  test("a live key: no UPI PSP in live mode → 400 processor_unavailable, nothing stored", async () => {
    const m = await seedMerchant("upi-live");
    await expectError(await create(upi(), m.liveKey), 400, "processor_unavailable");
    expect(await paymentCount(m.merchantId)).toBe(0);
    expect(await pspTransactions({ merchantId: m.merchantId })).toBe(0);
  });

  test("bad input: each refused with its exact status and code, and nothing stored", async () => {
    const m = await seedMerchant("upi-bad");
    const vpaParam = "payment_method_options[upi][vpa]";
    // Deliberately invalid: a flow, a field and a UPI option the document does not have (`as never`).
    const cases: [string, PaymentBody, number, string, string | undefined][] = [
      ["VPA without @", withUpi({ flow: "intent", vpa: "ashaokaxis" }), 400, "vpa_invalid", vpaParam],
      ["VPA over 165 characters", withUpi({ flow: "intent", vpa: `${"a".repeat(160)}@okaxis` }), 400, "vpa_invalid", vpaParam],
      ["uppercase VPA", withUpi({ flow: "intent", vpa: "Asha@OKAXIS" }), 400, "vpa_invalid", vpaParam],
      ["blocked VPA", withUpi({ flow: "intent", vpa: "blocked@kassa" }), 400, "vpa_blocked", vpaParam],
      ["not an account at the PSP", withUpi({ flow: "intent", vpa: "unknown@kassa" }), 400, "vpa_invalid", vpaParam],
      ["USD", upi({ currency: "usd" }), 400, "payment_method_currency_mismatch", "currency"],
      ["below ₹1", upi({ amount: 99 }), 400, "amount_too_small", "amount"],
      ["over the limit", upi({ amount: 10_000_001 }), 400, "amount_too_large", "amount"],
      ["collect while off", withUpi({ flow: "collect", vpa: "success@kassa" }), 400, "upi_collect_disabled", "payment_method_options[upi][flow]"],
      ["bad flow", withUpi({ flow: "sms" as never }), 400, "parameter_invalid", "payment_method_options[upi][flow]"],
      ["manual capture", upi({ capture_method: "manual" }), 400, "payment_method_unsupported", "capture_method"],
      ["unknown field", upi({ colour: "red" } as never), 400, "parameter_unknown", "colour"],
      ["unknown UPI option", withUpi({ flow: "intent", app: "gpay" } as never), 400, "parameter_unknown", "payment_method_options[upi][app]"],
      ["body over 1 MB", upi({ description: "x".repeat(1_100_000) }), 413, "body_too_large", undefined],
    ];
    for (const [label, body, status, code, param] of cases) {
      await test.step(label, async () => {
        await expectError(await create(body, m.secretKey), status, code, param === undefined ? {} : param);
      });
    }
    expect(await paymentCount(m.merchantId)).toBe(0);
    expect(await pspTransactions({ merchantId: m.merchantId })).toBe(0);
  });
});

test.describe("POST /api/v1/upi/vpa/validate", () => {
  test("a known VPA: valid with the holder's name; unknown@kassa: valid false", async () => {
    expect(await ok(await validate({ vpa: "success@kassa" }))).toEqual({ object: "upi_vpa", vpa: "success@kassa", valid: true, name: "Asha Success" });
    expect(await ok(await validate({ vpa: "asha.verma@okaxis" }))).toEqual({
      object: "upi_vpa",
      vpa: "asha.verma@okaxis",
      valid: true,
      name: "Asha Verma",
    });
    expect(await ok(await validate({ vpa: "unknown@kassa" }))).toEqual({ object: "upi_vpa", vpa: "unknown@kassa", valid: false, name: null });
  });

  test("bad VPAs and bodies: exact status, code and param", async () => {
    // Deliberately invalid: a body without the VPA, a number for it, an unknown field (`as never`).
    const cases: [string, BodyOf<"/api/v1/upi/vpa/validate", "post">, number, string, string | undefined][] = [
      ["no @", { vpa: "ashaokaxis" }, 400, "vpa_invalid", "vpa"],
      ["over 165 characters", { vpa: `${"a".repeat(160)}@okaxis` }, 400, "vpa_invalid", "vpa"],
      ["uppercase", { vpa: "Asha@OKAXIS" }, 400, "vpa_invalid", "vpa"],
      ["bad characters", { vpa: "asha!@okaxis" }, 400, "vpa_invalid", "vpa"],
      ["blocked", { vpa: "blocked@kassa" }, 400, "vpa_blocked", "vpa"],
      ["blocked PSP handle", { vpa: "anyone@blocked" }, 400, "vpa_blocked", "vpa"],
      ["missing", {} as never, 400, "parameter_missing", "vpa"],
      ["not a string", { vpa: 42 } as never, 400, "parameter_invalid", "vpa"],
      ["unknown field", { vpa: "success@kassa", name: "x" } as never, 400, "parameter_unknown", "name"],
      ["body over 1 MB", { vpa: "x".repeat(1_100_000) }, 413, "body_too_large", undefined],
    ];
    for (const [label, body, status, code, param] of cases) {
      await test.step(label, async () => {
        await expectError(await validate(body), status, code, param === undefined ? {} : param);
      });
    }
  });

  test("live mode → 400 processor_unavailable; no key → 401; a restricted key without payments write → 403", async () => {
    await expectError(await validate({ vpa: "success@kassa" }, a.liveKey), 400, "processor_unavailable");
    await expectError(await kassa().POST("/api/v1/upi/vpa/validate", { body: { vpa: "success@kassa" } }), 401, "api_key_missing");
    await expectError(await validate({ vpa: "success@kassa" }, a.publishableKey), 401, "secret_key_required");
    const restricted = async (permissions: Record<string, string>) =>
      (await createApiKey({ ctx: a.ctx, input: { kind: "restricted", name: `upi ${JSON.stringify(permissions)}`, permissions } })).secret;
    await expectError(await validate({ vpa: "success@kassa" }, await restricted({ payments: "read" })), 403, "permission_denied");
    await expectError(await validate({ vpa: "success@kassa" }, await restricted({ customers: "write" })), 403, "permission_denied");
    expect(await ok(await validate({ vpa: "success@kassa" }, await restricted({ payments: "write" })))).toMatchObject({ valid: true });
  });
});
test.describe("POST /api/webhooks/upi", () => {
  // Not an /api/v1 route, and the signature is over the exact bytes sent: raw `request`.
  const post = (request: APIRequestContext, body: string, signature?: string) =>
    request.post("/api/webhooks/upi", {
      headers: { "content-type": "application/json", ...(signature === undefined ? {} : { "x-upi-signature": signature }) },
      data: Buffer.from(body),
    });

  async function callbackFor() {
    // An intent payment nobody approves: the PSP itself never calls back for it.
    const p = await ok(await create(upi()));
    const h = await db();
    const [row] = await h.db.select().from(payments).where(eq(payments.id, p.id));
    const txn = upiOf(p).psp_reference;
    const body = JSON.stringify({
      id: `cb_${txn}_success`,
      type: "transaction.updated",
      created: Math.floor(Date.now() / 1000),
      data: { id: txn, merchant_reference: row!.latestAttemptId, payment_id: p.id, status: "success", rrn: "123456789012" },
    });
    return { payment: p, body, callbackId: `cb_${txn}_success` };
  }
  async function callbackRows(paymentId: string): Promise<number> {
    const h = await db();
    const [row] = await h.db
      .select({ n: count() })
      .from(upiEvents)
      .where(and(eq(upiEvents.paymentId, paymentId), eq(upiEvents.kind, "callback")));
    return row!.n;
  }

  test("a missing or bad X-Upi-Signature → 400 upi_signature_invalid, nothing recorded", async ({ request }) => {
    const { payment, body } = await callbackFor();
    const { callbackSecret } = await sandboxUpiKeys((await db()).db);
    const bad: [string, string | undefined][] = [
      ["missing", undefined],
      ["empty", ""],
      ["not hex", "sha256=nope"],
      ["wrong secret", signCallback("not-the-secret", body)],
      ["another body's", signCallback(callbackSecret, body.replace('"success"', '"failed"'))],
      ["re-serialised body", signCallback(callbackSecret, JSON.stringify(JSON.parse(body), null, 2))],
      ["bare hex without sha256=", signCallback(callbackSecret, body).slice("sha256=".length)],
    ];
    for (const [label, signature] of bad) {
      await test.step(label, async () => {
        await expectError(await post(request, body, signature), 400, "upi_signature_invalid");
      });
    }
    expect(await callbackRows(payment.id)).toBe(0);
  });

  test("a correctly signed callback sent 10 times: 200 each, recorded once, duplicate: true after the first", async ({ request }) => {
    const { payment, body } = await callbackFor();
    const { callbackSecret } = await sandboxUpiKeys((await db()).db);
    const signature = signCallback(callbackSecret, body);
    const answers: unknown[] = [];
    for (let i = 0; i < 10; i++) answers.push(await ok(await post(request, body, signature)));
    expect(answers[0]).toEqual({ received: true, duplicate: false, ignored: false });
    for (const later of answers.slice(1)) expect(later).toEqual({ received: true, duplicate: true, ignored: false });
    expect(await callbackRows(payment.id)).toBe(1);
    const h = await db();
    const [row] = await h.db
      .select()
      .from(upiEvents)
      .where(and(eq(upiEvents.paymentId, payment.id), eq(upiEvents.kind, "callback")));
    expect(row).toMatchObject({ merchantId: a.merchantId, livemode: false, status: "success" });
    // A callback is a nudge: the PSP, asked, still says pending, so the payment is not paid on the callback's word.
    expect(await ok(await getPayment(payment.id))).toMatchObject({
      status: "requires_action",
    });
  });

  test("the tenant is the attempt's, never the callback's: another merchant's payment_id is not touched; a foreign transaction is ignored", async ({
    request,
  }) => {
    const { callbackSecret } = await sandboxUpiKeys((await db()).db);
    const mine = await callbackFor();
    const theirs = await ok(await create(upi(), b.secretKey));
    // A's attempt, but the body names B's payment: recorded on A's payment only.
    const forged = JSON.parse(mine.body) as { id: string; data: Record<string, unknown> };
    forged.id = `${mine.callbackId}_x`;
    forged.data.payment_id = theirs.id;
    const body = JSON.stringify(forged);
    expect(await ok(await post(request, body, signCallback(callbackSecret, body)))).toEqual({ received: true, duplicate: false, ignored: false });
    expect(await callbackRows(mine.payment.id)).toBe(1);
    expect(await callbackRows(theirs.id)).toBe(0);
    // B's transaction id with A's attempt: not this attempt's transaction, so 200 ignored and nothing recorded.
    forged.id = `${mine.callbackId}_y`;
    forged.data.id = upiOf(theirs).psp_reference;
    const other = JSON.stringify(forged);
    expect(await ok(await post(request, other, signCallback(callbackSecret, other)))).toEqual({ received: true, duplicate: false, ignored: true });
    // An attempt id that is no attempt at all: the same.
    forged.id = `${mine.callbackId}_z`;
    forged.data.merchant_reference = "pa_00000000000000000000000000";
    const unknown = JSON.stringify(forged);
    expect(await ok(await post(request, unknown, signCallback(callbackSecret, unknown)))).toEqual({ received: true, duplicate: false, ignored: true });
    expect(await callbackRows(mine.payment.id)).toBe(1);
    expect(await callbackRows(theirs.id)).toBe(0);
  });
});
