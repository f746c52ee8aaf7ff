// Dashboard → Customers → Customer emails in Chromium: a test payment with a receipt_email leaves its
// receipt (made by the customer-receipt workflow) on the page, marked as not sent; another merchant
// never sees it; the page is accessible.
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
