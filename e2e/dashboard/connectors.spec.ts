// Connectors in Chromium: an admin finds the page beside Routing, with sandbox and sandbox_b closed and idle
// (and the UPI PSP's card); payments made through the API show as calls at 100% success (a decline is the
// processor answering); a breaker opened in the database shows open with its next trial time and its transition in the
// history, and never in live mode; an analyst reads the page, support gets the 403 page. The page has no
// control that moves a breaker. axe on the idle, busy and open pages.
//
// Breakers and health are global per connector and mode (not per merchant), and the suite's other specs and
// the demo seed (for a minute or more after the server starts) call the sandbox too: each test starts from a
// quiet window (the sandboxes' test-mode health rows and every test-mode transition deleted, both breakers
// closed), and the calls test routes its payments to sandbox_b, which only routing rules ever name, so no
// one else's payment lands in its count. Every breaker a test opens is closed again after it.
import { expect, test, type Page } from "@playwright/test";
import { and, eq, inArray, sql } from "drizzle-orm";
import { connectorBreakerEvents, connectorBreakers, connectorHealthMinutes } from "@/db/schema";
import { newId } from "@/lib/ids";
import { kassa } from "../support/api";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

const SANDBOXES = ["sandbox", "sandbox_b"];

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });
const card = (page: Page, connector: string) => page.getByRole("region", { name: connector, exact: true });
const utc = (d: Date) => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;

