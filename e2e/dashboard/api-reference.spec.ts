// /docs/api in Chromium: signed out, Scalar renders the reference from /api/v1/openapi.json with every request to this
// origin (the renderer is served by the app, no font, telemetry or CDN) and placeholder examples, axe clean. Signed in
// as an admin (with the dashboard in live mode), the button makes a TEST secret key named for the admin, the curl
// examples carry it and it answers GET /api/v1/balance; the action replayed without Origin or cross-site makes none;
// an analyst sees no button and the action sent with their cookie is refused with permission_denied.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { and, eq, like } from "drizzle-orm";
import { apiKeys, auditLog, users } from "@/db/schema";
import { hashKey } from "@/lib/api-keys/secret";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

const SCALAR_VERSION = (JSON.parse(readFileSync("node_modules/@scalar/api-reference/package.json", "utf8")) as { version: string }).version;

/** Every request the page makes and every one that failed, from now on. */
function watchRequests(page: Page) {
  const urls: string[] = [];
  const failed: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  page.on("requestfailed", (r) => failed.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  return { urls, failed };
}

/** The curl example of one operation (Scalar renders each with highlight.js as code.language-curl). */
const curlFor = (page: Page, path: string) =>
  page
    .locator("code.language-curl")
    .filter({ hasText: new RegExp(`/api/v1/${path}\\s`) })
    .first();

const referenceKeys = async (merchantId: string) =>
  (await db()).db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.merchantId, merchantId), like(apiKeys.name, "API reference (%")));

