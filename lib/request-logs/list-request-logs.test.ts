// Developers → Logs' query: filters by status class and exact status, method, path prefix, key, object
// and days; scoped to the merchant and mode; roles; a row written by the real writer path (requestLogRow
// → buffer → one INSERT) holds only redacted bodies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { requestLogs, type NewRequestLog } from "@/db/schema/request-logs";
import type { Role } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { RequestLogBuffer } from "./buffer";
import { getRequestLog } from "./get-request-log";
import { listRequestLogs } from "./list-request-logs";
import { requestLogRow } from "./record";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;
const merchantId = newId("merchant");
const otherMerchant = newId("merchant");
const pay = newId("payment");
const ctxFor = (m: string, livemode = false, role: Role = "developer"): ServiceContext => ({
  merchantId: m,
  livemode,
  actor: { type: "user", id: newId("user") },
  role,
  db,
});

let seq = 0;
const row = (over: Partial<NewRequestLog>): NewRequestLog => ({
  id: newId("request"),
  merchantId,
  livemode: false,
  method: "POST",
  path: "/api/v1/payments",
  route: "/api/v1/payments",
  status: 200,
  latencyMs: 5,
  apiKeyId: "key_a",
  apiKeyPrefix: "sk_test_aaaa",
  createdAt: new Date(Date.UTC(2026, 11, 1, 12, 0, seq++)),
  ...over,
});

const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await freshPostgres("request_logs");
  db = handle.db;
  const rows: [string, NewRequestLog][] = [
    ["create", row({ objectIds: [pay] })],
    ["confirm", row({ path: `/api/v1/payments/${pay}/confirm`, route: "/api/v1/payments/:id/confirm", objectIds: [pay], status: 402 })],
    ["get", row({ method: "GET", path: `/api/v1/payments/${pay}`, route: "/api/v1/payments/:id", objectIds: [pay] })],
    ["customers", row({ path: "/api/v1/customers", route: "/api/v1/customers", status: 400, apiKeyId: "key_b" })],
    ["boom", row({ path: "/api/v1/refunds", route: "/api/v1/refunds", status: 500, createdAt: new Date(Date.UTC(2026, 10, 20)) })],
    ["live", row({ livemode: true })],
    ["other", row({ merchantId: otherMerchant, objectIds: [pay] })],
  ];
  for (const [name, r] of rows) ids[name] = r.id;
  await db.insert(requestLogs).values(rows.map(([, r]) => r));
});
afterAll(async () => {
  await handle?.close();
});

const list = async (input: Record<string, unknown>, ctx = ctxFor(merchantId)) => (await listRequestLogs({ ctx, input })).data.map((r) => r.id);
const named = (...names: string[]) => names.map((n) => ids[n]);

