// Payment alerts in the dashboard, in Chromium: card payments made through the verbs (sandbox test cards),
// the evaluation verb run as the every-minute cron runs it, then the banner on every page while an alert is
// open (role="alert"), for this merchant and mode only, gone once the rates fall; Settings → Alerts saved by
// the owner, bad input refused with its code and nothing stored, the save's server action refused when
// replayed from another origin or without one and refused for a developer; developers and analysts only read. axe.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { eq } from "drizzle-orm";
import { alertSettings } from "@/db/schema";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { createPayment } from "@/lib/payments/create-payment";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

/** `n` confirmed card payments with a sandbox test card; a decline is an answer, not an error. */
async function pay(m: Merchant, paymentMethod: string, n: number): Promise<void> {
  const h = await db();
  for (let i = 0; i < n; i++)
    await createPayment({ ctx: { ...m.ctx, db: h.db }, input: { amount: 3000 + i, currency: "usd", payment_method: paymentMethod, confirm: true } }).catch(
      (e: unknown) => {
        if (!(e && typeof e === "object" && "code" in e && e.code === "card_declined")) throw e;
      },
    );
}

const evaluate = async (m: Merchant) => evaluateAlerts({ db: (await db()).db, only: { merchantId: m.merchantId, livemode: false } });

test("failure and timeout rates above their thresholds show the banner on every page until they fall; another merchant and live mode see none", async ({
  page,
  browser,
}) => {
  const m = await seedMerchant("alerts");
  const quiet = await seedMerchant("alerts-quiet");
  await pay(m, "pm_card_visa", 16);
  await pay(m, "pm_card_chargeDeclined", 4);
  await pay(m, "pm_card_lostResponse", 2); // 4 of 22 failed (18.2%), 2 of 22 answers lost (9.1%)
  await pay(quiet, "pm_card_visa", 20);
  expect((await evaluate(m)).opened).toHaveLength(2);
  expect((await evaluate(quiet)).opened).toEqual([]);

  await signInOk(page, m.email, m.password);
  const banner = page.getByRole("alert").filter({ hasText: "is high" });
  await expect(banner).toHaveCount(1);
  await expect(banner.locator('[data-alert-kind="payment_failure_rate"]')).toContainText(
    "Payment failure rate is high: 18.18% of 22 attempts in the last 15 minutes (your threshold is 10%)",
  );
  await expect(banner.locator('[data-alert-kind="processor_timeout_rate"]')).toContainText(
    "Processor timeout rate is high: 9.09% of 22 attempts in the last 15 minutes (your threshold is 5%)",
  );
  await expectAccessible(page);
  for (const path of ["/payments", "/settings/alerts", "/developers/events"]) {
    await page.goto(path);
    await expect(page.getByTestId("payment-alert-banner"), path).toBeVisible();
  }
  await banner.getByRole("link", { name: "Alert settings" }).click();
  await expect(page).toHaveURL(/\/settings\/alerts$/);

  // Live mode has its own alerts: none.
  await page.getByRole("button", { name: "Switch to live data" }).click();
  await expect(page.getByText("Switch to test data")).toBeVisible();
  await expect(page.getByTestId("payment-alert-banner")).toHaveCount(0);
  await page.getByRole("button", { name: "Switch to test data" }).click();
  await expect(page.getByTestId("payment-alert-banner")).toBeVisible();

  // The other merchant's dashboard never shows this merchant's alert.
  const other = await signedInPage(browser, quiet);
  await expect(other.page.getByRole("heading").first()).toBeVisible();
  await expect(other.page.getByTestId("payment-alert-banner")).toHaveCount(0);
  await other.close();

  // 4 of 62 failed (6.5%) and 2 of 62 lost (3.2%): both under 80% of their thresholds, so both clear.
  await pay(m, "pm_card_visa", 40);
  expect((await evaluate(m)).resolved).toHaveLength(2);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
  await expect(page.getByTestId("payment-alert-banner")).toHaveCount(0);
});

