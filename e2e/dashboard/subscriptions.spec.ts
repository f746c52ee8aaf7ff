// Dashboard → Subscriptions and Invoices in Chromium: a product and price made on the products page, a demo
// customer (saved through the API with pm_card_visa as default) subscribed from the dashboard, seen active in
// the list and on its page with its paid first invoice, its upcoming invoice and timeline; cancel at period
// end from the page; MRR on the overview; an incomplete subscription's reason and voiding its invoice; the
// billing settings; an analyst reads everything but has no buttons, and the actions refuse them; axe.
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

/** A customer as an integrator makes one: with pm_card_visa attached and set as their default, unless `card` is false. */
async function demoCustomer(request: APIRequestContext, m: Merchant, name: string, card = true) {
  const c = await api<{ id: string }>(request, m, "/api/v1/customers", { name, email: `${name.toLowerCase().replaceAll(" ", ".")}@example.test` });
  if (card) {
    const pm = await api<{ id: string }>(request, m, "/api/v1/payment_methods/pm_card_visa/attach", { customer: c.id });
    await api(request, m, `/api/v1/customers/${c.id}`, { invoice_settings: { default_payment_method: pm.id } });
  }
  return c.id;
}

/** A sidebar entry (the overview's figures link to the same pages under longer names). */
const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });

