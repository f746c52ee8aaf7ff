// CSRF on the subscriptions and invoices server actions, as e2e/dashboard/products-csrf.spec.ts does it: each
// action's real request (Next-Action id, router state, multipart body) captured from the dashboard and replayed
// with the owner's cookies from another port of the same host (same-site, so the cookie goes along), with
// Origin null or another host, with no Origin at all, and with this host's Origin but marked same-site by the
// browser: every one refused with nothing stored; the same bytes from the dashboard's own origin do run.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { invoices, subscriptions } from "@/db/schema";
import { db, seedMerchant } from "../support/db";
import { signInOk } from "../support/sign-in";

let attacker: Server;
let attackerOrigin: string;
test.beforeAll(async () => {
  attacker = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>prize</title>"));
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", () => r()));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
test.afterAll(() => attacker.close());

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

async function api<T = Record<string, unknown>>(request: APIRequestContext, m: Merchant, path: string, data?: Record<string, unknown>): Promise<T> {
  const headers = { Authorization: `Bearer ${m.secretKey}` };
  const res = data ? await request.post(path, { headers, data }) : await request.get(path, { headers });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(200);
  return body as T;
}

const stored = async (merchantId: string) => {
  const h = await db();
  const subs = await h.db
    .select({ id: subscriptions.id, status: subscriptions.status, cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd })
    .from(subscriptions)
    .where(eq(subscriptions.merchantId, merchantId))
    .orderBy(subscriptions.id);
  const invs = await h.db
    .select({ id: invoices.id, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.merchantId, merchantId)))
    .orderBy(invoices.id);
  return { subs, invs };
};

/** The server action request a click sends, captured on its way out. */
async function capture(page: Page, click: () => Promise<void>): Promise<Request> {
  const [sent] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined), click()]);
  return sent;
}

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

/** Every forged variant is refused and leaves the rows as they were. */
async function expectRefusedEverywhere(replay: Awaited<ReturnType<typeof replayer>>, baseURL: string, merchantId: string) {
  const before = await stored(merchantId);
  for (const origin of [attackerOrigin, "null", "http://evil.test", `http://localhost:${new URL(baseURL).port}`]) {
    await test.step(`Origin: ${origin}`, async () => {
      const res = await replay({ origin, "sec-fetch-site": origin === "null" ? "cross-site" : "same-site" });
      expect(res.status(), origin).toBe(500);
      expect(await stored(merchantId)).toEqual(before);
    });
  }
  for (const extra of [{}, { origin: baseURL, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    await test.step(`headers ${JSON.stringify(extra)}`, async () => {
      const res = await replay(extra);
      expect(await res.text()).toContain("origin_not_allowed");
      expect(await stored(merchantId)).toEqual(before);
    });
  }
}

test("the subscription and invoice server actions refuse cross-site and Origin-less replays; the dashboard's own origin runs them", async ({
  page,
  request,
  baseURL,
}) => {
  const m = await seedMerchant("subs-csrf");
  const customer = await api<{ id: string }>(request, m, "/api/v1/customers", { name: "Csrf Cara", email: "cara@example.test" });
  const pm = await api<{ id: string }>(request, m, "/api/v1/payment_methods/pm_card_visa/attach", { customer: customer.id });
  await api(request, m, `/api/v1/customers/${customer.id}`, { invoice_settings: { default_payment_method: pm.id } });
  const cardless = await api<{ id: string }>(request, m, "/api/v1/customers", { name: "Cardless Cid", email: "cid@example.test" });
  await api(request, m, "/api/v1/products", { name: "Club", default_price_data: { currency: "usd", unit_amount: 1500, recurring: { interval: "month" } } });
  await signInOk(page, m.email, m.password);

  // 1. Create a subscription: the real form's request.
  await page.goto("/subscriptions/new");
  const form = page.getByRole("form", { name: "New subscription" });
  await form.getByLabel("Customer").selectOption(customer.id);
  await form.getByLabel("Price").selectOption({ index: 1 });
  const create = await capture(page, () => form.getByRole("button", { name: "Create subscription" }).click());
  await expect(page.getByTestId("new-subscription")).toContainText("active");
  expect((await stored(m.merchantId)).subs).toHaveLength(1);
  const replayCreate = await replayer(page, request, create);
  await expectRefusedEverywhere(replayCreate, baseURL!, m.merchantId);
  expect((await stored(m.merchantId)).subs).toHaveLength(1);
  const mine = await replayCreate({ origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(mine.status()).toBe(200);
  expect(await mine.text()).toMatch(/sub_[A-Za-z0-9]+/);
  expect((await stored(m.merchantId)).subs).toHaveLength(2);

  // 2. Cancel at period end, on the first subscription's page.
  const subId = (await stored(m.merchantId)).subs[0]!.id;
  await page.goto(`/subscriptions/${subId}`);
  const cancel = await capture(page, () => page.getByRole("button", { name: "Cancel at period end" }).click());
  await expect(page.getByTestId("cancel-at-period-end")).toContainText("yes");
  await page.getByRole("button", { name: "Don't cancel" }).click();
  await expect(page.getByTestId("cancel-at-period-end")).toHaveText("no");
  const replayCancel = await replayer(page, request, cancel);
  await expectRefusedEverywhere(replayCancel, baseURL!, m.merchantId);
  expect((await stored(m.merchantId)).subs.find((s) => s.id === subId)).toMatchObject({ cancelAtPeriodEnd: false });
  expect((await replayCancel({ origin: baseURL!, "sec-fetch-site": "same-origin" })).status()).toBe(200);
  expect((await stored(m.merchantId)).subs.find((s) => s.id === subId)).toMatchObject({ cancelAtPeriodEnd: true });

  // 3. Void an open invoice (a cardless customer's first) from the invoices list: the click's request is captured
  // and held back, so the invoice is still open when the forged copies arrive.
  const incomplete = await api<{ latest_invoice: string }>(request, m, "/api/v1/subscriptions", {
    customer: cardless.id,
    items: [{ price: (await api<{ data: { id: string }[] }>(request, m, "/api/v1/prices")).data[0]!.id }],
  });
  await page.goto("/invoices?status=open");
  const row = page.getByTestId("invoices-table").locator(`tr[data-id="${incomplete.latest_invoice}"]`);
  const number = (await row.locator("td").first().locator("a").first().textContent())!.trim();
  let held: Request | undefined;
  await page.route(
    (url) => url.pathname === "/invoices",
    async (route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
        held = route.request();
        await route.abort();
      } else await route.continue();
    },
  );
  await row.getByRole("button", { name: `Void ${number}` }).click();
  await expect.poll(() => held !== undefined).toBe(true);
  await page.unrouteAll();
  const invoiceStatus = async () => (await stored(m.merchantId)).invs.find((i) => i.id === incomplete.latest_invoice)?.status;
  expect(await invoiceStatus()).toBe("open");
  const replayVoid = await replayer(page, request, held!);
  await expectRefusedEverywhere(replayVoid, baseURL!, m.merchantId);
  expect(await invoiceStatus()).toBe("open");
  expect((await replayVoid({ origin: baseURL!, "sec-fetch-site": "same-origin" })).status()).toBe(200);
  expect(await invoiceStatus()).toBe("void");
});
