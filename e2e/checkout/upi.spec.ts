// The checkout's UPI tab in Chromium at a phone's width: pay by UPI intent, approve in the sandbox UPI app
// (a second page), and the checkout turns to success by its own status refresh; a QR payment left alone
// expires and can be tried again; the embedded checkout offers UPI too; axe on each screen.
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { payments, sandboxUpiTransactions, upiSettings, type UpiDetails } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { createSession, expectAccessible, getPayment, getSession, startSite } from "../support/checkout";

let m: Awaited<ReturnType<typeof seedMerchant>>;
test.beforeAll(async () => {
  m = await seedMerchant("upi");
});
test.use({ viewport: { width: 375, height: 812 } });

const inr = { amount: 49_900, currency: "inr", description: "Chai for two", payment_method_types: ["card", "upi"] };

async function startUpi(page: Page, flow: "UPI app" | "QR code") {
  await page.getByRole("tab", { name: "UPI" }).click();
  await expect(page.getByRole("heading", { name: "Pay with UPI" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${flow}`) }).check();
  await page.getByRole("button", { name: "Pay ₹499.00 with UPI" }).click();
}

test("pay by UPI intent at 375 px: approve in the sandbox UPI app, the checkout turns to success by its own refresh", async ({ page, context, request }) => {
  const shop = await startSite({ "/thanks": () => "<!doctype html><title>Thanks</title><h1>Thanks from the shop</h1>" });
  try {
    const s = await createSession(request, m.secretKey, { ...inr, success_url: `${shop.origin}/thanks` });
    await page.goto(`/pay/${s.id}`);
    await expect(page.getByTestId("checkout-amount")).toHaveText("₹499.00");
    await expect(page.getByText("UPI payments are not available")).toHaveCount(0);
    await expect(page.getByRole("tab", { name: "Card" })).toHaveAttribute("aria-selected", "true");
    await page.getByRole("tab", { name: "UPI" }).click();
    await expect(page.getByRole("radio", { name: /^UPI app/ })).toBeChecked();
    // Collect is off for this merchant: no UPI ID choice, no VPA field.
    await expect(page.getByRole("radio", { name: /^UPI ID/ })).toHaveCount(0);
    await expectAccessible(page);

    await startUpi(page, "UPI app");
    await expect(page.getByRole("heading", { name: "Pay ₹499.00 with your UPI app" })).toBeVisible();
    const open = page.getByRole("link", { name: "Open UPI app" });
    await expect(open).toBeVisible();
    expect(await open.getAttribute("href")).toMatch(/^upi:\/\/pay\?pa=kassa\.\w+%40kassapsp&pn=Shop%20upi&am=499\.00&tr=sbupi_\w+&tn=Chai%20for%20two&cu=INR$/);
    const qr = page.getByRole("img", { name: "UPI QR code to pay ₹499.00 to Shop upi" });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(page.getByTestId("upi-countdown")).toHaveText(/^Expires in (10:00|9:[0-5]\d)$/);
    await expectAccessible(page);

    const session = await getSession(request, m.secretKey, s.id);
    const payment = await getPayment(request, m.secretKey, session.payment!);
    expect(payment.status).toBe("requires_action");
    const appLink = page.getByRole("link", { name: "Open the sandbox UPI app" });
    const href = (await appLink.getAttribute("href"))!;
    expect(href).toMatch(/^\/sandbox\/upi\/sbupi_\w+$/);

    const app = await context.newPage();
    await app.goto(href);
    await expect(app.getByRole("heading", { name: "Confirm payment" })).toBeVisible();
    await expect(app.getByTestId("checkout-amount")).toHaveText("₹499.00");
    await expect(app.getByTestId("upi-app-payee")).toHaveText("Shop upi");
    await expect(app.getByText("Chai for two")).toBeVisible();
    await expect(app.getByLabel("Pay from (your UPI ID)")).toHaveValue("customer@kassa");
    await expectAccessible(app);
    await app.getByRole("button", { name: "Approve" }).click();
    await expect(app.getByRole("heading", { name: "Payment approved" })).toBeVisible();

    // The checkout's own refresh (every 2 s) finds it: no reload by the test.
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 5000 });
    await expect(page.getByText(/Paid by UPI \(reference \d{12}\)/)).toBeVisible();
    expect((await getSession(request, m.secretKey, s.id)).status).toBe("complete");
    expect(await getPayment(request, m.secretKey, payment.id)).toMatchObject({ status: "succeeded", amount_received: 49_900 });
    await app.close();
  } finally {
    await shop.close();
  }
});

test("a QR payment left alone shows expired, and the customer can try again", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey, inr);
  await page.goto(`/pay/${s.id}`);
  await startUpi(page, "QR code");
  await expect(page.getByRole("heading", { name: "Scan to pay ₹499.00" })).toBeVisible();
  await expect(page.getByTestId("upi-countdown")).toHaveText(/^Expires in (8:00|7:[0-5]\d)$/);

  // Its window is moved into the past, at Kassa and at the PSP; the page's own refresh expires it.
  const paymentId = (await getSession(request, m.secretKey, s.id)).payment!;
  const h = await db();
  const [row] = await h.db.select({ upi: payments.upi, nextAction: payments.nextAction }).from(payments).where(eq(payments.id, paymentId));
  const past = Math.floor(Date.now() / 1000) - 5;
  const upi = row!.upi as UpiDetails;
  await h.db
    .update(payments)
    .set({
      upi: { ...upi, expires_at: past },
      nextAction: { ...(row!.nextAction as { type: "upi_intent"; intent_url: string; qr_svg: string }), expires_at: past },
    })
    .where(eq(payments.id, paymentId));
  await h.db
    .update(sandboxUpiTransactions)
    .set({ expiresAt: new Date(past * 1000) })
    .where(eq(sandboxUpiTransactions.id, upi.psp_reference!));

  await expect(page.getByRole("heading", { name: "The UPI payment expired" })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText("The UPI payment was not approved in time. Nothing was charged.")).toBeVisible();
  await expectAccessible(page);
  expect(await getPayment(request, m.secretKey, paymentId)).toMatchObject({ status: "requires_payment_method", amount_received: 0 });

  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("tab", { name: "UPI" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("button", { name: "Pay ₹499.00 with UPI" })).toBeVisible();
});

test("collect, when the merchant turned it on: the UPI ID field shows the VPA check's own words inline, then the request waits", async ({ page, request }) => {
  const c = await seedMerchant("upi-collect");
  await (await db()).db.insert(upiSettings).values({ merchantId: c.merchantId, livemode: false, collectEnabled: true });
  const s = await createSession(request, c.secretKey, inr);
  await page.goto(`/pay/${s.id}`);
  await page.getByRole("tab", { name: "UPI" }).click();
  await expect(page.getByRole("textbox", { name: "UPI ID" })).toHaveCount(0);
  await page.getByRole("radio", { name: /^UPI ID/ }).check();
  const vpa = page.getByRole("textbox", { name: "UPI ID" });
  for (const [typed, message] of [
    ["ashaokaxis", "A VPA looks like name@bank (for example asha@okaxis)."],
    ["Asha@OKAXIS", "A VPA is written in lowercase."],
    ["blocked@kassa", "This VPA cannot be used for payments."],
  ]) {
    await vpa.fill(typed!);
    await page.getByRole("button", { name: "Pay ₹499.00 with UPI" }).click();
    await expect(page.locator("#upi-vpa-error")).toHaveText(message!);
    await expect(vpa).toHaveAccessibleDescription(message!);
    await expect(vpa).toHaveAttribute("aria-invalid", "true");
  }
  await expectAccessible(page);
  await vpa.fill("never@kassa");
  await page.getByRole("button", { name: "Pay ₹499.00 with UPI" }).click();
  await expect(page.getByRole("heading", { name: "Approve ₹499.00 in your UPI app" })).toBeVisible();
  await expect(page.getByTestId("upi-waiting")).toContainText("ne•••@kassa");
  await expect(page.getByRole("link", { name: "Open UPI app" })).toHaveCount(0);
});

test("the embedded checkout offers UPI: the QR and the sandbox app link inside the frame", async ({ page, request, baseURL }) => {
  let sessionId = "";
  const shop = await startSite({
    "/": () =>
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Shop</h1><script src="${baseURL}/embed.js" data-session="${sessionId}" data-label="Pay now"></script></main></body></html>`,
  });
  try {
    const s = await createSession(request, m.secretKey, { ...inr, embed_origins: [shop.origin] });
    sessionId = s.id;
    await page.goto(`${shop.origin}/`);
    await page.getByRole("button", { name: "Pay now" }).click();
    const checkout = page.frameLocator('iframe[title="Kassa checkout"]');
    await checkout.getByRole("tab", { name: "UPI" }).click();
    await checkout.getByRole("button", { name: "Pay ₹499.00 with UPI" }).click();
    await expect(checkout.getByRole("img", { name: /UPI QR code/ })).toBeVisible();
    const link = checkout.getByRole("link", { name: "Open the sandbox UPI app" });
    await expect(link).toHaveAttribute("target", "_blank");
    // Still the embedded page (the embed origin kept), still waiting.
    await expect(checkout.getByTestId("upi-status")).toContainText("Waiting for you to approve");
  } finally {
    await shop.close();
  }
});

test("the server's HTML already holds the tabs and the UPI form (its parts load in their own chunks, still rendered on the server)", async ({
  request,
  page,
}) => {
  const s = await createSession(request, m.secretKey, inr);
  const html = await (await request.get(`/pay/${s.id}`)).text();
  expect(html).toContain('role="tablist"');
  expect(html).toContain("Pay with UPI");
  expect(html).toContain("Pay ₹499.00 with UPI");
  expect(html).toContain("Pay ₹499.00</button>");
  // Without JavaScript the page reads the same: both panels' headings are there.
  await page.context().route("**/*.js", (route) => route.abort());
  await page.goto(`/pay/${s.id}`);
  await expect(page.getByRole("tab", { name: "UPI" })).toBeVisible();
  await expect(page.getByText("Pay with card")).toBeVisible();
});
