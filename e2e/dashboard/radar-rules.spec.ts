// Dashboard → Fraud in Chromium: a rule with a syntax error shows the parser's message inline with a caret at the
// column it names; fixed, "Test rule" shows the backtest's counts over stored assessments before saving; saved, it
// is listed and a new version replaces it. Lists: a value added to a default block list (made on first use), a
// duplicate refused with its code, removed again; the add-value action replayed without Origin or cross-site is
// refused with nothing stored; an analyst reads without forms; axe on both pages.
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { fraudAssessments, fraudListItems, fraudRules, payments } from "@/db/schema";
import { MODEL_FEATURES } from "@/lib/fraud/features";
import { newId } from "@/lib/ids";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });

/** A payment of `amount` cents from `country`, with the fraud assessment the check would have stored. */
async function assessed(m: Merchant, amount: number, country: string, hoursAgo: number) {
  const h = await db();
  const paymentId = newId("payment");
  const created = new Date(Date.now() - hoursAgo * 3_600_000);
  await h.db.insert(payments).values({
    id: paymentId,
    merchantId: m.merchantId,
    livemode: false,
    amount: BigInt(amount),
    currency: "usd",
    status: "succeeded",
    captureMethod: "automatic",
    connector: "sandbox",
    createdAt: created,
  });
  const features = Object.fromEntries(MODEL_FEATURES.map((f) => [f, 0]));
  features.amount_in_usd = amount;
  await h.db.insert(fraudAssessments).values({
    id: newId("fraudAssessment"),
    merchantId: m.merchantId,
    livemode: false,
    paymentId,
    attemptId: newId("paymentAttempt"),
    score: 0.1,
    riskScore: 10,
    riskLevel: "normal",
    outcome: "authorized",
    features,
    signals: { card_country: country, payment_method_type: "card" },
    rulesMatched: [],
    modelVersion: "e2e",
    tookUs: 50,
    createdAt: created,
  });
  return paymentId;
}

test("a rule with an error shows it inline at its column; fixed, the backtest shows its counts; saved, then versioned", async ({ page }) => {
  const m = await seedMerchant("radar-ui");
  const big = await assessed(m, 720_000, "NG", 2);
  await assessed(m, 650_000, "US", 3);
  await assessed(m, 1_500, "NG", 4);
  await signInOk(page, m.email, m.password);
  await navLink(page, "Rules").click();
  await expect(page).toHaveURL(/\/fraud\/rules$/);
  await expect(page.getByTestId("rules-empty")).toBeVisible();
  await expectAccessible(page);

  const editor = page.getByRole("form", { name: "Add a rule" });
  const source = editor.getByLabel("Rule");
  await source.fill("block if :amount_in_usd: > 5000 and :card_country: = 'NG");
  await editor.getByRole("button", { name: "Save rule" }).click();
  const error = page.getByTestId("rule-error");
  await expect(error).toContainText("Unterminated string at column 54");
  await expect(error.getByTestId("error-code")).toHaveText("rule_invalid");
  // The caret stands under the column the message names.
  await expect(page.getByTestId("rule-error-caret")).toHaveText(`block if :amount_in_usd: > 5000 and :card_country: = 'NG\n${" ".repeat(53)}^`);
  await expect(source).toHaveAttribute("aria-invalid", "true");
  await expect(source).toHaveValue("block if :amount_in_usd: > 5000 and :card_country: = 'NG");
  await expectAccessible(page);
  // "Test rule" reports the same error without saving.
  await editor.getByRole("button", { name: "Test rule" }).click();
  await expect(error).toContainText("at column 54");

  await source.fill("block if :amount_in_usd: > 5000 and :card_country: = 'NG'");
  await editor.getByRole("button", { name: "Test rule" }).click();
  await expect(page.getByTestId("backtest-summary")).toHaveText("Would have matched 1 of 3 payments in the last 30 days ($7,200.00).");
  await expect(page.getByTestId("backtest-examples").getByRole("row", { name: new RegExp(big) })).toContainText("$7,200.00");
  await expect(page.getByTestId("rule-error")).toHaveCount(0);
  await expectAccessible(page);
  const h = await db();
  expect(await h.db.select().from(fraudRules).where(eq(fraudRules.merchantId, m.merchantId))).toEqual([]);

  await editor.getByRole("button", { name: "Save rule" }).click();
  const row = page.getByTestId("rules-table").getByRole("row", { name: /card_country/ });
  await expect(row).toContainText("block");
  await expect(row).toContainText("1");
  const [saved] = await h.db.select().from(fraudRules).where(eq(fraudRules.merchantId, m.merchantId));
  expect(saved).toMatchObject({ action: "block", version: 1, status: "active", source: "block if :amount_in_usd: > 5000 and :card_country: = 'NG'" });

  // Edit: the next version replaces it.
  await row.getByRole("button", { name: `Edit rule ${saved!.id}` }).click();
  const edit = page.getByRole("form", { name: "Edit rule" });
  await expect(edit.getByLabel(/Rule/)).toHaveValue(saved!.source);
  await edit.getByLabel(/Rule/).fill("review if :amount_in_usd: > 5000");
  await edit.getByRole("button", { name: "Save new version" }).click();
  const v2 = page.getByTestId("rules-table").getByRole("row", { name: /review if/ });
  await expect(v2).toContainText("2");
  await expect(page.getByTestId("rules-table").getByRole("row", { name: /card_country/ })).toHaveCount(0);
  const rows = await h.db.select().from(fraudRules).where(eq(fraudRules.merchantId, m.merchantId)).orderBy(fraudRules.id);
  expect(rows.map((r) => [r.status, r.version, r.replaces])).toEqual([
    ["disabled", 1, null],
    ["active", 2, saved!.id],
  ]);
});

