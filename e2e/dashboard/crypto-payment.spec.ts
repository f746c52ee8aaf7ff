// A crypto payment's dashboard page in Chromium. With the runner's local chain (EVM_RPC_URL, as `npm test` and
// scripts/_e2e-one.mts start it): a USDC payment made through the API and overpaid by a real transfer shows its
// deposit address, amounts in USDC's decimals, the transfer's hash and confirmations, the sweep, its gas and the
// surplus sent back with their hashes; the refund form refuses a mistyped checksum and too large an amount with the
// API's own words and refunds nothing, then refunds 1.5 USDC on chain; the action replayed without Origin, cross-site
// or with a developer's cookie (no refunds:write) refunds nothing, the owner's same-origin replay does (the control).
// Without a chain too, from rows seeded as the services write them: an 18-decimal DAI payment still confirming
// ("1 of 12 confirmations"), a failed outgoing transaction's error without the node's URL, refunds shown in tokens
// (never "0 DAI") on the page and in the refunds list, and another merchant's crypto payment a 404.
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { chainTransactions, cryptoDeposits, payments, refunds, type CryptoDetails } from "@/db/schema";
import { LOCAL_ADDRESSES } from "@/lib/chain/local-addresses";
import { newId } from "@/lib/ids";
import { expectAccessible } from "../support/checkout";
import { e2eChain } from "../support/chain";
import { addMember, db, seedMerchant } from "../support/db";
import { signedInPage, signInOk } from "../support/sign-in";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;
const auth = (m: Merchant) => ({ Authorization: `Bearer ${m.secretKey}` });
const short = (hex: string) => `${hex.slice(0, 8)}…${hex.slice(-6)}`;
const hex = (bytes: number) => `0x${Array.from({ length: bytes * 2 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("")}`;

/** The merchant's refunds of a payment, straight from the database. */
async function refundsOf(paymentId: string) {
  const h = await db();
  return h.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
}

