import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { DEMO_LOGIN } from "@/lib/demo/seed";
import { emails } from "@/db/schema";
import { addMember, db, PASSWORD, seedMerchant, uniqueEmail } from "../support/db";
import { postFromPage } from "../support/sign-in";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signInOk(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** The link in the newest email of `kind` to `to`, from Kassa's outbox (no SMTP server in the suite). */
async function linkFromEmail(to: string, kind: string): Promise<string> {
  const h = await db();
  let found: string | undefined;
  await expect
    .poll(async () => {
      const rows = await h.db
        .select()
        .from(emails)
        .where(and(eq(emails.to, to), eq(emails.kind, kind)));
      found = rows.at(-1) ? /https?:\/\/\S+/.exec(rows.at(-1)!.text)?.[0] : undefined;
      return found;
    })
    .toBeTruthy();
  return new URL(found!).pathname;
}

test("sign up confirms the email, then the owner signs in; the same email again gets the same answer and creates nothing", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Asha Rao");
  await page.getByLabel("Business name").fill("Rao Textiles");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();

  await page.goto(await linkFromEmail(email, "signup_confirm"));
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/login\?confirmed=1/);
  await expect(page.getByText("Your account is ready.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("merchant-name")).toHaveText("Rao Textiles");
  await expect(page.getByTestId("member-role")).toHaveText("owner");
  await expect(page.getByRole("heading", { name: "Welcome, Asha" })).toBeVisible();

  // The same email again: the same answer as for a new one; the owner gets a note, read on the Emails page.
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Business name").fill("Copycat");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  await linkFromEmail(email, "signup_exists");
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("merchant-name")).toHaveText("Rao Textiles");
  await page.getByRole("link", { name: "Emails" }).click();
  await expect(page.getByTestId("emails")).toContainText("You already have a Kassa account");
});

test("forgot password: a one-time link sets a new one; the old one stops working", async ({ page }) => {
  const m = await seedMerchant("forgot");
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: fill the one on the reset page, not the page being left.
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(m.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("If an account has that email")).toBeVisible();
  const link = await linkFromEmail(m.email, "password_reset");
  await page.goto(link);
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await signIn(page, m.email, m.password);
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  // The link worked once.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet another passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("This reset link is used, expired or wrong.")).toBeVisible();
});

test("a short password is refused at sign-up", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Short");
  await page.getByLabel("Business name").fill("Short Ltd");
  await page.getByLabel("Email").fill(uniqueEmail("short"));
  await page.getByLabel("Password").fill("abc");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("must be at least 10 characters")).toBeVisible();
});

test("sign in, and a wrong password is refused", async ({ page }) => {
  const m = await seedMerchant("signin");
  await signIn(page, m.email, "wrong password!!");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Password").fill(m.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("merchant-name")).toHaveText("Shop signin");
});

test("signed-out visitors are sent to /login", async ({ page }) => {
  await page.goto("/developers/api-keys");
  await expect(page).toHaveURL(/\/login/);
});

test("the demo merchant seeded on first start can sign in", async ({ page }) => {
  await signIn(page, DEMO_LOGIN.email, DEMO_LOGIN.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("merchant-name")).toHaveText("Demo Coffee Co.");
});