test("lists: a value added to a default block list, a duplicate refused, removed; the action refuses a request without Origin", async ({ page, request }) => {
  const m = await seedMerchant("radar-lists-ui");
  await signInOk(page, m.email, m.password);
  await navLink(page, "Lists").click();
  await expect(page).toHaveURL(/\/fraud\/lists$/);
  await expect(page.getByTestId("lists-empty")).toBeVisible();
  await expectAccessible(page);

  const add = page.getByRole("form", { name: "Add a value to a list" });
  await add.getByLabel("List").selectOption("block_email");
  await add.getByLabel("Value").fill("Fraudster@Example.com");
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    add.getByRole("button", { name: "Add" }).click(),
  ]);
  await expect(add.getByRole("status")).toContainText("Added fraudster@example.com");
  const list = page.locator("[data-list=block_email]");
  await expect(list.locator("[data-item='fraudster@example.com']")).toBeVisible();
  await expectAccessible(page);

  // The same value again: refused inline with its code.
  await add.getByLabel("List").selectOption("block_email");
  await add.getByLabel("Value").fill("FRAUDSTER@example.com");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add).toContainText("already on @block_email");
  await expect(add).toContainText("resource_already_exists");

  // The captured action replayed with the owner's cookie but no Origin, or marked cross-site: nothing stored.
  const h = await db();
  const stored = async () => (await h.db.select().from(fraudListItems).where(eq(fraudListItems.merchantId, m.merchantId))).map((i) => i.value);
  const headers = await sent!.allHeaders();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = sent!.postDataBuffer()!.toString().replace("Fraudster@Example.com", "replayed@example.com");
  const refusals: Record<string, string>[] = [{}, { origin: new URL(sent!.url()).origin, "sec-fetch-site": "cross-site" }];
  for (const extra of refusals) {
    const res = await request.post(sent!.url(), {
      headers: { accept: "text/x-component", "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, cookie, ...extra },
      data: Buffer.from(body),
    });
    expect(await res.text()).not.toContain("Added replayed");
  }
  expect(await stored()).toEqual(["fraudster@example.com"]);

  await list.getByRole("button", { name: "Remove fraudster@example.com" }).click();
  await expect(list.getByText("Empty.")).toBeVisible();
  expect(await stored()).toEqual([]);

  // A list of one's own, and a bad value for it.
  const create = page.getByRole("form", { name: "New list" });
  await create.getByLabel("Alias").fill("risky_bins");
  await create.getByLabel("Name").fill("Risky BINs");
  await create.getByLabel("Holds").selectOption("card_bin");
  await create.getByRole("button", { name: "Create list" }).click();
  const bins = page.locator("[data-list=risky_bins]");
  const addBin = bins.getByRole("form", { name: "Add a value to @risky_bins" });
  await addBin.getByLabel("Value").fill("42");
  await addBin.getByRole("button", { name: "Add" }).click();
  await expect(addBin).toContainText("parameter_invalid");
  await addBin.getByLabel("Value").fill("424242");
  await addBin.getByRole("button", { name: "Add" }).click();
  await expect(bins.locator("[data-item='424242']")).toBeVisible();
  const [one] = await h.db
    .select()
    .from(fraudListItems)
    .where(and(eq(fraudListItems.merchantId, m.merchantId), eq(fraudListItems.value, "424242")));
  expect(one).toBeTruthy();
});

test("an analyst reads rules and lists without forms; support has no Fraud entry", async ({ browser }) => {
  const m = await seedMerchant("radar-analyst");
  const h = await db();
  await h.db
    .insert(fraudRules)
    .values({ id: newId("fraudRule"), merchantId: m.merchantId, livemode: false, action: "review", source: "review if :amount: > 900" });
  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  await navLink(analyst.page, "Rules").click();
  await expect(analyst.page.getByTestId("rules-table")).toContainText("review if :amount: > 900");
  await expect(analyst.page.getByRole("form", { name: "Add a rule" })).toHaveCount(0);
  await expect(analyst.page.getByRole("button", { name: /Disable/ })).toHaveCount(0);
  await expectAccessible(analyst.page);
  await navLink(analyst.page, "Lists").click();
  await expect(analyst.page.getByRole("form")).toHaveCount(0);
  await analyst.close();
  const support = await signedInPage(browser, await addMember(m.ctx, "support"));
  await expect(navLink(support.page, "Rules")).toHaveCount(0);
  await support.close();
});