/** Closes both sandbox breakers as the breaker itself would (a newer version, so every instance's copy takes it). */
async function closeBreakers() {
  await (
    await db()
  ).db
    .update(connectorBreakers)
    .set({
      state: "closed",
      consecutiveFailures: 0,
      openedAt: null,
      probeClaimedAt: null,
      version: sql`${connectorBreakers.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(connectorBreakers.livemode, false), inArray(connectorBreakers.connector, SANDBOXES)));
}

/** Test mode's health of `connectors` and every test-mode transition gone, both sandbox breakers closed. */
async function quiet(connectors: string[]) {
  const { db: d } = await db();
  await d.delete(connectorHealthMinutes).where(and(eq(connectorHealthMinutes.livemode, false), inArray(connectorHealthMinutes.connector, connectors)));
  await d.delete(connectorBreakerEvents).where(eq(connectorBreakerEvents.livemode, false));
  await closeBreakers();
}

/**
 * Opens /connectors on a quiet window for `connectors`: until each shows no calls (a call an instance made
 * just before the delete comes back with its next flush, a few seconds on; the demo seed's keep coming for
 * a while after the server starts), quiet it again.
 */
async function openQuiet(page: Page, connectors: string[], timeout = 30_000) {
  await page.goto("/connectors");
  await expect(async () => {
    await quiet(connectors);
    await page.reload();
    for (const name of connectors) await expect(card(page, name).getByTestId("no-calls")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout, intervals: [1_000, 3_000, 6_000] });
}

test.afterAll(closeBreakers);

test("an admin finds Connectors beside Routing: sandbox and sandbox_b closed, no calls, no history; nothing on the page moves a breaker", async ({ page }) => {
  // Right after the server starts, the demo seed's payments keep the sandbox busy for a minute or more.
  test.setTimeout(180_000);
  const m = await seedMerchant("connectors");
  const admin = await addMember(m.ctx, "admin");
  await signInOk(page, admin.email, admin.password);
  const labels = await page.getByRole("navigation", { name: "Main" }).first().getByRole("link").allTextContents();
  expect(labels.indexOf("Connectors")).toBe(labels.indexOf("Routing") + 1);
  await navLink(page, "Connectors").click();
  await expect(page).toHaveURL(/\/connectors$/);
  await expect(page.getByRole("heading", { name: "Connectors", level: 1 })).toBeVisible();
  await expect(navLink(page, "Connectors")).toHaveAttribute("aria-current", "page");

  await openQuiet(page, SANDBOXES, 150_000);
  // Routing's connectors and the UPI PSP's, in name order; no card for live mode's.
  expect(await page.getByTestId("connector-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-connector")))).toEqual([
    "sandbox",
    "sandbox_b",
    "upi_sandbox",
  ]);
  for (const name of SANDBOXES) {
    const c = card(page, name);
    await expect(c.getByTestId("breaker-state")).toHaveText("Closed");
    await expect(c.getByTestId("breaker-summary")).toHaveText("Closed: payments go through.");
    await expect(c.getByTestId("consecutive-failures")).toHaveText("0 (it opens at 5)");
    await expect(c.getByTestId("opened-at")).toHaveText("Not open");
    await expect(c.getByTestId("next-probe")).toHaveText("None: it is closed");
    await expect(c.getByTestId("no-calls")).toHaveText("No calls in the last 5 minutes.");
  }
  await expect(page.getByTestId("no-history")).toHaveText("No breaker has changed state in test mode yet.");
  await expect(page.getByTestId("last-updated")).toContainText(/Last updated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  // Read-only: no button in the page itself (the header's mode switch and sign-out are the layout's).
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await expectAccessible(page);
});

test("payments made through the API show on sandbox_b: 3 calls at 100% success, a decline counted as the processor answering", async ({ page }) => {
  const m = await seedMerchant("connectors-calls");
  const api = kassa(m.secretKey);
  // This merchant's payments go to sandbox_b, which no one else's do (the demo seed keeps the sandbox busy).
  expect((await api.POST("/api/v1/routing_rules", { body: { rules: [], default: { connector: "sandbox_b" } } })).response.status).toBe(200);
  await signInOk(page, m.email, m.password);
  await openQuiet(page, ["sandbox_b"]);

  const pay = (payment_method: string) => api.POST("/api/v1/payments", { body: { amount: 2500, currency: "usd", payment_method, confirm: true } });
  expect((await pay("pm_card_visa")).response.status).toBe(200);
  expect((await pay("pm_card_mastercard")).response.status).toBe(200);
  expect((await pay("pm_card_chargeDeclined")).response.status).toBe(402);

  // Each instance reports its minute every few seconds: reload until it has.
  const sandboxB = card(page, "sandbox_b");
  await expect(async () => {
    await page.reload();
    await expect(sandboxB.getByTestId("calls")).toHaveText("3", { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  await expect(sandboxB.getByTestId("success-rate")).toHaveText("100%");
  await expect(sandboxB).toContainText("1 decline included: the processor answered");
  await expect(sandboxB.getByTestId("failures")).toHaveText("0");
  await expect(sandboxB.getByTestId("latency")).toHaveText(/^p50 \d+ ms · p95 \d+ ms$/);
  await expect(sandboxB.getByTestId("breaker-state")).toHaveText("Closed");
  await expect(sandboxB.getByTestId("no-calls")).toHaveCount(0);
  await expectAccessible(page);
});

test("a breaker opened in the database shows open with its next trial time and its transition in the history; live mode shows neither", async ({ page }) => {
  const m = await seedMerchant("connectors-open");
  await signInOk(page, m.email, m.password);
  await openQuiet(page, ["sandbox_b"]);

  const { db: d } = await db();
  const openedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const probeAt = new Date(openedAt.getTime() + 60_000);
  try {
    await d
      .insert(connectorBreakers)
      .values({ connector: "sandbox_b", livemode: false, state: "open", consecutiveFailures: 5, openedAt })
      .onConflictDoUpdate({
        target: [connectorBreakers.connector, connectorBreakers.livemode],
        set: { state: "open", consecutiveFailures: 5, openedAt, probeClaimedAt: null, version: sql`${connectorBreakers.version} + 1`, updatedAt: new Date() },
      });
    await d.insert(connectorBreakerEvents).values({
      id: newId("connectorBreakerEvent"),
      connector: "sandbox_b",
      livemode: false,
      fromState: "closed",
      toState: "open",
      reason: "failure_threshold",
      consecutiveFailures: 5,
      windowTotal: 5,
      windowFailures: 5,
      at: openedAt,
    });

    await page.reload();
    const open = card(page, "sandbox_b");
    await expect(open.getByTestId("breaker-state")).toHaveText("Open");
    await expect(open.getByTestId("breaker-summary")).toHaveText("Open: payments are sent elsewhere or refused.");
    await expect(open.getByTestId("consecutive-failures")).toHaveText("5");
    await expect(open.getByTestId("opened-at")).toContainText(utc(openedAt));
    await expect(open.getByTestId("opened-at")).toContainText(/\(\d+ s ago\)/);
    await expect(open.getByTestId("next-probe")).toContainText(utc(probeAt));
    await expect(open.getByTestId("next-probe")).toContainText(/\(in \d+ s\)/);
    // The other breaker is untouched.
    await expect(card(page, "sandbox").getByTestId("breaker-state")).toHaveText("Closed");

    const rows = page.getByTestId("breaker-history").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    const cells = rows.first().getByRole("cell");
    await expect(cells.nth(0)).toHaveText(utc(openedAt));
    await expect(cells.nth(1)).toHaveText("sandbox_b");
    await expect(cells.nth(2)).toHaveText("Closed→toOpen");
    await expect(cells.nth(3)).toHaveText("Too many failures in a row");
    await expect(cells.nth(4)).toHaveText("5");
    await expectAccessible(page);

    // Live mode: its own connectors (none configured in this suite), never test mode's breaker or history.
    await page.getByRole("button", { name: "Switch to live data" }).click();
    await expect(page.getByRole("button", { name: "Switch to test data" })).toBeVisible();
    await expect(page.getByTestId("no-connectors")).toHaveText("No processor takes live-mode payments on this Kassa yet.");
    await expect(page.getByTestId("connector-card")).toHaveCount(0);
    await expect(page.getByTestId("no-history")).toHaveText("No breaker has changed state in live mode yet.");
  } finally {
    await closeBreakers();
  }
});

test("an analyst reads the page; support has no link and gets the 403 page", async ({ browser }) => {
  const m = await seedMerchant("connectors-roles");
  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  await navLink(analyst.page, "Connectors").click();
  await expect(analyst.page.getByRole("heading", { name: "Connectors", level: 1 })).toBeVisible();
  for (const name of SANDBOXES) await expect(card(analyst.page, name)).toBeVisible();
  await analyst.close();

  const support = await signedInPage(browser, await addMember(m.ctx, "support"));
  await expect(navLink(support.page, "Alerts")).toBeVisible();
  await expect(navLink(support.page, "Connectors")).toHaveCount(0);
  expect((await support.page.goto("/connectors"))!.status()).toBe(403);
  await expect(support.page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
  await support.close();
});
