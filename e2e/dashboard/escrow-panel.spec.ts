// The payment page's Escrow panel in Chromium: status, release time, window end and dispute of an escrowed
// payment; Release now asks first, then releases (the panel and the Balance page's Escrowed figure follow); the
// release action replayed with the owner's cookie but without Origin, or marked cross-site, releases nothing; an
// analyst sees the panel without the button, and the action replayed with their cookie is refused (the same replay
// by the owner from the page's origin releases: the control); axe on the page.
import { expect, test, type APIRequestContext, type Request } from "@playwright/test";
import { expectAccessible, getPayment } from "../support/checkout";
import { addMember, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Escrowed = { id: string; escrow: { status: string; net: number } };

async function escrowed(request: APIRequestContext, key: string, amount: number): Promise<Escrowed> {
  const res = await request.post("/api/v1/payments", {
    headers: { Authorization: `Bearer ${key}` },
    data: { amount, currency: "usd", payment_method: "pm_card_visa", confirm: true, escrow: { release_after_days: 30, dispute_window_days: 10 } },
  });
  const payment = (await res.json()) as Escrowed;
  expect(payment.escrow.status).toBe("held");
  return payment;
}
const escrowStatus = async (request: APIRequestContext, key: string, id: string) =>
  ((await getPayment(request, key, id)) as unknown as { escrow: { status: string } }).escrow.status;

/** The captured server action sent again for `id` with `cookie` and `extra` headers. */
async function replay(request: APIRequestContext, sent: Request, from: string, to: string, cookie: string, extra: Record<string, string>) {
  const headers = await sent.allHeaders();
  const body = sent.postDataBuffer()!.toString().replace(from, to);
  expect(body).toContain(to);
  await request.post(sent.url(), {
    headers: { accept: "text/x-component", "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, cookie, ...extra },
    data: Buffer.from(body),
  });
}

test("Release now asks, releases and the balance follows; replays without Origin, cross-site or by an analyst release nothing", async ({
  page,
  request,
  browser,
}) => {
  const m = await seedMerchant("escrow-panel");
  const first = await escrowed(request, m.secretKey, 12_000);
  const second = await escrowed(request, m.secretKey, 3_000);

  await signInOk(page, m.email, m.password);
  await page.goto("/balance");
  // One column each: pending, available, escrowed, in transit (two helpers once both added Escrowed).
  await expect(page.getByTestId("balance").getByRole("columnheader", { name: "Escrowed" })).toHaveCount(1);
  const escrowedCell = page.getByTestId("balance").locator("tbody tr").first();
  await expect(escrowedCell).toContainText(`$${((first.escrow.net + second.escrow.net) / 100).toFixed(2)}`);

  await page.goto(`/payments/${first.id}`);
  const panel = page.getByTestId("escrow-details");
  await expect(page.getByTestId("escrow-status")).toHaveText("held");
  await expect(page.getByTestId("escrow-dispute")).toHaveText("None");
  await expect(page.getByTestId("escrow-release-at")).toContainText("UTC");
  await expect(panel).toContainText("Dispute window ends");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Release now…" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm release" });
  await expect(dialog).toContainText(`$${(first.escrow.net / 100).toFixed(2)}`);
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    dialog.getByRole("button", { name: "Confirm release" }).click(),
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Escrow released." })).toBeVisible();
  expect(await escrowStatus(request, m.secretKey, first.id)).toBe("released");
  await page.reload();
  await expect(page.getByTestId("escrow-status")).toHaveText("released");
  await expect(page.getByRole("button", { name: "Release now…" })).toHaveCount(0);
  await page.goto("/balance");
  await expect(page.getByTestId("balance").locator("tbody tr").first()).toContainText(`$${(second.escrow.net / 100).toFixed(2)}`);

  // The action replayed for the second payment with the owner's cookie but no Origin, or marked cross-site: refused.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const origin = new URL(sent.url()).origin;
  for (const extra of [{}, { origin, "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
    await replay(request, sent, first.id, second.id, cookie, extra);
  }
  expect(await escrowStatus(request, m.secretKey, second.id)).toBe("held");

  // An analyst sees the panel without the button; the action sent with their cookie from the page's origin is refused by role.
  const analyst = await signedInPage(browser, await addMember(m.ctx, "analyst"));
  await analyst.page.goto(`/payments/${second.id}`);
  await expect(analyst.page.getByTestId("escrow-status")).toHaveText("held");
  await expect(analyst.page.getByRole("button", { name: "Release now…" })).toHaveCount(0);
  const analystCookie = (await analyst.page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await replay(request, sent, first.id, second.id, analystCookie, { origin, "sec-fetch-site": "same-origin" });
  expect(await escrowStatus(request, m.secretKey, second.id)).toBe("held");
  await expectAccessible(analyst.page);
  await analyst.close();

  // The control: the same replay with the owner's cookie from the page's own origin does release it.
  await replay(request, sent, first.id, second.id, cookie, { origin, "sec-fetch-site": "same-origin" });
  expect(await escrowStatus(request, m.secretKey, second.id)).toBe("released");
});
