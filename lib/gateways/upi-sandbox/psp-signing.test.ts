// The sandbox UPI PSP's request signing on real PostgreSQL (SECURITY.md "UPI"): only a request signed
// RSA-SHA256 with Kassa's key, over exactly its timestamp, method, path and body, and at most five minutes
// off the PSP's clock, is served; anything else is 401 and stores nothing. Kassa's private key and the
// callback secret are kept sealed in the table, never in clear.
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sandboxUpiKeys as keysTable, sandboxUpiTransactions } from "@/db/schema";
import type { DatabaseHandle } from "@/db/client";
import { freshPostgres } from "@/test/db";
import { forgetSandboxUpiKeys, sandboxUpiKeys } from "./keys";
import { handlePspRequest, type PspDeps, type PspRequest } from "./psp";
import { REQUEST_TOLERANCE_MS, signCallback, signRequest, verifyCallback } from "./signing";

let h: DatabaseHandle;
let clock = Date.parse("2026-03-02T10:00:00Z");
const deps: PspDeps = { db: async () => h.db, now: () => clock };
const merchant = "acct_signing_test_0001";

beforeAll(async () => {
  forgetSandboxUpiKeys();
  h = await freshPostgres("upi_signing");
});
afterAll(async () => {
  forgetSandboxUpiKeys();
  await h?.close();
});

const initiateBody = JSON.stringify({
  merchant_reference: "pa_signing_1",
  payment_id: "pay_signing_1",
  amount: "49900",
  currency: "inr",
  flow: "intent",
  vpa: null,
  expires_at: Math.floor(clock / 1000) + 600,
  note: "Chai",
  payee_name: "Shop",
});

async function signed(
  over: Partial<{ method: "GET" | "POST"; path: string; body: string; timestamp: number; key: Parameters<typeof signRequest>[0] }> = {},
): Promise<PspRequest> {
  const keys = await sandboxUpiKeys(h.db);
  const method = over.method ?? "POST";
  const path = over.path ?? "/v1/transactions";
  const body = over.body ?? initiateBody;
  const timestamp = String(over.timestamp ?? clock);
  return {
    method,
    path,
    body,
    headers: { merchant, livemode: "false", timestamp, signature: signRequest(over.key ?? keys.privateKey, { timestamp, method, path, body }) },
  };
}

const transactions = () => h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.merchantId, merchant));

describe("the sandbox UPI PSP's signed requests", () => {
  it("refuses every request not signed by Kassa's key over exactly what was sent, or outside the 5-minute window: 401, nothing stored", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const good = await signed();
    const refused: [string, PspRequest][] = [
      ["another RSA key", await signed({ key: other })],
      ["no signature", { ...good, headers: { ...good.headers, signature: null } }],
      ["no timestamp", { ...good, headers: { ...good.headers, timestamp: null } }],
      ["a changed body", { ...good, body: initiateBody.replace("49900", "100") }],
      ["another path", { ...good, path: "/v1/refunds" }],
      ["another method", { ...good, method: "GET" }],
      ["a changed timestamp", { ...good, headers: { ...good.headers, timestamp: String(clock + 1) } }],
      ["signed 5 minutes and 1 ms ago", await signed({ timestamp: clock - REQUEST_TOLERANCE_MS - 1 })],
      ["signed 5 minutes and 1 ms ahead", await signed({ timestamp: clock + REQUEST_TOLERANCE_MS + 1 })],
      ["a timestamp that is not a number", { ...good, headers: { ...good.headers, timestamp: "yesterday" } }],
    ];
    for (const [label, req] of refused) {
      const res = await handlePspRequest(deps, req);
      expect(res.status, label).toBe(401);
      expect(res.body, label).toMatchObject({ error: { code: "signature_invalid" } });
    }
    expect(await transactions()).toEqual([]);
  });

  it("serves a request signed with Kassa's key within the window (4 min 59 s old), and a replay of it only within that window", async () => {
    const req = await signed({ timestamp: clock - REQUEST_TOLERANCE_MS + 1000 });
    const res = await handlePspRequest(deps, req);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ merchant_reference: "pa_signing_1", status: "pending" });
    expect(await transactions()).toHaveLength(1);
    // The same signed request two seconds later is past its window: refused.
    clock += 2000;
    expect((await handlePspRequest(deps, req)).status).toBe(401);
  });

  it("keeps Kassa's private key and the callback secret sealed in Postgres, never in clear", async () => {
    const keys = await sandboxUpiKeys(h.db);
    const [row] = await h.db.select().from(keysTable);
    const stored = JSON.stringify(row);
    expect(row!.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(row!.privateKey).toMatchObject({ keyId: expect.any(String), ciphertext: expect.any(String) });
    expect(row!.callbackSecret).toMatchObject({ keyId: expect.any(String), ciphertext: expect.any(String) });
    expect(stored).not.toContain("PRIVATE KEY");
    expect(stored).not.toContain(keys.callbackSecret);
  });

  it("callbacks: X-Upi-Signature is sha256= and the hex HMAC-SHA256 of the exact raw body", async () => {
    const { callbackSecret } = await sandboxUpiKeys(h.db);
    const body = '{"id":"cb_1","type":"transaction.updated"}';
    const header = signCallback(callbackSecret, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyCallback(callbackSecret, body, header)).toBe(true);
    for (const bad of [
      null,
      "",
      header.slice(7),
      header.replace("sha256=", "sha1="),
      signCallback("another secret", body),
      signCallback(callbackSecret, `${body} `),
    ]) {
      expect(verifyCallback(callbackSecret, body, bad), String(bad)).toBe(false);
    }
  });
});
