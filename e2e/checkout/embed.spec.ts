// embed.js on a merchant's page served by the test (another origin): the checkout opens in an
// iframe overlay, pays, and the host receives the result; messages from other origins are ignored.
import { expect, test } from "@playwright/test";
import { seedMerchant } from "../support/db";
import { createSession, expectAccessible, getSession, payWithCard, startSite } from "../support/checkout";

let m: Awaited<ReturnType<typeof seedMerchant>>;
test.beforeAll(async () => {
  m = await seedMerchant("embed");
});

const shopPage = (kassa: string, sessionId: string, evil: string) => `<!doctype html>
<html lang="en"><head><title>Test shop</title></head><body>
<main><h1>Test shop</h1>
<pre id="result"></pre><pre id="raw"></pre>
<script>
  var raw = [];
  window.addEventListener("message", function (e) { raw.push({ origin: e.origin, data: e.data }); document.getElementById("raw").textContent = JSON.stringify(raw); });
  window.addEventListener("kassa:checkout.completed", function (e) { document.getElementById("result").textContent = JSON.stringify(e.detail); });
  window.addForger = function () { var f = document.createElement("iframe"); f.title = "forger"; f.src = ${JSON.stringify(evil)} + "/forge?session=${sessionId}"; document.body.appendChild(f); };
</script>
<script src="${kassa}/embed.js" data-session="${sessionId}" data-label="Pay now"></script>
</main></body></html>`;

// Another site posting a message shaped like Kassa's to its parent.
const forgerPage = (u: URL) => `<!doctype html><title>forger</title><script>
  parent.postMessage({ type: "kassa:checkout.completed", sessionId: ${JSON.stringify(u.searchParams.get("session"))}, paymentId: "pay_forged" }, "*");
</script>`;

test("the embedded checkout opens, pays, and the host page receives the result; a forged message is ignored", async ({ page, request, baseURL }) => {
  const evil = await startSite({ "/forge": forgerPage });
  let sessionId = "";
  const shop = await startSite({ "/": () => shopPage(baseURL!, sessionId, evil.origin) });
  try {
    const s = await createSession(request, m.secretKey, { embed_origins: [shop.origin] });
    sessionId = s.id;
    await page.goto(`${shop.origin}/`);

    // A message from another origin first: it arrives, and embed.js does not accept it.
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.evaluate(() => (window as unknown as { addForger(): void }).addForger());
    await expect(page.locator("#raw")).toContainText("pay_forged");
    await expect(page.locator("#result")).toHaveText("");

    const checkout = page.frameLocator('iframe[title="Kassa checkout"]');
    await expect(checkout.getByTestId("checkout-amount")).toHaveText("$42.00");
    await payWithCard(checkout, "4242 4242 4242 4242");
    await expect(page.locator("#result")).not.toHaveText("");
    const session = await getSession(request, m.secretKey, s.id);
    expect(session.status).toBe("complete");
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "{}")).toEqual({
      type: "kassa:checkout.completed",
      sessionId: s.id,
      paymentId: session.payment,
    });
    // The overlay closes itself after the result.
    await expect(page.locator("[data-kassa-overlay]")).toHaveCount(0);
  } finally {
    await shop.close();
    await evil.close();
  }
});

test("Kassa.open() with 3D Secure inside the iframe", async ({ page, request, baseURL }) => {
  let sessionId = "";
  const shop = await startSite({
    "/": () => `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Shop</h1><pre id="result"></pre>
      <script src="${baseURL}/embed.js"></script>
      <button id="buy" onclick="Kassa.open({ sessionId: '${sessionId}', onComplete: function (r) { document.getElementById('result').textContent = JSON.stringify(r); } })">Buy</button></main></body></html>`,
  });
  try {
    sessionId = (await createSession(request, m.secretKey, { embed_origins: [shop.origin] })).id;
    await page.goto(`${shop.origin}/`);
    await page.getByRole("button", { name: "Buy" }).click();
    const checkout = page.frameLocator('iframe[title="Kassa checkout"]');
    await payWithCard(checkout, "4000 0027 6000 3184");
    await checkout.getByRole("button", { name: "Complete authentication" }).click();
    await expect(page.locator("#result")).toContainText(`"sessionId":"${sessionId}"`);
    expect((await getSession(request, m.secretKey, sessionId)).status).toBe("complete");
  } finally {
    await shop.close();
  }
});

test("frame-ancestors: only the embed flow for a registered origin may frame the page", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey, { embed_origins: ["https://shop.example"] });
  const plain = await request.get(`/pay/${s.id}`);
  expect(plain.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const embedded = await request.get(`/pay/${s.id}?embed_origin=${encodeURIComponent("https://shop.example")}`);
  expect(embedded.headers()["content-security-policy"]).toContain("frame-ancestors https://shop.example");
  // An origin the session does not list gets no checkout, whatever the header.
  await page.goto(`/pay/${s.id}?embed_origin=${encodeURIComponent("https://evil.example")}`);
  await expect(page.getByRole("heading", { name: "This checkout can't be shown on this site" })).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  await expectAccessible(page);
  const bogus = await request.get(`/pay/${s.id}?embed_origin=${encodeURIComponent("https://a.example 'self'")}`);
  expect(bogus.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