test("create a key, call the API with it, revoke it and get 401", async ({ page, request }) => {
  const m = await seedMerchant("keys");
  await signInOk(page, m.email, m.password);
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Key name").fill("Checkout server");
  await page.getByRole("button", { name: "Create test key" }).click();
  const secret = (await page.getByTestId("new-key-value").textContent())!.trim();
  expect(secret).toMatch(/^sk_test_[A-Za-z0-9]{32}$/);

  const ok = await request.get("/api/v1/account", { headers: { Authorization: `Bearer ${secret}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).id).toBe(m.merchantId);

  // Shown once: after a reload only the redacted form is on the page.
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  const row = page.locator("tr", { hasText: "Checkout server" });
  await expect(row).toContainText(secret.slice(-4));

  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Revoke Checkout server" }).click();
  await expect(row.getByText("revoked")).toBeVisible();
  const denied = await request.get("/api/v1/account", { headers: { Authorization: `Bearer ${secret}` } });
  expect(denied.status()).toBe(401);
  expect((await denied.json()).error.code).toBe("api_key_expired");

  // Each action is in the audit log.
  await page.getByRole("link", { name: "Audit log" }).click();
  const audit = page.getByTestId("audit-table");
  await expect(audit).toContainText("api_key.revoked");
  await expect(audit).toContainText("api_key.created");
  await expect(audit).toContainText("user.signed_in");
});

test("an analyst cannot create keys: the page is 403 and the endpoint answers 403", async ({ page }) => {
  const m = await seedMerchant("analyst");
  const analyst = await addMember(m.ctx, "analyst");
  await signInOk(page, analyst.email, analyst.password);
  await expect(page.getByTestId("member-role")).toHaveText("analyst");
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  const res = await page.goto("/developers/api-keys");
  expect(res?.status()).toBe(403);
  await expect(page.getByText("Your role cannot open this page")).toBeVisible();
  // From the page itself (same origin, JSON), so only the role stands in the way.
  const api = await postFromPage(page, "/api/dashboard/api-keys", { kind: "secret", name: "sneaky" });
  expect(api.status).toBe(403);
  expect(api.code).toBe("permission_denied");
});

test("an owner invites a member by link, the member joins, and the owner changes the role", async ({ page, browser }) => {
  const m = await seedMerchant("team");
  await signInOk(page, m.email, m.password);
  await page.getByRole("link", { name: "Team" }).click();
  const email = uniqueEmail("invitee");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("developer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invite-link").locator("code").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  const other = await browser.newContext();
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Shop team on Kassa" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Dev Eloper");
  await invitee.getByLabel("Choose a password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await expect(invitee.getByTestId("member-role")).toHaveText("developer");

  await page.reload();
  await page.getByLabel(`Role of ${email}`).selectOption("support");
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("support");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await invitee.reload();
  await expect(invitee.getByTestId("member-role")).toHaveText("support");

  // The link works once.
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  await other.close();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByTestId("audit-table")).toContainText("member.role_changed");
  await expect(page.getByTestId("audit-table")).toContainText("member.invited");
});

test("account settings update and validation", async ({ page }) => {
  const m = await seedMerchant("settings");
  await signInOk(page, m.email, m.password);
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByLabel("Statement descriptor").fill("<bad>");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Invalid statement_descriptor/)).toBeVisible();
  await page.getByLabel("Statement descriptor").fill("SHOP SETTINGS");
  await page.getByLabel("Support email").fill("help@settings.test");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("link", { name: "Events" }).click();
  // One event for the one successful save; the refused one changed nothing.
  await expect(page.locator("summary", { hasText: "account.updated" })).toHaveCount(1);
});

test("the operations page shows a payment's settle-payment run; an owner re-runs it, a developer cannot", async ({ page, request, browser }) => {
  const m = await seedMerchant("ops");
  // The processor's answer is lost: the payment waits in processing and the settle-payment workflow,
  // run by the executor inside the server, settles it.
  const res = await request.post("/api/v1/payments", {
    headers: { Authorization: `Bearer ${m.secretKey}` },
    data: { amount: 2200, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true },
  });
  const payment = await res.json();
  expect(payment.status).toBe("processing");

  await signInOk(page, m.email, m.password);
  await page.getByRole("link", { name: "Workflows" }).click();
  await expect(page).toHaveURL(/\/developers\/workflows$/);
  const row = page.getByTestId("runs-table").locator("tr", { hasText: payment.id }).filter({ hasText: "kassa-settle-payment" });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("completed", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText("kassa-settle-payment");
  await expect(row).toContainText("payment.processing");

  await row.getByRole("link", { name: "kassa-settle-payment" }).click();
  await expect(page.getByTestId("run-trigger")).toContainText(payment.id);
  await expect(page.getByTestId("steps")).toContainText("settle-0");
  await page.getByRole("button", { name: "Re-run" }).click();
  await page.getByRole("link", { name: "New run started — open it" }).click();
  await expect(page.getByTestId("run-trigger")).toContainText(payment.id);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("completed")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // A developer reads runs but has no re-run button; an analyst does not see the page at all.
  const dev = await addMember(m.ctx, "developer");
  const devContext = await browser.newContext();
  const devPage = await devContext.newPage();
  await signInOk(devPage, dev.email, dev.password);
  await devPage.getByRole("link", { name: "Workflows" }).click();
  await devPage
    .getByTestId("runs-table")
    .locator("tr", { hasText: payment.id })
    .filter({ hasText: "kassa-settle-payment" })
    .first()
    .getByRole("link", { name: "kassa-settle-payment" })
    .click();
  await expect(devPage.getByTestId("run-trigger")).toBeVisible();
  await expect(devPage.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  await devContext.close();

  const analyst = await addMember(m.ctx, "analyst");
  const analystContext = await browser.newContext();
  const analystPage = await analystContext.newPage();
  await signInOk(analystPage, analyst.email, analyst.password);
  await expect(analystPage.getByRole("link", { name: "Workflows" })).toHaveCount(0);
  expect((await analystPage.goto("/developers/workflows"))?.status()).toBe(403);
  await analystContext.close();
});

test("Developers → Webhooks: add an endpoint, send a test event, read the log; a 410 turns it off with a banner", async ({ page }) => {
  const { createServer } = await import("node:http");
  let answer = 200;
  const hits: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push(body);
      res.writeHead(answer).end(answer === 200 ? "thanks" : "gone");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}/kassa`;
  try {
    const m = await seedMerchant("hooks");
    await signInOk(page, m.email, m.password);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByText("No test endpoints yet")).toBeVisible();
    await page.getByLabel("Endpoint URL").fill("http://10.0.0.7/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid webhook URL" })).toBeVisible();
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
    await page.getByRole("link", { name: "Open the endpoint" }).click();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event sent" })).toBeVisible();
    await expect.poll(() => hits.length, { timeout: 15_000 }).toBe(1);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("deliveries")).toContainText("succeeded", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await page.getByTestId("deliveries").locator("summary").first().click();
    await expect(page.getByTestId("deliveries")).toContainText("thanks");
    const endpointPage = page.url();

    // The same delivery from the event's side.
    await page.getByRole("link", { name: "Events" }).click();
    await page.getByTestId("event-deliveries").getByRole("link", { name: "succeeded" }).first().click();
    await expect(page.getByText(/Deliveries of evt_/)).toBeVisible();
    await page.goto(endpointPage);
    await page.getByLabel("Events").fill("payment.*, refund.*");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await expect(page.getByText("payment.*, refund.*").first()).toBeVisible();

    // The receiver says the endpoint is gone: Kassa turns it off and every page says so.
    answer = 410;
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => hits.length, { timeout: 15_000 }).toBe(2);
    await expect(async () => {
      await page.goto("/dashboard");
      await expect(page.getByTestId("webhook-banner")).toContainText("410 Gone", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test("payments: filter the list, open a payment, refund part of it and watch it update; analysts cannot refund; another merchant's payment is a 404", async ({
  page,
  request,
  browser,
}) => {
  const m = await seedMerchant("pays");
  const api = (data: Record<string, unknown>) => request.post("/api/v1/payments", { headers: { Authorization: `Bearer ${m.secretKey}` }, data });
  const paid = await (await api({ amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true, description: "Order 42" })).json();
  await api({ amount: 1000, currency: "usd" }); // stays requires_payment_method
  await signInOk(page, m.email, m.password);
  // exact: the overview's "Successful payments" card is a link too.
  await page.getByRole("link", { name: "Payments", exact: true }).click();
  await expect(page.getByTestId("payments-table").locator("tbody tr")).toHaveCount(2);
  await page.getByRole("link", { name: "succeeded" }).click();
  await expect(page).toHaveURL(/status=succeeded/);
  await expect(page.getByTestId("payments-table").locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: "$42.00" }).click();
  await expect(page).toHaveURL(new RegExp(`/payments/${paid.id}$`));
  await expect(page.getByTestId("payment-summary")).toContainText("visa · 4242");
  await expect(page.getByTestId("timeline")).toContainText("payment.succeeded");
  await expect(page.getByTestId("ledger")).toContainText("processor_clearing");

  await page.getByLabel("Refund amount (USD)").fill("12.50");
  await page.getByRole("button", { name: "Refund…" }).click();
  await expect(page.getByRole("dialog", { name: "Confirm refund" })).toContainText("$42.00 can still be refunded");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByRole("status").filter({ hasText: "succeeded" })).toBeVisible();
  await expect(page.getByTestId("amount-refunded")).toHaveText("$12.50");
  await expect(page.getByTestId("timeline")).toContainText("refund.succeeded");
  await expect(page.getByTestId("refunds")).toContainText("$12.50");
  const refunded = await (await request.get(`/api/v1/payments/${paid.id}`, { headers: { Authorization: `Bearer ${m.secretKey}` } })).json();
  expect(refunded.amount_refunded).toBe(1250);

  // The refund in the refunds list, and both movements in the balance (from the ledger).
  await page.getByRole("link", { name: "Refunds" }).click();
  await expect(page.getByTestId("refunds-table")).toContainText("$12.50");
  await page.getByTestId("refunds-table").getByRole("link", { name: paid.id }).click();
  await expect(page).toHaveURL(new RegExp(`/payments/${paid.id}$`));
  await page.getByRole("link", { name: "Balance" }).click();
  // $42.00 − $1.52 fee, then −$12.50 + $0.45 of the fee returned = $28.43 pending.
  await expect(page.getByTestId("balance")).toContainText("$28.43");
  await expect(page.getByTestId("balance-transactions")).toContainText("refund");
  await expect(page.getByTestId("balance-transactions")).toContainText("charge");

  // An analyst sees the payment but no refund button, and the dashboard endpoint answers 403.
  const analyst = await addMember(m.ctx, "analyst");
  const ctxA = await browser.newContext();
  const pageA = await ctxA.newPage();
  await signInOk(pageA, analyst.email, analyst.password);
  await pageA.goto(`/payments/${paid.id}`);
  await expect(pageA.getByTestId("payment-summary")).toBeVisible();
  await expect(pageA.getByRole("button", { name: "Refund…" })).toHaveCount(0);
  const denied = await postFromPage(pageA, "/api/dashboard/refunds", { payment: paid.id, amount: 100 });
  expect(denied.status).toBe(403);
  expect(denied.code).toBe("permission_denied");
  await ctxA.close();

  // Another merchant's payment id in the URL is a 404 page.
  const other = await seedMerchant("pays-other");
  const theirs = await (
    await request.post("/api/v1/payments", { headers: { Authorization: `Bearer ${other.secretKey}` }, data: { amount: 999, currency: "usd" } })
  ).json();
  const res = await page.goto(`/payments/${theirs.id}`);
  expect(res?.status()).toBe(404);
});
