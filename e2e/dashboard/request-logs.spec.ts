// Developers → Logs in a real browser: the list shows the merchant's own test-mode requests (not live mode's,
// not another merchant's), filters by status class, exact status, method, path and key; a log's page shows the
// redacted bodies and links its payment; the payment's page links back to its requests, an event's page to its
// request; another merchant opening the log's id gets 404; developer reads, analyst and support get 403; axe.
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { requestLogs } from "@/db/schema/request-logs";
import { events } from "@/db/schema";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

const CARD = "4242424242424242";
// Not a key: only shaped like one, for the redaction check (assembled so no scanner takes it for a committed secret).
const SECRET = ["sk", "live", "51ShapedLikeASecretKey000"].join("_");

async function written(ids: string[]): Promise<void> {
  const h = await db();
  for (let i = 0; i < 50; i++) {
    const rows = await Promise.all(ids.map((id) => h.db.select({ id: requestLogs.id }).from(requestLogs).where(eq(requestLogs.id, id))));
    if (rows.every((r) => r.length === 1)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("request logs not written");
}

test("Developers → Logs: list, filters, redacted detail, links, tenant and mode scope, roles, axe", async ({ page, browser, request }) => {
  // Five sign-ins (roles, another merchant) and axe on each page: more than the default minute on a loaded machine.
  test.setTimeout(150_000);
  const m = await seedMerchant("reqlog-ui");
  const other = await seedMerchant("reqlog-ui-b");
  const developer = await addMember(m.ctx, "developer");
  const analyst = await addMember(m.ctx, "analyst");
  const support = await addMember(m.ctx, "support");
  const headers = { Authorization: `Bearer ${m.secretKey}` };

  const created = await request.post("/api/v1/payments", {
    headers,
    data: { amount: 1999, currency: "usd", payment_method: "pm_card_visa", confirm: true, metadata: { card: CARD, key: SECRET } },
  });
  expect(created.status()).toBe(200);
  const payment = (await created.json()) as { id: string };
  const paid = created.headers()["request-id"]!;
  const refused = await request.post("/api/v1/payments", { headers, data: { amount: -1, currency: "usd" } });
  expect(refused.status()).toBe(400);
  const got = await request.get(`/api/v1/payments/${payment.id}`, { headers });
  const live = await request.get("/api/v1/balance", { headers: { Authorization: `Bearer ${m.liveKey}` } });
  const theirs = await request.get("/api/v1/balance", { headers: { Authorization: `Bearer ${other.secretKey}` } });
  const ids = [paid, refused.headers()["request-id"]!, got.headers()["request-id"]!, live.headers()["request-id"]!, theirs.headers()["request-id"]!];
  const [, refusedId, getId, liveId, theirId] = ids as [string, string, string, string, string];
  await written(ids);

  await signInOk(page, m.email, m.password);
  await page.goto("/developers/logs");
  const table = page.getByRole("table", { name: "Request logs" });
  await expect(table.getByRole("link", { name: /POST \/api\/v1\/payments \(200\)/ })).toBeVisible();
  await expect(table.getByRole("link", { name: /POST \/api\/v1\/payments \(400\)/ })).toBeVisible();
  await expect(table.getByRole("link", { name: new RegExp(`GET /api/v1/payments/${payment.id}`) })).toBeVisible();
  // Live mode's call and the other merchant's are not in this list.
  await expect(table.getByRole("link", { name: /GET \/api\/v1\/balance/ })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(SECRET);
  await expectAccessible(page);

  // Filters: status class, exact status, method, path prefix, key.
  const filters = page.getByRole("form", { name: "Filter logs" });
  await filters.getByLabel("Status").selectOption("4xx");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=4xx/);
  await expect(table.getByRole("link")).toHaveCount(1);
  await expect(table.getByRole("link", { name: /\(400\)/ })).toBeVisible();
  await page.goto("/developers/logs?status=200");
  await expect(table.getByRole("link")).toHaveCount(2);
  await page.goto("/developers/logs?method=GET");
  await expect(table.getByRole("link")).toHaveCount(1);
  await page.goto("/developers/logs?path=/api/v1/payments/");
  await expect(table.getByRole("link")).toHaveCount(1);
  await page.goto(`/developers/logs?api_key=${m.secretKeyId}`);
  await expect(table.getByRole("link")).toHaveCount(3);
  await page.goto("/developers/logs?api_key=key_nothing");
  await expect(page.getByText("No requests match.")).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/developers/logs?from=${today}&to=${today}`);
  await expect(table.getByRole("link")).toHaveCount(3);
  await page.goto("/developers/logs?to=2020-01-01");
  await expect(page.getByText("No requests match.")).toBeVisible();

  // The log's page: bodies redacted, the key by prefix, the payment as a link.
  await page.goto(`/developers/logs/${paid}`);
  const requestBody = page.getByTestId("log-request-body");
  await expect(requestBody).toContainText("•••• 4242");
  await expect(requestBody).toContainText("sk_live_[redacted]");
  await expect(page.locator("body")).not.toContainText(CARD);
  await expect(page.locator("body")).not.toContainText(SECRET);
  await expect(page.getByTestId("log-response-body")).toContainText(payment.id);
  await expect(page.getByText(`sk_test_…${m.secretKey.slice(-4)}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId("log-objects").getByRole("link", { name: payment.id }).click();
  await expect(page).toHaveURL(new RegExp(`/payments/${payment.id}$`));

  // The payment's page links to the requests that touched it.
  await page.getByRole("link", { name: "Requests" }).click();
  await expect(page).toHaveURL(new RegExp(`object=${payment.id}`));
  await expect(table.getByRole("link")).toHaveCount(2);
  await expect(table.getByRole("link", { name: /\(400\)/ })).toHaveCount(0);

  // An event the request caused links to the request.
  const h = await db();
  const [event] = await h.db.select().from(events).where(eq(events.requestId, paid)).limit(1);
  expect(event).toBeDefined();
  // Reached from the events list: each event's id opens its page.
  await page.goto(`/developers/events?type=${event!.type}`);
  await page.getByRole("table", { name: "Events" }).getByRole("link", { name: event!.id }).click();
  await expect(page).toHaveURL(new RegExp(`/developers/events/${event!.id}$`));
  await page.getByTestId("event-request").click();
  await expect(page).toHaveURL(new RegExp(`/developers/logs/${paid}$`));
  await expectAccessible(page);

  // Another mode's log and another merchant's are 404 here; merchant B cannot open A's.
  expect((await page.goto(`/developers/logs/${liveId}`))?.status()).toBe(404);
  expect((await page.goto(`/developers/logs/${theirId}`))?.status()).toBe(404);
  const b = await signedInPage(browser, other);
  expect((await b.page.goto(`/developers/logs/${paid}`))?.status()).toBe(404);
  expect((await b.page.goto(`/developers/logs/${refusedId}`))?.status()).toBe(404);
  await b.page.goto("/developers/logs");
  await expect(b.page.getByRole("table", { name: "Request logs" }).getByRole("link")).toHaveCount(1);

  // Roles: a developer reads; analyst and support may not (bodies), and see no Logs entry.
  const d = await signedInPage(browser, developer);
  expect((await d.page.goto(`/developers/logs/${getId}`))?.status()).toBe(200);
  await expect(d.page.getByRole("link", { name: "Logs", exact: true }).first()).toBeAttached();
  for (const login of [analyst, support]) {
    const p = await signedInPage(browser, login);
    expect((await p.page.goto("/developers/logs"))?.status()).toBe(403);
    expect((await p.page.goto(`/developers/logs/${paid}`))?.status()).toBe(403);
    await p.page.goto("/developers/events");
    await expect(p.page.getByRole("link", { name: "Logs", exact: true })).toHaveCount(0);
  }
});
