// Crypto payments end to end on a real local chain and the real workflow path: the API creates the payment
// and its deposit address, the crypto-deposit-watch run (local executor, fake clock) reads the chain and
// books the confirmed transfer with one ledger posting.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { isAddress, type Address } from "viem";
import { auditLog, checkoutSessions, cryptoDeposits, cryptoWallets, events, journalEntries, journalLines, payments } from "@/db/schema";
import { localTestClient, type ChainClients } from "@/lib/chain/clients";
import type { LocalContracts } from "@/lib/chain/deploy-local";
import { localAccount } from "@/lib/chain/local-accounts";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { createPayment } from "@/lib/payments/create-payment";
import { getPayment } from "@/lib/payments/get-payment";
import type { PaymentObject } from "@/lib/payments/serialize-payment";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { localChainForTests } from "@/test/local-chain";
import { errorCodeOf, makeMerchant, makeMerchantContext, makeSecretKey } from "@/test/fixtures";
import { serveRoute } from "@/test/route-server";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { startCheckoutCrypto } from "@/lib/checkout/start-checkout-crypto";
import { checkCryptoDeposit } from "./check-crypto-deposit";
import { deriveDepositAccount } from "./deposit-address";
import { open } from "@/lib/crypto/encryption";

const bed = executorTestBed("crypto");
const local = localChainForTests();
let clients: ChainClients;
let contracts: LocalContracts;
const POLL_MS = 10_000;
beforeAll(() => ({ clients, contracts } = local));
beforeEach(() => {
  delete process.env.CRYPTO_CONFIRMATIONS;
  delete process.env.CRYPTO_PAYMENT_EXPIRY_MINUTES;
});
afterAll(() => {
  delete process.env.CRYPTO_CONFIRMATIONS;
});

const send = (token: "usdc" | "dai", to: string, amount: bigint) => local.pay(token, to, amount);

const eventsOf = async (ctx: ServiceContext, type: string) =>
  bed.h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, type)));
const auditsOf = async (ctx: ServiceContext, action: string) =>
  bed.h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.action, action)));
const row = async (id: string) => (await bed.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const postings = async (ctx: ServiceContext) => bed.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId));

/** Creates a payment and lets its watch run start; returns the payment and a way to run the watcher's next check. */
async function pay(token: "usdc" | "dai" | "eth", amount: string) {
  const ctx = await makeMerchantContext(bed.h.db);
  const p = await createPayment({ ctx, input: { amount, currency: token, payment_method_types: ["crypto"] } });
  // The run checks at fixed times from the payment's start, as its event tells them.
  const [started] = await eventsOf(ctx, "crypto/payment.started");
  const startedAt = Date.parse((started!.data.object as { startedAt: string }).startedAt);
  await bed.pump();
  let checks = 0;
  const nextCheck = async () => {
    checks++;
    await bed.advanceTo(startedAt + checks * POLL_MS);
  };
  return { ctx, p, nextCheck };
}

const transferOf = (p: PaymentObject) => {
  if (p.next_action?.type !== "crypto_transfer") throw new Error(`next_action is ${p.next_action?.type}`);
  return p.next_action.crypto_transfer;
};

