// The customer billing portal in Chromium: a customer with a card and a monthly subscription made through the
// API opens their portal link, sees the subscription and its invoice, changes the card with the sandbox card
// form and cancels at period end (the API then shows both); the page passes axe. An expired link shows the
// expired page, an unknown one a 404, neither anything of the customer's. The portal's cancel action, captured
// from the real page and replayed: refused from another origin or with no Origin, and bound to the session's
// customer — another customer's or another merchant's subscription id in the form changes nothing.
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { auditLog, billingPortalSessions, billingSettings, subscriptions } from "@/db/schema";
import type { PortalSessionObject } from "@/lib/billing-portal/serialize";
import type { InvoiceObject } from "@/lib/invoices/serialize";
import type { SubscriptionObject } from "@/lib/subscriptions/serialize";
import { auth, ok, type Merchant } from "../support/api";
import { expectAccessible, startSite } from "../support/checkout";
import { db, seedMerchant } from "../support/db";

let m: Merchant;
let other: Merchant;
test.beforeAll(async () => {
  m = await seedMerchant("portal");
  other = await seedMerchant("portal-other");
});

const post = (request: APIRequestContext, key: string, path: string, data: Record<string, unknown> = {}) => request.post(path, { headers: auth(key), data });
const get = async <T>(request: APIRequestContext, key: string, path: string) => ok<T>(await request.get(path, { headers: auth(key) }));

/** Through the API: a monthly $20 price, a customer with a saved Visa as default, subscribed. */
async function subscribedCustomer(request: APIRequestContext, key: string, name = "Ada Portal") {
  const product = await ok<{ default_price: string }>(
    await post(request, key, "/api/v1/products", {
      name: "Pro plan",
      default_price_data: { currency: "usd", unit_amount: 2000, recurring: { interval: "month" } },
    }),
  );
  const customer = await ok<{ id: string }>(await post(request, key, "/api/v1/customers", { email: "ada@example.test", name }));
  const pm = await ok<{ id: string }>(await post(request, key, "/api/v1/payment_methods/pm_card_visa/attach", { customer: customer.id }));
  await ok(await post(request, key, `/api/v1/customers/${customer.id}`, { invoice_settings: { default_payment_method: pm.id } }));
  const sub = await ok<SubscriptionObject>(
    await post(request, key, "/api/v1/subscriptions", { customer: customer.id, items: [{ price: product.default_price }] }),
  );
  expect(sub.status).toBe("active");
  return { customer: customer.id, card: pm.id, sub };
}

const portalSession = async (request: APIRequestContext, key: string, customer: string, return_url?: string) =>
  ok<PortalSessionObject>(await post(request, key, "/api/v1/billing_portal/sessions", { customer, ...(return_url ? { return_url } : {}) }));

