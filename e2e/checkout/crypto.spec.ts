// The checkout's crypto tab in Chromium against the built app, on the local chain the runner started (the
// server's deposit watcher reads the same chain): pick USDC, see the amount, address and QR, the test pays by
// a transfer and the checkout turns to success by its own refresh; an injected EIP-1193 wallet pays DAI with
// "Pay with wallet" (declined once, then sent); no crypto tab without crypto; crypto needs a USD session.
import { expect, test, type Page } from "@playwright/test";
import { decodeFunctionData, erc20Abi, isAddress, type Address, type Hex } from "viem";
import { localAccount } from "@/lib/chain/local-accounts";
import { auth, createSession, expectAccessible, getSession, startSite } from "../support/checkout";
import { e2eChain, type E2eChain } from "../support/chain";
import { seedMerchant } from "../support/db";

let m: Awaited<ReturnType<typeof seedMerchant>>;
let chain: E2eChain;
test.beforeAll(async () => {
  m = await seedMerchant("crypto");
  chain = await e2eChain();
  for (const token of ["usdc", "usdt", "dai"] as const) {
    await chain.fund("payer", token, 10n ** 30n);
    await chain.fund("other", token, 10n ** 30n);
  }
});

const usd = { amount: 1250, currency: "usd", description: "Order 12", payment_method_types: ["card", "crypto"] };

type Payment = { id: string; status: string; currency: string; payment_method: string; payment_method_details: { crypto: Record<string, unknown> } };
async function paymentOf(request: Parameters<typeof getSession>[0], id: string): Promise<Payment> {
  const res = await request.get(`/api/v1/payments/${id}`, { headers: auth(m.secretKey) });
  expect(res.status()).toBe(200);
  return (await res.json()) as Payment;
}