let attacker: Server;
let attackerOrigin: string;
test.beforeAll(async () => {
  attacker = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>prize</title>"));
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", () => r()));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
test.afterAll(() => attacker.close());

const stored = async (merchantId: string) =>
  (await db()).db
    .select({ livemode: alertSettings.livemode, failure: alertSettings.failureRateBp, timeout: alertSettings.timeoutRateBp, min: alertSettings.minAttempts })
    .from(alertSettings)
    .where(eq(alertSettings.merchantId, merchantId));

/** The sent server action's request, replayable with `cookies` of a signed-in page and extra headers. */
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

test("Settings → Alerts: the owner saves the thresholds; bad input is refused with its code; replays from elsewhere or by a developer are refused; developers and analysts only read", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const m = await seedMerchant("alert-settings");
  const developer = await addMember(m.ctx, "developer");
  const analyst = await addMember(m.ctx, "analyst");
  await signInOk(page, m.email, m.password);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Alerts", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/alerts$/);
  const form = page.getByRole("form", { name: "Alert settings" });
  const failure = form.getByLabel("Payment failure rate (%)");
  const timeout = form.getByLabel("Processor timeout rate (%)");
  const min = form.getByLabel("Minimum attempts in the window");
  const save = form.getByRole("button", { name: "Save alert settings" });
  await expect(failure).toHaveValue("10");
  await expect(timeout).toHaveValue("5");
  await expect(min).toHaveValue("20");
  await expectAccessible(page);

  const refused: [typeof failure, string, RegExp][] = [
    [failure, "-5", /failure_rate_threshold.*\(parameter_invalid\)/],
    [failure, "101", /failure_rate_threshold.*\(parameter_invalid\)/],
    [failure, "ten", /failure_rate_threshold.*\(parameter_invalid\)/],
    [timeout, "0", /timeout_rate_threshold.*\(parameter_invalid\)/],
    [min, "0", /min_attempts.*\(parameter_invalid_integer\)/],
    [min, "2.5", /min_attempts.*\(parameter_invalid_integer\)/],
  ];
  for (const [field, typed, shown] of refused) {
    await failure.fill("10");
    await timeout.fill("5");
    await min.fill("20");
    await field.fill(typed);
    await save.click();
    await expect(form.getByText(shown), typed).toBeVisible();
  }
  expect(await stored(m.merchantId)).toEqual([]);

  await failure.fill("12.5");
  await timeout.fill("4");
  await min.fill("30");
  const [sent] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined), save.click()]);
  await expect(form.getByRole("status")).toContainText("Saved");
  expect(await stored(m.merchantId)).toEqual([{ livemode: false, failure: 1250, timeout: 400, min: 30 }]);
  await page.reload();
  await expect(failure).toHaveValue("12.5");
  await expect(timeout).toHaveValue("4");
  await expect(min).toHaveValue("30");

  // The save's own request replayed with the owner's cookie from elsewhere, after the row was changed in
  // between (so a replay that ran would show): refused, nothing changed.
  await (await db()).db.update(alertSettings).set({ minAttempts: 7 }).where(eq(alertSettings.merchantId, m.merchantId));
  const replay = await replayer(request, sent);
  for (const origin of [attackerOrigin, "null", "http://evil.test"]) {
    const res = await replay(page, { origin, "sec-fetch-site": origin === "null" ? "cross-site" : "same-site" });
    expect(res.status(), origin).toBe(500);
    expect((await stored(m.merchantId))[0]!.min, origin).toBe(7);
  }
  for (const extra of [{}, { origin: baseURL!, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    const res = await replay(page, extra);
    expect(await res.text(), JSON.stringify(extra)).toContain("origin_not_allowed");
    expect((await stored(m.merchantId))[0]!.min, JSON.stringify(extra)).toBe(7);
  }

  // A developer and an analyst read the thresholds; the form is disabled; the developer's replay of the save is refused.
  for (const member of [developer, analyst]) {
    const other = await signedInPage(browser, member);
    await other.page.goto("/settings/alerts");
    const readOnly = other.page.getByRole("form", { name: "Alert settings" });
    await expect(readOnly.getByLabel("Payment failure rate (%)")).toHaveValue("12.5");
    await expect(readOnly.getByLabel("Payment failure rate (%)")).toBeDisabled();
    await expect(readOnly.getByText("Only owners and admins can change these.")).toBeVisible();
    await expect(readOnly.getByRole("button", { name: "Save alert settings" })).toHaveCount(0);
    const res = await replay(other.page, { origin: baseURL!, "sec-fetch-site": "same-origin" });
    expect(await res.text(), member.email).toContain("permission_denied");
    expect((await stored(m.merchantId))[0]!.min, member.email).toBe(7);
    await other.close();
  }

  const mine = await replay(page, { origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(mine.status()).toBe(200);
  expect((await stored(m.merchantId))[0]!.min).toBe(30);
});