describe("a USDC payment on the local chain", () => {
  it("is requires_action with its own deposit address, then succeeds after the transfer's confirmation with one posting", async () => {
    const { ctx, p, nextCheck } = await pay("usdc", "12500000");
    expect(p).toMatchObject({ status: "requires_action", amount: 0, currency: "usdc", payment_method: "crypto" });
    const action = transferOf(p);
    expect(action).toMatchObject({ token: "usdc", amount_in_token_units: "12500000", chain_id: 31337 });
    expect(isAddress(action.address, { strict: true })).toBe(true);
    expect(action.eip681_uri).toBe(`ethereum:${contracts.tokens.usdc}@31337/transfer?address=${action.address}&uint256=12500000`);
    expect(action.qr_svg).toMatch(/^<svg/);
    expect(action.expires_at - p.created).toBe(30 * 60);

    // The address is the merchant's seed at the payment's index; the seed is sealed with a key id.
    const [wallet] = await bed.h.db.select().from(cryptoWallets).where(eq(cryptoWallets.merchantId, ctx.merchantId));
    const [deposit] = await bed.h.db.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, p.id));
    expect(wallet!.seedKeyId).toBe(deposit!.seedKeyId);
    expect(wallet!.seedCiphertext).not.toMatch(/^[0-9a-f]{64}$/);
    expect(deriveDepositAccount(open({ keyId: wallet!.seedKeyId, ciphertext: wallet!.seedCiphertext }), deposit!.derivationIndex).address).toBe(action.address);

    await nextCheck(); // nothing sent yet
    expect((await row(p.id)).status).toBe("requires_action");
    await send("usdc", action.address, 12_500_000n);
    await nextCheck();
    const paid = await row(p.id);
    expect(paid.status).toBe("succeeded");
    expect(paid.nextAction).toBeNull();
    expect(paid.crypto).toMatchObject({ status: "confirmed", amount_received: "12500000", amount_remaining: "0", surplus: "0" });
    const entries = await postings(ctx);
    expect(entries.map((e) => [e.key, e.type, e.currency])).toEqual([[`crypto_deposit:${p.id}`, "crypto_deposit", "usdc"]]);
    const lines = await bed.h.db.select().from(journalLines).where(eq(journalLines.entryId, entries[0]!.id));
    expect(lines.map((l) => [l.account, l.amount]).sort()).toEqual([
      ["crypto_deposits", 12_500_000n],
      ["merchant_crypto", -12_500_000n],
    ]);
    // A later check (a repeated step) changes nothing.
    await nextCheck();
    expect(await postings(ctx)).toHaveLength(1);
    expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(1);
    expect((await auditsOf(ctx, "payment.succeeded")).map((a) => a.actorId)).toEqual(["crypto-deposit-watch"]);
    expect(await eventsOf(ctx, "crypto/payment.started")).toHaveLength(1);
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("an under-payment stays requires_action asking for the remainder; the remainder completes it; an 18-decimal amount past int8 is exact", async () => {
    const amount = 25n * 10n ** 18n; // 25 DAI: more than int8 holds in wei
    const { ctx, p, nextCheck } = await pay("dai", amount.toString());
    const { address } = transferOf(p);
    await send("dai", address, 10n ** 19n);
    await nextCheck();
    const partial = await row(p.id);
    expect(partial.status).toBe("requires_action");
    expect(partial.crypto).toMatchObject({ amount_received: (10n ** 19n).toString(), amount_remaining: (15n * 10n ** 18n).toString() });
    const again = await getPayment({ ctx, id: p.id });
    expect(transferOf(again).amount_in_token_units).toBe((15n * 10n ** 18n).toString());
    expect(transferOf(again).eip681_uri).toContain(`uint256=${15n * 10n ** 18n}`);
    expect(await postings(ctx)).toHaveLength(0);

    // The rest and one unit more: succeeded, the unit recorded as surplus.
    await send("dai", address, 15n * 10n ** 18n + 1n);
    await nextCheck();
    const paid = await row(p.id);
    expect(paid.status).toBe("succeeded");
    expect(paid.crypto).toMatchObject({ amount_received: (amount + 1n).toString(), surplus: "1" });
    expect((await bed.h.db.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, p.id)))[0]!.amountReceived).toBe(amount + 1n);
    const [entry] = await postings(ctx);
    const lines = await bed.h.db.select().from(journalLines).where(eq(journalLines.entryId, entry!.id));
    expect(Object.fromEntries(lines.map((l) => [l.account, l.amount]))).toEqual({
      crypto_deposits: amount + 1n,
      merchant_crypto: -amount,
      crypto_surplus: -1n,
    });
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("a reorg that removes the transfer before its 3 confirmations returns it to pending; confirmed again later, with one posting", async () => {
    process.env.CRYPTO_CONFIRMATIONS = "3";
    const { ctx, p, nextCheck } = await pay("usdc", "5000000");
    const { address } = transferOf(p);
    const test = localTestClient(clients);
    const snapshot = await test.snapshot();
    await send("usdc", address, 5_000_000n);
    await nextCheck();
    expect((await row(p.id)).crypto).toMatchObject({ status: "confirming", amount_pending: "5000000", amount_received: "0" });
    expect((await row(p.id)).status).toBe("requires_action");

    await test.revert({ id: snapshot });
    await nextCheck();
    const back = await row(p.id);
    expect(back.status).toBe("requires_action");
    expect(back.crypto).toMatchObject({ status: "pending", amount_pending: "0", amount_received: "0", transfers: [] });

    await send("usdc", address, 5_000_000n);
    await nextCheck();
    expect((await row(p.id)).crypto!.status).toBe("confirming");
    await test.mine({ blocks: 2 });
    await nextCheck();
    expect((await row(p.id)).status).toBe("succeeded");
    expect(await postings(ctx)).toHaveLength(1);
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });
});

