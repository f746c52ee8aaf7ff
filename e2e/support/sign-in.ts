import { expect, type Browser, type Page } from "@playwright/test";

/** Signs in through the login form and waits for the dashboard. */
export async function signInOk(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** A second signed-in browser (its own cookies), e.g. another member of the team. */
export async function signedInPage(browser: Browser, login: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOk(page, login.email, login.password);
  return { page, close: () => context.close() };
}

/** A JSON POST made by the signed-in page itself (same origin, as the dashboard's own code would). */
export async function postFromPage(page: Page, path: string, body: unknown): Promise<{ status: number; code: string | undefined }> {
  return page.evaluate(
    async ({ path, body }) => {
      const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
      return { status: res.status, code: json.error?.code };
    },
    { path, body },
  );
}