describe("listRequestLogs", () => {
  it("lists this merchant's logs in the current mode, newest first", async () => {
    // Newest first by id (time-sortable): "boom" was made last, though dated earlier.
    expect(await list({})).toEqual(named("boom", "customers", "get", "confirm", "create"));
    expect(await list({}, ctxFor(merchantId, true))).toEqual(named("live"));
    expect(await list({}, ctxFor(otherMerchant))).toEqual(named("other"));
  });

  it("filters by status class and exact status", async () => {
    expect(await list({ status: "2xx" })).toEqual(named("get", "create"));
    expect(await list({ status: "4xx" })).toEqual(named("customers", "confirm"));
    expect(await list({ status: "5xx" })).toEqual(named("boom"));
    expect(await list({ status: "402" })).toEqual(named("confirm"));
  });

  it("filters by method, path prefix, key, object and day range", async () => {
    expect(await list({ method: "GET" })).toEqual(named("get"));
    expect(await list({ path: "/api/v1/payments/" })).toEqual(named("get", "confirm"));
    expect(await list({ path: "/api/v1/cust" })).toEqual(named("customers"));
    expect(await list({ api_key: "key_b" })).toEqual(named("customers"));
    expect(await list({ object: pay })).toEqual(named("get", "confirm", "create"));
    expect(await list({ from: "2026-12-01", to: "2026-12-01" })).toEqual(named("customers", "get", "confirm", "create"));
    expect(await list({ to: "2026-11-30" })).toEqual(named("boom"));
  });

  it("a path filter's % and _ are literal", async () => {
    expect(await list({ path: "/api/v1/%" })).toEqual([]);
  });

  it("limit 0 is parameter_invalid_integer", async () => {
    await expect(listRequestLogs({ ctx: ctxFor(merchantId), input: { limit: 0 } })).rejects.toMatchObject({
      code: "parameter_invalid_integer",
      param: "limit",
    });
  });

  it("pages with cursors", async () => {
    const first = await listRequestLogs({ ctx: ctxFor(merchantId), input: { limit: 2 } });
    expect(first.has_more).toBe(true);
    expect(await list({ limit: 2, starting_after: first.data[1]!.id })).toEqual(named("get", "confirm"));
  });

  it("refuses bad filters with parameter_invalid", async () => {
    for (const input of [{ status: "2yy" }, { method: "TRACE" }, { path: "api" }, { from: "yesterday" }, { api_key: "k".repeat(101) }]) {
      await expect(listRequestLogs({ ctx: ctxFor(merchantId), input })).rejects.toMatchObject({ code: "parameter_invalid" });
    }
  });

  it("owners, admins and developers read logs; analysts and support may not (bodies)", async () => {
    for (const role of ["owner", "admin", "developer"] as const) expect((await list({}, ctxFor(merchantId, false, role))).length).toBe(5);
    for (const role of ["analyst", "support"] as const) {
      await expect(listRequestLogs({ ctx: ctxFor(merchantId, false, role), input: {} })).rejects.toMatchObject({ code: "permission_denied" });
      await expect(getRequestLog({ ctx: ctxFor(merchantId, false, role), id: ids.create! })).rejects.toMatchObject({ code: "permission_denied" });
    }
  });
});

describe("getRequestLog", () => {
  it("reads one; another merchant's or the other mode's is resource_missing", async () => {
    expect((await getRequestLog({ ctx: ctxFor(merchantId), id: ids.confirm! })).status).toBe(402);
    await expect(getRequestLog({ ctx: ctxFor(merchantId), id: ids.other! })).rejects.toMatchObject({ code: "resource_missing" });
    await expect(getRequestLog({ ctx: ctxFor(merchantId), id: ids.live! })).rejects.toMatchObject({ code: "resource_missing" });
  });
});

describe("the writer path into PostgreSQL", () => {
  it("a finished call's row goes through the buffer in one INSERT, redacted, with the ids it touched", async () => {
    const secret = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    const requestId = newId("request");
    const buffer = new RequestLogBuffer({ write: async (rows) => void (await db.insert(requestLogs).values(rows)), intervalMs: 20 });
    buffer.enqueue(
      requestLogRow({
        requestId,
        merchantId,
        method: "POST",
        path: `/api/v1/payments/${pay}/confirm`,
        route: "/api/v1/payments/:id/confirm",
        status: 200,
        latencyMs: 12.4,
        fields: {
          livemode: false,
          apiKeyId: "key_a",
          apiKeyPrefix: "sk_test_4eC3",
          idempotencyKey: "idem-1",
          ip: "127.0.0.1",
          userAgent: "curl/8",
          requestBody: { card: { number: "4242 4242 4242 4242", cvc: "123" }, metadata: { note: secret }, receipt_email: "jenny@example.com" },
        },
        responseText: JSON.stringify({ id: pay, object: "payment", customer: null, receipt_email: "jenny@example.com" }),
      }),
    );
    await buffer.flush();
    const got = await getRequestLog({ ctx: ctxFor(merchantId), id: requestId });
    const stored = JSON.stringify(got);
    expect(stored).not.toContain("4242 4242 4242 4242");
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain("jenny@");
    expect(got.requestBody).toContain("•••• 4242");
    expect(got.objectIds).toEqual([pay]);
    expect(got).toMatchObject({ latencyMs: 12, apiKeyPrefix: "sk_test_4eC3", idempotencyKey: "idem-1" });
  });
});
