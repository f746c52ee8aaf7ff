// Anonymous opens of a payment link: a reload goes back to the browser's open session (no new
// session, event or workflow run each time), and one client IP is rate-limited per link.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { checkoutSessions } from "@/db/schema";
import { kassa, ok } from "../support/api";
import { db, seedMerchant } from "../support/db";

test("a reload reuses the browser's open session; another browser gets its own; past the limit → 429", async ({ request, baseURL }) => {
  const m = await seedMerchant("plink-open");
  const createLink = () => kassa(m.secretKey).POST("/api/v1/payment_links", { body: { amount: 1500, currency: "usd", description: "Mug" } });
  const link = await ok(await createLink());
  // /l/:id is a page route, not /api/v1: opened raw, as a browser would, without following its redirect.
  const open = (ctx: typeof request) => ctx.get(`/l/${link.id}`, { maxRedirects: 0 });

  const first = await open(request);
  expect(first.status()).toBe(303);
  const again = await open(request);
  expect(again.headers()["location"]).toBe(first.headers()["location"]);
  const other = await playwrightRequest.newContext({ baseURL });
  const theirs = await open(other);
  expect(theirs.headers()["location"]).toMatch(/\/pay\/cs_/);
  expect(theirs.headers()["location"]).not.toBe(first.headers()["location"]);
  await other.dispose();
  const h = await db();
  expect(await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.paymentLinkId, link.id))).toHaveLength(2);

  // KASSA_RATE_LIMIT_PAYMENT_LINK defaults to 20 opens in 10 minutes per client IP and link.
  let limited: Awaited<ReturnType<typeof open>> | undefined;
  for (let i = 0; i < 25 && !limited; i++) {
    const res = await open(request);
    if (res.status() === 429) limited = res;
  }
  expect(limited, "no 429 after 25 more opens").toBeDefined();
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.paymentLinkId, link.id))).toHaveLength(2);
  // Another link from the same IP is not affected.
  const link2 = await ok(await createLink());
  expect((await request.get(`/l/${link2.id}`, { maxRedirects: 0 })).status()).toBe(303);
});
