import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { formatMoney } from "@/lib/money";
import { seedMerchant } from "../support/db";

async function signInOk(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;
const auth = (m: Merchant) => ({ Authorization: `Bearer ${m.secretKey}` });
async function pay(request: APIRequestContext, m: Merchant, data: Record<string, unknown>) {
  const res = await request.post("/api/v1/payments", { headers: auth(m), data });
  return res.json();
}
async function all<T>(request: APIRequestContext, m: Merchant, path: string): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await request.get(`${path}${path.includes("?") ? "&" : "?"}limit=100${after ? `&starting_after=${after}` : ""}`, { headers: auth(m) });
    const body = await res.json();
    out.push(...body.data);
    if (!body.has_more) return out;
    after = body.data.at(-1).id;
  }
}

/** A merchant with a mix of today's payments made through the API. */
async function merchantWithPayments(request: APIRequestContext, label: string) {
  const m = await seedMerchant(label);
  const made = [
    await pay(request, m, { amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true, receipt_email: "ana@example.com" }),
    await pay(request, m, { amount: 1999, currency: "usd", payment_method: "pm_card_mastercard", confirm: true }),
    await pay(request, m, { amount: 7350, currency: "usd", payment_method: "pm_card_amex", confirm: true }),
    await pay(request, m, { amount: 500, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true }),
    await pay(request, m, { amount: 900, currency: "eur", payment_method: "pm_card_visa", confirm: true }),
    await pay(request, m, { amount: 1200, currency: "usd" }),
  ];
  await request.post("/api/v1/refunds", { headers: auth(m), data: { payment: made[1].id, amount: 500 } });
  return { m, made };
}

test("overview: today's figures equal sums computed from the API, and each links to its list", async ({ page, request }) => {
  const { m } = await merchantWithPayments(request, "overview");
  const today = new Date().toISOString().slice(0, 10);
  const since = Math.floor(Date.parse(`${today}T00:00:00Z`) / 1000);
  const payments = (
    await all<{ id: string; currency: string; status: string; amount_received: number; fee: number }>(request, m, `/api/v1/payments?created[gte]=${since}`)
  ).filter((p) => p.currency === "usd");
  const txns = (
    await all<{ type: string; amount: number; fee: number; net: number; currency: string; created: number }>(request, m, "/api/v1/balance_transactions")
  ).filter((t) => t.currency === "usd" && t.created >= since);
  const gross = payments.reduce((a, p) => a + p.amount_received, 0);
  const successful = payments.filter((p) => p.status === "succeeded").length;
  const declined = payments.filter((p) => p.status === "requires_payment_method").length - 1; // one was never confirmed
  const refunds = -txns.filter((t) => t.type === "refund").reduce((a, t) => a + t.amount, 0);
  const net = txns.reduce((a, t) => a + t.net, 0);
  expect(successful).toBe(3);
  expect(refunds).toBe(500);

  await signInOk(page, m.email, m.password);
  await page.getByRole("link", { name: "Today" }).click();
  await expect(page).toHaveURL(/range=today/);
  await expect(page.getByTestId("overview")).toHaveAttribute("data-currency", "usd");
  await expect(page.getByTestId("metric-gross-value")).toHaveText(formatMoney(gross, "usd"));
  await expect(page.getByTestId("metric-net-value")).toHaveText(formatMoney(net, "usd"));
  await expect(page.getByTestId("metric-successful-value")).toHaveText(String(successful));
  await expect(page.getByTestId("metric-success-rate-value")).toHaveText(`${Math.round((successful / (successful + declined)) * 1000) / 10}%`);
  await expect(page.getByTestId("metric-refunds-value")).toHaveText(formatMoney(refunds, "usd"));
  await expect(page.getByTestId("by-method")).toContainText("amex");
  await expect(page.getByTestId("by-currency")).toContainText("eur");

  // The gross figure opens the list behind it: the same succeeded USD payments of today.
  await page.getByTestId("metric-gross").click();
  await expect(page).toHaveURL(/\/payments\?.*status=succeeded/);
  await expect(page.getByTestId("payments-table").locator("tbody tr")).toHaveCount(successful);
  await page.goto("/dashboard?range=today");
  await page.getByTestId("metric-refunds").click();
  await expect(page.getByTestId("refunds-table").locator("tbody tr")).toHaveCount(1);

  // A custom range that makes no sense shows a designed error, not a crash.
  await page.goto(`/dashboard?from=${today}&to=2001-01-01`);
  await expect(page.getByRole("alert").filter({ hasText: "That range cannot be shown" })).toBeVisible();
});

