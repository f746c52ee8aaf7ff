// The hosted invoice page in Chromium: a subscription made over the API for a customer without a card is
// incomplete with its first invoice open; the customer opens hosted_invoice_url, reads it, fetches its PDF,
// presses Pay, pays on the existing checkout with the sandbox card form and comes back to the invoice, paid.
// The bare invoice id or a wrong token is a 404; the Pay action refuses another origin and stores nothing.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { and, eq, sql } from "drizzle-orm";
import { checkoutSessions } from "@/db/schema";
import { auth, expectError, ok } from "../support/api";
import { expectAccessible, payWithCard } from "../support/checkout";
import { db, seedMerchant } from "../support/db";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;
interface Invoice {
  id: string;
  number: string;
  status: string;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  payment: string | null;
  hosted_invoice_url: string;
  invoice_pdf: string;
  lines: { data: { description: string }[] };
}

let m: Merchant;
test.beforeAll(async () => {
  m = await seedMerchant("invoice");
});

const get = async <T>(request: APIRequestContext, path: string) => ok<T>(await request.get(path, { headers: auth(m.secretKey) }));
const post = async <T>(request: APIRequestContext, path: string, data: unknown) => ok<T>(await request.post(path, { headers: auth(m.secretKey), data }));

/** A monthly price and a customer with no card, subscribed: incomplete, its first invoice open. */
async function incompleteSubscription(request: APIRequestContext, amount: number, name: string) {
  const product = await post<{ default_price: string }>(request, "/api/v1/products", {
    name,
    default_price_data: { currency: "usd", unit_amount: amount, recurring: { interval: "month" } },
  });
  const customer = await post<{ id: string }>(request, "/api/v1/customers", { email: "ada.buyer@example.test", name: "Ada Buyer" });
  const sub = await post<{ id: string; status: string; latest_invoice: string; status_reason: { code: string } }>(request, "/api/v1/subscriptions", {
    customer: customer.id,
    items: [{ price: product.default_price }],
  });
  expect(sub).toMatchObject({ status: "incomplete", status_reason: { code: "payment_method_missing" } });
  const invoice = await get<Invoice>(request, `/api/v1/invoices/${sub.latest_invoice}`);
  expect(invoice).toMatchObject({ status: "open", amount_due: amount, amount_remaining: amount, amount_paid: 0 });
  return { sub, invoice };
}

const sessionsFor = async (invoiceId: string) => {
  const h = await db();
  return h.db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.merchantId, m.merchantId), sql`${checkoutSessions.metadata} ->> 'invoice' = ${invoiceId}`));
};

test("the customer opens the invoice, fetches its PDF, pays it through the checkout and comes back to it paid; the subscription is active", async ({
  page,
  request,
  baseURL,
}) => {
  const { sub, invoice } = await incompleteSubscription(request, 2900, "Team plan");
  const url = new URL(invoice.hosted_invoice_url);
  expect(url.origin).toBe(baseURL);
  expect(url.pathname).toMatch(/^\/invoice\/[A-Za-z0-9_-]{43}$/);
  expect(url.pathname).not.toContain(invoice.id);
  expect(invoice.invoice_pdf).toBe(`${invoice.hosted_invoice_url}/pdf`);

  const res = await page.goto(invoice.hosted_invoice_url);
  expect(res!.status()).toBe(200);
  expect(res!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByTestId("invoice-merchant")).toHaveText("Shop invoice");
  await expect(page.getByTestId("invoice-number")).toHaveText(invoice.number);
  await expect(page.getByTestId("invoice-status")).toHaveText("Open");
  await expect(page.getByTestId("invoice-headline")).toHaveText("$29.00 due");
  await expect(page.getByTestId("invoice-test-mode")).toBeVisible();
  await expect(page.getByTestId("invoice-customer")).toContainText("Ada Buyer");
  await expect(page.getByTestId("invoice-customer")).toContainText("ada.buyer@example.test");
  await expect(page.getByTestId("invoice-lines")).toContainText("1 × Team plan (at $29.00 / month)");
  await expect(page.getByTestId("invoice-amount-due")).toHaveText("Amount due$29.00");
  await expect(page.getByTestId("invoice-amount-paid")).toHaveText("Amount paid$0.00");
  await expect(page.getByTestId("invoice-amount-remaining")).toHaveText("Amount remaining$29.00");
  await expectAccessible(page);

  // The PDF from the page's own link: a real PDF, named by the invoice's number, shown inline.
  const href = await page.getByTestId("invoice-pdf").getAttribute("href");
  expect(new URL(href!, baseURL).toString()).toBe(invoice.invoice_pdf);
  const pdf = await request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toBe(`inline; filename="${invoice.number}.pdf"`);
  expect(pdf.headers()["cache-control"]).toBe("private, no-store");
  // Chrome's PDF viewer obeys the document's CSP: the PDF has only the never-framed rule, not the pages' policy.
  expect(pdf.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(1000);

  // Pay: the existing checkout for the invoice's amount, with the customer's email and the way back.
  await page.getByRole("button", { name: "Pay $29.00" }).click();
  await expect(page).toHaveURL(/\/pay\/cs_[A-Za-z0-9]+$/);
  await expect(page.getByTestId("checkout-merchant")).toHaveText("Shop invoice");
  await expect(page.getByTestId("checkout-amount")).toHaveText("$29.00");
  await expect(page.getByText(`Invoice ${invoice.number}`)).toBeVisible();
  const [session] = await sessionsFor(invoice.id);
  expect(session).toMatchObject({ amount: 2900n, currency: "usd", customerEmail: "ada.buyer@example.test", successUrl: invoice.hosted_invoice_url });
  expect(page.url()).toBe(`${baseURL}/pay/${session!.id}`);
  await expectAccessible(page);
  await payWithCard(page, "4242 4242 4242 4242", "Pay $29.00");
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();

  // Back on the invoice (the checkout's success URL), paid.
  await expect(page).toHaveURL(invoice.hosted_invoice_url);
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(page.getByTestId("invoice-headline")).toHaveText("$29.00 paid");
  await expect(page.getByTestId("invoice-amount-paid")).toHaveText("Amount paid$29.00");
  await expect(page.getByTestId("invoice-amount-remaining")).toHaveText("Amount remaining$0.00");
  await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0);
  await expectAccessible(page);

  const paid = await get<Invoice>(request, `/api/v1/invoices/${invoice.id}`);
  expect(paid).toMatchObject({ status: "paid", amount_paid: 2900, amount_remaining: 0, payment: expect.stringMatching(/^pay_/) });
  const payment = await get<{ status: string; amount_received: number; metadata: Record<string, string> }>(request, `/api/v1/payments/${paid.payment}`);
  expect(payment).toMatchObject({ status: "succeeded", amount_received: 2900, metadata: { invoice: invoice.id, checkout_session: session!.id } });
  expect(await get<{ status: string; status_reason: unknown }>(request, `/api/v1/subscriptions/${sub.id}`)).toMatchObject({
    status: "active",
    status_reason: null,
  });
  expect((await sessionsFor(invoice.id)).map((s) => s.status)).toEqual(["complete"]);
});

