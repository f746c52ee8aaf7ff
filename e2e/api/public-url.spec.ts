// Host header injection: production builds its links from KASSA_URL only, and will not start without it.
import { eq } from "drizzle-orm";
import { checkoutSessions, events } from "@/db/schema";
import { expect, kassa, ok, test } from "../support/api";
import { db, seedMerchant } from "../support/db";
import { freePort } from "@/scripts/pg-server";
import { startServerProcess } from "../support/server-process";

test("next start without KASSA_URL in production refuses to start", async () => {
  test.setTimeout(90_000);
  const started = await startServerProcess(await freePort(), { env: { KASSA_URL: undefined } }).then(
    (s) => s,
    (e: unknown) => e as Error,
  );
  // If it did start (the bug), stop it rather than leave it listening.
  if (!(started instanceof Error)) await started.stop();
  expect(started).toBeInstanceOf(Error);
  expect((started as Error).message).toMatch(/exited while starting[\s\S]*KASSA_URL/);
});

test("an anonymous GET /l/:id with a forged X-Forwarded-Host stores and redirects to KASSA_URL's address only", async ({ request, baseURL }) => {
  const m = await seedMerchant("host");
  const link = await ok(await kassa(m.secretKey).POST("/api/v1/payment_links", { body: { amount: 1500, currency: "usd", description: "Mug" } }));
  // /l/:id is a page route, not /api/v1, and the test is about its forged Host headers: sent raw.
  const res = await request.get(`/l/${link.id}`, {
    headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Host: "evil.example" },
    maxRedirects: 0,
  });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  const location = res.headers()["location"] ?? "";
  expect(location).not.toContain("evil.example");
  const h = await db();
  const sessions = await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.merchantId, m.merchantId));
  expect(sessions.length).toBeGreaterThan(0);
  expect(JSON.stringify(sessions, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain("evil.example");
  const evs = await h.db.select().from(events).where(eq(events.merchantId, m.merchantId));
  expect(evs.some((e) => e.type === "checkout.session.created")).toBe(true);
  expect(JSON.stringify(evs)).not.toContain("evil.example");
  expect(link.url.startsWith(baseURL!)).toBe(true);
});