/** Makes a product with a monthly price from the products page's form. */
async function productFromForm(page: Page, name: string, amount: string) {
  await navLink(page, "Products").click();
  const form = page.getByRole("form", { name: "New product" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Amount").fill(amount);
  await form.getByLabel("Currency").selectOption("usd");
  await form.getByLabel("Billing").selectOption("recurring");
  await form.getByLabel("Interval").selectOption("month");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByTestId("new-product")).toContainText("prod_");
}

/** Fills the New subscription form and submits it. */
async function subscribe(page: Page, customer: RegExp, price: RegExp, quantity: string) {
  await navLink(page, "Subscriptions").click();
  await page.getByRole("link", { name: "New subscription" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/new$/);
  const form = page.getByRole("form", { name: "New subscription" });
  const customerOption = form.getByLabel("Customer").locator("option", { hasText: customer });
  await form.getByLabel("Customer").selectOption((await customerOption.getAttribute("value"))!);
  const priceOption = form.getByLabel("Price").locator("option", { hasText: price });
  await form.getByLabel("Price").selectOption((await priceOption.getAttribute("value"))!);
  await form.getByLabel("Quantity").fill(quantity);
  await form.getByRole("button", { name: "Create subscription" }).click();
}

test("a merchant subscribes a demo customer from the dashboard, sees it active with its paid first invoice, and cancels it at period end", async ({
  page,
  request,
}) => {
  const m = await seedMerchant("subs-ui");
  const ada = await demoCustomer(request, m, "Ada Demo");
  await signInOk(page, m.email, m.password);
  await productFromForm(page, "Gym", "25.50");

  await navLink(page, "Subscriptions").click();
  await expect(page.getByTestId("subscriptions-empty")).toContainText("No subscriptions yet");
  await expectAccessible(page);
  await subscribe(page, /Ada Demo/, /Gym — \$25\.50 \/ month/, "2");
  await expect(page.getByTestId("new-subscription")).toContainText("Subscription active: sub_");
  await expectAccessible(page);
  const id = (await page.getByTestId("new-subscription").getByRole("link").textContent())!.trim();
  const stored = await api<{ status: string; customer: string; items: { data: { quantity: number; price: { unit_amount: number } }[] } }>(
    request,
    m,
    `/api/v1/subscriptions/${id}`,
  );
  expect(stored).toMatchObject({ status: "active", customer: ada, items: { data: [{ quantity: 2, price: { unit_amount: 2550 } }] } });

  // The list: active, $51.00 a month, the customer's name.
  await navLink(page, "Subscriptions").click();
  const row = page.getByTestId("subscriptions-table").locator(`tr[data-id="${id}"]`);
  await expect(row).toContainText("Ada Demo");
  await expect(row).toContainText("2 × Gym");
  await expect(row).toContainText("active");
  await expect(row).toContainText("$51.00 / month");
  // Filtered by status: not among the canceled ones.
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "canceled", exact: true }).click();
  await expect(page.getByTestId("subscriptions-empty")).toBeVisible();
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "active", exact: true }).click();
  await row.getByRole("link", { name: "Subscription of Ada Demo" }).click();

  // Its page: status in words, items, the paid first invoice with its hosted page, the next renewal, the timeline.
  await expect(page).toHaveURL(new RegExp(`/subscriptions/${id}$`));
  await expect(page.getByTestId("status-explained")).toContainText("Active: the next renewal is on");
  await expect(page.getByTestId("subscription-summary")).toContainText("visa · 4242");
  await expect(page.getByTestId("subscription-items").getByRole("row", { name: /Gym/ })).toContainText("$51.00");
  const first = page.getByTestId("subscription-invoices").getByRole("row", { name: /KASSA-0001/ });
  await expect(first).toContainText("paid");
  await expect(first).toContainText("$51.00");
  const invoices = await api<{ data: { number: string; status: string; hosted_invoice_url: string; amount_paid: number }[] }>(
    request,
    m,
    `/api/v1/invoices?subscription=${id}`,
  );
  expect(invoices.data).toHaveLength(1);
  expect(invoices.data[0]).toMatchObject({ number: "KASSA-0001", status: "paid", amount_paid: 5100 });
  await expect(first.getByRole("link", { name: "Invoice KASSA-0001, hosted page" })).toHaveAttribute("href", invoices.data[0]!.hosted_invoice_url);
  await expect(page.getByTestId("upcoming-invoice")).toContainText("the renewal will bill $51.00");
  const upcoming = await api<{ amount_due: number; lines: { data: { description: string }[] } }>(request, m, `/api/v1/invoices/upcoming?subscription=${id}`);
  expect(upcoming.amount_due).toBe(5100);
  await expect(page.getByTestId("upcoming-invoice")).toContainText(upcoming.lines.data[0]!.description);
  const timeline = page.getByTestId("subscription-timeline");
  await expect(timeline).toContainText("Subscription created");
  await expect(timeline).toContainText("Try 1 to collect invoice KASSA-0001 with visa · 4242");
  await expect(timeline).toContainText("Invoice KASSA-0001 paid");
  await expect(timeline).toContainText("Next renewal");
  await expectAccessible(page);

  // Cancel at period end: stays active, no renewal coming; undo brings it back; set again.
  await page.getByRole("button", { name: "Cancel at period end" }).click();
  await expect(page.getByTestId("cancel-at-period-end")).toContainText("yes, on");
  await expect(page.getByTestId("status-explained")).toContainText("set to cancel at the end of the period");
  await expect(page.getByTestId("upcoming-none")).toContainText("set to cancel at the end of its period");
  await expect(timeline).toContainText("Set to cancel at period end");
  expect(await api(request, m, `/api/v1/subscriptions/${id}`)).toMatchObject({ status: "active", cancel_at_period_end: true });
  await page.getByRole("button", { name: "Don't cancel" }).click();
  await expect(page.getByTestId("cancel-at-period-end")).toHaveText("no");
  expect(await api(request, m, `/api/v1/subscriptions/${id}`)).toMatchObject({ cancel_at_period_end: false });
  await page.getByRole("button", { name: "Cancel at period end" }).click();
  await expect(page.getByTestId("cancel-at-period-end")).toContainText("yes, on");
  expect(await api(request, m, `/api/v1/subscriptions/${id}`)).toMatchObject({ status: "active", cancel_at_period_end: true });
  await expectAccessible(page);

  // The overview counts it: $51.00 of MRR, one subscriber, all new today.
  await navLink(page, "Home").click();
  await expect(page.getByTestId("mrr-overview")).toHaveAttribute("data-currency", "usd");
  await expect(page.getByTestId("metric-mrr-value")).toHaveText("$51.00");
  await expect(page.getByTestId("metric-new-mrr-value")).toHaveText("$51.00");
  await expect(page.getByTestId("metric-churned-mrr-value")).toHaveText("$0.00");
  await expect(page.getByTestId("metric-subscribers-value")).toHaveText("1");
  await expectAccessible(page);

  // Invoices: the paid one, filtered by status.
  await navLink(page, "Invoices").click();
  await expect(page.getByTestId("invoices-table").getByRole("row", { name: /KASSA-0001/ })).toContainText("Ada Demo");
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "open", exact: true }).click();
  await expect(page.getByTestId("invoices-empty")).toBeVisible();
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "paid", exact: true }).click();
  await expect(page.getByTestId("invoices-table").getByRole("row", { name: /KASSA-0001/ })).toContainText("$51.00");
  await expectAccessible(page);

  // From the customer's page: their subscriptions, and a new one with the customer chosen.
  await page.goto(`/customers/${ada}`);
  await page.getByRole("main").getByRole("link", { name: "Subscriptions", exact: true }).click();
  await expect(page.getByTestId("subscriptions-table").locator(`tr[data-id="${id}"]`)).toBeVisible();
  await page.goto(`/customers/${ada}`);
  await page.getByRole("main").getByRole("link", { name: "New subscription", exact: true }).click();
  await expect(page.getByRole("form", { name: "New subscription" }).getByLabel("Customer")).toHaveValue(ada);

  // Live mode has none of the test data.
  await navLink(page, "Subscriptions").click();
  await page.getByRole("button", { name: "Switch to live data" }).click();
  await expect(page.getByTestId("subscriptions-empty")).toContainText("No subscriptions yet");
  await navLink(page, "Invoices").click();
  await expect(page.getByTestId("invoices-empty")).toBeVisible();
  await page.getByRole("button", { name: "Switch to test data" }).click();
  await expect(page.getByTestId("invoices-table").getByRole("row", { name: /KASSA-0001/ })).toBeVisible();
});