const cancelFlag = async (id: string) => (await (await db()).db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!.cancelAtPeriodEnd;

/** Collects CSP violations the page reports in its console. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}

test("the portal link: see the subscription and its invoice, update the card with the sandbox form, cancel at period end; the API shows both", async ({
  page,
  request,
  baseURL,
}) => {
  const shop = await startSite({ "/account": () => "<!doctype html><title>Account</title><h1>Back at the shop</h1>" });
  try {
    const { customer, card, sub } = await subscribedCustomer(request, m.secretKey);
    const invoice = await get<InvoiceObject>(request, m.secretKey, `/api/v1/invoices/${sub.latest_invoice}`);
    const session = await portalSession(request, m.secretKey, customer, `${shop.origin}/account`);
    expect(session.url.startsWith(`${baseURL}/billing/`)).toBe(true);

    const csp = cspViolations(page);
    const res = await page.goto(session.url);
    expect(res!.status()).toBe(200);
    const headers = res!.headers();
    // Stripe's domains for the card form, never framed, the token kept from other sites' Referer.
    expect(headers["content-security-policy"]).toContain("https://js.stripe.com https://*.js.stripe.com");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    // The checkout's embed flow does not reach the portal: an embed_origin changes nothing.
    const embedded = (await request.get(`${session.url}?embed_origin=${encodeURIComponent(shop.origin)}`)).headers();
    expect(embedded["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(embedded["x-frame-options"]).toBe("DENY");

    await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
    await expect(page.getByTestId("portal-business")).toHaveText("Shop portal");
    const subscription = page.getByTestId("portal-subscription");
    await expect(subscription).toHaveCount(1);
    await expect(subscription).toContainText("Pro plan");
    await expect(subscription).toContainText("$20.00 / month");
    await expect(subscription).toContainText("Active");
    const renews = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(sub.current_period_end * 1000));
    await expect(page.getByTestId("portal-next")).toHaveText(`$20.00 on ${renews}`);
    const invoices = page.getByTestId("portal-invoices");
    await expect(invoices.locator("tbody tr")).toHaveCount(1);
    await expect(invoices).toContainText(invoice.number!);
    await expect(invoices).toContainText("$20.00");
    await expect(invoices).toContainText("Paid");
    await expect(invoices.getByRole("link", { name: `View invoice ${invoice.number}` })).toHaveAttribute("href", invoice.hosted_invoice_url!);
    await expect(page.getByTestId("portal-card")).toContainText("Visa ending in 4242");
    await expectAccessible(page);

    // Update the card: the checkout's sandbox form, a Mastercard test number.
    await page.getByRole("button", { name: "Update card" }).click();
    const form = page.getByTestId("portal-card-form");
    await form.getByLabel("Card number").fill("5555 5555 5555 4444");
    await form.getByLabel("Expiry date").fill("12 / 34");
    await form.getByLabel("CVC").fill("123");
    await expectAccessible(page);
    await form.getByRole("button", { name: "Save card" }).click();
    await expect(page.getByTestId("portal-card-updated")).toBeVisible();
    await expect(page.getByTestId("portal-card")).toContainText("Mastercard ending in 4444");
    const after = await get<{ invoice_settings: { default_payment_method: string } }>(request, m.secretKey, `/api/v1/customers/${customer}`);
    const newCard = after.invoice_settings.default_payment_method;
    expect(newCard).not.toBe(card);
    expect(await get(request, m.secretKey, `/api/v1/payment_methods/${newCard}`)).toMatchObject({ customer, card: { brand: "mastercard", last4: "4444" } });

    // Cancel at period end, undo it, and cancel again.
    await subscription.getByRole("button", { name: "Cancel at end of period" }).click();
    await expect(page.getByTestId("portal-cancels")).toContainText(`Cancels on ${renews}`);
    expect(await get(request, m.secretKey, `/api/v1/subscriptions/${sub.id}`)).toMatchObject({ cancel_at_period_end: true, status: "active" });
    await subscription.getByRole("button", { name: "Keep subscription" }).click();
    await expect(page.getByTestId("portal-next")).toBeVisible();
    expect(await get(request, m.secretKey, `/api/v1/subscriptions/${sub.id}`)).toMatchObject({ cancel_at_period_end: false });
    await subscription.getByRole("button", { name: "Cancel at end of period" }).click();
    await expect(page.getByTestId("portal-cancels")).toBeVisible();
    await expectAccessible(page);
    expect(await get(request, m.secretKey, `/api/v1/subscriptions/${sub.id}`)).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: sub.current_period_end,
      default_payment_method: null,
    });
    // The audit rows name the portal as the actor.
    const h = await db();
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, m.merchantId), eq(auditLog.targetId, sub.id), eq(auditLog.actorId, "billing_portal")));
    expect(audits.map((a) => [a.actorType, a.action])).toEqual([
      ["system", "subscription.updated"],
      ["system", "subscription.updated"],
      ["system", "subscription.updated"],
    ]);
    expect(audits[0]!.actorLabel).toContain(session.id);
    expect(csp).toEqual([]);

    // Back to the merchant.
    await page.getByTestId("portal-return").click();
    await expect(page).toHaveURL(`${shop.origin}/account`);
    await expect(page.getByRole("heading", { name: "Back at the shop" })).toBeVisible();
  } finally {
    await shop.close();
  }
});

test("an expired link shows the expired page and nothing of the customer's; an unknown link is a 404", async ({ page, request, baseURL }) => {
  const { customer, sub } = await subscribedCustomer(request, m.secretKey, "Expired Eve");
  const session = await portalSession(request, m.secretKey, customer, "https://shop.example/account");
  // An hour passes (the link's lifetime is checked against the stored expires_at).
  await (
    await db()
  ).db
    .update(billingPortalSessions)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(billingPortalSessions.id, session.id));
  const res = await page.goto(session.url);
  expect(res!.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This billing link has expired" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Return to Shop portal" })).toHaveAttribute("href", "https://shop.example/account");
  const text = await page.locator("body").innerText();
  for (const secret of ["Expired Eve", "ada@example.test", "Pro plan", "4242", sub.id]) expect(text).not.toContain(secret);
  await expect(page.getByRole("button")).toHaveCount(0);
  await expectAccessible(page);

  const token = session.url.split("/").pop()!;
  for (const path of [`/billing/${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, `/billing/${session.id}`, "/billing/x"]) {
    const missing = await page.goto(`${baseURL}${path}`);
    expect(missing!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "This billing link is not valid" })).toBeVisible();
    expect(await page.locator("body").innerText()).not.toContain("Expired Eve");
  }
  await expectAccessible(page);
});

test("portal_cancel off: no cancel button, the customer is told to contact the business", async ({ page, request }) => {
  const merchant = await seedMerchant("portal-nocancel");
  await (
    await db()
  ).db
    .insert(billingSettings)
    .values({ merchantId: merchant.merchantId, retryDays: [1, 3, 5], terminalAction: "unpaid", portalCancel: false });
  const { customer, sub } = await subscribedCustomer(request, merchant.secretKey);
  const session = await portalSession(request, merchant.secretKey, customer);
  await page.goto(session.url);
  await expect(page.getByTestId("portal-subscription")).toContainText("To cancel, contact Shop portal-nocancel.");
  await expect(page.getByRole("button", { name: "Cancel at end of period" })).toHaveCount(0);
  await expect(page.getByTestId("portal-return")).toHaveCount(0);
  await expectAccessible(page);
  expect(await cancelFlag(sub.id)).toBe(false);
});

test("the cancel action, replayed: another origin or no Origin is refused; another customer's or merchant's subscription id changes nothing", async ({
  page,
  request,
  baseURL,
}) => {
  const mine = await subscribedCustomer(request, m.secretKey, "Mine");
  const neighbour = await subscribedCustomer(request, m.secretKey, "Neighbour");
  const stranger = await subscribedCustomer(request, other.secretKey, "Stranger");
  const session = await portalSession(request, m.secretKey, mine.customer);
  await page.goto(session.url);

  // The real button's request: its Next-Action id, router state and body (the form's hidden fields), captured.
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Cancel at end of period" }).click(),
  ]);
  await expect(page.getByTestId("portal-cancels")).toBeVisible();
  expect(await cancelFlag(mine.sub.id)).toBe(true);
  const headers = await sent.allHeaders();
  const body = sent.postDataBuffer()!.toString("latin1");
  expect(headers.origin).toBe(baseURL);
  expect(body).toContain(mine.sub.id);
  expect(body).toContain(session.url.split("/").pop()!);
  const replay = (extra: Record<string, string>, data: string = body): Promise<APIResponse> =>
    request.post(sent.url(), {
      headers: {
        accept: headers.accept ?? "text/x-component",
        "content-type": headers["content-type"]!,
        "next-action": headers["next-action"]!,
        ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
        ...extra,
      },
      data: Buffer.from(data, "latin1"),
    });
  // Undo it on the page, so each replay below would set it again if it ran.
  await page.getByRole("button", { name: "Keep subscription" }).click();
  await expect(page.getByTestId("portal-next")).toBeVisible();
  expect(await cancelFlag(mine.sub.id)).toBe(false);

  // Another site (Next refuses the action: 500), a sandboxed page (Origin: null), another host.
  for (const origin of ["http://evil.test", "null", `http://localhost:${new URL(baseURL!).port}`]) {
    const res = await replay({ origin, "sec-fetch-site": "cross-site" });
    expect(res.status(), origin).toBe(500);
    expect(await cancelFlag(mine.sub.id), origin).toBe(false);
  }
  // No Origin at all, or this Origin with the browser saying another site sent it: the portal refuses.
  for (const extra of [{}, { origin: baseURL!, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    const text = await (await replay(extra)).text();
    expect(text).toContain("This request did not come from this page");
    expect(await cancelFlag(mine.sub.id)).toBe(false);
  }
  // From the page's own origin, with another customer's subscription (same merchant) or another merchant's in
  // the form: refused, and neither subscription changes.
  for (const victim of [neighbour.sub.id, stranger.sub.id]) {
    expect(victim.length).toBe(mine.sub.id.length);
    const res = await replay({ origin: baseURL!, "sec-fetch-site": "same-origin" }, body.replaceAll(mine.sub.id, victim));
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("can't be changed from this page");
    expect(await cancelFlag(victim)).toBe(false);
    expect(await cancelFlag(mine.sub.id)).toBe(false);
  }
  // The captured request itself from the page's own origin runs (so the refusals above are the checks, not a stale action).
  const own = await replay({ origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(own.status()).toBe(200);
  expect(await cancelFlag(mine.sub.id)).toBe(true);
  expect(await cancelFlag(neighbour.sub.id)).toBe(false);
  expect(await cancelFlag(stranger.sub.id)).toBe(false);
});
