// The PayPal button on the hosted and embedded checkout. The suite's server has no PayPal, so test mode
// uses the sandbox's simulated approval page; a second server of the same build, pointed at the PayPal
// double, shows the same button going to "PayPal" and back through the official SDK.
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { paymentAttempts, sandboxCharges } from "@/db/schema";
import { freePort } from "@/scripts/pg-server";
import { CLIENT_ID, CLIENT_SECRET, startPayPalDouble } from "@/test/paypal-double/server";
import { db, seedMerchant } from "../support/db";
import { createSession, expectAccessible, getPayment, getSession, payWithCard, startSite } from "../support/checkout";
import { startServerProcess } from "../support/server-process";

let m: Awaited<ReturnType<typeof seedMerchant>>;
test.beforeAll(async () => {
  m = await seedMerchant("paypal-checkout");
});

const wallet = { payment_method_types: ["card", "paypal"] };

test("hosted: Pay with PayPal → the sandbox's approval page → approve → paid with PayPal, one charge", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey, wallet);
  await page.goto(`/pay/${s.id}`);
  await expect(page.getByRole("button", { name: "Pay with PayPal" })).toBeVisible();
  await expect(page.getByLabel("Card number")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Pay with PayPal" }).click();

  await expect(page).toHaveURL(/\/sandbox\/paypal\/sbch_[0-9a-z]{26}$/);
  await expect(page.getByRole("heading", { name: "Pay with PayPal" })).toBeVisible();
  await expect(page.getByText("buyer@sandbox.example")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Approve and pay $42.00" }).click();

  await expect(page).toHaveURL(new RegExp(`/pay/${s.id}$`));
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("Paid with PayPal (buyer@sandbox.example).")).toBeVisible();
  const session = await getSession(request, m.secretKey, s.id);
  expect(session.status).toBe("complete");
  expect(await getPayment(request, m.secretKey, session.payment!)).toMatchObject({
    status: "succeeded",
    amount_received: 4200,
    payment_method: "paypal",
    payment_method_details: { type: "paypal", paypal: { payer_email: "buyer@sandbox.example" } },
  });
  const h = await db();
  expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, session.payment!))).toHaveLength(1);
});

test("hosted: cancel on the approval page → back on the checkout with the reason; then a card pays the same payment", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey, wallet);
  await page.goto(`/pay/${s.id}`);
  await page.getByRole("button", { name: "Pay with PayPal" }).click();
  await page.getByRole("button", { name: "Cancel and return to the merchant" }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${s.id}$`));
  await expect(page.locator("#paypal-error")).toContainText("You canceled the PayPal payment. Nothing was charged");
  await expectAccessible(page);

  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  const session = await getSession(request, m.secretKey, s.id);
  const h = await db();
  const attempts = await h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, session.payment!));
  expect(attempts.map((a) => [a.paymentMethod, a.status]).sort()).toEqual([
    ["paypal", "failed"],
    ["pm_card_visa", "succeeded"],
  ]);
});

test("hosted: back without finishing → 'Finish paying with PayPal', and giving up returns to the methods", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey, wallet);
  await page.goto(`/pay/${s.id}`);
  await page.getByRole("button", { name: "Pay with PayPal" }).click();
  await expect(page).toHaveURL(/\/sandbox\/paypal\//);
  // A return URL reached without approving (or forged): nothing is paid, PayPal is still waiting.
  await page.goto(`/pay/${s.id}/paypal-return?token=forged`);
  await expect(page.getByRole("heading", { name: "Finish paying with PayPal" })).toBeVisible();
  await page.getByRole("link", { name: "Cancel PayPal and choose another way to pay" }).click();
  await expect(page.getByRole("button", { name: "Pay with PayPal" })).toBeVisible();
  await expect(page.locator("#paypal-error")).toContainText("canceled the PayPal payment");
  const session = await getSession(request, m.secretKey, s.id);
  expect(await getPayment(request, m.secretKey, session.payment!)).toMatchObject({ status: "requires_payment_method", amount_received: 0 });
});

test("embedded: PayPal opens in its own window; approving there completes the checkout in the iframe and closes the window", async ({
  page,
  request,
  baseURL,
}) => {
  let sessionId = "";
  const shop = await startSite({
    "/": () => `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Shop</h1><pre id="result"></pre>
      <script>window.addEventListener("kassa:checkout.completed", function (e) { document.getElementById("result").textContent = JSON.stringify(e.detail); });</script>
      <script src="${baseURL}/embed.js" data-session="${sessionId}" data-label="Pay now"></script></main></body></html>`,
  });
  try {
    const s = await createSession(request, m.secretKey, { ...wallet, embed_origins: [shop.origin] });
    sessionId = s.id;
    await page.goto(`${shop.origin}/`);
    await page.getByRole("button", { name: "Pay now" }).click();
    const checkout = page.frameLocator('iframe[title="Kassa checkout"]');
    const opened = page.waitForEvent("popup");
    await checkout.getByRole("button", { name: "Pay with PayPal" }).click();
    const popup = await opened;
    await expect(popup).toHaveURL(/\/sandbox\/paypal\/sbch_/);
    await expect(checkout.getByTestId("paypal-waiting")).toContainText("Finish paying in the PayPal window");
    await popup.getByRole("button", { name: "Approve and pay $42.00" }).click();
    await popup.waitForEvent("close");
    await expect(page.locator("#result")).toContainText(s.id);
    expect((await getSession(request, m.secretKey, s.id)).status).toBe("complete");
  } finally {
    await shop.close();
  }
});

test("with PayPal configured: the button goes to PayPal (the double) and back; PayPal captures once", async ({ browser }) => {
  test.setTimeout(120_000);
  const double = await startPayPalDouble();
  const port = await freePort();
  const server = await startServerProcess(port, {
    env: {
      PAYPAL_CLIENT_ID: CLIENT_ID,
      PAYPAL_CLIENT_SECRET: CLIENT_SECRET,
      PAYPAL_API_BASE: double.url,
      PAYPAL_MAX_RETRIES: "0",
      KASSA_URL: `http://127.0.0.1:${port}`,
    },
  });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    const s = await createSession(context.request, m.secretKey, wallet);
    await page.goto(`/pay/${s.id}`);
    await page.getByRole("button", { name: "Pay with PayPal" }).click();
    // The double's /checkoutnow approves for the payer and sends the browser back to Kassa's return URL.
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    await expect(page.getByText("Paid with PayPal (buyer@example.com).")).toBeVisible();
    expect(double.requestsTo(/\/v2\/checkout\/orders\/[A-Z0-9]+\/capture$/, "POST")).toHaveLength(1);
    const session = await getSession(context.request, m.secretKey, s.id);
    expect(await getPayment(context.request, m.secretKey, session.payment!)).toMatchObject({ status: "succeeded", connector: "paypal", amount_received: 4200 });
  } finally {
    await context.close();
    await server.stop();
    await double.close();
  }
});