test("the bare invoice id, a wrong token or a malformed one is a 404, for the page and the PDF alike", async ({ page, request }) => {
  const { invoice } = await incompleteSubscription(request, 1500, "Starter");
  const token = new URL(invoice.hosted_invoice_url).pathname.split("/")[2]!;
  const wrong = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
  for (const path of [`/invoice/${invoice.id}`, `/invoice/${wrong}`, `/invoice/${token.slice(1)}`, `/invoice/${invoice.number}`]) {
    await test.step(path, async () => {
      const res = await page.goto(path);
      expect(res!.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "This invoice link is not valid" })).toBeVisible();
      await expect(page.getByText(invoice.number)).toHaveCount(0);
      await expectError(await request.get(`${path}/pdf`), 404, "resource_missing", "token");
    });
  }
  await expectAccessible(page);
  // The right token still works.
  expect((await page.goto(invoice.hosted_invoice_url))!.status()).toBe(200);
});

test("the Pay action refuses a request from another origin or with none, and opens no checkout; from the page it does", async ({ page, request, baseURL }) => {
  const { invoice } = await incompleteSubscription(request, 1800, "Solo");
  await page.goto(invoice.hosted_invoice_url);
  // The real button's request (its Next-Action id and body), captured and held back.
  let held: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(invoice.hosted_invoice_url, async (route) => {
    const r = route.request();
    if (r.method() !== "POST" || !r.headers()["next-action"]) return route.continue();
    held = { url: r.url(), headers: await r.allHeaders(), body: r.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await page.getByRole("button", { name: "Pay $18.00" }).click();
  await expect.poll(() => held !== null).toBe(true);
  const sent = held!;
  expect(sent.headers.origin).toBe(baseURL);
  expect(await sessionsFor(invoice.id)).toEqual([]);
  const replay = (extra: Record<string, string>) =>
    request.post(sent.url, {
      headers: {
        accept: sent.headers.accept ?? "text/x-component",
        "content-type": sent.headers["content-type"]!,
        "next-action": sent.headers["next-action"]!,
        ...(sent.headers["next-router-state-tree"] ? { "next-router-state-tree": sent.headers["next-router-state-tree"] } : {}),
        ...extra,
      },
      data: sent.body,
      maxRedirects: 0,
    });

  // Another host or a sandboxed page: Next refuses the action before it runs.
  for (const origin of ["http://evil.test", "null"]) {
    const res = await replay({ origin, "sec-fetch-site": "cross-site" });
    expect(res.status(), origin).toBe(500);
    expect(await sessionsFor(invoice.id)).toEqual([]);
  }
  // No Origin (Next would run it), or this origin but marked by the browser as from another site: refused by the action.
  for (const extra of [{}, { origin: baseURL!, "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
    const res = await replay(extra);
    expect(await res.text()).toContain("did not come from this page");
    expect(await sessionsFor(invoice.id)).toEqual([]);
  }
  // The same request as the page sends it opens the checkout.
  const mine = await replay({ origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(mine.status()).toBeLessThan(400);
  const sessions = await sessionsFor(invoice.id);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ amount: 1800n, status: "open" });
});
