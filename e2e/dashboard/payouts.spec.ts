// Dashboard payouts in a real browser: Settings → Payouts (bank accounts added, shown masked, made default,
// removed; the schedule), Payouts (pay out, the list, a payout's page with its reconciliation and CSV),
// Balance's in-transit figure; server actions replayed from elsewhere refused; an analyst only reads, support
// sees no payouts; axe.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { eq } from "drizzle-orm";
import { bankAccounts, payouts } from "@/db/schema";
import { createAutomaticPayout } from "@/lib/payouts/run-scheduled-payouts";
import { fundAvailable } from "@/test/payouts";
import { expectAccessible } from "../support/checkout";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

let attacker: Server;
let attackerOrigin: string;
test.beforeAll(async () => {
  attacker = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>prize</title>"));
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", () => r()));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
test.afterAll(() => attacker.close());

async function replayer(page: Page, request: APIRequestContext, sent: Request) {
  const headers = await sent.allHeaders();
  const body = sent.postDataBuffer()!;
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

test("Settings → Payouts and Payouts: bank accounts masked, schedule, pay out, reconciliation with CSV, in transit on Balance; replays refused; roles", async ({
  page,
  browser,
  request,
}) => {
  const m = await seedMerchant("payouts-ui");
  const h = await db();
  const analyst = await addMember(m.ctx, "analyst");
  const support = await addMember(m.ctx, "support");
  await signInOk(page, m.email, m.password);

  // Bank accounts: a bad IBAN refused with its code; a US account added and shown masked.
  await page.goto("/settings/payouts");
  const add = page.getByRole("form", { name: "Add bank account" });
  await add.getByLabel("Currency").fill("eur");
  await add.getByLabel("Country").fill("DE");
  await add.getByLabel("Account holder").fill("Jenny Rosen");
  await add.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 01");
  await add.getByRole("button", { name: "Add bank account" }).click();
  await expect(add.getByTestId("error-code")).toHaveText("iban_invalid");
  await add.getByLabel("IBAN").fill("");
  await add.getByLabel("Currency").fill("usd");
  await add.getByLabel("Country").fill("US");
  await add.getByLabel("Account number").fill("000123456789");
  await add.getByLabel("Routing number").fill("110000000");
  await add.getByRole("button", { name: "Add bank account" }).click();
  await expect(add.getByRole("status")).toContainText("Bank account added");
  const table = page.getByTestId("bank-accounts");
  await expect(table).toContainText("••••6789");
  await expect(table).toContainText("default");
  await page.reload();
  await expect(table).toContainText("••••6789");
  expect(await page.content()).not.toContain("000123456789");
  await expectAccessible(page);

  // The schedule: weekly on Friday.
  const schedule = page.getByRole("form", { name: "Payout schedule" });
  await schedule.getByLabel("Pay out").selectOption("weekly");
  await schedule.getByLabel("Weekly on").selectOption("friday");
  await schedule.getByRole("button", { name: "Save schedule" }).click();
  await expect(schedule.getByRole("status")).toContainText("Saved");

  // Pay out 12.34 of 100.00 available.
  await fundAvailable(h.db, m.ctx, 10_000n);
  await page.goto("/payouts");
  const payOut = page.getByRole("form", { name: "Pay out" });
  await expect(payOut.getByLabel("Currency")).toContainText("$100.00 available");
  await payOut.getByLabel("Amount").fill("200.00");
  await payOut.getByRole("button", { name: "Pay out" }).click();
  await expect(payOut.getByTestId("error-code")).toHaveText("balance_insufficient");
  await payOut.getByLabel("Amount").fill("12.34");
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    payOut.getByRole("button", { name: "Pay out" }).click(),
  ]);
  await expect(payOut.getByRole("status")).toContainText("Payout created");
  const mine = async () => h.db.select().from(payouts).where(eq(payouts.merchantId, m.merchantId));
  expect((await mine()).map((p) => p.amount)).toEqual([1234n]);

  // The pay-out action replayed with the owner's cookie from elsewhere, or without Origin: nothing paid out.
  const replay = await replayer(page, request, sent);
  for (const extra of [{ origin: attackerOrigin, "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "cross-site" }, {}] as Record<string, string>[]) {
    await replay(extra);
    expect(await mine(), JSON.stringify(extra)).toHaveLength(1);
  }

  // An automatic payout of the rest, with its reconciliation and CSV.
  const [account] = await h.db.select().from(bankAccounts).where(eq(bankAccounts.merchantId, m.merchantId));
  const auto = (await createAutomaticPayout({ ...m.ctx, actor: { type: "system", id: "e2e" } }, account!, "2026-12-04"))!;
  await page.goto("/payouts");
  await expect(page.getByTestId("payouts").locator("tbody tr")).toHaveCount(2);
  await page.getByTestId("payouts").getByRole("link", { name: "$87.66" }).click();
  await expect(page).toHaveURL(new RegExp(`/payouts/${auto}$`));
  await expect(page.getByTestId("payout-bank-account")).toContainText("••••6789");
  await expect(page.getByTestId("reconciliation-total")).toContainText("net $87.66");
  await expect(page.getByTestId("payout-reconciliation").locator("tbody tr")).toHaveCount(2); // the charge and the manual payout
  await expectAccessible(page);
  const csv = await page.request.get(`/api/dashboard/payouts/reconciliation?payout=${auto}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("balance_transaction,created,available_on,type,source,currency,amount,fee,net,description");
  expect(lines).toHaveLength(4);
  expect(lines.at(-1)).toContain(`total,,,,${auto},usd,,,87.66,`);

  // Balance shows what is on its way.
  await page.goto("/balance");
  await expect(page.getByRole("columnheader", { name: "In transit to bank" })).toBeVisible();

  // Another merchant's payout is not found; its CSV neither.
  const other = await seedMerchant("payouts-ui-2");
  const otherPage = await signedInPage(browser, other);
  expect((await otherPage.page.goto(`/payouts/${auto}`))?.status()).toBe(404);
  expect((await otherPage.page.request.get(`/api/dashboard/payouts/reconciliation?payout=${auto}`)).status()).toBe(404);
  await otherPage.close();

  // An analyst reads without forms; support sees no payouts at all.
  const a = await signedInPage(browser, analyst);
  await a.page.goto("/payouts");
  await expect(a.page.getByTestId("payouts").locator("tbody tr")).toHaveCount(2);
  await expect(a.page.getByRole("form", { name: "Pay out" })).toHaveCount(0);
  await a.page.goto("/settings/payouts");
  await expect(a.page.getByTestId("bank-accounts")).toContainText("••••6789");
  await expect(a.page.getByRole("form", { name: "Add bank account" })).toHaveCount(0);
  await a.close();
  const s = await signedInPage(browser, support);
  expect((await s.page.goto("/payouts"))?.status()).toBe(403);
  await s.close();
});
