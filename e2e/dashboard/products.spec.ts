// Dashboard → Products in Chromium: a product with a monthly price made from the form, the list with the
// amount formatted, a one-off price added, archive and unarchive; an analyst reads without forms; axe.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "../support/checkout";
import { addMember, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

async function api<T = Record<string, unknown>>(request: APIRequestContext, m: Merchant, path: string, data?: Record<string, unknown>): Promise<T> {
  const headers = { Authorization: `Bearer ${m.secretKey}` };
  const res = data ? await request.post(path, { headers, data }) : await request.get(path, { headers });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(200);
  return body as T;
}

/** A sidebar entry (the overview's figures link to the same pages under longer names). */
const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });

test("a merchant creates a product with a monthly price, sees it listed, adds a one-off price and archives the product", async ({ page, request }) => {
  const m = await seedMerchant("products-ui");
  await signInOk(page, m.email, m.password);
  await navLink(page, "Products").click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByTestId("products-empty")).toContainText("No products yet");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "New product" });
  await form.getByLabel("Name").fill("Gym membership");
  await form.getByLabel("Description").fill("All clubs, all hours");
  await form.getByLabel("Amount").fill("25.50");
  await form.getByLabel("Currency").selectOption("usd");
  await form.getByLabel("Billing").selectOption("recurring");
  await form.getByLabel("Interval").selectOption("month");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByTestId("new-product")).toContainText("prod_");

  const row = page.getByTestId("products-table").getByRole("row", { name: /Gym membership/ });
  await expect(row).toContainText("$25.50 / month");
  await expect(row).toContainText("active");
  // The amount typed in dollars is stored exactly in cents.
  const listed = await api<{ data: { id: string; default_price: string }[] }>(request, m, "/api/v1/products");
  const productId = listed.data[0]!.id;
  expect(await api(request, m, `/api/v1/prices/${listed.data[0]!.default_price}`)).toMatchObject({
    unit_amount: 2550,
    currency: "usd",
    recurring: { interval: "month", interval_count: 1 },
  });

  await row.getByRole("link", { name: "Gym membership" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${productId}$`));
  await expect(page.getByRole("heading", { name: "Gym membership" })).toBeVisible();
  const prices = page.getByTestId("prices-table");
  await expect(prices.getByRole("row", { name: /\$25\.50 \/ month/ })).toContainText("default");

  // A bad amount is refused in the form, with nothing stored.
  const add = page.getByRole("form", { name: "Add a price" });
  await add.getByLabel("Billing").selectOption("one_time");
  await add.getByLabel("Currency").selectOption("jpy");
  await add.getByLabel("Amount").fill("10.5");
  await add.getByRole("button", { name: "Add price" }).click();
  await expect(add.getByText("Enter the amount as a number in JPY")).toBeVisible();
  await expect(prices.getByRole("row")).toHaveCount(2);

  await add.getByLabel("Amount").fill("1500");
  await add.getByLabel("Nickname").fill("Day pass");
  await add.getByRole("button", { name: "Add price" }).click();
  await expect(page.getByTestId("new-price")).toContainText("price_");
  const oneOff = prices.getByRole("row", { name: /Day pass/ });
  await expect(oneOff).toContainText("¥1,500");
  await expect(oneOff).toContainText("One-off");
  await expectAccessible(page);
  await oneOff.getByRole("button", { name: /^Archive price/ }).click();
  await expect(oneOff).toContainText("archived");
  await expect(oneOff.getByRole("button", { name: /^Unarchive price/ })).toBeVisible();
  // The product's default price cannot be archived: the row says why.
  const monthlyRow = prices.getByRole("row", { name: /\$25\.50 \/ month/ });
  await monthlyRow.getByRole("button", { name: /^Archive price/ }).click();
  await expect(monthlyRow.getByRole("alert")).toContainText("default price");

  await page.getByRole("button", { name: "Archive Gym membership" }).click();
  await expect(page.getByRole("button", { name: "Unarchive Gym membership" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a price" })).toHaveCount(0);
  expect(await api(request, m, `/api/v1/products/${productId}`)).toMatchObject({ active: false });

  await navLink(page, "Products").click();
  await expect(page.getByTestId("products-table").getByRole("row", { name: /Gym membership/ })).toContainText("archived");
  await page.getByRole("link", { name: "Gym membership" }).click();
  await page.getByRole("button", { name: "Unarchive Gym membership" }).click();
  await expect(page.getByRole("form", { name: "Add a price" })).toBeVisible();
  expect(await api(request, m, `/api/v1/products/${productId}`)).toMatchObject({ active: true });
});

test("an analyst sees products and prices read-only; another merchant's product is 404", async ({ browser, request }) => {
  const m = await seedMerchant("products-ro");
  const product = await api<{ id: string }>(request, m, "/api/v1/products", {
    name: "Newsletter",
    default_price_data: { currency: "eur", unit_amount: 900, recurring: { interval: "year" } },
  });
  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  try {
    const { page } = analyst;
    await navLink(page, "Products").click();
    await expect(page.getByTestId("products-table").getByRole("row", { name: /Newsletter/ })).toContainText("€9.00 / year");
    await expect(page.getByRole("form", { name: "New product" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create product" })).toHaveCount(0);
    await page.getByRole("link", { name: "Newsletter" }).click();
    await expect(page.getByTestId("prices-table")).toContainText("€9.00 / year");
    await expect(page.getByRole("button", { name: /Archive/ })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Add a price" })).toHaveCount(0);
    await expectAccessible(page);

    const other = await seedMerchant("products-other");
    const theirs = await api<{ id: string }>(request, other, "/api/v1/products", { name: "Not yours" });
    const res = await page.goto(`/products/${theirs.id}`);
    expect(res?.status()).toBe(404);
    expect((await page.goto(`/products/${product.id}`))?.status()).toBe(200);
  } finally {
    await analyst.close();
  }
});

test("the keys page grants products: a restricted key with products read lists prices but cannot create one (403)", async ({ page, request }) => {
  const m = await seedMerchant("products-rk");
  const product = await api<{ id: string }>(request, m, "/api/v1/products", { name: "Tea", default_price_data: { currency: "gbp", unit_amount: 350 } });
  await signInOk(page, m.email, m.password);
  await page.goto("/developers/api-keys");
  await page.getByLabel("Key name").fill("Catalogue reader");
  await page.getByLabel("Type").selectOption("restricted");
  await page.getByTestId("key-permissions").getByLabel("products").selectOption("read");
  await page.getByRole("button", { name: /Create test key/ }).click();
  const secret = (await page.getByTestId("new-key-value").textContent())!.trim();
  await expect(page.getByTestId("key-grants").first()).toHaveText("products: read");
  const headers = { Authorization: `Bearer ${secret}` };
  const list = await request.get(`/api/v1/prices?product=${product.id}`, { headers });
  expect(list.status()).toBe(200);
  expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(1);
  const refused = await request.post("/api/v1/prices", { headers, data: { product: product.id, currency: "gbp", unit_amount: 400 } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("permission_denied");
  const payments = await request.get("/api/v1/payments", { headers });
  expect(payments.status()).toBe(403);
});
