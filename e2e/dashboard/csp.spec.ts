// The dashboard under its nonce CSP: every page hydrates and the browser reports no violation.
import { expect, test, type Page } from "@playwright/test";
import { auth, ok } from "../support/api";
import { seedMerchant } from "../support/db";
import { signInOk } from "../support/sign-in";

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}

test("sign in and walk the dashboard's pages: no CSP violation, client components work", async ({ page, request }) => {
  const m = await seedMerchant("csp");
  const p = await ok<{ id: string }>(
    await request.post("/api/v1/payments", {
      headers: auth(m.secretKey),
      data: { amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true },
    }),
  );
  const violations = cspViolations(page);
  await signInOk(page, m.email, m.password);
  for (const path of [
    "/dashboard",
    "/payments",
    `/payments/${p.id}`,
    "/customers",
    "/disputes",
    "/balance",
    "/developers/api-keys",
    "/developers/webhooks",
    "/developers/workflows",
    "/settings",
    "/settings/team",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(400);
    // Next's client runtime sets window.next once its (nonce-carrying) scripts ran: the page hydrated.
    await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next), { message: path }).toBe("object");
  }
  await page.goto("/payments");
  await expect(page.getByTestId("payments-table").locator("tbody tr")).toHaveCount(1);
  expect(violations).toEqual([]);
});
