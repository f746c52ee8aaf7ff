// UPI in the dashboard, in Chromium: UPI payments made through the verbs (a test VPA each, the PSP's answer
// booked as the seed does it) listed with their method, filtered by method, flow and UPI status from the
// form; a payment's page with the UPI panel (VPA masked, payer, RRN, PSP reference) and its timeline of checks; a
// late success that says why it was refunded; the success rate per flow on Home; Settings → UPI saved by
// the owner, a bad limit refused with its code, the save's server action refused when replayed from another
// origin or without one, and an analyst who sees the settings but cannot change them. axe on each page.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { upiSettings } from "@/db/schema";
import { dateUpiPaymentBack, seedUpiPayment } from "@/lib/demo/seed-upi-payments";
import { configureUpiSandbox } from "@/lib/gateways/upi-sandbox/config";
import { createPayment } from "@/lib/payments/create-payment";
import { checkUpiPayment } from "@/lib/upi/check-upi-payment";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

// This process plays the payments through the verbs, so it opens the sandbox PSP's sealed keys as the server does.
process.env.KASSA_ENCRYPTION_KEYS = "e2e:" + Buffer.alloc(32, 7).toString("base64");

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

/** A UPI payment an hour ago, booked as its test VPA's payer did (lib/demo/seed-upi-payments.ts). */
async function upiPayment(m: Merchant, vpa: string, flow: "intent" | "qr") {
  const h = await db();
  const at = Date.now() - 3_600_000;
  const id = await seedUpiPayment(h.db, { ...m.ctx, db: h.db }, { at, amount: 129_900, flow, vpa, description: "Masala dosa, two", metadata: {} });
  await dateUpiPaymentBack(h.db, id, at);
  return id;
}

/** Expired by Kassa while the PSP said pending; the payer's app paid two minutes after the expiry: booked and refunded. */
async function lateUpiPayment(m: Merchant) {
  const h = await db();
  const ctx = { ...m.ctx, db: h.db };
  const p = await createPayment({
    ctx,
    input: {
      amount: 45_000,
      currency: "inr",
      payment_method_types: ["upi"],
      confirm: true,
      payment_method_options: { upi: { flow: "intent", vpa: "late@kassa" } },
    },
  });
  await checkUpiPayment({ ctx, paymentId: p.id, source: "expiry", expire: true });
  configureUpiSandbox({ now: () => Date.now() + 15 * 60_000 });
  try {
    await checkUpiPayment({ ctx, paymentId: p.id, source: "sweep" });
  } finally {
    configureUpiSandbox(null);
  }
  return p.id;
}

const rowsShown = (page: Page) => page.getByTestId("payments-table").locator("tbody tr[data-payment-id]");