test("a customer without a card: incomplete with its reason in words; its open invoice voided from the invoices list; cancel now", async ({
  page,
  request,
}) => {
  const m = await seedMerchant("subs-incomplete");
  await demoCustomer(request, m, "Cardless Carl", false);
  const product = await api<{ id: string; default_price: string }>(request, m, "/api/v1/products", {
    name: "Newsletter",
    default_price_data: { currency: "usd", unit_amount: 900, recurring: { interval: "month" } },
  });
  await signInOk(page, m.email, m.password);
  // A bad quantity is refused in the form, with nothing stored.
  await subscribe(page, /Cardless Carl/, /Newsletter/, "0");
  const form = page.getByRole("form", { name: "New subscription" });
  await form.getByLabel("Quantity").evaluate((el: HTMLInputElement) => el.removeAttribute("min"));
  await form.getByRole("button", { name: "Create subscription" }).click();
  await expect(form.getByText("Quantity must be a whole number from 1 to 10,000.")).toBeVisible();
  expect((await api<{ data: unknown[] }>(request, m, "/api/v1/subscriptions?status=all")).data).toHaveLength(0);

  await form.getByLabel("Quantity").fill("1");
  await form.getByRole("button", { name: "Create subscription" }).click();
  const made = page.getByTestId("new-subscription");
  await expect(made).toContainText("incomplete");
  await expect(made).toContainText("the customer has no saved card to charge");
  await expect(page.getByTestId("error-code")).toHaveText("payment_method_missing");
  await expectAccessible(page);
  await made.getByRole("link").click();
  await expect(page.getByTestId("status-explained")).toContainText("Waiting for its first payment: the customer has no saved card to charge");
  await expect(page.getByTestId("upcoming-none")).toContainText("is incomplete");
  const id = page.url().split("/").at(-1)!;

  await navLink(page, "Invoices").click();
  const open = page.getByTestId("invoices-table").getByRole("row", { name: /KASSA-0001/ });
  await expect(open).toContainText("open");
  await open.getByRole("button", { name: "Void KASSA-0001" }).click();
  await expect(open).toContainText("void");
  await expect(open.getByRole("button")).toHaveCount(0);
  expect((await api<{ data: { status: string }[] }>(request, m, `/api/v1/invoices?subscription=${id}`)).data[0]!.status).toBe("void");

  // Cancel now, with its prorate box.
  await page.goto(`/subscriptions/${id}`);
  await page.getByLabel("Credit the unused time (prorate)").check();
  await page.getByRole("button", { name: "Cancel now" }).click();
  await expect(page.getByTestId("status-explained")).toContainText("Ended on");
  await expect(page.getByTestId("subscription-actions")).toHaveCount(0);
  expect(await api(request, m, `/api/v1/subscriptions/${id}`)).toMatchObject({ status: "canceled" });
  expect(product.default_price).toMatch(/^price_/);
});

