// Payment links: made in the dashboard, each visit is its own checkout and payment.
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { checkoutSessions } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { expectAccessible, getPayment, payWithCard, auth } from "../support/checkout";

let m: Awaited<ReturnType<typeof seedMerchant>>;
test.beforeAll(async () => {
  m = await seedMerchant("links");
});

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(m.email);
  await page.getByLabel("Password").fill(m.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("a link made in the dashboard, used twice, makes two independent payments; deactivated, it takes none", async ({ page, request }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Payment links" }).click();
  await expect(page).toHaveURL(/\/payment-links$/);
  await page.getByLabel("Description").fill("Pottery class");
  await page.getByLabel("Currency").selectOption("usd");
  await page.getByLabel("Amount", { exact: true }).fill("21.00");
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Create link" }).click();
  const link = page.getByTestId("new-payment-link").getByRole("link");
  await expect(link).toBeVisible();
  const url = (await link.getAttribute("href"))!;
  expect(url).toMatch(/\/l\/plink_[0-9a-z]{26}$/);
  const linkId = url.split("/").at(-1)!;
  await expect(page.getByTestId("payment-links-table")).toContainText("Pottery class × 2");

  const payments: string[] = [];
  for (let i = 0; i < 2; i++) {
    await page.goto(`/l/${linkId}`);
    await expect(page).toHaveURL(/\/pay\/cs_/);
    await expect(page.getByTestId("checkout-amount")).toHaveText("$42.00");
    await payWithCard(page, "4242 4242 4242 4242");
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  }
  const h = await db();
  const sessions = await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.paymentLinkId, linkId));
  expect(sessions).toHaveLength(2);
  for (const s of sessions) {
    expect(s.status).toBe("complete");
    payments.push(s.paymentId!);
    expect(await getPayment(request, m.secretKey, s.paymentId!)).toMatchObject({ status: "succeeded", amount: 4200 });
  }
  expect(new Set(payments).size).toBe(2);

  await page.goto("/payment-links");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("payment-links-table")).toContainText("inactive");
  await page.goto(`/l/${linkId}`);
  await expect(page.getByRole("heading", { name: "This payment link is no longer active" })).toBeVisible();
  await expectAccessible(page);
});

test("a customer-chosen amount", async ({ page, request }) => {
  const res = await request.post("/api/v1/payment_links", { headers: auth(m.secretKey), data: { currency: "eur", description: "Donation" } });
  const link = (await res.json()) as { id: string; url: string };
  expect(res.status()).toBe(200);
  await page.goto(`/l/${link.id}`);
  await expect(page).toHaveURL(new RegExp(`/l/${link.id}/amount$`));
  await expectAccessible(page);
  await page.getByLabel("Amount (EUR)").fill("0.10");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("Enter at least €0.50.");
  await page.getByLabel("Amount (EUR)").fill("12.50");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  await expect(page.getByTestId("checkout-amount")).toHaveText("€12.50");
  await payWithCard(page, "4242 4242 4242 4242", "Pay €12.50");
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
});

test("an unknown link is a clear 404", async ({ page }) => {
  await page.goto("/l/plink_00000000000000000000000000");
  await expect(page.getByRole("heading", { name: "This payment link is not valid" })).toBeVisible();
});
