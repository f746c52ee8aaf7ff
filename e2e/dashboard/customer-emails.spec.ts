// Dashboard → Customers → Customer emails in Chromium: a test payment with a receipt_email leaves its
// receipt (made by the customer-receipt workflow) on the page, marked as not sent; another merchant
// never sees it; the page is accessible. A subscription's invoice and failed payment emails are listed
// with their labels.
import { expect, test } from "@playwright/test";
import { auth, ok } from "../support/api";
import { expectAccessible } from "../support/checkout";
import { seedMerchant } from "../support/db";
import { signInOk } from "../support/sign-in";

test("a test payment's receipt is shown on Customer emails, marked not sent, and only to its merchant", async ({ page, request, browser }) => {
  const m = await seedMerchant("receipts-ui");
  const other = await seedMerchant("receipts-other");
  const p = await ok<{ id: string; status: string }>(
    await request.post("/api/v1/payments", {
      headers: auth(m.secretKey),
      data: { amount: 4250, currency: "usd", payment_method: "pm_card_visa", confirm: true, description: "Beans, 1 kg", receipt_email: "noor@example.com" },
    }),
  );
  expect(p.status).toBe("succeeded");

  await signInOk(page, m.email, m.password);
  await page.goto("/customers");
  await page.getByRole("link", { name: "Customer emails" }).click();
  await expect(page).toHaveURL(/\/customers\/emails$/);
  await expect(page.getByRole("heading", { name: "Customer emails" })).toBeVisible();
  // The workflow runs after the payment's event leaves the outbox: reload until the receipt is there.
  const list = page.getByTestId("customer-emails");
  await expect(async () => {
    await page.reload();
    await expect(list).toContainText("to noor@example.com", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const item = list.locator("li", { hasText: "noor@example.com" });
  await expect(item).toContainText(/Your receipt from /);
  await expect(item).toContainText("test mode, not sent");
  await item.getByText(/Your receipt from /).click();
  await expect(item.locator("pre")).toContainText("$42.50");
  await expect(item.locator("pre")).toContainText("Beans, 1 kg");
  await expect(item.locator("pre")).toContainText("Visa •••• 4242");
  await expect(item.getByRole("link", { name: p.id })).toHaveAttribute("href", `/payments/${p.id}`);
  await expectAccessible(page);

  // Another merchant's page has none of it.
  const theirs = await browser.newPage();
  await signInOk(theirs, other.email, other.password);
  await theirs.goto("/customers/emails");
  await expect(theirs.getByText(/No customer emails in test mode yet/)).toBeVisible();
  await expect(theirs.locator("body")).not.toContainText("noor@example.com");
  // A malformed cursor is a 404 page, not an error.
  const bad = await theirs.goto("/customers/emails?before=not-an-id");
  expect(bad?.status()).toBe(404);
  await theirs.close();
});

test("a subscription's invoice and failed payment emails are listed with readable labels", async ({ page, request }) => {
  const m = await seedMerchant("billing-emails-ui");
  const post = async <T = { id: string }>(path: string, data: Record<string, unknown>) => ok<T>(await request.post(path, { headers: auth(m.secretKey), data }));
  const product = await post("/api/v1/products", { name: "Roastery club" });
  const price = await post("/api/v1/prices", { product: product.id, currency: "usd", unit_amount: 1500, recurring: { interval: "month" } });
  const customer = await post("/api/v1/customers", { email: "ines@example.com", name: "Inês" });
  const pm = await post(`/api/v1/payment_methods/pm_card_chargeCustomerFail/attach`, { customer: customer.id });
  const sub = await post<{ status: string; latest_invoice: string }>("/api/v1/subscriptions", {
    customer: customer.id,
    items: [{ price: price.id }],
    default_payment_method: pm.id,
  });
  expect(sub.status).toBe("incomplete");

  await signInOk(page, m.email, m.password);
  await page.goto("/customers/emails");
  const list = page.getByTestId("customer-emails");
  // Both workflows run after the invoice's events leave the outbox: reload until both emails are there.
  await expect(async () => {
    await page.reload();
    await expect(list.locator("li", { hasText: "to ines@example.com" })).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const invoice = list.locator("li", { hasText: /Invoice KASSA-0001 from / });
  await expect(invoice).toContainText("Invoice ·");
  await expect(invoice).toContainText("test mode, not sent");
  await invoice.getByText(/Invoice KASSA-0001 from /).click();
  await expect(invoice.locator("pre")).toContainText("$15.00");
  await expect(invoice.locator("p", { hasText: "About" }).locator("code")).toHaveText(sub.latest_invoice);
  const failed = list.locator("li", { hasText: /Your payment to .* failed/ });
  await expect(failed).toContainText("Payment failed ·");
  await failed.getByText(/Your payment to .* failed/).click();
  await expect(failed.locator("pre")).toContainText("Your card was declined.");
  await expect(failed.getByRole("link", { name: /^pay_/ })).toHaveAttribute("href", /^\/payments\/pay_/);
  await expectAccessible(page);
});