describe("ETH, repeated checks and expiry", () => {
  it("an ETH payment is watched by balance; two checks at once book it once", async () => {
    const { ctx, p } = await pay("eth", (3n * 10n ** 18n).toString());
    const action = transferOf(p);
    expect(action.eip681_uri).toBe(`ethereum:${action.address}@31337?value=${3n * 10n ** 18n}`);
    const payer = clients.walletClient(localAccount("payer"));
    const hash = await payer.sendTransaction({ to: action.address as Address, value: 3n * 10n ** 18n });
    await clients.publicClient.waitForTransactionReceipt({ hash });
    // The workflow's step retried while the first attempt is still running: one transaction wins, the other sees it final.
    const checks = await Promise.all([checkCryptoDeposit({ ctx, paymentId: p.id }), checkCryptoDeposit({ ctx, paymentId: p.id })]);
    expect(checks.map((c) => c.status)).toEqual(["succeeded", "succeeded"]);
    expect(checks.every((c) => c.final)).toBe(true);
    expect(await postings(ctx)).toHaveLength(1);
    expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(1);
    expect((await row(p.id)).crypto).toMatchObject({ status: "confirmed", amount_received: (3n * 10n ** 18n).toString() });
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("a payment not paid in full by its expiry is canceled (expired); what was paid is the payer's, recorded and sent back", async () => {
    process.env.CRYPTO_PAYMENT_EXPIRY_MINUTES = "1";
    const { ctx, p, nextCheck } = await pay("usdc", "9000000");
    await send("usdc", transferOf(p).address, 4_000_000n);
    await nextCheck();
    expect((await row(p.id)).crypto).toMatchObject({ amount_received: "4000000", amount_remaining: "5000000" });
    await bed.runUntil(p.created * 1000 + 61_000 + POLL_MS);
    const expired = await row(p.id);
    expect(expired).toMatchObject({ status: "canceled", cancellationReason: "expired", nextAction: null });
    expect(expired.crypto).toMatchObject({ status: "expired", amount_received: "4000000" });
    // Nothing is the merchant's: the 4 USDC are booked as owed to the payer, then returned (crypto-refunds.executor.test.ts follows it on chain).
    const entries = await postings(ctx);
    expect(entries.filter((e) => e.type === "crypto_late_deposit")).toHaveLength(1);
    expect(entries.filter((e) => e.type === "crypto_deposit")).toHaveLength(0);
    expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(0);
    expect(await eventsOf(ctx, "payment.canceled")).toHaveLength(1);
  });

  it("a payment canceled while it waits stays canceled when a transfer arrives: nothing is booked", async () => {
    const { ctx, p, nextCheck } = await pay("usdc", "1000000");
    await cancelPayment({ ctx, id: p.id, input: {} });
    await send("usdc", transferOf(p).address, 1_000_000n);
    await nextCheck();
    expect((await row(p.id)).status).toBe("canceled");
    expect(await postings(ctx)).toHaveLength(0);
    expect(await eventsOf(ctx, "payment.succeeded")).toHaveLength(0);
  });
});

describe("a checkout session's crypto payment", () => {
  it("completes its session through the workflow on payment.succeeded, with no page open", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    const session = await createCheckoutSession({
      ctx,
      input: {
        amount: 1250,
        currency: "usd",
        success_url: "https://shop.test/ok",
        cancel_url: "https://shop.test/cart",
        payment_method_types: ["card", "crypto"],
      },
    });
    const started = await startCheckoutCrypto({ sessionId: session.id, token: "usdc" });
    if (started.state !== "transfer") throw new Error(started.state);
    const [evt] = await eventsOf(ctx, "crypto/payment.started");
    const startedAt = Date.parse((evt!.data.object as { startedAt: string }).startedAt);
    await bed.pump();
    await send("usdc", started.transfer.address, 12_500_000n);
    await bed.advanceTo(startedAt + POLL_MS);
    expect((await row(started.transfer.payment)).status).toBe("succeeded");
    const [done] = await bed.h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, session.id));
    expect(done).toMatchObject({ status: "complete", paymentId: started.transfer.payment });
    expect(await eventsOf(ctx, "checkout.session.completed")).toHaveLength(1);
  });
});