/** The captured server action sent again with `cookie` and `extra` headers, `from` replaced by `to` in its body. */
async function replay(request: APIRequestContext, sent: Request, from: string, to: string, cookie: string, extra: Record<string, string>) {
  const headers = await sent.allHeaders();
  const body = sent.postDataBuffer()!.toString().replace(from, to);
  expect(body).toContain(to);
  await request.post(sent.url(), {
    headers: { accept: "text/x-component", "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, cookie, ...extra },
    data: Buffer.from(body),
  });
}

const cookieOf = async (page: Page) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

test.describe("on the runner's chain", () => {
  // The runner (scripts/test.ts, scripts/_e2e-one.mts) always starts it: without it this is a broken run, not a skip.
  test.beforeAll(() => {
    if (!process.env.EVM_RPC_URL) throw new Error("EVM_RPC_URL is unset: run the e2e suite through npm test, which starts the local chain");
  });
  test.describe.configure({ timeout: 180_000 });

  test("a USDC payment overpaid on chain: its On chain section, the refund form's refusals, a refund of 1.5 USDC, and replays without the right to refund", async ({
    page,
    request,
    browser,
  }) => {
    const chain = await e2eChain();
    await chain.fund("payer", "usdc", 10n ** 12n);
    const m = await seedMerchant("crypto-page");
    const made = await request.post("/api/v1/payments", {
      headers: auth(m),
      data: { amount: "12500000", currency: "usdc", payment_method_types: ["crypto"], description: "Order 125" },
    });
    expect(made.status()).toBe(200);
    const p = (await made.json()) as { id: string; payment_method_details: { crypto: CryptoDetails } };
    const address = p.payment_method_details.crypto.address;

    await signInOk(page, m.email, m.password);
    await page.goto(`/payments/${p.id}`);
    await expect(page.getByRole("heading", { name: "12.5 USDC" })).toBeVisible();
    await expect(page.getByTestId("crypto-address")).toHaveText(address);
    await expect(page.getByTestId("crypto-token")).toHaveText("USDC (USD Coin)");
    await expect(page.getByTestId("crypto-chain")).toHaveText("31337");
    await expect(page.getByTestId("crypto-status")).toHaveText("pending");
    await expect(page.getByTestId("crypto-remaining")).toHaveText("12.5 USDC");
    await expect(page.getByTestId("crypto-transfers")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Copy deposit address" })).toBeVisible();

    // 13 USDC for 12.5: the page follows by itself (no reload) to confirmed, with a surplus of 0.5 sent back.
    const paid = await chain.transfer("payer", "usdc", address, 13_000_000n);
    const receipt = await chain.clients.publicClient.getTransactionReceipt({ hash: paid });
    await expect(page.getByTestId("crypto-status")).toHaveText("confirmed", { timeout: 30_000 });
    await expect(page.getByTestId("crypto-received")).toHaveText("13 USDC");
    await expect(page.getByTestId("crypto-surplus")).toHaveText("0.5 USDC");
    await expect(page.getByTestId("crypto-remaining")).toHaveText("0 USDC");
    await expect(page.getByTestId("crypto-pending")).toHaveText("0 USDC");
    const transfer = page.getByTestId("crypto-transfers").locator("tbody tr");
    await expect(transfer).toHaveCount(1);
    await expect(transfer.getByTitle(paid)).toHaveText(short(paid));
    await expect(transfer.getByTitle(new RegExp(`^${LOCAL_ADDRESSES.payer}$`, "i"))).toBeVisible();
    await expect(transfer).toContainText(receipt.blockNumber.toString());
    await expect(transfer).toContainText("13 USDC");
    await expect(transfer).toContainText(/\d+ confirmations?$/);

    // Gas, then the sweep to the treasury, then the surplus back to the payer: all mined, with hash, nonce and block.
    const outgoing = page.getByTestId("crypto-outgoing");
    await expect(outgoing.locator('tr[data-status="mined"]')).toHaveCount(3, { timeout: 60_000 });
    const h = await db();
    const sent = await h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, p.id));
    expect(sent.map((t) => t.purpose).sort()).toEqual(["gas", "sweep"]);
    const [surplus] = await refundsOf(p.id);
    expect(surplus).toMatchObject({ reason: "overpayment", status: "succeeded" });
    const [surplusTx] = await h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, surplus!.id));
    for (const t of [...sent, surplusTx!]) {
      const row = outgoing.locator(`tr[data-purpose="${t.purpose}"]`);
      await expect(row.getByTitle(t.txHash!)).toHaveText(short(t.txHash!));
      await expect(row).toContainText(String(t.nonce));
      await expect(row).toContainText(t.blockNumber!.toString());
    }
    await expect(outgoing.locator('tr[data-purpose="refund"]')).toContainText("0.5 USDC");
    await expect(outgoing.locator('tr[data-purpose="refund"]')).toContainText(surplus!.id);
    // The page's refunds: the token amount (its `amount` is 0) and the hash.
    const listed = page.getByTestId("refunds").locator(`[data-refund-id="${surplus!.id}"]`);
    await expect(listed).toContainText("0.5 USDC · succeeded · overpayment");
    await expect(listed.getByTitle(surplusTx!.txHash!)).toHaveText(short(surplusTx!.txHash!));
    await expect(page.getByTestId("amount-received")).toHaveText("13 USDC");
    await expect(page.getByTestId("amount-refunded")).toHaveText("0.5 USDC");
    await expectAccessible(page);

    // A mistyped checksum (one letter's case changed): the API's message under the field, nothing refunded.
    const form = page.getByTestId("crypto-refund-form");
    const mistyped = LOCAL_ADDRESSES.spare1.replace("8de8", "8dE8");
    const refundOnChain = async () => {
      await form.getByRole("button", { name: "Refund on chain…" }).click();
      const [action] = await Promise.all([
        page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
        page.getByRole("dialog", { name: "Confirm refund" }).getByRole("button", { name: "Confirm refund" }).click(),
      ]);
      return action;
    };
    await form.getByLabel("Send the refund to (address)").fill(mistyped);
    await form.getByLabel("Amount (USDC)").fill("1.5");
    const sentAction = await refundOnChain();
    await expect(
      form.getByText(`crypto.address ${mistyped} has mixed case that is not its EIP-55 checksum: a mistyped character? Nothing was sent.`),
    ).toBeVisible();
    await expect(form.getByLabel("Send the refund to (address)")).toHaveValue(mistyped);
    expect(await refundsOf(p.id)).toHaveLength(1);

    // More than is left, and more decimals than USDC has: refused, in the API's and the form's words.
    await form.getByLabel("Send the refund to (address)").fill(LOCAL_ADDRESSES.spare1);
    await form.getByLabel("Amount (USDC)").fill("12.500001");
    await refundOnChain();
    await expect(form.getByText("Refund amount (12500001) is greater than the unrefunded amount on the payment (12500000 base units of USDC).")).toBeVisible();
    await form.getByLabel("Amount (USDC)").fill("1.0000001");
    await refundOnChain();
    await expect(form.getByText("Enter the amount in USDC, e.g. 1.5 (USDC has 6 decimal places; 1.0000001 has 7).")).toBeVisible();
    expect(await refundsOf(p.id)).toHaveLength(1);

    // 1.5 USDC to a good address: sent from the treasury, mined, and on the page with its hash.
    const before = await chain.balance("usdc", LOCAL_ADDRESSES.spare1);
    await form.getByLabel("Amount (USDC)").fill("1.5");
    await refundOnChain();
    await expect(page.getByRole("status").filter({ hasText: "of 1.5 USDC: pending" })).toBeVisible();
    const mine = (await refundsOf(p.id)).find((r) => r.reason === "requested_by_customer")!;
    expect(mine).toMatchObject({ amount: 0n, currency: "usdc", crypto: { amount: "1500000", address: LOCAL_ADDRESSES.spare1, chain_id: 31337 } });
    const mineRow = page.getByTestId("refunds").locator(`[data-refund-id="${mine.id}"]`);
    await expect(mineRow).toContainText("1.5 USDC · succeeded · requested_by_customer", { timeout: 60_000 });
    const [mineTx] = await h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, mine.id));
    expect(mineTx).toMatchObject({ status: "mined", purpose: "refund" });
    await expect(mineRow.getByTitle(mineTx!.txHash!)).toBeVisible();
    await expect(outgoing.locator('tr[data-status="mined"]')).toHaveCount(4, { timeout: 30_000 });
    await expect(page.getByTestId("amount-refunded")).toHaveText("2 USDC");
    expect(await chain.balance("usdc", LOCAL_ADDRESSES.spare1)).toBe(before + 1_500_000n);

    // The refunds list and the payments list: token amounts, never "0 USDC".
    await page.goto("/refunds");
    const table = page.getByTestId("refunds-table");
    await expect(table).toContainText("1.5 USDC");
    await expect(table).toContainText("0.5 USDC");
    await expect(table).not.toContainText("0 USDC");
    await expect(table.getByTitle(mineTx!.txHash!)).toBeVisible();
    await page.goto("/payments");
    await expect(page.locator(`tr[data-payment-id="${p.id}"]`)).toContainText("12.5 USDC");
    await expect(page.locator(`tr[data-payment-id="${p.id}"]`)).toContainText("USDC · confirmed");

    // The first (refused) action replayed with the good address: no Origin, or cross-site, with the owner's cookie → nothing.
    const origin = new URL(sentAction.url()).origin;
    const owner = await cookieOf(page);
    for (const extra of [{}, { origin, "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      await replay(request, sentAction, mistyped, LOCAL_ADDRESSES.spare1, owner, extra);
    }
    expect(await refundsOf(p.id)).toHaveLength(2);
    // A developer (payments:write, not refunds:write) sees the On chain section without the form; their replay is refused.
    const developer = await signedInPage(browser, await addMember(m.ctx, "developer"));
    await developer.page.goto(`/payments/${p.id}`);
    await expect(developer.page.getByTestId("crypto-address")).toHaveText(address);
    await expect(developer.page.getByTestId("crypto-refund-form")).toHaveCount(0);
    await replay(request, sentAction, mistyped, LOCAL_ADDRESSES.spare1, await cookieOf(developer.page), { origin, "sec-fetch-site": "same-origin" });
    expect(await refundsOf(p.id)).toHaveLength(2);
    await developer.close();
    // The control: the owner's replay from the page's origin refunds.
    await replay(request, sentAction, mistyped, LOCAL_ADDRESSES.spare1, owner, { origin, "sec-fetch-site": "same-origin" });
    expect(await refundsOf(p.id)).toHaveLength(3);
  });
});

