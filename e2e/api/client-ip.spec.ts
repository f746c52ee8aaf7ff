// The client's IP in audit rows (and rate limits) is the TCP peer: a client cannot choose it with
// X-Forwarded-For or Kassa's own peer header (no KASSA_TRUSTED_PROXIES on this server).
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { expect, kassa, ok, test } from "../support/api";
import { db, seedMerchant } from "../support/db";

test("a spoofed X-Forwarded-For or peer header does not change the IP Kassa records", async () => {
  const m = await seedMerchant("ip");
  await ok(
    await kassa(m.secretKey).POST("/api/v1/account", {
      headers: { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "6.6.6.7", "X-Kassa-Peer-Address": "6.6.6.8" },
      body: { business_name: "Shop ip, renamed" },
    }),
  );
  const h = await db();
  const rows = await h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.merchantId, m.merchantId), eq(auditLog.action, "account.updated")));
  expect(rows).toHaveLength(1);
  expect(rows[0]!.ip).toBe("127.0.0.1");
});
