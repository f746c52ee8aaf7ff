// The API keys page makes restricted keys, and offers a member only the grants their role has.
import { expect, test } from "@playwright/test";
import { auth, expectError, ok } from "../support/api";
import { addMember, seedMerchant } from "../support/db";
import { signInOk } from "../support/sign-in";

test("an owner makes a restricted key that can take payments but not refund; a developer is not offered refunds", async ({ page, request, browser }) => {
  const m = await seedMerchant("rk-ui");
  await signInOk(page, m.email, m.password);
  await page.goto("/developers/api-keys");
  await page.getByLabel("Key name").fill("Till");
  await page.getByLabel("Type").selectOption("restricted");
  const grants = page.getByTestId("key-permissions");
  await grants.getByLabel("payments").selectOption("write");
  await page.getByRole("button", { name: /Create test key/ }).click();
  const secret = (await page.getByTestId("new-key-value").textContent())!.trim();
  expect(secret).toMatch(/^rk_test_/);
  await expect(page.getByTestId("key-grants").first()).toHaveText("payments: write");

  const paid = await ok<{ id: string }>(
    await request.post("/api/v1/payments", { headers: auth(secret), data: { amount: 1200, currency: "usd", payment_method: "pm_card_visa", confirm: true } }),
  );
  await expectError(await request.post("/api/v1/refunds", { headers: auth(secret), data: { payment: paid.id } }), 403, "permission_denied");

  const dev = await addMember(m.ctx, "developer");
  const context = await browser.newContext();
  const devPage = await context.newPage();
  await signInOk(devPage, dev.email, dev.password);
  await devPage.goto("/developers/api-keys");
  await devPage.getByLabel("Type").selectOption("restricted");
  const devGrants = devPage.getByTestId("key-permissions");
  await expect(devGrants.getByLabel("payments")).toBeVisible();
  await expect(devGrants.getByLabel("refunds")).toHaveCount(0);
  await context.close();
});