test("UPI payments: method column, filters by method, flow and UPI status, the payment page's UPI panel and timeline, Home's rate per flow", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const m = await seedMerchant("upi-dash");
  const paid = await upiPayment(m, "success@kassa", "intent");
  const declined = await upiPayment(m, "failure@kassa", "qr");
  const expired = await upiPayment(m, "never@kassa", "qr");
  const late = await lateUpiPayment(m);
  const card = await request.post("/api/v1/payments", {
    headers: { Authorization: `Bearer ${m.secretKey}` },
    data: { amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true },
  });
  expect(card.status()).toBe(200);
  await signInOk(page, m.email, m.password);

  await page.goto("/payments");
  await expect(rowsShown(page)).toHaveCount(5);
  await expect(page.locator(`tr[data-payment-id="${paid}"]`)).toContainText("UPI · intent · success");
  await expect(page.locator(`tr[data-payment-id="${expired}"]`)).toContainText("UPI · QR · expired");
  await expect(page.locator(`tr[data-payment-id="${declined}"]`)).toContainText("UPI · QR · failed");

  const filters = page.getByTestId("payment-filters");
  await filters.getByLabel("Method", { exact: true }).selectOption("upi");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/method=upi/);
  await expect(rowsShown(page)).toHaveCount(4);
  await filters.getByLabel("UPI flow").selectOption("qr");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/upi_flow=qr/);
  await expect(rowsShown(page)).toHaveCount(2);
  await filters.getByLabel("UPI status").selectOption("expired");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(rowsShown(page)).toHaveCount(1);
  await expect(page.locator(`tr[data-payment-id="${expired}"]`)).toBeVisible();
  await filters.getByLabel("Method", { exact: true }).selectOption("card");
  await filters.getByLabel("UPI flow").selectOption("");
  await filters.getByLabel("UPI status").selectOption("");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(rowsShown(page)).toHaveCount(1);
  await expect(rowsShown(page)).toContainText("visa · 4242");
  // A made-up value in the URL is explained, not a crash.
  await page.goto("/payments?upi_status=lost");
  await expect(page.getByText(/These filters cannot be used: .*\(upi_status\)/)).toBeVisible();

  // The expired payment's page: the panel and the timeline of its checks.
  await page.goto(`/payments?method=upi&upi_status=expired`);
  await page.locator(`tr[data-payment-id="${expired}"] a`).first().click();
  await expect(page).toHaveURL(new RegExp(`/payments/${expired}$`));
  const panel = page.getByTestId("upi-details");
  await expect(panel.getByTestId("upi-status")).toHaveText("expired");
  await expect(panel.getByTestId("upi-flow")).toHaveText("QR code");
  await expect(panel.getByTestId("upi-vpa")).toHaveText("ne•••@kassa");
  const upiLines = page.getByTestId("timeline").locator('li[data-kind="upi"]');
  await expect(upiLines).toHaveCount(3);
  await expect(upiLines.nth(0)).toContainText("UPI QR code sent to the PSP");
  await expect(upiLines.nth(1)).toContainText("UPI status check: expired");
  await expect(upiLines.nth(2)).toContainText("UPI payment expired unpaid");
  await expect(page.getByTestId("raw-json")).not.toContainText("never@kassa");
  await expectAccessible(page);

  // The paid one: payer, RRN and PSP reference.
  await page.goto(`/payments/${paid}`);
  await expect(panel.getByTestId("upi-payer")).toHaveText("Asha Success");
  await expect(panel.getByTestId("upi-rrn")).toHaveText(/^\d{12}$/);
  await expect(panel.getByTestId("upi-psp-reference")).toHaveText(/^sbupi_/);
  await expect(panel.getByTestId("upi-vpa")).toHaveText("su•••••@kassa");

  // Paid after it expired: the reason and the refund.
  await page.goto(`/payments/${late}`);
  const note = page.getByTestId("upi-late-note");
  await expect(note).toContainText("Paid after it expired — refunded automatically");
  await expect(note).toContainText(/refund re_[0-9a-z]+/);
  await expect(page.getByTestId("refunds")).toContainText("re_");
  await expect(page.getByTestId("timeline").locator('li[data-kind="upi"]').filter({ hasText: "UPI paid after it expired" })).toHaveCount(1);
  await expectAccessible(page);

  // Home: intent 2 of 2 finished paid (the late one counts as paid), QR 0 of 2.
  await page.goto("/dashboard?range=7d");
  const rates = page.getByTestId("upi-success");
  await expect(rates.locator("tbody tr")).toHaveCount(2);
  await expect(rates.locator("tbody tr").nth(0)).toContainText("Intent");
  await expect(rates.locator("tbody tr").nth(0)).toContainText("100%");
  await expect(rates.locator("tbody tr").nth(1)).toContainText("QR code");
  await expect(rates.locator("tbody tr").nth(1)).toContainText("0%");
  await rates.getByRole("link", { name: "QR code" }).click();
  await expect(page).toHaveURL(/method=upi.*upi_flow=qr/);
  await expect(rowsShown(page)).toHaveCount(2);
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
    .select({ livemode: upiSettings.livemode, collect: upiSettings.collectEnabled, max: upiSettings.maxAmount, fee: upiSettings.feeBasisPoints })
    .from(upiSettings)
    .where(and(eq(upiSettings.merchantId, merchantId)));

