// Dashboard → Orders and Developers → Fulfilment hooks in Chromium: a hook added through the form (its secret shown
// once, then used by a shop server here to check every call), orders made over the API whose sagas run on the app's
// engine — one confirmed, one refused at reserve (released and voided), one declined — listed with their statuses
// and each order's page showing its saga as a timeline of steps, tries and compensations; the hook form's action
// replayed without Origin or cross-site stores nothing; another merchant's order is a 404 page; an analyst and
// support read orders but get no hooks page; axe on every page.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { fulfillmentHooks } from "@/db/schema";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { auth } from "../support/api";
import { signedInPage, signInOk } from "../support/sign-in";

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name, exact: true });

let shop: http.Server;
let base = "";
let secret = "";
const calls: { path: string; verified: boolean }[] = [];

test.beforeAll(async () => {
  shop = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      let verified = false;
      try {
        new Webhook(secret).verify(raw, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      calls.push({ path: req.url ?? "", verified });
      const body = JSON.parse(raw) as { order: { metadata: Record<string, string> } };
      // The shop is out of stock for orders marked so: a 409 on reserve.
      const refuse = req.url === "/reserve" && body.order.metadata.stock === "none";
      res.writeHead(!verified ? 401 : refuse ? 409 : 200).end("{}");
    });
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(shop.address() as { port: number }).port}`;
});
test.afterAll(() => shop?.close());

const order = (metadata: Record<string, string>, payment_method = "pm_card_visa") => ({
  amount: 3000,
  currency: "usd",
  payment_method,
  items: [
    { name: "Teapot", quantity: 1, amount: 2000 },
    { name: "Cups", quantity: 2, amount: 1000 },
  ],
  metadata,
});

test("a hook added in the form, three orders' sagas, the list and each order's timeline; the hook action refuses a replay without Origin", async ({
  page,
  request,
}) => {
  const m = await seedMerchant("orders-ui");
  await signInOk(page, m.email, m.password);
  await navLink(page, "Fulfilment hooks").click();
  await expect(page).toHaveURL(/\/developers\/fulfillment-hooks$/);
  await expect(page.getByText("No test fulfilment hook yet")).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Add a fulfilment hook" });
  // A private address is refused inline with the webhook policy's code.
  await form.getByLabel("Reserve URL").fill("https://10.0.0.8/reserve");
  await form.getByLabel("Confirm URL").fill(`${base}/confirm`);
  await form.getByLabel("Release URL").fill(`${base}/release`);
  await form.getByRole("button", { name: "Add fulfilment hook" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "url_invalid" })).toContainText("is private and not publicly routable");

  await form.getByLabel("Reserve URL").fill(`${base}/reserve`);
  await form.getByLabel("Confirm URL").fill(`${base}/confirm`);
  await form.getByLabel("Release URL").fill(`${base}/release`);
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    form.getByRole("button", { name: "Add fulfilment hook" }).click(),
  ]);
  secret = (await page.getByTestId("hook-secret").locator("code").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await page.reload();
  await expect(page.getByTestId("hooks-table")).toContainText(`${base}/reserve`);
  await expect(page.getByRole("form", { name: "Add a fulfilment hook" })).toHaveCount(0);
  await expectAccessible(page);

  const ok = await (await request.post("/api/v1/orders", { headers: auth(m.secretKey), data: order({ note: "ok" }) })).json();
  const out = await (await request.post("/api/v1/orders", { headers: auth(m.secretKey), data: order({ stock: "none" }) })).json();
  const declined = await (await request.post("/api/v1/orders", { headers: auth(m.secretKey), data: order({}, "pm_card_chargeDeclined") })).json();
  const statusOf = async (id: string) => (await (await request.get(`/api/v1/orders/${id}`, { headers: auth(m.secretKey) })).json()).status;
  await expect.poll(() => statusOf(ok.id), { timeout: 30_000 }).toBe("succeeded");
  await expect.poll(() => statusOf(out.id), { timeout: 30_000 }).toBe("compensated");
  await expect.poll(() => statusOf(declined.id), { timeout: 30_000 }).toBe("failed");
  expect(calls.every((c) => c.verified)).toBe(true);

  await navLink(page, "Orders").click();
  await expect(page).toHaveURL(/\/orders$/);
  const table = page.getByTestId("orders-table");
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table).toContainText("succeeded");
  await expect(table).toContainText("compensated");
  await expect(table).toContainText("card declined");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Order status" }).getByRole("link", { name: "compensated" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);

  await table.getByRole("link", { name: `Order ${out.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${out.id}$`));
  const timeline = page.getByTestId("order-timeline");
  await expect(timeline.getByTestId("step-authorize")).toContainText("succeeded");
  await expect(timeline.getByTestId("step-reserve")).toContainText("409");
  await expect(timeline.getByTestId("step-reserve")).toContainText(`${out.id}:reserve`);
  await expect(timeline.getByTestId("step-release")).toContainText("compensation");
  await expect(timeline.getByTestId("step-void")).toContainText("succeeded");
  await expect(timeline.getByTestId("step-capture")).toHaveCount(0);
  await expect(page.getByText("fulfillment rejected")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/orders/${ok.id}`);
  for (const step of ["authorize", "reserve", "capture", "confirm"]) await expect(timeline.getByTestId(`step-${step}`)).toContainText("succeeded");

  // The hook form's action replayed with the owner's cookie but no Origin, or marked cross-site: nothing stored.
  const h = await db();
  const [hook] = await h.db.select().from(fulfillmentHooks).where(eq(fulfillmentHooks.merchantId, m.merchantId));
  await page.goto("/developers/fulfillment-hooks");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("form", { name: "Add a fulfilment hook" })).toBeVisible();
  const headers = await sent!.allHeaders();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (const extra of [{}, { origin: new URL(sent!.url()).origin, "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
    await request.post(sent!.url(), {
      headers: { accept: "text/x-component", "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, cookie, ...extra },
      data: sent!.postDataBuffer()!,
    });
  }
  const rows = await h.db.select().from(fulfillmentHooks).where(eq(fulfillmentHooks.merchantId, m.merchantId));
  expect(rows.map((r) => [r.id, r.deletedAt !== null])).toEqual([[hook!.id, true]]);

  // Another merchant's order is not there.
  const other = await seedMerchant("orders-ui-other");
  const theirs = await (await request.post("/api/v1/orders", { headers: auth(other.secretKey), data: order({}, "pm_card_chargeDeclined") })).json();
  const res = await page.goto(`/orders/${theirs.id}`);
  expect(res!.status()).toBe(404);
});

test("an analyst and support read orders without the hooks page; a developer manages hooks", async ({ browser, request }) => {
  const m = await seedMerchant("orders-roles");
  const made = await (await request.post("/api/v1/orders", { headers: auth(m.secretKey), data: order({}, "pm_card_chargeDeclined") })).json();
  await expect
    .poll(async () => (await (await request.get(`/api/v1/orders/${made.id}`, { headers: auth(m.secretKey) })).json()).status, { timeout: 30_000 })
    .toBe("failed");

  for (const role of ["analyst", "support"] as const) {
    const member = await signedInPage(browser, await addMember(m.ctx, role));
    await navLink(member.page, "Orders").click();
    await expect(member.page.getByTestId("orders-table")).toContainText("failed");
    await member.page.goto(`/orders/${made.id}`);
    await expect(member.page.getByTestId("step-authorize")).toContainText("failed");
    await expectAccessible(member.page);
    await expect(navLink(member.page, "Fulfilment hooks")).toHaveCount(0);
    const res = await member.page.goto("/developers/fulfillment-hooks");
    expect(res!.status()).toBe(403);
    await member.close();
  }
  const developer = await signedInPage(browser, await addMember(m.ctx, "developer"));
  await navLink(developer.page, "Fulfilment hooks").click();
  await expect(developer.page.getByRole("form", { name: "Add a fulfilment hook" })).toBeVisible();
  await developer.close();
});
