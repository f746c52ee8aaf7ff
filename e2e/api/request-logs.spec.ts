// Request logs over HTTP: a call with a card number, a secret key and an email in its body is logged with
// neither the card, nor the key, nor the email (the stored row's JSON text is grepped), only their redacted
// forms; the key by prefix only; errors logged too; a bank account's number kept to its last four.
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { requestLogs, type RequestLogRow } from "@/db/schema/request-logs";
import { db, seedMerchant } from "../support/db";

const CARD = "4242 4242 4242 4242";
const SECRET = "sk_test_51NotARealKeyButShapedLikeOne00";

/** The log row of a call, once the batch writer (200 ms) has written it. */
async function logRow(requestId: string): Promise<RequestLogRow> {
  const h = await db();
  for (let i = 0; i < 50; i++) {
    const [row] = await h.db.select().from(requestLogs).where(eq(requestLogs.id, requestId));
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no request log ${requestId}`);
}

test("a request with a card number, a secret key and an email in its body is stored redacted", async ({ request }) => {
  const m = await seedMerchant("reqlog-api");
  const res = await request.post("/api/v1/payments", {
    headers: { Authorization: `Bearer ${m.secretKey}`, "Idempotency-Key": "reqlog-1", "User-Agent": "reqlog-e2e/1" },
    data: {
      amount: 4200,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      receipt_email: "jenny.rosen@example.com",
      metadata: { card: CARD, card_compact: CARD.replaceAll(" ", ""), key: SECRET },
    },
  });
  expect(res.status()).toBe(200);
  const payment = (await res.json()) as { id: string };
  const row = await logRow(res.headers()["request-id"]!);
  const text = JSON.stringify(row);
  expect(text).not.toContain(CARD);
  expect(text).not.toContain(CARD.replaceAll(" ", ""));
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(m.secretKey);
  expect(text).not.toContain("jenny.rosen@");
  expect(row.requestBody).toContain("•••• 4242");
  expect(row.requestBody).toContain("sk_test_[redacted]");
  expect(row.requestBody).toContain("j•••@example.com");
  expect(row).toMatchObject({
    merchantId: m.merchantId,
    livemode: false,
    method: "POST",
    path: "/api/v1/payments",
    route: "/api/v1/payments",
    status: 200,
    apiKeyId: m.secretKeyId,
    idempotencyKey: "reqlog-1",
    userAgent: "reqlog-e2e/1",
  });
  // The key by id and display prefix only.
  expect(row.apiKeyPrefix).toBe(`sk_test_…${m.secretKey.slice(-4)}`);
  expect(row.objectIds).toContain(payment.id);
  expect(JSON.parse(row.responseBody!)).toMatchObject({ id: payment.id, status: "succeeded" });
});

test("a refused request is logged with its error, redacted; a bank account's number to its last four", async ({ request }) => {
  const m = await seedMerchant("reqlog-api-err");
  const bad = await request.post("/api/v1/payments", {
    headers: { Authorization: `Bearer ${m.secretKey}` },
    data: { amount: 4200, currency: "usd", card_number: CARD, note: SECRET },
  });
  expect(bad.status()).toBe(400);
  const row = await logRow(bad.headers()["request-id"]!);
  expect(JSON.stringify(row)).not.toContain(SECRET);
  expect(JSON.stringify(row)).not.toContain(CARD);
  expect(row.status).toBe(400);
  expect(JSON.parse(row.responseBody!).error.code).toBe("parameter_unknown");

  const account = await request.post("/api/v1/bank_accounts", {
    headers: { Authorization: `Bearer ${m.secretKey}` },
    data: { currency: "usd", country: "US", account_holder_name: "Jenny Rosen", account_number: "000123456789", routing_number: "110000000" },
  });
  expect(account.status()).toBe(200);
  const accountRow = await logRow(account.headers()["request-id"]!);
  expect(JSON.stringify(accountRow)).not.toContain("000123456789");
  expect(JSON.parse(accountRow.requestBody!).account_number).toBe("•••• 6789");
});

test("a call without a valid key is not logged (no merchant); a live key's call is logged in live mode", async ({ request }) => {
  const m = await seedMerchant("reqlog-api-live");
  const anon = await request.get("/api/v1/balance", { headers: { Authorization: "Bearer sk_test_nope" } });
  expect(anon.status()).toBe(401);
  const live = await request.get("/api/v1/balance", { headers: { Authorization: `Bearer ${m.liveKey}` } });
  expect(live.status()).toBe(200);
  expect(await logRow(live.headers()["request-id"]!)).toMatchObject({ livemode: true, merchantId: m.merchantId, method: "GET", status: 200 });
  await new Promise((r) => setTimeout(r, 500));
  const h = await db();
  expect(await h.db.select().from(requestLogs).where(eq(requestLogs.id, anon.headers()["request-id"]!))).toEqual([]);
});