/** A crypto payment as createCryptoPayment and the deposit watcher leave it, written straight to the database. */
async function seedCryptoPayment(
  m: Merchant,
  crypto: Omit<CryptoDetails, "chain_id" | "address" | "expires_at" | "confirmations_required"> & Partial<CryptoDetails>,
) {
  const h = await db();
  const id = newId("payment");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 30 * 60_000);
  const details: CryptoDetails = {
    chain_id: 31337,
    address: hex(20),
    confirmations_required: 12,
    expires_at: Math.floor(expiresAt.getTime() / 1000),
    ...crypto,
  };
  const paid = details.status === "confirmed";
  await h.db.insert(payments).values({
    id,
    merchantId: m.merchantId,
    livemode: false,
    amount: 0n,
    currency: details.token,
    status: paid ? "succeeded" : "requires_action",
    captureMethod: "automatic",
    paymentMethod: "crypto",
    crypto: details,
    connector: "chain",
    capturedAt: paid ? now : null,
  });
  await h.db.insert(cryptoDeposits).values({
    id,
    merchantId: m.merchantId,
    livemode: false,
    token: details.token,
    chainId: details.chain_id,
    tokenAddress: hex(20),
    address: details.address,
    derivationIndex: Math.floor(Math.random() * 1e9),
    seedKeyId: "e2e",
    amount: BigInt(details.amount),
    amountReceived: BigInt(details.amount_received),
    fromBlock: 1n,
    confirmationsRequired: details.confirmations_required,
    status: details.status,
    expiresAt,
    transfers: details.transfers,
    confirmedAt: paid ? now : null,
  });
  return { id, details };
}

