// Dashboard → Customers and Disputes in Chromium: list, search, detail, edit, saved cards, the dispute
// queue with its countdown, evidence; roles, other merchants, accessibility and keyboard use.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { disputes, memberships, users } from "@/db/schema";
import { changeRole } from "@/lib/team/change-role";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

async function api<T = Record<string, unknown>>(request: APIRequestContext, m: Merchant, path: string, data?: Record<string, unknown>): Promise<T> {
  const headers = { Authorization: `Bearer ${m.secretKey}` };
  const res = data ? await request.post(path, { headers, data }) : await request.get(path, { headers });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(200);
  return body as T;
}

/** A customer with saved cards (through the API, as an integrator would). */
async function customerWithCards(request: APIRequestContext, m: Merchant, input: { name: string; email: string }, cards: string[]) {
  const c = await api<{ id: string }>(request, m, "/api/v1/customers", input);
  const pms: string[] = [];
  for (const card of cards)
    pms.push((await api<{ payment_method: string }>(request, m, "/api/v1/setup_intents", { customer: c.id, payment_method: card })).payment_method);
  return { id: c.id, pms };
}

/** A pm_card_createDispute payment; the sandbox's cardholder disputes it shortly after (a workflow). */
async function disputedPayment(request: APIRequestContext, m: Merchant, amount: number) {
  const p = await api<{ id: string }>(request, m, "/api/v1/payments", { amount, currency: "usd", payment_method: "pm_card_createDispute", confirm: true });
  let id = "";
  await expect
    .poll(async () => (id = (await api<{ data: { id: string }[] }>(request, m, `/api/v1/disputes?payment=${p.id}`)).data[0]?.id ?? ""), { timeout: 30_000 })
    .toMatch(/^dp_/);
  return { payment: p.id, id };
}

const setDueBy = async (id: string, ms: number) =>
  (await db()).db
    .update(disputes)
    .set({ evidenceDueBy: new Date(Date.now() + ms) })
    .where(eq(disputes.id, id));

/** Presses Tab until `target` has the focus: it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

async function membershipOf(m: Merchant, email: string) {
  const h = await db();
  const [row] = await h.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.merchantId, m.merchantId)));
  return row!.id;
}

const H = 3_600_000;

/** A sidebar entry (the overview's figures link to the same pages under longer names). */
const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });

test("customers: the list with default cards, search, the detail page, edit with an inline error, default and detach by keyboard", async ({
  page,
  request,
}) => {
  const m = await seedMerchant("cust-ui");
  await signInOk(page, m.email, m.password);
  await navLink(page, "Customers").click();
  await expect(page.getByTestId("customers-empty")).toContainText("No customers yet");
  await expectAccessible(page);

  const grace = await customerWithCards(request, m, { name: "Grace Hopper", email: "grace@cobol.test" }, ["pm_card_visa", "pm_card_mastercard"]);
  const [visa, mastercard] = grace.pms as [string, string];
  await api(request, m, `/api/v1/customers/${grace.id}`, { invoice_settings: { default_payment_method: visa }, metadata: { crm_id: "G-1906" } });
  const paid = await api<{ id: string }>(request, m, "/api/v1/payments", {
    amount: 2500,
    currency: "usd",
    customer: grace.id,
    payment_method: visa,
    confirm: true,
  });
  await api(request, m, "/api/v1/customers", { name: "Alan Turing", email: "alan@enigma.test" });

  await page.reload();
  const table = page.getByTestId("customers-table");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.locator("tr", { hasText: "Grace Hopper" })).toContainText("visa · 4242");
  await expect(table.locator("tr", { hasText: "Grace Hopper" })).toContainText(grace.id);
  await expect(table.locator("tr", { hasText: "Alan Turing" })).toContainText("—");

  // Search by name, by email, by id; nothing found is said so.
  const search = page.getByRole("searchbox", { name: "Search customers" });
  await search.fill("hopper");
  await search.press("Enter");
  await expect(page).toHaveURL(/query=hopper/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("Grace Hopper");
  await search.fill("enigma.test");
  await search.press("Enter");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("Alan Turing");
  await search.fill("nobody-at-all");
  await search.press("Enter");
  await expect(page.getByTestId("customers-empty")).toContainText("No customers match “nobody-at-all”");
  await search.fill(grace.id);
  await search.press("Enter");
  await page.getByRole("link", { name: "Grace Hopper" }).click();

  // The detail page: summary, saved cards (default marked), payments, metadata.
  await expect(page).toHaveURL(new RegExp(`/customers/${grace.id}$`));
  await expect(page.getByTestId("customer-summary")).toContainText("grace@cobol.test");
  const cards = page.getByTestId("saved-cards");
  await expect(cards.locator("li")).toHaveCount(2);
  await expect(cards.locator("li", { hasText: "visa · 4242" })).toContainText("Default");
  await expect(cards.locator("li", { hasText: "mastercard · 4444" })).not.toContainText("Default");
  await expect(cards).toContainText(/exp \d{2}\/\d{4}/);
  await expect(page.getByTestId("customer-metadata")).toContainText("G-1906");
  await expectAccessible(page);
  await page.getByTestId("customer-payments").getByRole("link", { name: "$25.00" }).click();
  await expect(page).toHaveURL(new RegExp(`/payments/${paid.id}$`));
  // The payment's page names its customer (linked) and their default card.
  await expect(page.getByTestId("customer-summary")).toContainText("grace@cobol.test");
  await expect(page.getByTestId("customer-summary")).toContainText(/visa · 4242/i);
  await expect(page.getByTestId("customer-summary").getByRole("link", { name: "Grace Hopper" })).toHaveAttribute("href", `/customers/${grace.id}`);
  await page.goBack();

  // Edit: a bad email is refused under the field with its code, and what was typed stays.
  await page.getByLabel("Name").fill("Grace B. Hopper");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Save changes" }).click();
  const form = page.getByRole("form", { name: "Edit customer" });
  await expect(form.getByText(/parameter_invalid/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Grace B. Hopper");
  expect((await api<{ name: string }>(request, m, `/api/v1/customers/${grace.id}`)).name).toBe("Grace Hopper");
  await page.getByLabel("Email").fill("grace@navy.test");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("customer-summary")).toContainText("grace@navy.test");
  expect(await api(request, m, `/api/v1/customers/${grace.id}`)).toMatchObject({ name: "Grace B. Hopper", email: "grace@navy.test" });

  // Keyboard only: make the Mastercard the default, then detach it through the confirmation.
  await page.reload();
  const makeDefault = page.getByRole("button", { name: "Make mastercard · 4444 the default card" });
  await tabTo(page, makeDefault);
  await page.keyboard.press("Enter");
  await expect(cards.locator("li", { hasText: "mastercard · 4444" })).toContainText("Default");
  expect(
    (await api<{ invoice_settings: { default_payment_method: string } }>(request, m, `/api/v1/customers/${grace.id}`)).invoice_settings.default_payment_method,
  ).toBe(mastercard);
  await page.reload();
  await tabTo(page, page.getByRole("button", { name: "Detach mastercard · 4444" }));
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog", { name: "Detach mastercard · 4444?" });
  await expect(confirm).toContainText("no default card");
  await expect(confirm.getByRole("button", { name: "Detach card" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Card detached." })).toBeVisible();
  await expect(cards.locator("li")).toHaveCount(1);
  expect(await api(request, m, `/api/v1/payment_methods/${mastercard}`)).toMatchObject({ customer: null });
  expect(await api(request, m, `/api/v1/customers/${grace.id}`)).toMatchObject({ invoice_settings: { default_payment_method: null } });
});

test("disputes: the queue by respond-by date with countdowns, the ledger effect, evidence (refused empty, then sent), and overdue", async ({
  page,
  request,
}) => {
  const m = await seedMerchant("disp-ui");
  const [a, b, c] = await Promise.all([disputedPayment(request, m, 5000), disputedPayment(request, m, 7000), disputedPayment(request, m, 9000)]);
  await setDueBy(b.id, 3 * 24 * H + 4 * H + 30 * 60_000); // "Respond in 3 days 4 h", before a (7 days)
  await api(request, m, `/api/v1/test_helpers/disputes/${c.id}/close`, { outcome: "won" });

  await signInOk(page, m.email, m.password);
  await navLink(page, "Disputes").click();
  const rows = page.getByTestId("disputes-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-dispute")))).toEqual([b.id, a.id, c.id]);
  await expect(rows.nth(0).getByTestId("dispute-countdown")).toHaveText("Respond in 3 days 4 h");
  await expect(rows.nth(0)).toContainText("needs response");
  await expect(rows.nth(0)).toContainText("fraudulent");
  await expect(rows.nth(1).getByTestId("dispute-countdown")).toHaveText(/^Respond in 6 days 23 h$/);
  await expect(rows.nth(2).getByTestId("dispute-countdown")).toHaveText("Won");
  await expect(rows.nth(0).getByRole("link", { name: b.payment, exact: true })).toHaveAttribute("href", `/payments/${b.payment}`);
  await expectAccessible(page);
  // The disputed payment's page shows the dispute with its countdown and a link to it.
  await page.goto(`/payments/${b.payment}`);
  await expect(page.getByTestId("dispute-notice")).toContainText("needs response");
  await expect(page.getByTestId("dispute-notice").getByRole("link", { name: "Open the dispute" })).toHaveAttribute("href", /\/disputes\/dp_/);
  await page.goBack();

  // The won one: amount + fee withdrawn, the amount credited back.
  await rows
    .nth(2)
    .getByRole("link", { name: /\$90\.00/ })
    .click();
  await expect(page.getByTestId("dispute-effect")).toContainText("$90.00 and the $15.00 dispute fee ($105.00 in all) were withdrawn");
  await expect(page.getByTestId("dispute-effect")).toContainText("won: $90.00 was credited back");
  await expect(page.getByTestId("dispute-ledger")).toContainText("dispute won");
  await expect(page.getByTestId("evidence-closed")).toContainText("This dispute is won");

  // Evidence on b: none at all is refused with its code; then one field is sent and the form closes.
  await page.goto(`/disputes/${b.id}`);
  await expect(page.getByTestId("dispute-summary")).toContainText(b.payment);
  await expect(page.getByTestId("dispute-effect")).toContainText("If you win, $70.00 is credited back");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit evidence" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "parameter_invalid" })).toBeVisible();
  await page.getByLabel("Your response").fill("Delivered and signed for on 3 November.");
  await page.getByLabel("Product or service").fill("Espresso machine");
  await page.getByRole("button", { name: "Submit evidence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Evidence submitted" })).toContainText("under review");
  await expect(page.getByTestId("evidence-closed")).toContainText("Evidence was submitted");
  await expect(page.getByLabel("Your response")).toBeDisabled();
  await expect(page.getByLabel("Your response")).toHaveValue("Delivered and signed for on 3 November.");
  expect(await api(request, m, `/api/v1/disputes/${b.id}`)).toMatchObject({
    status: "under_review",
    evidence: { uncategorized_text: "Delivered and signed for on 3 November.", product_description: "Espresso machine" },
  });

  // a: the page was open while evidence_due_by passed — the server refuses, then the page says overdue.
  await page.goto(`/disputes/${a.id}`);
  await page.getByLabel("Your response").fill("Too late?");
  await setDueBy(a.id, -60_000);
  await page.getByRole("button", { name: "Submit evidence" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "dispute_evidence_past_due" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("dispute-countdown").first()).toHaveText("Overdue");
  await expect(page.getByTestId("evidence-closed")).toContainText("the card network no longer accepts it");
  await expect(page.getByRole("button", { name: "Submit evidence" })).toHaveCount(0);
  await page.getByRole("link", { name: "All disputes" }).click();
  await expect(page).toHaveURL(/\/disputes$/);
  await expect(rows.nth(0)).toHaveAttribute("data-dispute", a.id);
  await expect(rows.nth(1)).toHaveAttribute("data-dispute", b.id);
  await expect(rows.nth(2)).toHaveAttribute("data-dispute", c.id);
  await expect(rows.nth(0).getByTestId("dispute-countdown")).toHaveText("Overdue");
});

test("roles and tenants: an analyst has no controls and a demoted member's action is refused; another merchant's ids are 404", async ({
  page,
  request,
  browser,
}) => {
  const m = await seedMerchant("disp-roles");
  const grace = await customerWithCards(request, m, { name: "Role Test", email: "role@test.test" }, ["pm_card_visa"]);
  const d = await disputedPayment(request, m, 4000);

  // An analyst reads both pages but sees no edit, card or evidence controls.
  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  await expect(navLink(analyst.page, "Customers")).toBeVisible();
  await expect(navLink(analyst.page, "Disputes")).toBeVisible();
  await analyst.page.goto(`/customers/${grace.id}`);
  await expect(analyst.page.getByTestId("saved-cards")).toContainText("visa · 4242");
  await expect(analyst.page.getByRole("form", { name: "Edit customer" })).toHaveCount(0);
  await expect(analyst.page.getByRole("button", { name: /Detach|Make .* default/ })).toHaveCount(0);
  await analyst.page.goto(`/disputes/${d.id}`);
  await expect(analyst.page.getByTestId("evidence-read-only")).toContainText("No evidence sent yet");
  await expect(analyst.page.getByRole("button", { name: "Submit evidence" })).toHaveCount(0);
  await analyst.close();

  // An admin opens both forms, is made an analyst meanwhile: each server action answers permission_denied.
  const adminLogin = await addMember(m.ctx, "admin");
  const admin = await signedInPage(browser, adminLogin);
  const evidencePage = await admin.page.context().newPage();
  await admin.page.goto(`/customers/${grace.id}`);
  await evidencePage.goto(`/disputes/${d.id}`);
  await changeRole({ ctx: m.ctx, input: { membership: await membershipOf(m, adminLogin.email), role: "analyst" } });
  await admin.page.getByLabel("Name").fill("Renamed by an analyst");
  await admin.page.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.page.getByRole("alert").filter({ hasText: "permission_denied" })).toBeVisible();
  await admin.page.getByRole("button", { name: "Detach visa · 4242" }).click();
  await admin.page.getByRole("button", { name: "Detach card" }).click();
  await expect(admin.page.getByRole("alert").filter({ hasText: "customers:write" })).toHaveCount(2);
  await evidencePage.getByLabel("Your response").fill("Not allowed any more");
  await evidencePage.getByRole("button", { name: "Submit evidence" }).click();
  await expect(evidencePage.getByRole("alert").filter({ hasText: "permission_denied" })).toBeVisible();
  await admin.close();
  expect(await api(request, m, `/api/v1/customers/${grace.id}`)).toMatchObject({ name: "Role Test" });
  expect(await api(request, m, `/api/v1/payment_methods/${grace.pms[0]}`)).toMatchObject({ customer: grace.id });
  expect(await api(request, m, `/api/v1/disputes/${d.id}`)).toMatchObject({ status: "needs_response" });

  // Another merchant's owner: this merchant's customer and dispute are the 404 page, as is an unknown id.
  const other = await seedMerchant("disp-other");
  await signInOk(page, other.email, other.password);
  for (const url of [`/customers/${grace.id}`, `/disputes/${d.id}`, "/customers/cus_nope", "/disputes/dp_nope"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  }
  await page.goto("/disputes");
  await expect(page.getByTestId("disputes-empty")).toContainText("pm_card_createDispute");
  await expectAccessible(page);
});
