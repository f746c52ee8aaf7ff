// Settings → Routing in Chromium: an admin builds an EUR rule to sandbox_b and a 70/30 split default, a split
// adding up to 90 and a range no payment fits are refused at their fields with nothing stored and nothing typed
// lost, then saved (version 1) and saved again (version 2); the tester answers from the draft (unsaved edits
// included) with the rule and the failover order; an analyst reads without a Save button and their replay of
// the save is refused; support cannot open the page; another merchant sees none of it and their replay changes
// only their own rules; payments made through the API after the rule show their connector and the rule on their
// page. axe on the editor and on the read-only page.
import { expect, test, type APIRequestContext, type Locator, type Page, type Request } from "@playwright/test";
import { eq } from "drizzle-orm";
import { routingConfigs } from "@/db/schema";
import { kassa, ok } from "../support/api";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });
const editor = (page: Page) => page.getByRole("form", { name: "Routing rules" });
const ruleGroup = (page: Page, n: number) => editor(page).getByRole("group", { name: new RegExp(`^Rule ${n}( —|$)`) });
const defaultRoute = (page: Page) => editor(page).getByRole("group", { name: /^Default route/ });
const tester = (page: Page) => page.getByRole("form", { name: "Routing tester" });

const stored = async (merchantId: string) =>
  (await db()).db
    .select({ version: routingConfigs.version, rules: routingConfigs.rules })
    .from(routingConfigs)
    .where(eq(routingConfigs.merchantId, merchantId));

const EUR_RULE = { name: "EUR to B", when: { currency: ["eur"] }, route: { connector: "sandbox_b" } };
const SPLIT_70_30 = {
  split: [
    { connector: "sandbox", weight: 70 },
    { connector: "sandbox_b", weight: 30 },
  ],
};

/** Saves rules through the API with the merchant's secret key (the server drops its cached copy before answering). */
const saveByApi = async (m: Merchant, doc: unknown) => ok(await kassa(m.secretKey).POST("/api/v1/routing_rules", { body: doc as never }));

async function fillSplit(route: Locator, rows: [string, string][]) {
  await route.getByLabel("Split by weight").check();
  for (const [i, [connector, weight]] of rows.entries()) {
    await route.getByLabel(`Connector ${i + 1}`, { exact: true }).selectOption(connector);
    await route.getByLabel(`Weight ${i + 1} (%)`).fill(weight);
  }
}

/** Runs the tester for an amount, a currency and a test card ("" for none). */
async function check(page: Page, amount: string, currency: string, card = "pm_card_visa") {
  const form = tester(page);
  await form.getByLabel(/^Amount/).fill(amount);
  await form.getByLabel("Currency").selectOption(currency);
  await form.getByLabel("Test card").selectOption(card ? card : { index: 0 });
  await form.getByRole("button", { name: "Check route" }).click();
  return form.getByTestId("routing-test-result");
}

