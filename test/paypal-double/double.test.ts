// The PayPal double on the wire (plain HTTP, PayPal's JSON): token, idempotency, errors, faults, the payer pages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_ID, CLIENT_SECRET, startPayPalDouble, type PayPalDouble } from "./server";

let double: PayPalDouble;
let token: string;

beforeAll(async () => {
  double = await startPayPalDouble();
});
afterAll(() => double.close());
beforeEach(async () => {
  double.reset();
  const res = await fetch(`${double.url}/v1/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  token = ((await res.json()) as { access_token: string }).access_token;
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- PayPal's JSON, read in assertions

async function api(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${double.url}${path}`, {
    method,
    redirect: "manual",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", prefer: "return=representation", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

const order = (source: Json, intent = "CAPTURE", invoice = "inv_1") => ({
  intent,
  purchase_units: [{ amount: { currency_code: "USD", value: "12.50" }, invoice_id: invoice, custom_id: "kassa|mer|test|pay_1" }],
  payment_source: source,
});
const card = (name = "Test", number = "4012888888881881") => ({ card: { name, number, expiry: "2035-12", security_code: "123" } });

describe("PayPal double", () => {
  it("OAuth: client credentials by basic auth; a wrong secret is invalid_client; an unknown bearer is AUTHENTICATION_FAILURE", async () => {
    expect(token).toMatch(/^A21AA/);
    const bad = await fetch(`${double.url}/v1/oauth2/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:nope`).toString("base64")}` },
      body: "grant_type=client_credentials",
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: "invalid_client", error_description: "Client Authentication failed" });
    const res = await api("GET", "/v2/checkout/orders/ABC", undefined, { authorization: "Bearer stale" });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ name: "AUTHENTICATION_FAILURE", debug_id: expect.stringMatching(/^[0-9a-f]{13}$/) });
    expect(res.headers.get("paypal-debug-id")).toBe(res.body.debug_id);
  });

  it("a card order is paid in the create call; Prefer return=minimal answers id, status and links", async () => {
    const full = await api("POST", "/v2/checkout/orders", order(card(), "AUTHORIZE"));
    expect(full.status).toBe(201);
    expect(full.body).toMatchObject({
      intent: "AUTHORIZE",
      status: "COMPLETED",
      payment_source: { card: { last_digits: "1881", brand: "VISA", type: "CREDIT", expiry: "2035-12" } },
      purchase_units: [{ payments: { authorizations: [{ status: "CREATED", amount: { currency_code: "USD", value: "12.50" }, invoice_id: "inv_1" }] } }],
    });
    expect(full.body.payment_source.card.number).toBeUndefined();
    const minimal = await api("POST", "/v2/checkout/orders", order(card(), "CAPTURE", "inv_2"), { prefer: "return=minimal" });
    expect(Object.keys(minimal.body).sort()).toEqual(["id", "links", "status"]);
  });

  it("rejection triggers decline with PayPal's processor response; an expired card and a bad number are refused", async () => {
    const declined = await api("POST", "/v2/checkout/orders", order(card("CCREJECT-EC")));
    expect(declined.body.status).toBe("COMPLETED");
    expect(declined.body.purchase_units[0].payments.captures[0]).toMatchObject({
      status: "DECLINED",
      processor_response: { response_code: "5400", avs_code: "G", cvv_code: "P" },
    });
    const expired = await api("POST", "/v2/checkout/orders", order({ card: { number: "4012888888881881", expiry: "2020-01" } }));
    expect(expired.status).toBe(422);
    expect(expired.body).toMatchObject({ name: "UNPROCESSABLE_ENTITY", details: [{ issue: "CARD_EXPIRED" }] });
    expect(expired.body.links[0].href).toContain("#error-CARD_EXPIRED");
    const luhn = await api("POST", "/v2/checkout/orders", order(card("x", "4012888888881882")));
    expect(luhn).toMatchObject({ status: 400, body: { name: "INVALID_REQUEST", details: [{ field: "/payment_source/card/number" }] } });
  });

  it("PayPal-Request-Id: the same request answers the latest status of what it made; another body with the id is refused", async () => {
    const headers = { "paypal-request-id": "req-1" };
    const first = await api("POST", "/v2/checkout/orders", order(card(), "AUTHORIZE"), headers);
    const authId = first.body.purchase_units[0].payments.authorizations[0].id as string;
    await api("POST", `/v2/payments/authorizations/${authId}/void`, undefined, { "paypal-request-id": "req-void" });
    const again = await api("POST", "/v2/checkout/orders", order(card(), "AUTHORIZE"), headers);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.purchase_units[0].payments.authorizations[0].status).toBe("VOIDED"); // latest status, not a stored copy
    const other = await api("POST", "/v2/checkout/orders", order(card(), "CAPTURE"), headers);
    expect(other).toMatchObject({ status: 422, body: { details: [{ issue: "PAYPAL_REQUEST_ID_PREVIOUSLY_USED" }] } });
    expect(double.state.orders.size).toBe(1);
    expect(double.requests.map((r) => r.outcome)).toEqual(["answered", "answered", "answered", "replayed", "request_id_reused"]);
  });

  it("faults: 5xx are not applied; lost is applied and the connection cut; the token endpoint is spared unless named", async () => {
    double.fail({ kind: "503", times: 2 });
    const a = await api("POST", "/v2/checkout/orders", order(card()));
    const b = await api("POST", "/v2/checkout/orders", order(card()));
    expect([a.status, b.status]).toEqual([503, 503]);
    expect(a.body).toMatchObject({ name: "SERVICE_UNAVAILABLE" });
    expect(double.state.orders.size).toBe(0);
    double.fail({ path: /^\/v2\/checkout\/orders$/, kind: "lost" });
    await expect(api("POST", "/v2/checkout/orders", order(card()))).rejects.toThrow();
    expect(double.state.orders.size).toBe(1);
    expect(double.state.captures.size).toBe(1);
  });

  it("the wallet: payer-action link, the simulated approval redirects back with token and PayerID, then capture", async () => {
    const created = await api("POST", "/v2/checkout/orders", {
      ...order({ paypal: { experience_context: { return_url: "https://shop.example/back", cancel_url: "https://shop.example/cancel" } } }),
    });
    expect(created.body.status).toBe("PAYER_ACTION_REQUIRED");
    const link = (created.body.links as { rel: string; href: string }[]).find((l) => l.rel === "payer-action")!;
    expect(link.href).toBe(`${double.url}/checkoutnow?token=${created.body.id}`);
    const early = await api("POST", `/v2/checkout/orders/${created.body.id}/capture`);
    expect(early).toMatchObject({ status: 422, body: { details: [{ issue: "ORDER_NOT_APPROVED" }] } });

    const approval = await fetch(`${link.href}&outcome=approve`, { redirect: "manual" });
    expect(approval.status).toBe(302);
    expect(approval.headers.get("location")).toMatch(new RegExp(`^https://shop\\.example/back\\?token=${created.body.id}&PayerID=[A-Z0-9]{13}$`));
    const captured = await api("POST", `/v2/checkout/orders/${created.body.id}/capture`, undefined, { "paypal-request-id": "cap-1" });
    expect(captured.body).toMatchObject({ status: "COMPLETED", payment_source: { paypal: { account_status: "VERIFIED" } } });
    expect(captured.body.purchase_units[0].payments.captures[0].status).toBe("COMPLETED");
    const twice = await api("POST", `/v2/checkout/orders/${created.body.id}/capture`);
    expect(twice.body.details[0].issue).toBe("ORDER_ALREADY_CAPTURED");
  });

  it("the wallet's funding fails on capture: 422 INSTRUMENT_DECLINED, nothing captured", async () => {
    const created = await api("POST", "/v2/checkout/orders", order({ paypal: {} }, "CAPTURE", "inv_w2"));
    double.payerAction(created.body.id as string, "decline_funding");
    const res = await api("POST", `/v2/checkout/orders/${created.body.id}/capture`);
    expect(res).toMatchObject({ status: 422, body: { name: "UNPROCESSABLE_ENTITY", details: [{ issue: "INSTRUMENT_DECLINED" }] } });
    expect(double.state.captures.size).toBe(0);
  });

  it("Payments v2: capture over the authorization, refund over the capture, void twice — PayPal's issues", async () => {
    const created = await api("POST", "/v2/checkout/orders", order(card(), "AUTHORIZE"));
    const authId = created.body.purchase_units[0].payments.authorizations[0].id as string;
    const over = await api("POST", `/v2/payments/authorizations/${authId}/capture`, { amount: { currency_code: "USD", value: "13.00" } });
    expect(over.body.details[0].issue).toBe("MAX_CAPTURE_AMOUNT_EXCEEDED");
    const cap = await api("POST", `/v2/payments/authorizations/${authId}/capture`, { amount: { currency_code: "USD", value: "10.00" }, final_capture: true });
    expect(cap).toMatchObject({
      status: 201,
      body: { status: "COMPLETED", final_capture: true, seller_receivable_breakdown: { gross_amount: { value: "10.00" } } },
    });
    const refund = await api("POST", `/v2/payments/captures/${cap.body.id}/refund`, { amount: { currency_code: "USD", value: "4.00" } });
    expect(refund.body).toMatchObject({ status: "COMPLETED", seller_payable_breakdown: { total_refunded_amount: { value: "4.00" } } });
    const tooMuch = await api("POST", `/v2/payments/captures/${cap.body.id}/refund`, { amount: { currency_code: "USD", value: "6.01" } });
    expect(tooMuch.body.details[0].issue).toBe("REFUND_AMOUNT_EXCEEDED");
    expect((await api("GET", `/v2/payments/refunds/${refund.body.id}`)).body.status).toBe("COMPLETED");
    expect((await api("GET", `/v2/payments/authorizations/${authId}`)).body.status).toBe("CAPTURED");

    const second = await api("POST", "/v2/checkout/orders", order(card(), "AUTHORIZE", "inv_v"));
    const auth2 = second.body.purchase_units[0].payments.authorizations[0].id as string;
    expect((await api("POST", `/v2/payments/authorizations/${auth2}/void`, undefined, { prefer: "return=minimal" })).status).toBe(204);
    expect((await api("POST", `/v2/payments/authorizations/${auth2}/void`)).body.details[0].issue).toBe("PREVIOUSLY_VOIDED");
    expect((await api("GET", "/v2/payments/captures/NOPE")).body).toMatchObject({ name: "RESOURCE_NOT_FOUND" });
  });
});