describe("POST /api/v1/payments with crypto over HTTP", () => {
  let server: Awaited<ReturnType<typeof serveRoute>>;
  beforeAll(async () => {
    server = await serveRoute(await import("@/app/api/v1/payments/route"));
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers exact codes for bad input, 404 to another merchant, and the same address on an Idempotency-Key replay", async () => {
    const { ctx: owner } = await makeMerchant(bed.h.db);
    const { secret } = await makeSecretKey(owner);
    const post = async (body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.url}/api/v1/payments`, {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}`, "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as PaymentObject & { error?: { code: string; param?: string } } };
    };
    const crypto = { payment_method_types: ["crypto"] };
    const refused: [unknown, string, string][] = [
      [{ ...crypto, amount: "100", currency: "btc" }, "currency_unsupported", "currency"],
      [{ ...crypto, amount: "100", currency: "usd" }, "payment_method_currency_mismatch", "currency"],
      [{ payment_method_types: ["card"], amount: 100, currency: "usdc" }, "payment_method_currency_mismatch", "payment_method_types"],
      [{ amount: 100, currency: "dai" }, "payment_method_currency_mismatch", "payment_method_types"],
      [{ ...crypto, amount: "0", currency: "usdc" }, "amount_too_small", "amount"],
      [{ ...crypto, amount: "1.5", currency: "usdc" }, "parameter_invalid", "amount"],
      [{ ...crypto, amount: "-5", currency: "usdc" }, "parameter_invalid", "amount"],
      [{ ...crypto, amount: "1e6", currency: "usdc" }, "parameter_invalid", "amount"],
      [{ ...crypto, amount: 1500000, currency: "usdc" }, "parameter_invalid", "amount"],
      [{ ...crypto, amount: (2n ** 256n).toString(), currency: "eth" }, "amount_too_large", "amount"],
      [{ payment_method_types: ["crypto", "card"], amount: "100", currency: "usdc" }, "parameter_invalid", "payment_method_types"],
      [{ ...crypto, amount: "100", currency: "usdc", confirm: true }, "payment_method_unsupported", "confirm"],
      // A card's amount keeps its own check.
      [{ amount: 10.5, currency: "usd" }, "parameter_invalid_integer", "amount"],
    ];
    for (const [body, code, param] of refused) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatchObject({ code, param });
    }

    const body = { ...crypto, amount: "7000000", currency: "usdt" };
    const first = await post(body, { "Idempotency-Key": "crypto-once" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "requires_action", currency: "usdt", next_action: { type: "crypto_transfer" } });
    const replay = await post(body, { "Idempotency-Key": "crypto-once" });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.body.id).toBe(first.body.id);
    expect(transferOf(replay.body).address).toBe(transferOf(first.body).address);
    const mine = await bed.h.db
      .select()
      .from(cryptoDeposits)
      .where(and(eq(cryptoDeposits.merchantId, owner.merchantId)));
    expect(mine).toHaveLength(1);
    const another = await post({ ...body }, { "Idempotency-Key": "crypto-twice" });
    expect(transferOf(another.body).address).not.toBe(transferOf(first.body).address);

    // Another merchant's key: not found.
    const { ctx: stranger } = await makeMerchant(bed.h.db);
    const { secret: theirs } = await makeSecretKey(stranger);
    const { GET } = await import("@/app/api/v1/payments/[id]/route");
    const res = await GET(new Request(`http://127.0.0.1/api/v1/payments/${first.body.id}`, { headers: { Authorization: `Bearer ${theirs}` } }), {
      params: Promise.resolve({ id: first.body.id }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("resource_missing");
    const { db: _db, ...strangerCtx } = stranger;
    expect(await errorCodeOf(getPayment({ ctx: strangerCtx, id: first.body.id }))).toBe("resource_missing");
  });
});
