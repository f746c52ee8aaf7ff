// Dashboard → Fraud → Review queue in Chromium: payments the fraud check held (the elevated-risk test card) are listed
// riskiest first with the selected one's features, rules and related payments; j/k move, a approves (the payment is
// captured), f asks first and refunds as fraud (the card is then declined at checkout); each result is announced in
// a live region; the action replayed without Origin or cross-site does nothing; an analyst reads without the decision buttons; axe on the page.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { eq } from "drizzle-orm";
import { reviews } from "@/db/schema";
import { createSession, expectAccessible, getPayment, payWithCard } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

/** A payment held for review through the API; its review's risk score set to `risk` so the order is known. */
async function held(request: APIRequestContext, m: Merchant, amount: number, risk: number, email: string) {
  const res = await request.post("/api/v1/payments", {
    headers: { Authorization: `Bearer ${m.secretKey}` },
    data: { amount, currency: "usd", payment_method: "pm_card_riskLevelElevated", confirm: true, receipt_email: email },
  });
  const payment = (await res.json()) as { id: string; status: string };
  expect(payment.status).toBe("requires_capture");
  const h = await db();
  const [review] = await h.db.update(reviews).set({ riskScore: risk }).where(eq(reviews.paymentId, payment.id)).returning();
  return { paymentId: payment.id, reviewId: review!.id };
}

test("the queue riskiest first; j/k move, a approves (captured), f confirms then refunds as fraud and the card is declined at checkout", async ({
  page,
  request,
  browser,
}) => {
  const m = await seedMerchant("review-queue");
  const low = await held(request, m, 1500, 60, "low@example.com");
  const top = await held(request, m, 9900, 80, "top@example.com");
  const mid = await held(request, m, 4200, 70, "mid@example.com");

  await signInOk(page, m.email, m.password);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Review queue", exact: true }).click();
  await expect(page).toHaveURL(/\/fraud\/reviews$/);
  const queue = page.getByTestId("review-queue");
  const rows = queue.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("$99.00");
  await expect(rows.nth(1)).toContainText("$42.00");
  await expect(rows.nth(2)).toContainText("$15.00");
  await expect(rows.nth(0)).toContainText("visa •••• 9235");
  await expect(rows.nth(0)).toHaveAttribute("data-selected", "true");
  const detail = page.getByTestId("review-detail");
  await expect(detail).toContainText(top.paymentId);
  await expect(page.getByTestId("review-features")).toContainText("amount_in_usd");
  // The other held payments share the card.
  await expect(page.getByTestId("related-card")).toContainText(mid.paymentId);
  await expect(page.getByTestId("shortcut-legend")).toContainText("refund as fraud");
  await expectAccessible(page);

  // j moves down, k back up.
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`review=${mid.reviewId}`));
  await expect(page.locator("#review-detail-title")).toContainText(mid.paymentId);
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`review=${low.reviewId}`));
  await expect(rows.nth(2)).toHaveAttribute("data-selected", "true");
  // Two quick presses move two rows, even before the page for the first has come back.
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`review=${top.reviewId}`));
  await expect(rows.nth(0)).toHaveAttribute("data-selected", "true");
  // The panel's own heading (the related payments below it name the others too).
  await expect(page.locator("#review-detail-title")).toContainText(top.paymentId);

  // a approves the selected one: captured, announced, gone from the queue, the next selected.
  const [sent] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined), page.keyboard.press("a")]);
  const announcement = page.getByTestId("review-announcement");
  await expect(announcement).toHaveAttribute("role", "status");
  await expect(announcement).toHaveText(`$99.00 payment ${top.paymentId} approved and captured.`);
  await expect(rows).toHaveCount(2);
  expect(await getPayment(request, m.secretKey, top.paymentId)).toMatchObject({ status: "succeeded", amount_received: 9900 });
  await expect(detail).toContainText(mid.paymentId);

  // f asks first; dismissed, nothing happens.
  page.once("dialog", (d) => void d.dismiss());
  await page.keyboard.press("f");
  await expect(rows).toHaveCount(2);
  expect((await getPayment(request, m.secretKey, mid.paymentId)).status).toBe("requires_capture");
  // Accepted: refunded as fraud.
  page.once("dialog", (d) => {
    expect(d.message()).toContain("Refund $42.00 as fraud");
    void d.accept();
  });
  await page.keyboard.press("f");
  await expect(page.getByTestId("review-announcement")).toHaveText(`$42.00 payment ${mid.paymentId} refunded as fraud; its card and email are blocked.`);
  await expect(rows).toHaveCount(1);
  expect((await getPayment(request, m.secretKey, mid.paymentId)).status).toBe("canceled");
  await expectAccessible(page);

  // The captured action replayed against the last review with the owner's cookie but no Origin, or marked cross-site: refused.
  const headers = await sent.allHeaders();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = sent.postDataBuffer()!.toString().replace(top.reviewId, low.reviewId);
  expect(body).toContain(low.reviewId);
  for (const extra of [{}, { origin: new URL(sent.url()).origin, "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
    await request.post(sent.url(), {
      headers: { accept: "text/x-component", "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, cookie, ...extra },
      data: Buffer.from(body),
    });
  }
  expect((await getPayment(request, m.secretKey, low.paymentId)).status).toBe("requires_capture");
  await expect(rows).toHaveCount(1);

  // The same card is now declined at checkout.
  const s = await createSession(request, m.secretKey);
  const buyer = await browser.newPage();
  await buyer.goto(`/pay/${s.id}`);
  await payWithCard(buyer, "4000 0000 0000 9235");
  await expect(buyer.locator("#card-error")).toContainText("declined");
  await buyer.close();

  // An analyst reads the queue without the decision buttons; their keys decide nothing.
  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  await analyst.page.goto("/fraud/reviews");
  await expect(analyst.page.getByTestId("review-queue").locator("tbody tr")).toHaveCount(1);
  await expect(analyst.page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await analyst.page.keyboard.press("a");
  await expect(analyst.page.getByTestId("review-announcement")).toHaveText("");
  expect((await getPayment(request, m.secretKey, low.paymentId)).status).toBe("requires_capture");
  await expectAccessible(analyst.page);
  await analyst.close();
});