/** The sent server action's request, replayable with the cookies of another signed-in page. */
async function replayer(request: APIRequestContext, sent: Request) {
  const headers = await sent.allHeaders();
  const body = sent.postDataBuffer()!;
  expect(headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
  return async (as: Page, extra: Record<string, string>) =>
    request.post(sent.url(), {
      headers: {
        accept: headers.accept ?? "text/x-component",
        "content-type": headers["content-type"]!,
        "next-action": headers["next-action"]!,
        ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
        cookie: (await as.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; "),
        ...extra,
      },
      data: body,
    });
}

test("an admin saves an EUR rule and a 70/30 default; a bad split and an empty range are refused at their fields, nothing saved or lost; version 2 after a second save", async ({
  page,
}) => {
  const m = await seedMerchant("routing");
  const admin = await addMember(m.ctx, "admin");
  await signInOk(page, admin.email, admin.password);
  await navLink(page, "Routing").click();
  await expect(page).toHaveURL(/\/settings\/routing$/);
  await expect(page.getByRole("heading", { name: "Routing", level: 1 })).toBeVisible();
  await expect(page.getByTestId("routing-version")).toContainText("Never saved");
  await expect(editor(page).getByTestId("no-rules")).toBeVisible();

  await editor(page).getByRole("button", { name: "Add a rule" }).click();
  const rule = ruleGroup(page, 1);
  await rule.getByLabel("Name").fill("EUR to B");
  await expect(editor(page).getByRole("group", { name: "Rule 1 — EUR to B" })).toBeVisible();
  // Amounts are minor units until one currency is set, then that currency's major units.
  await expect(rule.getByLabel("Amount at least (minor units)")).toBeVisible();
  await rule.getByLabel("Currencies").fill("EUR");
  await expect(rule.getByLabel("Amount at least (EUR)")).toBeVisible();
  await expect(rule.getByTestId("amount-unit")).toContainText("In EUR");
  await rule.getByLabel("Connector", { exact: true }).selectOption("sandbox_b");

  // The default split, 60/30: the total says so as it is typed, and the server refuses it at the split.
  const fallback = defaultRoute(page);
  await fillSplit(fallback, [
    ["sandbox", "60"],
    ["sandbox_b", "30"],
  ]);
  await expect(fallback.getByTestId("split-total")).toHaveText("✗ Total: 90% — must add up to 100% (10% short).");
  await expectAccessible(page);
  const save = editor(page).getByRole("button", { name: "Save routing rules" });
  await save.click();
  await expect(fallback.getByTestId("group-error")).toContainText("the split's weights add up to 90; they must add up to 100. (routing_rule_invalid)");
  await expect(fallback.getByTestId("group-error")).toBeFocused();
  await expect(editor(page).getByRole("alert").filter({ hasText: "Not saved" })).toContainText("the default route");
  expect(await stored(m.merchantId)).toEqual([]);
  // Nothing typed was lost.
  await expect(rule.getByLabel("Name")).toHaveValue("EUR to B");
  await expect(rule.getByLabel("Currencies")).toHaveValue("EUR");
  await expect(rule.getByLabel("Connector", { exact: true })).toHaveValue("sandbox_b");
  await expect(fallback.getByLabel("Weight 2 (%)")).toHaveValue("30");

  await fallback.getByLabel("Weight 1 (%)").fill("70");
  await expect(fallback.getByTestId("split-total")).toHaveText("✓ Total: 100% — adds up.");

  // An amount EUR cannot hold is refused before sending; a range no payment fits by the server, at "less than".
  await rule.getByLabel("Amount at least (EUR)").fill("10.505");
  await save.click();
  await expect(rule.getByLabel("Amount at least (EUR)")).toHaveAttribute("aria-invalid", "true");
  await expect(rule.getByTestId("field-error")).toContainText("EUR has 2 decimal places");
  await rule.getByLabel("Amount at least (EUR)").fill("50");
  await rule.getByLabel("Amount less than (EUR)").fill("10");
  await save.click();
  const lessThan = rule.getByLabel("Amount less than (EUR)");
  await expect(rule.getByTestId("field-error")).toContainText("amount_lt (1000) must be greater than amount_gte (5000)");
  await expect(lessThan).toHaveAttribute("aria-invalid", "true");
  await expect(lessThan).toBeFocused();
  expect(await stored(m.merchantId)).toEqual([]);
  await rule.getByLabel("Amount at least (EUR)").fill("");
  await lessThan.fill("");

  await save.click();
  await expect(editor(page).getByRole("status").filter({ hasText: "Saved" })).toHaveText("Saved as version 1. New payments use these rules now.");
  await expect(page.getByTestId("routing-version")).toContainText("Version 1, last changed");
  expect(await stored(m.merchantId)).toEqual([{ version: 1, rules: { rules: [EUR_RULE], default: SPLIT_70_30 } }]);

  // A second save: from 10.50 EUR (1050 cents, never a float).
  await rule.getByLabel("Amount at least (EUR)").fill("10.50");
  await expect(editor(page).getByTestId("unsaved")).toBeVisible();
  await save.click();
  await expect(editor(page).getByRole("status").filter({ hasText: "Saved" })).toContainText("Saved as version 2");
  await expect(page.getByTestId("routing-version")).toContainText("Version 2, last changed");
  expect(await stored(m.merchantId)).toEqual([
    { version: 2, rules: { rules: [{ ...EUR_RULE, when: { currency: ["eur"], amount_gte: 1050 } }], default: SPLIT_70_30 } },
  ]);

  await page.reload();
  await expect(page.getByTestId("routing-version")).toContainText("Version 2");
  await expect(ruleGroup(page, 1).getByLabel("Amount at least (EUR)")).toHaveValue("10.50");
  await expect(ruleGroup(page, 1).getByLabel("Connector", { exact: true })).toHaveValue("sandbox_b");
  await expect(defaultRoute(page).getByLabel("Weight 1 (%)")).toHaveValue("70");
  await expect(defaultRoute(page).getByLabel("Connector 2", { exact: true })).toHaveValue("sandbox_b");
  await expect(editor(page).getByTestId("unsaved")).toHaveCount(0);

  // Rules move and go by keyboard-reachable buttons; the order is saved as shown.
  await editor(page).getByRole("button", { name: "Add a rule" }).click();
  const second = ruleGroup(page, 2);
  await second.getByLabel("Name").fill("Amex");
  await second.getByLabel("amex").check();
  await second.getByRole("button", { name: "Move rule 2 up" }).click();
  await expect(editor(page).getByRole("button", { name: "Move rule 1 down" })).toBeFocused();
  await expect(ruleGroup(page, 1)).toHaveAccessibleName("Rule 1 — Amex");
  await ruleGroup(page, 2).getByRole("button", { name: "Remove rule 2" }).click();
  await expect(ruleGroup(page, 2)).toHaveCount(0);
  await save.click();
  await expect(editor(page).getByRole("status").filter({ hasText: "Saved" })).toContainText("Saved as version 3");
  expect((await stored(m.merchantId))[0]!.rules.rules).toEqual([{ name: "Amex", when: { card_brand: ["amex"] }, route: { connector: "sandbox" } }]);
});

test("the tester answers from the draft: sandbox_b for an EUR amount with pm_card_visa, the default otherwise, with the failover order", async ({ page }) => {
  const m = await seedMerchant("routing-tester");
  await saveByApi(m, { rules: [EUR_RULE], default: SPLIT_70_30 });
  await signInOk(page, m.email, m.password);
  await page.goto("/settings/routing");

  const eur = await check(page, "25.00", "eur");
  await expect(eur.getByTestId("routing-test-connector")).toHaveText("sandbox_b");
  await expect(eur.getByTestId("routing-test-rule")).toHaveText("Rule 1 (EUR to B)");
  await expect(eur.getByTestId("routing-test-candidates")).toHaveText("sandbox_b → sandbox");
  await expect(eur).toContainText("unsaved changes included");

  const usd = await check(page, "25.00", "usd");
  await expect(usd.getByTestId("routing-test-rule")).toHaveText("Default route");
  await expect(usd.getByTestId("routing-test-connector")).toHaveText(/^sandbox(_b)?$/);

  // An unsaved edit counts: the rule now wants GBP, so EUR takes the default.
  await ruleGroup(page, 1).getByLabel("Currencies").fill("GBP");
  await expect(editor(page).getByTestId("unsaved")).toBeVisible();
  await expect((await check(page, "25.00", "eur")).getByTestId("routing-test-rule")).toHaveText("Default route");
  await expect((await check(page, "25.00", "gbp")).getByTestId("routing-test-connector")).toHaveText("sandbox_b");

  // A described card (no test card); an amount GBP cannot hold is refused at the amount.
  const form = tester(page);
  await form.getByLabel("Card brand").selectOption("amex");
  await expect((await check(page, "7", "gbp", "")).getByTestId("routing-test-connector")).toHaveText("sandbox_b");
  await form.getByLabel(/^Amount/).fill("1.234");
  await form.getByRole("button", { name: "Check route" }).click();
  await expect(form.getByLabel("Amount (GBP)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("field-error")).toContainText("GBP allows 2 decimal places");
  await expect(form.getByTestId("routing-test-result")).toHaveCount(0);

  // A draft the server refuses is shown at its field in the editor.
  await fillSplit(defaultRoute(page), [
    ["sandbox", "50"],
    ["sandbox_b", "40"],
  ]);
  await form.getByLabel(/^Amount/).fill("10");
  await form.getByRole("button", { name: "Check route" }).click();
  await expect(defaultRoute(page).getByTestId("group-error")).toContainText("add up to 90");
  await expect(form.getByRole("alert")).toContainText("The rules above have a problem");
  expect((await stored(m.merchantId))[0]!.version).toBe(1);
});

test("an analyst reads the rules without saving and their replayed save is refused; support cannot open the page; another merchant sees nothing and changes only their own", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const m = await seedMerchant("routing-roles");
  const other = await seedMerchant("routing-other");
  await signInOk(page, m.email, m.password);
  await page.goto("/settings/routing");
  await editor(page).getByRole("button", { name: "Add a rule" }).click();
  await ruleGroup(page, 1).getByLabel("Name").fill("EUR to B");
  await ruleGroup(page, 1).getByLabel("Currencies").fill("EUR");
  await ruleGroup(page, 1).getByLabel("Connector", { exact: true }).selectOption("sandbox_b");
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    editor(page).getByRole("button", { name: "Save routing rules" }).click(),
  ]);
  await expect(editor(page).getByRole("status").filter({ hasText: "Saved" })).toContainText("version 1");
  const replay = await replayer(request, sent);
  const sameOrigin = { origin: baseURL!, "sec-fetch-site": "same-origin" };

  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  await navLink(analyst.page, "Routing").click();
  await expect(analyst.page.getByTestId("routing-version")).toContainText("Version 1");
  const readOnly = ruleGroup(analyst.page, 1);
  await expect(readOnly).toHaveAccessibleName("Rule 1 — EUR to B");
  await expect(readOnly.getByLabel("Name")).toHaveValue("EUR to B");
  await expect(readOnly.getByLabel("Name")).toBeDisabled();
  await expect(readOnly.getByLabel("Connector", { exact: true })).toBeDisabled();
  await expect(editor(analyst.page).getByTestId("read-only")).toContainText("Only owners and admins can change routing rules.");
  await expect(analyst.page.getByRole("button", { name: "Save routing rules" })).toHaveCount(0);
  await expect(analyst.page.getByRole("button", { name: "Add a rule" })).toHaveCount(0);
  await expect(analyst.page.getByRole("button", { name: "Remove rule 1" })).toHaveCount(0);
  await expectAccessible(analyst.page);
  // The analyst may test the saved rules.
  const tried = await check(analyst.page, "25.00", "eur");
  await expect(tried.getByTestId("routing-test-connector")).toHaveText("sandbox_b");
  await expect(tried).toContainText("From the saved rules, version 1.");
  // The owner's save replayed with the analyst's cookie, from the dashboard's own origin: refused by the verb.
  const forged = await replay(analyst.page, sameOrigin);
  expect(await forged.text()).toContain("permission_denied");
  expect((await stored(m.merchantId)).map((r) => r.version)).toEqual([1]);
  await analyst.close();

  const support = await signedInPage(browser, await addMember(m.ctx, "support"));
  await expect(navLink(support.page, "Alerts")).toBeVisible();
  await expect(navLink(support.page, "Routing")).toHaveCount(0);
  expect((await support.page.goto("/settings/routing"))!.status()).toBe(403);
  expect(await (await replay(support.page, sameOrigin)).text()).toContain("permission_denied");
  await support.close();

  // Another merchant's owner: their own (empty) rules, never this merchant's.
  const stranger = await signedInPage(browser, other);
  await stranger.page.goto("/settings/routing");
  await expect(stranger.page.getByTestId("routing-version")).toContainText("Never saved");
  await expect(editor(stranger.page).getByTestId("no-rules")).toBeVisible();
  await expect(stranger.page.getByText("EUR to B")).toHaveCount(0);
  // Replaying this merchant's save with their cookie acts on their own merchant only.
  const theirs = await replay(stranger.page, sameOrigin);
  expect(theirs.status()).toBe(200);
  expect((await stored(m.merchantId)).map((r) => r.version)).toEqual([1]);
  expect((await stored(other.merchantId)).map((r) => r.version)).toEqual([1]);
  await stranger.close();
  // Still version 1 here, with the owner's own rule.
  await page.reload();
  await expect(page.getByTestId("routing-version")).toContainText("Version 1");
});

test("a payment made through the API after the EUR rule shows sandbox_b and the rule on its page; one before shows only its connector", async ({ page }) => {
  const m = await seedMerchant("routing-payments");
  const pay = async (currency: string) =>
    (await ok(await kassa(m.secretKey).POST("/api/v1/payments", { body: { amount: 2500, currency, payment_method: "pm_card_visa", confirm: true } }))).id;
  const before = await pay("eur");
  await saveByApi(m, { rules: [EUR_RULE], default: { connector: "sandbox" } });
  const routed = await pay("eur");
  const fallback = await pay("usd");
  await signInOk(page, m.email, m.password);

  await page.goto(`/payments/${routed}`);
  const attempts = page.getByTestId("attempt-routing");
  await expect(attempts.getByTestId("attempt-connector")).toHaveText("sandbox_b");
  await expect(attempts.getByTestId("attempt-routed-by")).toContainText("Routed by rule 1 (EUR to B), rules v1");
  await expect(attempts.getByTestId("attempt-routed-by")).toContainText("failover sandbox_b → sandbox");
  await expectAccessible(page);

  await page.goto(`/payments/${fallback}`);
  await expect(page.getByTestId("attempt-connector")).toHaveText("sandbox");
  await expect(page.getByTestId("attempt-routed-by")).toContainText("Routed by default, rules v1");

  await page.goto(`/payments/${before}`);
  await expect(page.getByTestId("attempt-connector")).toHaveText("sandbox");
  await expect(page.getByTestId("attempt-routed-by")).toHaveCount(0);
});