test("payments list: filter by status and date, search by last4, choose columns, export the filtered view as CSV", async ({ page, request }) => {
  const { m, made } = await merchantWithPayments(request, "list");
  const today = new Date().toISOString().slice(0, 10);
  await signInOk(page, m.email, m.password);
  await page.goto("/payments");
  await expect(page.getByTestId("payments-table").locator("tbody tr")).toHaveCount(6);

  const filters = page.getByTestId("payment-filters");
  await filters.getByLabel("Status", { exact: true }).selectOption("succeeded");
  await filters.getByLabel("From", { exact: true }).fill(today);
  await filters.getByLabel("To", { exact: true }).fill(today);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`status=succeeded.*from=${today}|from=${today}.*status=succeeded`));
  await expect(page.getByTestId("payments-table").locator("tbody tr")).toHaveCount(4);
  // A day with nothing in it: the designed empty state.
  await filters.getByLabel("From", { exact: true }).fill("2020-01-01");
  await filters.getByLabel("To", { exact: true }).fill("2020-01-02");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("payments-empty")).toContainText("No payments match these filters");

  // The URL is the view: sharing it shows the same rows.
  await page.goto(`/payments?status=succeeded&currency=usd&from=${today}&to=${today}`);
  const ids = await page
    .getByTestId("payments-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-payment-id")));
  expect(ids).toHaveLength(3);

  // CSV export of this filtered view: the same rows, streamed with a progress line.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await (await download).path();
  await expect(page.getByTestId("export-done")).toHaveText("Exported 3 rows.");
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^id,created,amount,currency,status/);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(ids);

  // Column choice survives a reload (kept in the browser).
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Id" }).uncheck();
  await expect(page.getByRole("columnheader", { name: "Id" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Customer" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Id" })).toHaveCount(0);

  // Search by last 4 (the sandbox amex card ends 0005), open it, refund part of it and watch the page update.
  await page.goto("/payments");
  await page.getByLabel("Search").fill("0005");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("payments-table").locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: "$73.50" }).click();
  await expect(page).toHaveURL(new RegExp(`/payments/${made[2].id}$`));
  await expect(page.getByTestId("raw-json")).toContainText(`"id": "${made[2].id}"`, { useInnerText: false });
  await page.getByLabel("Refund amount (USD)").fill("20.00");
  await page.getByRole("button", { name: "Refund…" }).click();
  await expect(page.getByRole("dialog", { name: "Confirm refund" })).toContainText("$73.50 can still be refunded");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByTestId("amount-refunded")).toHaveText("$20.00");
  await expect(page.getByTestId("timeline")).toContainText("refund.succeeded");
  await expect(page.getByTestId("ledger")).toContainText("refunds");
});

test("keyboard only: from the payment page, Tab reaches the refund and its confirmation", async ({ page, request }) => {
  const { m, made } = await merchantWithPayments(request, "keys");
  await signInOk(page, m.email, m.password);
  await page.goto(`/payments/${made[0].id}`);
  const focusTo = async (name: string) => {
    for (let i = 0; i < 60; i++) {
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "")) === name) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached "${name}"`);
  };
  await focusTo("Refund…");
  await page.keyboard.press("Enter");
  await focusTo("Confirm refund");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("amount-refunded")).toHaveText("$42.00");
});

test("axe: no serious or critical violations on any dashboard page", async ({ page, request }) => {
  // Every sidebar page is walked (22 with Subscriptions, Invoices and Billing), 2–3 s each on a busy machine.
  test.setTimeout(150_000);
  const { m, made } = await merchantWithPayments(request, "axe");
  await signInOk(page, m.email, m.password);
  const hrefs = await page
    .getByRole("navigation", { name: "Main" })
    .first()
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const pages = [
    ...new Set([...hrefs, "/dashboard?range=today", `/payments/${made[0].id}`, "/payments?status=canceled", "/payments?from=2020-01-01&to=2020-01-01"]),
  ];
  expect(pages.length).toBeGreaterThan(8);
  const problems: string[] = [];
  for (const href of pages) {
    await page.goto(href);
    await page.waitForLoadState("networkidle");
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
      problems.push(
        `${href}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
      );
    }
  }
  expect(problems).toEqual([]);
});

test("dashboard endpoints: session required, filters validated, another merchant's payment is not found", async ({ page, request, playwright }) => {
  const { m, made } = await merchantWithPayments(request, "endpoints");
  const other = await merchantWithPayments(request, "endpoints-other");
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedOut = await anonymous.get("/api/dashboard/payments");
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).error.code).toBe("not_signed_in");
  await anonymous.dispose();

  await signInOk(page, m.email, m.password);
  const get = async (path: string) => {
    const res = await page.request.get(path);
    return { status: res.status(), body: await res.json().catch(() => null), res };
  };
  const list = await get("/api/dashboard/payments?status=succeeded&limit=2");
  expect(list.status).toBe(200);
  expect(list.body.data).toHaveLength(2);
  expect(list.body.has_more).toBe(true);
  const next = await get(`/api/dashboard/payments?status=succeeded&limit=2&cursor=${list.body.next_cursor}`);
  expect(next.body.data.map((p: { id: string }) => p.id)).not.toContain(list.body.data[0].id);
  const cases: [string, number, string][] = [
    ["/api/dashboard/payments?status=paid", 400, "parameter_invalid"],
    ["/api/dashboard/payments?from=yesterday", 400, "parameter_invalid"],
    ["/api/dashboard/payments?sort=amount", 400, "parameter_unknown"],
    [`/api/dashboard/payments?q=${"x".repeat(300)}`, 400, "parameter_invalid"],
    [`/api/dashboard/payments?cursor=${other.made[0].id}`, 404, "resource_missing"],
    [`/api/dashboard/payments/${other.made[0].id}`, 404, "resource_missing"],
    ["/api/dashboard/payments/export?amount_min=abc", 400, "parameter_invalid"],
    ["/api/dashboard/overview?from=2026-01-02", 400, "parameter_missing"],
    ["/api/dashboard/overview?from=2026-01-02&to=2026-01-01", 400, "parameter_invalid"],
    ["/api/dashboard/overview?from=2020-01-01&to=2026-01-01", 400, "parameter_invalid"],
  ];
  for (const [path, status, code] of cases) {
    const r = await get(path);
    expect({ path, status: r.status, code: r.body?.error?.code }).toEqual({ path, status, code });
  }
  const mine = await get(`/api/dashboard/payments/${made[0].id}`);
  expect(mine.body.payment.id).toBe(made[0].id);
  const csv = await page.request.get("/api/dashboard/payments/export?currency=eur");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["kassa-row-count"]).toBe("1");
  expect((await csv.text()).trimEnd().split("\r\n")).toHaveLength(2);
});
