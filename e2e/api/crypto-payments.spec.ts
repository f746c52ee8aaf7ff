// Crypto payments over real HTTP against the built app: the first crypto payment opens the embedded local
// chain inside the server (lib/crypto-payments/chain.ts), and every answer is checked against the OpenAPI
// document. Paying on chain and the watcher are proved in lib/crypto-payments/crypto-payments.executor.test.ts.
import { isAddress } from "viem";
import { seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("crypto-a");
  b = await seedMerchant("crypto-b");
});

const create = (body: BodyOf<"/api/v1/payments", "post">, key = a.secretKey, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/payments", { body, headers });

test("a USDC payment waits for a transfer to its own address; a replay answers the same address; another merchant gets 404", async () => {
  const body: BodyOf<"/api/v1/payments", "post"> = { amount: "25000000", currency: "usdc", payment_method_types: ["crypto"] };
  const p = await ok(await create(body, a.secretKey, { "Idempotency-Key": "crypto-e2e-1" }));
  expect(p).toMatchObject({ object: "payment", status: "requires_action", currency: "usdc", payment_method: "crypto", amount: 0 });
  expect(p.payment_method_details).toMatchObject({ type: "crypto", crypto: { token: "usdc", amount: "25000000", status: "pending", chain_id: 31337 } });
  if (p.next_action?.type !== "crypto_transfer") throw new Error(`next_action ${p.next_action?.type}`);
  const action = p.next_action.crypto_transfer;
  expect(isAddress(action.address, { strict: true })).toBe(true);
  expect(action).toMatchObject({ token: "usdc", amount_in_token_units: "25000000", chain_id: 31337 });
  expect(action.eip681_uri).toMatch(new RegExp(`^ethereum:0x[0-9a-fA-F]{40}@31337/transfer\\?address=${action.address}&uint256=25000000$`));
  expect(action.qr_svg).toContain("<svg");

  const replay = await create(body, a.secretKey, { "Idempotency-Key": "crypto-e2e-1" });
  expect(replay.response.headers.get("Idempotent-Replayed")).toBe("true");
  expect((await ok(replay)).next_action).toEqual(p.next_action);
  const second = await ok(await create(body, a.secretKey, { "Idempotency-Key": "crypto-e2e-2" }));
  expect(second.next_action?.type === "crypto_transfer" && second.next_action.crypto_transfer.address).not.toBe(action.address);

  const read = await ok(await kassa(a.secretKey).GET("/api/v1/payments/{id}", { params: { path: { id: p.id } } }));
  expect(read.next_action).toEqual(p.next_action);
  await expectError(await kassa(b.secretKey).GET("/api/v1/payments/{id}", { params: { path: { id: p.id } } }), 404, "resource_missing");
});

test("bad input gets exact codes", async () => {
  const crypto = { payment_method_types: ["crypto" as const] };
  await expectError(await create({ ...crypto, amount: "100", currency: "btc" }), 400, "currency_unsupported", { param: "currency" });
  await expectError(await create({ ...crypto, amount: "0", currency: "dai" }), 400, "amount_too_small", { param: "amount" });
  await expectError(await create({ ...crypto, amount: "1.5", currency: "usdc" }), 400, "parameter_invalid", { param: "amount" });
  await expectError(await create({ ...crypto, amount: 1500000, currency: "usdc" }), 400, "parameter_invalid", { param: "amount" });
  await expectError(await create({ ...crypto, amount: "100", currency: "eur" }), 400, "payment_method_currency_mismatch", { param: "currency" });
  await expectError(await create({ payment_method_types: ["card"], amount: 100, currency: "usdt" }), 400, "payment_method_currency_mismatch", {
    param: "payment_method_types",
  });
});
