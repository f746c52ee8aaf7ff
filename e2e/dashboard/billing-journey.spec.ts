// Issue 15's whole journey in one browser session, as a merchant and then their customer would live it: the
// merchant creates a product and its monthly price on the Products page and subscribes a demo customer (who
// has no card yet) from the dashboard; the subscription waits on its first invoice; the customer opens the
// hosted invoice from the subscription's page and pays it through the checkout; the subscription is active;
// then the customer's billing-portal link updates their card and cancels at the end of the period.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { InvoiceObject } from "@/lib/invoices/serialize";
import type { SubscriptionObject } from "@/lib/subscriptions/serialize";
import { auth, ok } from "../support/api";
import { expectAccessible, payWithCard } from "../support/checkout";
import { seedMerchant } from "../support/db";
import { signInOk } from "../support/sign-in";

test.describe.configure({ timeout: 120_000 });

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });

test("product and price → subscribe from the dashboard → hosted invoice paid → portal: new card, cancel at period end", async ({ page, request, baseURL }) => {
  const m = await seedMerchant("journey");
  const api = async <T>(r: APIRequestContext, path: string, data?: Record<string, unknown>) =>
    ok<T>(data ? await r.post(path, { headers: auth(m.secretKey), data }) : await r.get(path, { headers: auth(m.secretKey) }));
  const customer = await api<{ id: string }>(request, "/api/v1/customers", { name: "Journey Buyer", email: "journey.buyer@example.test" });

  // The merchant: a product with a monthly $15.00 price, made on the Products page.
  await signInOk(page, m.email, m.password);
  expect(new URL(page.url()).origin).toBe(baseURL);
  await navLink(page, "Products").click();
  const productForm = page.getByRole("form", { name: "New product" });
  await productForm.getByLabel("Name").fill("Journey plan");
  await productForm.getByLabel("Amount").fill("15.00");
  await productForm.getByLabel("Currency").selectOption("usd");
  await productForm.getByLabel("Billing").selectOption("recurring");
  await productForm.getByLabel("Interval").selectOption("month");
  await productForm.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByTestId("new-product")).toContainText("prod_");

  // Subscribes the demo customer from the dashboard: no card yet, so it waits on its first invoice.
  await navLink(page, "Subscriptions").click();
  await page.getByRole("link", { name: "New subscription" }).click();
  const form = page.getByRole("form", { name: "New subscription" });
  const pick = async (label: string, text: RegExp) =>
    form.getByLabel(label).selectOption((await form.getByLabel(label).locator("option", { hasText: text }).getAttribute("value"))!);
  await pick("Customer", /Journey Buyer/);
  await pick("Price", /Journey plan — \$15\.00 \/ month/);
  await form.getByLabel("Quantity").fill("1");
  await form.getByRole("button", { name: "Create subscription" }).click();
  const made = page.getByTestId("new-subscription");
  await expect(made).toContainText("incomplete");
  await made.getByRole("link").click();
  await expect(page.getByTestId("status-explained")).toContainText("Waiting for its first payment");
  const subId = page.url().split("/").at(-1)!;
  const waiting = await api<SubscriptionObject>(request, `/api/v1/subscriptions/${subId}`);
  expect(waiting).toMatchObject({ status: "incomplete", customer: customer.id, status_reason: { code: "payment_method_missing" } });
  const invoice = await api<InvoiceObject>(request, `/api/v1/invoices/${waiting.latest_invoice}`);
  expect(invoice).toMatchObject({ status: "open", amount_due: 1500, number: "KASSA-0001" });

  // The customer: the hosted invoice (linked from the subscription's page), paid through the checkout.
  const link = page.getByTestId("subscription-invoices").getByRole("link", { name: "Invoice KASSA-0001, hosted page" });
  await expect(link).toHaveAttribute("href", invoice.hosted_invoice_url!);
  await page.goto(invoice.hosted_invoice_url!);
  await expect(page.getByTestId("invoice-headline")).toHaveText("$15.00 due");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Pay $15.00" }).click();
  await expect(page).toHaveURL(/\/pay\/cs_[A-Za-z0-9]+$/);
  await payWithCard(page, "4242 4242 4242 4242", "Pay $15.00");
  await expect(page).toHaveURL(invoice.hosted_invoice_url!);
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
  expect(await api<InvoiceObject>(request, `/api/v1/invoices/${invoice.id}`)).toMatchObject({ status: "paid", amount_paid: 1500 });

  // Back in the dashboard the subscription is active.
  await page.goto(`/subscriptions/${subId}`);
  await expect(page.getByTestId("status-explained")).toContainText("Active");
  expect(await api<SubscriptionObject>(request, `/api/v1/subscriptions/${subId}`)).toMatchObject({ status: "active", status_reason: null });

  // The customer's portal link (made by the merchant's backend): a new card, then cancel at period end.
  const portal = await api<{ url: string }>(request, "/api/v1/billing_portal/sessions", { customer: customer.id });
  await page.goto(portal.url);
  const subscription = page.getByTestId("portal-subscription");
  await expect(subscription).toContainText("Journey plan");
  await expect(subscription).toContainText("Active");
  await expectAccessible(page);
  // Paid through the checkout, the card was not saved for renewals (the checkout keeps no card): the portal adds one.
  await expect(page.getByTestId("portal-card")).toContainText("No card on file");
  await page.getByRole("button", { name: "Add a card" }).click();
  const cardForm = page.getByTestId("portal-card-form");
  await cardForm.getByLabel("Card number").fill("5555 5555 5555 4444");
  await cardForm.getByLabel("Expiry date").fill("12 / 34");
  await cardForm.getByLabel("CVC").fill("123");
  await cardForm.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByTestId("portal-card")).toContainText("Mastercard ending in 4444");
  await subscription.getByRole("button", { name: "Cancel at end of period" }).click();
  await expect(page.getByTestId("portal-cancels")).toBeVisible();
  await expectAccessible(page);

  const after = await api<SubscriptionObject>(request, `/api/v1/subscriptions/${subId}`);
  expect(after).toMatchObject({ status: "active", cancel_at_period_end: true, cancel_at: after.current_period_end });
  const buyer = await api<{ invoice_settings: { default_payment_method: string } }>(request, `/api/v1/customers/${customer.id}`);
  expect(await api(request, `/api/v1/payment_methods/${buyer.invoice_settings.default_payment_method}`)).toMatchObject({
    customer: customer.id,
    card: { brand: "mastercard", last4: "4444" },
  });

  // And the merchant sees it set to end.
  await page.goto(`/subscriptions/${subId}`);
  await expect(page.getByTestId("cancel-at-period-end")).toContainText("yes, on");
});
