// CSRF on the dashboard's JSON writes, as the probe did it: a page on another port of the same host
// (same-site, so the session cookie goes along) fires a no-cors POST with credentials.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { refunds } from "@/db/schema";
import { auth, ok } from "../support/api";
import { db, seedMerchant } from "../support/db";
import { postFromPage, signInOk } from "../support/sign-in";

let attacker: Server;
let attackerUrl: string;
test.beforeAll(async () => {
  attacker = createServer((req, res) => {
    const target = new URL(req.url ?? "/", "http://x").searchParams.get("target") ?? "";
    const body = new URL(req.url ?? "/", "http://x").searchParams.get("body") ?? "{}";
    // As the probe did it: a body with no Content-Type at all (a Blob without a type), then a text/plain one.
    res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>win a prize</title><script>
      const send = (body) => fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", body }).catch(() => undefined);
      send(new Blob([${JSON.stringify(body)}])).then(() => send(${JSON.stringify(body)})).finally(() => { document.title = "sent"; });
    </script>`);
  });
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", () => r()));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
test.afterAll(() => attacker.close());

test("a same-site page cannot refund through the owner's session; the dashboard's own page can", async ({ page, request, baseURL }) => {
  const m = await seedMerchant("csrf");
  const paid = await ok<{ id: string }>(
    await request.post("/api/v1/payments", {
      headers: auth(m.secretKey),
      data: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true },
    }),
  );
  await signInOk(page, m.email, m.password);

  const target = `${baseURL}/api/dashboard/refunds`;
  await page.goto(`${attackerUrl}?target=${encodeURIComponent(target)}&body=${encodeURIComponent(JSON.stringify({ payment: paid.id, amount: 100 }))}`);
  await expect(page).toHaveTitle("sent");
  const h = await db();
  expect(await h.db.select().from(refunds).where(eq(refunds.paymentId, paid.id))).toEqual([]);

  // A forged Origin or a non-JSON body from outside the browser is refused too.
  await page.goto("/dashboard");
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const forged = await request.post("/api/dashboard/refunds", {
    headers: { cookie: cookies, origin: "http://127.0.0.1:9", "content-type": "application/json" },
    data: { payment: paid.id, amount: 100 },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("origin_not_allowed");
  const plain = await request.post("/api/dashboard/refunds", {
    headers: { cookie: cookies, origin: baseURL!, "content-type": "text/plain" },
    data: JSON.stringify({ payment: paid.id, amount: 100 }),
  });
  expect(plain.status()).toBe(415);
  expect(await h.db.select().from(refunds).where(eq(refunds.paymentId, paid.id))).toEqual([]);

  // The dashboard page itself (same origin, JSON) still refunds.
  const mine = await postFromPage(page, "/api/dashboard/refunds", { payment: paid.id, amount: 100 });
  expect(mine.status).toBe(200);
  expect(await h.db.select().from(refunds).where(eq(refunds.paymentId, paid.id))).toHaveLength(1);
});
