// Sessions end when they are signed out: a copied cookie is refused afterwards, here or everywhere.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { seedMerchant } from "../support/db";
import { signInOk } from "../support/sign-in";

async function signedIn(browser: Browser, login: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOk(page, login.email, login.password);
  return { context, page };
}

/** A fresh browser carrying only `cookies` (a stolen copy): does the dashboard still let it in? */
async function cookieStillWorks(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto("/dashboard");
  const inside = !/\/login/.test(page.url());
  const api = await context.request.get("/api/dashboard/payments");
  await context.close();
  return { inside, api: api.status() };
}

test("signing out refuses the old cookie; the session list signs another browser out; sign out everywhere ends them all", async ({ browser }) => {
  const m = await seedMerchant("sessions");

  // 1. Sign in, copy the cookie, sign out: the copy is dead.
  const a = await signedIn(browser, m);
  const copied = await a.context.cookies();
  expect(await cookieStillWorks(browser, copied)).toEqual({ inside: true, api: 200 });
  await a.page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(a.page).toHaveURL(/\/login/);
  expect(await cookieStillWorks(browser, copied)).toEqual({ inside: false, api: 401 });
  await a.context.close();

  // 2. Two browsers; B sees both sessions and signs A out from the list.
  const one = await signedIn(browser, m);
  const two = await signedIn(browser, m);
  const oneCookies = await one.context.cookies();
  await two.page.goto("/settings");
  const rows = two.page.getByTestId("login-sessions").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This browser" })).toHaveCount(1);
  await rows.filter({ hasNotText: "This browser" }).getByRole("button", { name: "Sign out" }).click();
  await expect(rows).toHaveCount(1);
  expect((await cookieStillWorks(browser, oneCookies)).inside).toBe(false);
  await one.context.close();

  // 3. Sign out everywhere from a third browser ends B's session as well.
  const three = await signedIn(browser, m);
  const twoCookies = await two.context.cookies();
  await three.page.goto("/settings");
  await three.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(three.page).toHaveURL(/\/login/);
  expect(await cookieStillWorks(browser, twoCookies)).toEqual({ inside: false, api: 401 });
  await two.context.close();
  await three.context.close();
});

test("changing the password needs the current one and signs every other session out", async ({ browser }) => {
  const m = await seedMerchant("password");
  const other = await signedIn(browser, m);
  const otherCookies = await other.context.cookies();
  const me = await signedIn(browser, m);
  await me.page.goto("/settings");
  const form = me.page.getByTestId("password-form");
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Your current password is not right.")).toBeVisible();
  await form.getByLabel("Current password").fill(m.password);
  await form.getByLabel("New password").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Password changed.")).toBeVisible();
  expect((await cookieStillWorks(browser, otherCookies)).inside).toBe(false);
  await me.page.goto("/dashboard");
  await expect(me.page).toHaveURL(/\/dashboard$/);
  await other.context.close();
  await me.context.close();
});
