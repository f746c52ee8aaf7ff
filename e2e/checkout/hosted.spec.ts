// The hosted checkout page (/pay/:id) in Chromium with the sandbox card form.
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { balanceTransactions, checkoutSessions, sandboxCharges } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { createSession, expectAccessible, getPayment, getSession, payWithCard, startSite } from "../support/checkout";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;
let m: Merchant;
test.beforeAll(async () => {
  m = await seedMerchant("checkout");
});

/** Collects CSP violations the page reports in its console. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(m.email);
  await page.getByLabel("Password").fill(m.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("4242 pays: success page, back to success_url, dashboard shows succeeded with its ledger entry, session complete", async ({ page, request }) => {
  const shop = await startSite({ "/thanks": (u) => `<!doctype html><title>Thanks</title><h1>Thanks from the shop ${u.searchParams.get("s") ?? ""}</h1>` });
  try {
    const s = await createSession(request, m.secretKey, { success_url: `${shop.origin}/thanks?s={CHECKOUT_SESSION_ID}` });
    expect(s.url).toMatch(new RegExp(`/pay/${s.id}$`));
    const csp = cspViolations(page);
    const res = await page.goto(`/pay/${s.id}`);
    const policy = res!.headers()["content-security-policy"]!;
    expect(policy).toContain("script-src 'self' 'nonce-");
    expect(policy).toContain("https://js.stripe.com https://*.js.stripe.com");
    expect(policy).toContain("frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com");
    expect(policy).toContain("connect-src 'self' https://api.stripe.com");
    expect(policy).toContain("frame-ancestors 'none'");
    await expect(page.getByTestId("checkout-merchant")).toHaveText("Shop checkout");
    await expect(page.getByTestId("checkout-amount")).toHaveText("$42.00");
    await expectAccessible(page);

    await payWithCard(page, "4242 4242 4242 4242");
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    await expect(page.getByTestId("checkout-success")).toContainText("$42.00");
    await expectAccessible(page);
    await expect(page).toHaveURL(`${shop.origin}/thanks?s=${s.id}`);
    expect(csp).toEqual([]);

    const session = await getSession(request, m.secretKey, s.id);
    expect(session.status).toBe("complete");
    const payment = await getPayment(request, m.secretKey, session.payment!);
    expect(payment).toMatchObject({ status: "succeeded", amount: 4200, amount_received: 4200 });
    const h = await db();
    expect(
      await h.db
        .select()
        .from(balanceTransactions)
        .where(and(eq(balanceTransactions.sourceId, payment.id), eq(balanceTransactions.merchantId, m.merchantId))),
    ).toHaveLength(1);

    await signIn(page);
    await page.goto(`/payments/${payment.id}`);
    await expect(page.getByTestId("payment-summary")).toContainText("succeeded");
    await expect(page.getByTestId("ledger")).toBeVisible();

    // Reopened after paying: the receipt again, no form, no second charge.
    await page.goto(`/pay/${s.id}`);
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    await expect(page.getByLabel("Card number")).toHaveCount(0);
    expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, payment.id))).toHaveLength(1);
  } finally {
    await shop.close();
  }
});

test("a declined card shows its message and keeps the session open; 4242 then pays", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey);
  await page.goto(`/pay/${s.id}`);
  await payWithCard(page, "4000 0000 0000 0002");
  await expect(page.locator("#card-error")).toHaveText("Your card was declined. Try another card.");
  await expect(page.locator("#card-error")).toHaveAttribute("role", "alert");
  expect((await getSession(request, m.secretKey, s.id)).status).toBe("open");
  await expectAccessible(page);
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  const session = await getSession(request, m.secretKey, s.id);
  expect(session.status).toBe("complete");
  expect((await getPayment(request, m.secretKey, session.payment!)).status).toBe("succeeded");
});

test("3D Secure: completing the challenge pays", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey);
  await page.goto(`/pay/${s.id}`);
  await payWithCard(page, "4000 0027 6000 3184");
  await expect(page).toHaveURL(/\/sandbox\/3ds\/sbch_/);
  await expect(page.getByRole("heading", { name: "Confirm this payment" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${s.id}$`));
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  const session = await getSession(request, m.secretKey, s.id);
  expect(session.status).toBe("complete");
  expect((await getPayment(request, m.secretKey, session.payment!)).status).toBe("succeeded");
});

test("3D Secure: failing the challenge → requires_payment_method with authentication_required, and the customer can retry", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey);
  await page.goto(`/pay/${s.id}`);
  await payWithCard(page, "4000 0025 0000 3155");
  await expect(page).toHaveURL(/\/sandbox\/3ds\/sbch_/);
  await page.getByRole("button", { name: "Fail authentication" }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${s.id}$`));
  await expect(page.locator("#card-error")).toHaveText("Your bank could not authenticate this payment. Try again or use another card.");
  const failed = await getSession(request, m.secretKey, s.id);
  expect(failed.status).toBe("open");
  expect(await getPayment(request, m.secretKey, failed.payment!)).toMatchObject({
    status: "requires_payment_method",
    amount_received: 0,
    last_payment_error: { code: "authentication_required" },
  });
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  const session = await getSession(request, m.secretKey, s.id);
  expect(session.status).toBe("complete");
  expect(await getPayment(request, m.secretKey, session.payment!)).toMatchObject({ status: "succeeded", amount_received: 4200 });
});

test("a tampered amount in the form changes nothing: the session's amount is charged", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey);
  await page.goto(`/pay/${s.id}`);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.evaluate(() => {
    const form = document.querySelector("form")!;
    for (const [name, value] of [
      ["amount", "1"],
      ["currency", "jpy"],
    ]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name!;
      input.value = value!;
      form.appendChild(input);
    }
    document.querySelector('[data-testid="checkout-amount"]')!.textContent = "$0.01";
  });
  await page.getByLabel("Expiry date").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Pay $42.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  const session = await getSession(request, m.secretKey, s.id);
  expect(await getPayment(request, m.secretKey, session.payment!)).toMatchObject({ status: "succeeded", amount: 4200, amount_received: 4200 });
});

test("expired and unknown sessions get a clear page and charge nothing", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey);
  const h = await db();
  await h.db
    .update(checkoutSessions)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(checkoutSessions.id, s.id));
  await page.goto(`/pay/${s.id}`);
  await expect(page.getByRole("heading", { name: "This checkout has expired" })).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  await expectAccessible(page);
  expect((await getSession(request, m.secretKey, s.id)).payment).toBeNull();

  const res = await page.goto("/pay/cs_00000000000000000000000000");
  expect(res!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This checkout link is not valid" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/pay/not-a-session"))!.status()).toBe(404);
});

test("usable at 375 px wide: no sideways scroll, the form pays", async ({ page, request }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const s = await createSession(request, m.secretKey);
  await page.goto(`/pay/${s.id}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the cancel link returns to cancel_url", async ({ page, request }) => {
  const s = await createSession(request, m.secretKey, { cancel_url: "https://shop.example/cart?back=1" });
  await page.goto(`/pay/${s.id}`);
  await expect(page.getByRole("link", { name: "Cancel and return to Shop checkout" })).toHaveAttribute("href", "https://shop.example/cart?back=1");
});