async function replayer(page: Page, request: APIRequestContext, sent: Request) {
  const headers = await sent.allHeaders();
  const body = sent.postDataBuffer()!;
  expect(headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return (extra: Record<string, string>) =>
    request.post(sent.url(), {
      headers: {
        accept: headers.accept ?? "text/x-component",
        "content-type": headers["content-type"]!,
        "next-action": headers["next-action"]!,
        ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
        cookie,
        ...extra,
      },
      data: body,
    });
}

test("Settings → UPI: the owner saves the limit, expiry and fee; a bad limit is refused with its code; replays from elsewhere are refused; an analyst only reads", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const m = await seedMerchant("upi-settings");
  const analyst = await addMember(m.ctx, "analyst");
  await signInOk(page, m.email, m.password);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "UPI", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/upi$/);
  const form = page.getByRole("form", { name: "UPI settings" });
  await expect(form.getByLabel("Largest UPI payment (₹)")).toHaveValue("100000.00");
  await expect(form.getByLabel("Expiry (minutes)")).toHaveValue("");
  await expect(form.getByLabel("PSP fee (basis points)")).toHaveValue("0");
  await expect(form.getByLabel(/Allow UPI Collect/)).not.toBeChecked();
  await expectAccessible(page);

  await form.getByLabel("Largest UPI payment (₹)").fill("6,00,000");
  await form.getByRole("button", { name: "Save UPI settings" }).click();
  await expect(form.getByText(/max_amount.*\(parameter_invalid_integer\)/)).toBeVisible();
  await form.getByLabel("Largest UPI payment (₹)").fill("two lakh");
  await form.getByRole("button", { name: "Save UPI settings" }).click();
  await expect(form.getByText(/\(parameter_invalid\)/)).toBeVisible();
  expect(await stored(m.merchantId)).toEqual([]);

  await form.getByLabel("Largest UPI payment (₹)").fill("2,50,000");
  await form.getByLabel("Expiry (minutes)").fill("20");
  await form.getByLabel("PSP fee (basis points)").fill("25");
  await form.getByLabel(/Allow UPI Collect/).check();
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    form.getByRole("button", { name: "Save UPI settings" }).click(),
  ]);
  await expect(form.getByRole("status")).toContainText("Saved");
  expect(await stored(m.merchantId)).toEqual([{ livemode: false, collect: true, max: 25_000_000n, fee: 25 }]);
  await page.reload();
  await expect(form.getByLabel("Largest UPI payment (₹)")).toHaveValue("250000.00");
  await expect(form.getByLabel("Expiry (minutes)")).toHaveValue("20");
  await expect(form.getByLabel(/Allow UPI Collect/)).toBeChecked();

  // The save's own request, replayed with the owner's cookie from elsewhere (and with the fee changed in
  // between, so a replay that ran would show): refused, nothing changed.
  await (await db()).db.update(upiSettings).set({ feeBasisPoints: 7 }).where(eq(upiSettings.merchantId, m.merchantId));
  const replay = await replayer(page, request, sent);
  for (const origin of [attackerOrigin, "null", "http://evil.test"]) {
    const res = await replay({ origin, "sec-fetch-site": origin === "null" ? "cross-site" : "same-site" });
    expect(res.status(), origin).toBe(500);
    expect((await stored(m.merchantId))[0]!.fee, origin).toBe(7);
  }
  for (const extra of [{}, { origin: baseURL!, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    const res = await replay(extra);
    expect(await res.text(), JSON.stringify(extra)).toContain("origin_not_allowed");
    expect((await stored(m.merchantId))[0]!.fee, JSON.stringify(extra)).toBe(7);
  }
  const mine = await replay({ origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(mine.status()).toBe(200);
  expect((await stored(m.merchantId))[0]!.fee).toBe(25);

  // An analyst reads the settings; the form is disabled and says who may change them.
  const other = await signedInPage(browser, analyst);
  await other.page.goto("/settings/upi");
  const readOnly = other.page.getByRole("form", { name: "UPI settings" });
  await expect(readOnly.getByLabel("Largest UPI payment (₹)")).toHaveValue("250000.00");
  await expect(readOnly.getByLabel("Largest UPI payment (₹)")).toBeDisabled();
  await expect(readOnly.getByText("Only owners and admins can change these.")).toBeVisible();
  await expect(readOnly.getByRole("button", { name: "Save UPI settings" })).toHaveCount(0);
  await other.close();
});
