// CSRF on the products server actions, as e2e/dashboard/csrf.spec.ts does it for the JSON routes: from a
// page on another port of the same host (same-site, so the session cookie goes along). Server actions have
// no route of their own to guard; Next refuses an action whose Origin is not this host (the host with its
// port). Proved with the create-product action's own request, captured from the real form and replayed.
// Next lets a request with no Origin at all through (with a warning); the dashboard's action adapter
// (memberAction) refuses it, as it refuses one the browser marks as from another site.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse } from "@playwright/test";
import { eq } from "drizzle-orm";
import { products } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { signInOk } from "../support/sign-in";

let attacker: Server;
let attackerOrigin: string;
let attackerHtml = "";
test.beforeAll(async () => {
  attacker = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(attackerHtml));
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", () => r()));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
test.afterAll(() => attacker.close());

const names = async (merchantId: string) => {
  const h = await db();
  return (await h.db.select({ name: products.name }).from(products).where(eq(products.merchantId, merchantId))).map((p) => p.name).sort();
};

/** A server action's answer as the form would read it: Next's flight stream names the new product's id. */
const created = async (res: APIResponse) => /prod_[A-Za-z0-9]+/.test(await res.text());

test("the create-product server action refuses a same-site page on another port and a forged Origin; the dashboard's own origin creates", async ({
  page,
  request,
  baseURL,
}) => {
  const m = await seedMerchant("products-csrf");
  await signInOk(page, m.email, m.password);
  await page.goto("/products");

  // The real form's request: its Next-Action id, router state and multipart body, captured on the way out.
  const form = page.getByRole("form", { name: "New product" });
  await form.getByLabel("Name").fill("Real");
  await form.getByLabel("Amount").fill("12.50");
  await form.getByLabel("Currency").selectOption("usd");
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    form.getByRole("button", { name: "Create product" }).click(),
  ]);
  await expect(page.getByTestId("new-product")).toContainText("prod_");
  expect(await names(m.merchantId)).toEqual(["Real"]);
  const headers = await sent.allHeaders();
  const body = sent.postDataBuffer()!;
  expect(headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
  expect(headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(headers.origin).toBe(baseURL);
  expect(body.toString()).toContain("Real");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const replay = (extra: Record<string, string>) =>
    request.post(sent.url(), {
      headers: {
        accept: headers.accept ?? "text/x-component",
        "content-type": headers["content-type"]!,
        "next-action": headers["next-action"]!,
        ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
        cookie,
        ...extra,
      },
      data: body,
    });

  // Replayed byte for byte with the owner's cookies from another port, a sandboxed page (Origin: null) or
  // another host: Next answers 500 "Invalid Server Actions request." and the action never runs.
  for (const origin of [attackerOrigin, "null", "http://evil.test", `http://localhost:${new URL(baseURL!).port}`]) {
    await test.step(`Origin: ${origin}`, async () => {
      const res = await replay({ origin, "sec-fetch-site": origin === "null" ? "cross-site" : "same-site" });
      expect(res.status(), origin).toBe(500);
      expect(await created(res)).toBe(false);
      expect(await names(m.merchantId)).toEqual(["Real"]);
    });
  }

  // No Origin at all (Next itself would run it), or an Origin of this host that the browser says came from
  // another site: the action adapter refuses both, and nothing is stored.
  for (const extra of [{}, { origin: baseURL!, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    await test.step(`headers ${JSON.stringify(extra)}`, async () => {
      const res = await replay(extra);
      const text = await res.text();
      expect(text).toContain("origin_not_allowed");
      expect(/prod_[A-Za-z0-9]+/.test(text)).toBe(false);
      expect(await names(m.merchantId)).toEqual(["Real"]);
    });
  }

  // A browser page on another port of the same host posts the real form's server-rendered HTML (its
  // hidden action fields included, the no-JavaScript path): the cookie goes along, the action does not run.
  const ssr = await (await request.get("/products", { headers: { cookie } })).text();
  const inner = /<form[^>]*aria-label="New product"[^>]*>([\s\S]*?)<\/form>/.exec(ssr)?.[1];
  expect(inner, "the products page renders the New product form").toBeTruthy();
  expect(inner).toMatch(/name="\$ACTION_/);
  attackerHtml = `<!doctype html><title>win a prize</title>
    <form id="f" method="POST" enctype="multipart/form-data" action="${baseURL}/products">${inner}</form>
    <script>
      const f = document.getElementById("f");
      f.elements.name.value = "Forged"; f.elements.amount.value = "9.99"; f.elements.currency.value = "usd";
      f.submit();
    </script>`;
  const [posted, answer] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url() === `${baseURL}/products`),
    page.waitForResponse((r) => r.request().method() === "POST" && r.url() === `${baseURL}/products`),
    page.goto(attackerOrigin),
  ]);
  const postedHeaders = await posted.allHeaders();
  expect(postedHeaders.origin).toBe(attackerOrigin);
  expect(postedHeaders["sec-fetch-site"]).toBe("same-site");
  expect(postedHeaders.cookie ?? "").toContain(cookie.split("; ")[0]!);
  expect(posted.postDataBuffer()!.toString()).toContain("Forged");
  expect(answer.status()).toBe(500);
  expect(await names(m.merchantId)).toEqual(["Real"]);
  // The very same page served from the dashboard's own origin does create (so the form is a real action call).
  await page.route(`${baseURL}/csrf-probe`, (route) => route.fulfill({ contentType: "text/html", body: attackerHtml }));
  const [own] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url() === `${baseURL}/products`),
    page.goto(`${baseURL}/csrf-probe`),
  ]);
  expect(own.status()).toBe(200);
  expect(await names(m.merchantId)).toEqual(["Forged", "Real"]);

  // The same captured request from the dashboard's own origin runs (so the refusals above are the Origin
  // check, not a stale action id or a missing cookie).
  const mine = await replay({ origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(mine.status()).toBe(200);
  expect(await created(mine)).toBe(true);
  expect(await names(m.merchantId)).toEqual(["Forged", "Real", "Real"]);
});