test("seeded rows, no chain needed: an 18-decimal payment confirming, a failed transaction's error, refunds in tokens; another merchant's crypto payment is a 404", async ({
  page,
}) => {
  const h = await db();
  const m = await seedMerchant("crypto-seeded");
  const deposit = hex(32);
  // 25.000000000000000001 DAI asked; one transfer 3 blocks deep of the 12 needed.
  const confirming = await seedCryptoPayment(m, {
    token: "dai",
    amount: "25000000000000000001",
    amount_received: "0",
    amount_pending: "25000000000000000001",
    amount_remaining: "25000000000000000001",
    surplus: "0",
    status: "confirming",
    transfers: [{ tx_hash: deposit, from: LOCAL_ADDRESSES.payer, log_index: 0, block_number: "77", amount: "25000000000000000001", confirmations: 3 }],
  });
  // A paid one with a merchant's refund mined, and another whose transaction never left (its error names the node's URL).
  const paid = await seedCryptoPayment(m, {
    token: "dai",
    amount: "2000000000000000000",
    amount_received: "2000000000000000000",
    amount_pending: "0",
    amount_remaining: "0",
    surplus: "0",
    status: "confirmed",
    transfers: [{ tx_hash: hex(32), from: LOCAL_ADDRESSES.payer, log_index: 1, block_number: "80", amount: "2000000000000000000", confirmations: 14 }],
  });
  const treasury = hex(20);
  const refundHash = hex(32);
  const [sentId, failedId] = [newId("refund"), newId("refund")];
  const base = { merchantId: m.merchantId, livemode: false, paymentId: paid.id, amount: 0n, currency: "dai", connector: "chain" };
  const cryptoRefund = (amount: string, transaction: string, txHash: string | null) => ({
    token: "dai" as const,
    chain_id: 31337,
    address: LOCAL_ADDRESSES.other,
    amount,
    transaction,
    tx_hash: txHash,
  });
  const [sentTx, failedTx] = [newId("chainTransaction"), newId("chainTransaction")];
  await h.db.insert(refunds).values([
    { ...base, id: sentId, status: "succeeded", reason: "requested_by_customer", crypto: cryptoRefund("250000000000000000", sentTx, refundHash) },
    { ...base, id: failedId, status: "failed", reason: "duplicate", failureReason: "Not sent.", crypto: cryptoRefund("100000000000000000", failedTx, null) },
  ]);
  await h.db
    .update(cryptoDeposits)
    .set({ amountRefunded: 250000000000000000n })
    .where(and(eq(cryptoDeposits.id, paid.id), eq(cryptoDeposits.merchantId, m.merchantId)));
  const tx = { merchantId: m.merchantId, livemode: false, chainId: 31337, signer: "treasury", fromAddress: treasury, token: "dai" as const, priority: 0 };
  await h.db.insert(chainTransactions).values([
    {
      ...tx,
      id: sentTx,
      toAddress: LOCAL_ADDRESSES.other,
      amount: 250000000000000000n,
      purpose: "refund",
      sourceId: sentId,
      status: "mined",
      nonce: 7,
      txHash: refundHash,
      hashes: [refundHash],
      blockNumber: 91n,
      nextAttemptAt: new Date(),
      minedAt: new Date(),
    },
    {
      ...tx,
      id: failedTx,
      toAddress: LOCAL_ADDRESSES.other,
      amount: 100000000000000000n,
      purpose: "refund",
      sourceId: failedId,
      status: "failed",
      nextAttemptAt: new Date(),
      lastError: "insufficient funds for gas * price + value\nURL: https://rpc.example/v3/e2e-secret-key\nRequest body: {}",
    },
  ]);

  await signInOk(page, m.email, m.password);
  await page.goto(`/payments/${confirming.id}`);
  await expect(page.getByRole("heading", { name: "25.000000000000000001 DAI" })).toBeVisible();
  await expect(page.getByTestId("crypto-address")).toHaveText(confirming.details.address);
  await expect(page.getByTestId("crypto-status")).toHaveText("confirming");
  await expect(page.getByTestId("crypto-confirmations-required")).toHaveText("12");
  await expect(page.getByTestId("crypto-pending")).toHaveText("25.000000000000000001 DAI");
  await expect(page.getByTestId("crypto-received")).toHaveText("0 DAI");
  const transfer = page.getByTestId("crypto-transfers").locator("tbody tr");
  await expect(transfer.getByTitle(deposit)).toHaveText(short(deposit));
  await expect(transfer).toContainText("3 of 12 confirmations");
  await expect(transfer).toContainText("77");
  await expect(page.getByTestId("crypto-outgoing")).toHaveCount(0);
  await expect(page.getByText("None yet: once paid")).toBeVisible();
  await expect(page.getByTestId("crypto-refund-form")).toHaveCount(0);

  await page.goto(`/payments/${paid.id}`);
  await expect(page.getByTestId("crypto-received")).toHaveText("2 DAI");
  await expect(transfer).toContainText("14 confirmations");
  const outgoing = page.getByTestId("crypto-outgoing");
  await expect(outgoing.locator('tr[data-status="mined"]').getByTitle(refundHash)).toHaveText(short(refundHash));
  await expect(outgoing.locator('tr[data-status="mined"]')).toContainText("0.25 DAI");
  const failed = outgoing.locator('tr[data-status="failed"]');
  await expect(failed).toContainText("insufficient funds for gas * price + value");
  await expect(failed).toContainText("0.1 DAI");
  await expect(outgoing).not.toContainText("e2e-secret-key");
  await expect(page.getByTestId("refunds").locator(`[data-refund-id="${sentId}"]`)).toContainText("0.25 DAI · succeeded · requested_by_customer");
  await expect(page.getByTestId("refunds").locator(`[data-refund-id="${sentId}"]`).getByTitle(refundHash)).toBeVisible();
  await expect(page.getByTestId("refunds").locator(`[data-refund-id="${failedId}"]`)).toContainText("0.1 DAI · failed · duplicate");
  await expect(page.getByTestId("refunds").locator(`[data-refund-id="${failedId}"]`)).toContainText("never sent");
  await expect(page.getByTestId("amount-refunded")).toHaveText("0.25 DAI");
  // What is left to refund: 2 − 0.25 DAI.
  await expect(page.getByTestId("crypto-refund-form").getByLabel("Amount (DAI)")).toHaveAttribute("placeholder", "all of 1.75 DAI");
  await expect(page.getByTestId("refunds")).not.toContainText("0 DAI");

  // A mistyped checksum is refused by the API's parse before any chain is needed: its message inline, nothing made.
  const form = page.getByTestId("crypto-refund-form");
  const mistyped = LOCAL_ADDRESSES.other.replace("4e1E", "4E1E");
  await form.getByLabel("Send the refund to (address)").fill(mistyped);
  await form.getByRole("button", { name: "Refund on chain…" }).click();
  await page.getByRole("dialog", { name: "Confirm refund" }).getByRole("button", { name: "Confirm refund" }).click();
  await expect(
    form.getByText(`crypto.address ${mistyped} has mixed case that is not its EIP-55 checksum: a mistyped character? Nothing was sent.`),
  ).toBeVisible();
  expect(await refundsOf(paid.id)).toHaveLength(2);

  await page.goto("/refunds");
  await expect(page.getByTestId("refunds-table")).toContainText("0.25 DAI");
  await expect(page.getByTestId("refunds-table")).toContainText("0.1 DAI");
  await expect(page.getByTestId("refunds-table")).not.toContainText("0 DAI");

  // Another merchant's crypto payment id in the URL is a 404 page.
  const other = await seedMerchant("crypto-other");
  const theirs = await seedCryptoPayment(other, { ...confirming.details, address: hex(20) });
  const res = await page.goto(`/payments/${theirs.id}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByText(theirs.details.address)).toHaveCount(0);
});