test("billing settings: a schedule is saved, a bad one is refused with its reason", async ({ page }) => {
  const m = await seedMerchant("subs-billing");
  await signInOk(page, m.email, m.password);
  await navLink(page, "Billing").click();
  const form = page.getByRole("form", { name: "Billing settings" });
  await expect(form.getByLabel("Retry days")).toHaveValue("1, 2, 3, 5, 7, 10, 14");
  await expectAccessible(page);
  await form.getByLabel("Retry days").fill("5, 3");
  await form.getByRole("button", { name: "Save billing settings" }).click();
  await expect(form.getByText(/must be in ascending order.*\(parameter_invalid\)/)).toBeVisible();
  await form.getByLabel("Retry days").fill("1, 2, 3, 4, 5, 6, 7, 8");
  await form.getByRole("button", { name: "Save billing settings" }).click();
  await expect(form.getByText(/at most 7 retries/)).toBeVisible();
  await form.getByLabel("Retry days").fill("2, 31");
  await form.getByRole("button", { name: "Save billing settings" }).click();
  await expect(form.getByText(/retry_days\[1\].*\(parameter_invalid_integer\)/)).toBeVisible();
  await form.getByLabel("Retry days").fill("3, 6, 12");
  await form.getByLabel("After the last try fails").selectOption("canceled");
  await form.getByLabel("Customers may cancel at period end from the billing portal").uncheck();
  await form.getByRole("button", { name: "Save billing settings" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(form.getByLabel("Retry days")).toHaveValue("3, 6, 12");
  await expect(form.getByLabel("After the last try fails")).toHaveValue("canceled");
  await expect(form.getByLabel("Customers may cancel at period end from the billing portal")).not.toBeChecked();
});

test("an analyst sees subscriptions, invoices and billing settings without any button, and the actions refuse them; another merchant's subscription is 404", async ({
  browser,
  page,
  request,
}) => {
  const m = await seedMerchant("subs-ro");
  const customer = await demoCustomer(request, m, "Read Only");
  const product = await api<{ default_price: string }>(request, m, "/api/v1/products", {
    name: "Box",
    default_price_data: { currency: "usd", unit_amount: 4000, recurring: { interval: "month" } },
  });
  const sub = await api<{ id: string }>(request, m, "/api/v1/subscriptions", { customer, items: [{ price: product.default_price }] });
  const incomplete = await api<{ id: string }>(request, m, "/api/v1/subscriptions", {
    customer: await demoCustomer(request, m, "No Card", false),
    items: [{ price: product.default_price }],
  });

  // The owner's real requests for two actions, captured to be replayed with the analyst's cookies.
  await signInOk(page, m.email, m.password);
  await page.goto(`/subscriptions/${sub.id}`);
  const [cancelRequest] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Cancel at period end" }).click(),
  ]);
  await expect(page.getByTestId("cancel-at-period-end")).toContainText("yes");
  await page.getByRole("button", { name: "Don't cancel" }).click();
  await expect(page.getByTestId("cancel-at-period-end")).toHaveText("no");

  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  try {
    const a = analyst.page;
    await navLink(a, "Subscriptions").click();
    await expect(a.getByTestId("subscriptions-table").locator(`tr[data-id="${sub.id}"]`)).toContainText("active");
    await expect(a.getByRole("link", { name: "New subscription" })).toHaveCount(0);
    await expectAccessible(a);
    await a.goto(`/subscriptions/${sub.id}`);
    await expect(a.getByTestId("status-explained")).toContainText("Active");
    await expect(a.getByTestId("upcoming-invoice")).toContainText("$40.00");
    for (const name of ["Cancel at period end", "Pause", "Cancel now", "Resume", "Void KASSA-0001"])
      await expect(a.getByRole("button", { name })).toHaveCount(0);
    await expect(a.getByLabel("Credit the unused time (prorate)")).toHaveCount(0);
    await expect(a.getByTestId("subscription-actions")).toHaveCount(0);
    await expectAccessible(a);
    expect((await a.goto("/subscriptions/new"))?.status()).toBe(403);
    await navLink(a, "Invoices").click();
    const open = a.getByTestId("invoices-table").locator("tr", { hasText: "No Card" });
    await expect(open).toContainText("open");
    await expect(open.getByRole("button")).toHaveCount(0);
    await expectAccessible(a);
    await navLink(a, "Billing").click();
    await expect(a.getByLabel("Retry days")).toBeDisabled();
    await expect(a.getByRole("button", { name: "Save billing settings" })).toHaveCount(0);
    await expectAccessible(a);

    // The owner's captured action, sent with the analyst's session from the dashboard's own origin: refused.
    const cookie = (await a.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const headers = await cancelRequest.allHeaders();
    const res = await request.post(cancelRequest.url(), {
      headers: {
        accept: headers.accept ?? "text/x-component",
        "content-type": headers["content-type"]!,
        "next-action": headers["next-action"]!,
        ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
        origin: headers.origin!,
        "sec-fetch-site": "same-origin",
        cookie,
      },
      data: cancelRequest.postDataBuffer()!,
    });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("permission_denied");
    expect(await api(request, m, `/api/v1/subscriptions/${sub.id}`)).toMatchObject({ status: "active", cancel_at_period_end: false });
    expect(incomplete.id).toMatch(/^sub_/);

    const other = await seedMerchant("subs-other");
    const theirs = await api<{ id: string }>(request, other, "/api/v1/subscriptions", {
      customer: await demoCustomer(request, other, "Not Yours"),
      items: [
        {
          price: (
            await api<{ default_price: string }>(request, other, "/api/v1/products", {
              name: "X",
              default_price_data: { currency: "usd", unit_amount: 100, recurring: { interval: "month" } },
            })
          ).default_price,
        },
      ],
    });
    expect((await a.goto(`/subscriptions/${theirs.id}`))?.status()).toBe(404);
    expect((await page.goto(`/subscriptions/${theirs.id}`))?.status()).toBe(404);
    expect((await a.goto(`/subscriptions/${sub.id}`))?.status()).toBe(200);
  } finally {
    await analyst.close();
  }
});