async function openCryptoTab(page: Page, sessionId: string) {
  await page.goto(`/pay/${sessionId}`);
  await expect(page.getByTestId("checkout-amount")).toHaveText("$12.50");
  await expect(page.getByRole("tab", { name: "Card" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("tab", { name: "Crypto" }).click();
  await expect(page.getByRole("heading", { name: "Pay with crypto" })).toBeVisible();
}

test("USDC by a transfer on the local chain: amount, address and QR shown; the checkout turns to success by itself", async ({ page, request }) => {
  const shop = await startSite({ "/thanks": () => "<!doctype html><title>Thanks</title><h1>Thanks from the shop</h1>" });
  try {
    const s = await createSession(request, m.secretKey, { ...usd, success_url: `${shop.origin}/thanks` });
    await openCryptoTab(page, s.id);
    await expect(page.getByRole("radio", { name: /^USDC/ })).toBeChecked();
    for (const [symbol, amount] of [
      ["USDC", "12.50 USDC"],
      ["USDT", "12.50 USDT"],
      ["DAI", "12.50 DAI"],
    ]) {
      await expect(page.locator("label", { has: page.getByRole("radio", { name: new RegExp(`^${symbol}`) }) })).toContainText(amount!);
    }
    await expect(page.getByRole("radio", { name: /^ETH/ })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Pay 12.50 USDC" }).click();
    await expect(page.getByTestId("crypto-amount")).toHaveText("12.50 USDC");
    await expect(page.getByTestId("crypto-network")).toHaveText("Kassa's local test chain (chain id 31337)");
    const address = (await page.getByTestId("crypto-address").textContent())!.trim();
    expect(isAddress(address, { strict: true })).toBe(true);
    const qr = page.getByRole("img", { name: "QR code to send 12.50 USDC to Shop crypto" });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(page.getByRole("link", { name: "Open in a wallet app" })).toHaveAttribute(
      "href",
      `ethereum:${chain.contracts.tokens.usdc}@31337/transfer?address=${address}&uint256=12500000`,
    );
    await expect(page.getByTestId("crypto-countdown")).toHaveText(/^Expires in \d+:[0-5]\d$/);
    // No EIP-1193 wallet in this browser: no "Pay with wallet".
    await expect(page.getByRole("button", { name: "Pay with wallet" })).toHaveCount(0);
    await expect(page.getByTestId("crypto-status")).toHaveText("Waiting for your transfer…");
    await expectAccessible(page);

    // A reload shows the same payment: the crypto tab open on the same address.
    await page.reload();
    await expect(page.getByRole("tab", { name: "Crypto" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("crypto-address")).toHaveText(address);

    // The test pays on the chain the server watches; the page learns it from its own refresh.
    await chain.transfer("payer", "usdc", address, 12_500_000n);
    expect(await chain.balance("usdc", address)).toBe(12_500_000n);
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("checkout-paid-crypto")).toHaveText("Paid with 12.50 USDC on Kassa's local test chain.");

    const session = await getSession(request, m.secretKey, s.id);
    expect(session.status).toBe("complete");
    const payment = await paymentOf(request, session.payment!);
    expect(payment).toMatchObject({ status: "succeeded", currency: "usdc", payment_method: "crypto" });
    expect(payment.payment_method_details.crypto).toMatchObject({ address, amount: "12500000", amount_received: "12500000", status: "confirmed" });
    await expect(page).toHaveURL(`${shop.origin}/thanks`);
  } finally {
    await shop.close();
  }
});

test("Pay with wallet: an injected EIP-1193 wallet is asked for an account, the chain, then the DAI transfer (declined once, then sent)", async ({
  page,
  request,
}) => {
  const wallet = chain.clients.walletClient(localAccount("other"));
  const calls: { method: string; params: unknown[] }[] = [];
  let declineNext = true;
  // The page's window.ethereum forwards to this function; eth_sendTransaction is signed by a funded local account.
  await page.exposeFunction("__kassaTestWallet", async (method: string, params: unknown[]) => {
    calls.push({ method, params });
    if (method === "eth_requestAccounts") return [wallet.account.address];
    if (method === "wallet_switchEthereumChain") {
      return (params[0] as { chainId: string }).chainId === "0x7a69" ? null : { error: { code: 4902, message: "Unrecognized chain" } };
    }
    if (method === "eth_sendTransaction") {
      if (declineNext) {
        declineNext = false;
        return { error: { code: 4001, message: "User rejected the request." } };
      }
      const tx = params[0] as { from: Address; to: Address; data: Hex; value: Hex };
      return wallet.sendTransaction({ to: tx.to, data: tx.data, value: BigInt(tx.value) });
    }
    return { error: { code: 4200, message: `unsupported ${method}` } };
  });
  await page.addInitScript(() => {
    const w = window as unknown as { ethereum: unknown; __kassaTestWallet(method: string, params: unknown[]): Promise<unknown> };
    w.ethereum = {
      async request({ method, params }: { method: string; params?: unknown[] }) {
        const answer = (await w.__kassaTestWallet(method, params ?? [])) as { error?: { code: number; message: string } } | null;
        if (answer && typeof answer === "object" && "error" in answer && answer.error) throw Object.assign(new Error(answer.error.message), answer.error);
        return answer;
      },
    };
  });

  const s = await createSession(request, m.secretKey, usd);
  await openCryptoTab(page, s.id);
  await page.getByRole("radio", { name: /^DAI/ }).check();
  await page.getByRole("button", { name: "Pay 12.50 DAI" }).click();
  await expect(page.getByTestId("crypto-amount")).toHaveText("12.50 DAI");
  const address = (await page.getByTestId("crypto-address").textContent())!.trim();
  const pay = page.getByRole("button", { name: "Pay with wallet" });
  await expect(pay).toBeVisible();
  await expectAccessible(page);

  await pay.click();
  await expect(page.getByTestId("crypto-wallet-error")).toHaveText("You declined in your wallet. Nothing was sent.");
  await expect(page.getByTestId("crypto-wallet-error")).toHaveRole("alert");
  await pay.click();
  await expect(page.getByTestId("crypto-wallet-sent")).toContainText(/transaction 0x[0-9a-f]{64}/);
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("checkout-paid-crypto")).toHaveText("Paid with 12.50 DAI on Kassa's local test chain.");

  // What the page asked the wallet: an account, chain 31337 (0x7a69), then transfer(address, 12.5 × 10¹⁸) on the DAI contract, no ETH.
  expect(calls.map((c) => c.method)).toEqual([
    "eth_requestAccounts",
    "wallet_switchEthereumChain",
    "eth_sendTransaction",
    "eth_requestAccounts",
    "wallet_switchEthereumChain",
    "eth_sendTransaction",
  ]);
  expect(calls[1]!.params).toEqual([{ chainId: "0x7a69" }]);
  const tx = calls[5]!.params[0] as { from: string; to: string; data: Hex; value: string };
  expect(tx).toMatchObject({ from: wallet.account.address, to: chain.contracts.tokens.dai, value: "0x0" });
  expect(decodeFunctionData({ abi: erc20Abi, data: tx.data })).toEqual({ functionName: "transfer", args: [address, 12_500_000_000_000_000_000n] });

  const session = await getSession(request, m.secretKey, s.id);
  expect(session.status).toBe("complete");
  expect(await paymentOf(request, session.payment!)).toMatchObject({ status: "succeeded", currency: "dai", payment_method: "crypto" });
});

test("no crypto tab on a session without crypto; crypto alone shows its panel; a session in EUR with crypto is refused", async ({ page, request }) => {
  const cardOnly = await createSession(request, m.secretKey, { ...usd, payment_method_types: ["card"] });
  await page.goto(`/pay/${cardOnly.id}`);
  await expect(page.getByRole("heading", { name: "Pay with card" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Crypto" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Pay with crypto" })).toHaveCount(0);

  const cryptoOnly = await createSession(request, m.secretKey, { ...usd, payment_method_types: ["crypto"] });
  await page.goto(`/pay/${cryptoOnly.id}`);
  await expect(page.getByRole("heading", { name: "Pay with crypto" })).toBeVisible();
  await expect(page.getByRole("tablist")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pay 12.50 USDC" })).toBeVisible();

  const res = await request.post("/api/v1/checkout/sessions", {
    headers: auth(m.secretKey),
    data: { ...usd, currency: "eur", success_url: "https://shop.example/thanks", cancel_url: "https://shop.example/cart" },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ code: "payment_method_currency_mismatch", param: "payment_method_types" });
});