/** The sent server action's request again, with `cookie` and `extra` headers. */
async function replay(request: APIRequestContext, sent: Request, cookie: string, extra: Record<string, string>) {
  const headers = await sent.allHeaders();
  const res = await request.post(sent.url(), {
    headers: { accept: "text/x-component", "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, cookie, ...extra },
    data: sent.postDataBuffer()!,
  });
  return { status: res.status(), text: await res.text() };
}
const cookieOf = async (page: Page) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

test("signed out: the reference renders from this origin alone, with placeholder examples, and axe finds nothing serious", async ({
  page,
  request,
  baseURL,
}) => {
  // axe over a page of 117 operations on a loaded machine.
  test.setTimeout(150_000);
  await page.goto("/login");
  await page.getByRole("link", { name: "Read the API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "Kassa API", level: 1 })).toBeVisible();

  // A fresh tab watched from its first request, navigated only inside the reference (a page.goto would abort
  // the page's own link prefetches and show them as failed).
  const docs = await page.context().newPage();
  const seen = watchRequests(docs);
  await docs.goto("/docs/api#tag/payments/POST/api/v1/payments");
  await expect(docs.getByRole("heading", { name: "Create a payment" })).toBeVisible();
  await expect(docs.getByTestId("test-key-panel")).toContainText("The examples use a placeholder key. Sign in to put your own test key in them.");
  await expect(docs.getByRole("button", { name: "Use a test key in these examples" })).toHaveCount(0);
  const sidebar = docs.getByRole("complementary");
  for (const summary of ["Create a payment", "List payments", "Capture a payment", "Get a payment"]) {
    await expect(sidebar.getByRole("link", { name: new RegExp(`^${summary} HTTP Method: (GET|POST)$`) })).toBeVisible();
  }
  const curl = curlFor(docs, "payments");
  await expect(curl).toContainText(`curl ${baseURL}/api/v1/payments`);
  await expect(curl).toContainText("Authorization: Bearer YOUR_SECRET_TOKEN");
  await expect(docs.locator("code.language-curl").filter({ hasText: /sk_(test|live)_/ })).toHaveCount(0);
  await expectAccessible(docs);

  await docs.waitForLoadState("networkidle");
  expect(seen.urls.filter((u) => !u.startsWith(`${baseURL}/`))).toEqual([]);
  // Next's own link prefetches (?_rsc=) are aborted when the page moves on; nothing else may fail.
  expect(seen.failed.filter((f) => !/[?&]_rsc=[^ ]*: net::ERR_ABORTED$/.test(f))).toEqual([]);
  expect(seen.urls).toContain(`${baseURL}/docs/api/scalar/${SCALAR_VERSION}/standalone.js`);
  expect(seen.urls).toContain(`${baseURL}/api/v1/openapi.json`);

  // The renderer: JavaScript for a year under its version; another version's URL is not this file.
  const bundle = await request.get(`/docs/api/scalar/${SCALAR_VERSION}/standalone.js`);
  expect(bundle.status()).toBe(200);
  expect(bundle.headers()["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(bundle.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  expect((await request.get("/docs/api/scalar/0.0.1/standalone.js")).status()).toBe(404);
});

test("an admin puts a new TEST key into the curl examples and it works; replays from elsewhere make none; an analyst gets no button and permission_denied", async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const m = await seedMerchant("docs-api");
  const admin = await addMember(m.ctx, "admin");
  const h = await db();
  const [adminUser] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, admin.email));

  await signInOk(page, admin.email, admin.password);
  // The dashboard in live mode: the reference's key is a test key all the same.
  await page.context().addCookies([{ name: "kassa_mode", value: "live", url: baseURL! }]);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  const panel = page.getByTestId("test-key-panel");
  await expect(panel).toContainText(`Your test publishable key (for calls from a browser): ${m.publishableKey}`);
  await expect(page.getByRole("heading", { name: "Kassa API", level: 1 })).toBeVisible();
  const seen = watchRequests(page);

  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Use a test key in these examples" }).click(),
  ]);
  await expect(page.getByTestId("test-key-in-use")).toContainText(`The examples use your test key API reference (${admin.email}) (sk_test_`);

  // Kept in this tab: a reload still shows it, and the operation's curl carries it.
  await page.reload();
  await expect(page.getByTestId("test-key-in-use")).toBeVisible();
  await page.goto("/docs/api#tag/balance/GET/api/v1/balance");
  await expect(page.getByRole("heading", { name: "Get a balance" })).toBeVisible();
  const curl = curlFor(page, "balance");
  await expect(curl).toContainText(/Authorization: Bearer sk_test_[0-9A-Za-z]{20,}/);
  const key = (await curl.innerText()).match(/sk_test_[0-9A-Za-z]+/)![0];
  await page.goto("/docs/api#tag/payments/POST/api/v1/payments");
  await expect(curlFor(page, "payments")).toContainText(`Authorization: Bearer ${key}`);
  expect(seen.urls.filter((u) => !u.startsWith(`${baseURL}/`))).toEqual([]);

  // The key made: one, test mode, secret, by the admin, audited as the API keys page's creation is.
  const made = await referenceKeys(m.merchantId);
  expect(made.map((k) => ({ name: k.name, kind: k.kind, livemode: k.livemode, createdBy: k.createdBy, keyHash: k.keyHash }))).toEqual([
    { name: `API reference (${admin.email})`, kind: "secret", livemode: false, createdBy: adminUser!.id, keyHash: hashKey(key) },
  ]);
  const audited = await h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.merchantId, m.merchantId), eq(auditLog.targetId, made[0]!.id)));
  expect(audited.map((a) => [a.action, a.actorId, a.livemode])).toEqual([["api_key.created", adminUser!.id, false]]);

  // It works against the API.
  const balance = await request.get("/api/v1/balance", { headers: { Authorization: `Bearer ${key}` } });
  expect(balance.status()).toBe(200);
  expect((await balance.json()).livemode).toBe(false);

  // The action replayed with the admin's cookie from another origin (Next refuses it before it runs), without
  // Origin, or marked same-site rather than same-origin (memberAction refuses those): nothing made.
  const cookie = await cookieOf(page);
  expect((await replay(request, sent, cookie, { origin: "http://127.0.0.1:9", "sec-fetch-site": "cross-site" })).status).toBe(500);
  for (const extra of [{}, { "sec-fetch-site": "cross-site" }, { origin: baseURL!, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    expect((await replay(request, sent, cookie, extra)).text, JSON.stringify(extra)).toContain("origin_not_allowed");
  }
  expect(await referenceKeys(m.merchantId)).toHaveLength(1);
  // Signed out: refused too.
  expect((await replay(request, sent, "", { origin: baseURL!, "sec-fetch-site": "same-origin" })).text).toContain("not_signed_in");

  // An analyst: the hint instead of the button; the action sent with their cookie from this origin is refused by role.
  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  await analyst.page.goto("/docs/api");
  await expect(analyst.page.getByTestId("test-key-panel")).toContainText(
    "Your role (analyst) cannot create API keys: ask an owner, admin or developer of Shop docs-api for a test key.",
  );
  await expect(analyst.page.getByRole("button", { name: "Use a test key in these examples" })).toHaveCount(0);
  await expect(analyst.page.getByTestId("test-key-panel")).not.toContainText("pk_test_");
  const analystReplay = await replay(request, sent, await cookieOf(analyst.page), { origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(analystReplay.text).toContain("permission_denied");
  // The admin's key stays in the admin's tab only: the analyst's examples show the placeholder.
  await analyst.page.goto("/docs/api#tag/balance/GET/api/v1/balance");
  await expect(curlFor(analyst.page, "balance")).toContainText("Authorization: Bearer YOUR_SECRET_TOKEN");
  await expectAccessible(analyst.page);
  await analyst.close();
  expect(await referenceKeys(m.merchantId)).toHaveLength(1);

  // The control: the same replay with the admin's cookie from this origin makes a second key.
  expect((await replay(request, sent, cookie, { origin: baseURL!, "sec-fetch-site": "same-origin" })).text).toContain("sk_test_");
  expect(await referenceKeys(m.merchantId)).toHaveLength(2);

  // "Stop using this key" puts the placeholder back.
  await page.getByRole("button", { name: "Stop using this key" }).click();
  await expect(page.getByRole("button", { name: "Use a test key in these examples" })).toBeVisible();
  await page.goto("/docs/api#tag/balance/GET/api/v1/balance");
  await expect(curlFor(page, "balance")).toContainText("Authorization: Bearer YOUR_SECRET_TOKEN");
  await expectAccessible(page);
});
