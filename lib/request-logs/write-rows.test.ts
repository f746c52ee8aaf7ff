// The request logs' batch write (one fixed statement, columns unnested) on PostgreSQL and on PGlite: every
// column as drizzle would have written it, awkward text intact, object ids as an array, a replayed id once.
import { afterAll, describe, expect, it } from "vitest";
import { asc, inArray } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { requestLogs, type NewRequestLog } from "@/db/schema/request-logs";
import { freshPglite, freshPostgres } from "@/test/db";
import { writeRequestLogs } from "./write-rows";

const handles: DatabaseHandle[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
});

const awkward = `quote " back\\slash, comma {brace} 'single' NULL null € 日本 \n newline`;
const rows = (tag: string): NewRequestLog[] => [
  {
    id: `req_${tag}_1`,
    merchantId: "mer_1",
    livemode: false,
    method: "POST",
    path: "/api/v1/payments",
    route: "/api/v1/payments",
    status: 200,
    apiKeyId: "key_1",
    apiKeyPrefix: "sk_test_4eC3…",
    idempotencyKey: awkward,
    latencyMs: 12,
    ip: "203.0.113.7",
    userAgent: awkward,
    requestBody: JSON.stringify({ amount: 4200, note: awkward }),
    requestBodyTruncated: true,
    responseBody: JSON.stringify({ id: "pay_1", text: awkward }),
    responseBodyTruncated: false,
    objectIds: ["pay_01m8zz2y4zqtbass8bdxbte3r7", "cus_01m8zz2y4zqtbass8bdxbte3r8"],
    createdAt: new Date("2026-12-04T08:00:00.123Z"),
  },
  // Everything optional left out: the columns' defaults.
  { id: `req_${tag}_2`, merchantId: "mer_2", livemode: true, method: "GET", path: "/api/v1/balance", route: "/api/v1/balance", status: 404, latencyMs: 0 },
];

describe.each([
  ["PostgreSQL", () => freshPostgres("request_log_rows")],
  ["PGlite", () => freshPglite()],
])("writeRequestLogs on %s", (_name, open) => {
  it("writes every column as given (nulls, defaults, awkward text, object ids), and a replayed id once", async () => {
    const h = await open();
    handles.push(h);
    const [full, bare] = rows("a");
    const before = Date.now();
    await writeRequestLogs(h.db, [full!, bare!]);
    await writeRequestLogs(h.db, [{ ...full!, status: 500 }]); // the same request id again: kept as first written
    await writeRequestLogs(h.db, []);
    const got = await h.db
      .select()
      .from(requestLogs)
      .where(inArray(requestLogs.id, [full!.id, bare!.id]))
      .orderBy(asc(requestLogs.id));
    expect(got).toHaveLength(2);
    expect(got[0]).toEqual({ ...full, apiKeyId: "key_1" });
    expect(got[1]).toMatchObject({
      ...bare,
      apiKeyId: null,
      apiKeyPrefix: null,
      idempotencyKey: null,
      ip: null,
      userAgent: null,
      requestBody: null,
      requestBodyTruncated: false,
      responseBody: null,
      responseBodyTruncated: false,
      objectIds: [],
    });
    expect(got[1]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
  });
});
