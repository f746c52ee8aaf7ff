// POST /api/checkout/:session/:action — the hosted checkout page's own calls, over real HTTP: only from the page
// (Origin, Sec-Fetch-Site, a JSON body), bad input with its exact status and code, a decline as the page shows it,
// a paid session refused a second payment. The page driving them in Chromium: e2e/checkout/*.spec.ts.
import { seedMerchant } from "../support/db";
import { createSession, getSession } from "../support/checkout";
import { baseURL, expect, expectError, test, type Merchant } from "../support/api";
import type { APIRequestContext } from "@playwright/test";

let m: Merchant;
test.beforeAll(async () => {
  m = await seedMerchant("checkout-page-actions");
});

const fromPage = { Origin: baseURL, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json" };
const card = (number = "4242424242424242") => ({ number, expiry: "12/40", cvc: "123" });
const post = (request: APIRequestContext, session: string, action: string, data: unknown, headers: Record<string, string> = fromPage) =>
  request.post(`/api/checkout/${session}/${action}`, { headers, data: Buffer.from(typeof data === "string" ? data : JSON.stringify(data)) });

test("from the page: a card pays once; the paid session refuses a second payment", async ({ request }) => {
  const s = await createSession(request, m.secretKey);
  const paid = await post(request, s.id, "card", card());
  expect(paid.status()).toBe(200);
  expect(await paid.json()).toEqual({ ok: true, next: "complete", url: `/pay/${s.id}` });
  const session = await getSession(request, m.secretKey, s.id);
  expect(session.status).toBe("complete");
  await expectError(await post(request, s.id, "card", card()), 400, "checkout_session_complete");
  expect((await getSession(request, m.secretKey, s.id)).payment).toBe(session.payment);
});

test("a decline is the call's answer (200, ok: false) with its words, not a failed request; the session stays open", async ({ request }) => {
  const s = await createSession(request, m.secretKey);
  const res = await post(request, s.id, "card", card("4000000000000002"));
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: false, code: "generic_decline", message: expect.stringMatching(/declined/i) });
  expect((await getSession(request, m.secretKey, s.id)).status).toBe("open");
});

test("CSRF: no Origin, another origin, a cross-site fetch or a form's content type is refused and charges nothing", async ({ request }) => {
  const s = await createSession(request, m.secretKey);
  const refused: [Record<string, string>, number, string][] = [
    [{ "Content-Type": "application/json" }, 403, "origin_not_allowed"],
    [{ ...fromPage, Origin: "https://evil.test" }, 403, "origin_not_allowed"],
    [{ ...fromPage, Origin: "null" }, 403, "origin_not_allowed"],
    [{ ...fromPage, "Sec-Fetch-Site": "cross-site" }, 403, "origin_not_allowed"],
    [{ ...fromPage, "Sec-Fetch-Site": "same-site" }, 403, "origin_not_allowed"],
    [{ ...fromPage, "Content-Type": "text/plain" }, 415, "content_type_invalid"],
    [{ ...fromPage, "Content-Type": "application/x-www-form-urlencoded" }, 415, "content_type_invalid"],
  ];
  for (const [headers, status, code] of refused) await expectError(await post(request, s.id, "card", card(), headers), status, code);
  const session = await getSession(request, m.secretKey, s.id);
  expect(session).toMatchObject({ status: "open", payment: null });
});

test("bad input: each with its status, code and parameter; nothing made", async ({ request }) => {
  const s = await createSession(request, m.secretKey);
  await expectError(await post(request, s.id, "card", "{not json"), 400, "body_not_json");
  await expectError(await post(request, s.id, "card", { ...card(), amount: 1 }), 400, "parameter_unknown", "amount");
  await expectError(await post(request, s.id, "card", { number: "4242424242424242", expiry: "12/40" }), 400, "parameter_missing", "cvc");
  await expectError(await post(request, s.id, "card", { ...card(), cvc: 123 }), 400, "parameter_invalid", "cvc");
  await expectError(await post(request, s.id, "card", { ...card(), embed_origin: "x".repeat(201) }), 400, "parameter_invalid", "embed_origin");
  await expectError(await post(request, s.id, "payment_method", { payment_method: "card_4242" }), 400, "parameter_invalid", "payment_method");
  await expectError(await post(request, s.id, "upi", { flow: "sms" }), 400, "parameter_invalid", "flow");
  await expectError(await post(request, s.id, "card", { ...card(), pad: "x".repeat(9 * 1024) }), 413, "body_too_large");
  await expectError(await post(request, s.id, "refund", {}), 404, "resource_missing");
  await expectError(await post(request, "cs_00000000000000000000000000", "card", card()), 404, "resource_missing");
  await expectError(await post(request, "cs_00000000000000000000000000", "paypal_state", {}), 404, "resource_missing");
  expect((await request.get(`/api/checkout/${s.id}/card`)).status()).toBe(405);
  expect(await getSession(request, m.secretKey, s.id)).toMatchObject({ status: "open", payment: null });
});

test("an embed origin the session did not register is dropped from the page it sends the customer to", async ({ request }) => {
  const threeDs = { ...card("4000002760003184") };
  const a = await createSession(request, m.secretKey, { embed_origins: ["https://shop.example"] });
  const other = await post(request, a.id, "card", { ...threeDs, embed_origin: "https://evil.test" });
  expect(await other.json()).toEqual({ ok: true, next: "redirect", url: expect.stringMatching(/^\/sandbox\/3ds\/sbch_\w+$/) });
  const b = await createSession(request, m.secretKey, { embed_origins: ["https://shop.example"] });
  const own = await post(request, b.id, "card", { ...threeDs, embed_origin: "https://shop.example" });
  expect(await own.json()).toEqual({
    ok: true,
    next: "redirect",
    url: expect.stringMatching(/^\/sandbox\/3ds\/sbch_\w+\?embed_origin=https%3A%2F%2Fshop\.example$/),
  });
});

test("the status refresh is rate-limited per session, with Retry-After", async ({ request }) => {
  const s = await createSession(request, m.secretKey, { amount: 49_900, currency: "inr", payment_method_types: ["upi"] });
  const statuses: number[] = [];
  for (let i = 0; i < 90; i++) statuses.push((await post(request, s.id, "upi_status", {})).status());
  expect(statuses).not.toContain(429);
  const limited = await post(request, s.id, "upi_status", {});
  await expectError(limited, 429, "rate_limited");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
});
