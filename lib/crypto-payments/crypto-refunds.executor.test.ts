// Crypto refunds, sweeps and the outgoing-transaction sender on a real local chain and the real workflow path:
// a paid payment is swept to the merchant's treasury (gas first), refunds leave from there with consecutive
// nonces, surpluses and late payments go back to their payer, and a stuck transaction is replaced.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Address } from "viem";
import { chainTransactions, cryptoDeposits, events, journalEntries, journalLines, refunds } from "@/db/schema";
import { localTestClient, type ChainClients } from "@/lib/chain/clients";
import { LOCAL_ADDRESSES, localAccount } from "@/lib/chain/local-accounts";
import { advanceSender } from "@/lib/chain-tx/advance-sender";
import { SENDER_STALE_AFTER_MS, wakeStaleSenders } from "@/lib/chain-tx/wake-stale-senders";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import type { PaymentObject } from "@/lib/payments/serialize-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import type { RefundObject } from "@/lib/refunds/serialize-refund";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { localChainForTests, sendAllChainTransactions } from "@/test/local-chain";
import { errorCodeOf, makeMerchantContext } from "@/test/fixtures";
import { treasuryAddress } from "./wallet";

const bed = executorTestBed("cryptorefunds");
const local = localChainForTests();
const POLL_MS = 10_000;
const RECIPIENT = LOCAL_ADDRESSES.other as Address;
let clients: ChainClients;
beforeAll(() => ({ clients } = local));
beforeEach(() => {
  delete process.env.CRYPTO_PAYMENT_EXPIRY_MINUTES;
  delete process.env.CRYPTO_LATE_WINDOW_MINUTES;
  delete process.env.CRYPTO_REPLACE_AFTER_SECONDS;
});

const balanceOf = (token: "usdc" | "dai", who: string) => local.balanceOf(token, who);
const send = (token: "usdc" | "dai", to: string, amount: bigint) => local.pay(token, to, amount);
const sendAll = (ctx: ServiceContext) => sendAllChainTransactions(bed, ctx);

const transferOf = (p: PaymentObject) => {
  if (p.next_action?.type !== "crypto_transfer") throw new Error(`next_action is ${p.next_action?.type}`);
  return p.next_action.crypto_transfer;
};

/** A USDC (or DAI) payment paid with `paid` units and booked by its watcher; its sweep and anything else queued then sent. */
async function paidPayment(token: "usdc" | "dai", amount: bigint, paid = amount, ctxIn?: ServiceContext) {
  const ctx = ctxIn ?? (await makeMerchantContext(bed.h.db));
  const p = await createPayment({ ctx, input: { amount: amount.toString(), currency: token, payment_method_types: ["crypto"] } });
  await bed.pump();
  await send(token, transferOf(p).address, paid);
  await bed.advanceTo(p.created * 1000 + 1_500 + POLL_MS);
  return { ctx, p };
}

const refundRow = async (id: string) => (await bed.h.db.select().from(refunds).where(eq(refunds.id, id)))[0]!;
const entriesOf = (ctx: ServiceContext) => bed.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId));

describe("sweeps and refunds from the treasury", () => {
  it("a paid USDC payment is swept to the treasury (gas first); a partial refund is sent from there and settles with one posting", async () => {
    const { ctx, p } = await paidPayment("usdc", 20_000_000n);
    const treasury = (await treasuryAddress(bed.h.db, ctx))!;
    const queued = await bed.h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, p.id)).orderBy(asc(chainTransactions.id));
    expect(queued.map((t) => [t.purpose, t.fromAddress === treasury, t.toAddress === treasury])).toEqual([
      ["gas", true, false],
      ["sweep", false, true],
    ]);
    await sendAll(ctx);
    expect(await balanceOf("usdc", treasury)).toBe(20_000_000n);
    expect(await balanceOf("usdc", transferOf(p).address)).toBe(0n);

    const before = await balanceOf("usdc", RECIPIENT);
    const refund = (await createRefund({ ctx, input: { payment: p.id, amount: "7500000", crypto: { address: RECIPIENT.toLowerCase() } } })) as RefundObject;
    expect(refund).toMatchObject({
      status: "pending",
      amount: 0,
      currency: "usdc",
      crypto: { token: "usdc", amount: "7500000", address: RECIPIENT, chain_id: 31337, tx_hash: null },
    });
    await sendAll(ctx);
    const done = await refundRow(refund.id);
    expect(done.status).toBe("succeeded");
    expect(done.crypto!.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await balanceOf("usdc", RECIPIENT)).toBe(before + 7_500_000n);
    const receipt = await clients.publicClient.getTransactionReceipt({ hash: done.crypto!.tx_hash as `0x${string}` });
    expect(receipt.from.toLowerCase()).toBe(treasury.toLowerCase());

    const entries = await entriesOf(ctx);
    const refundEntry = entries.find((e) => e.key === `crypto_refund:${refund.id}`)!;
    const lines = await bed.h.db.select().from(journalLines).where(eq(journalLines.entryId, refundEntry.id));
    expect(Object.fromEntries(lines.map((l) => [l.account, l.amount]))).toEqual({ merchant_crypto: 7_500_000n, crypto_deposits: -7_500_000n });
    const types = (await bed.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(asc(events.id))).map((e) => e.type);
    expect(types.filter((t) => t.startsWith("refund."))).toEqual(["refund.created", "refund.succeeded"]);

    // What is left can be refunded; beyond it cannot.
    expect(await errorCodeOf(createRefund({ ctx, input: { payment: p.id, amount: "12500001", crypto: { address: RECIPIENT } } }))).toBe("amount_too_large");
    const rest = (await createRefund({ ctx, input: { payment: p.id, crypto: { address: RECIPIENT } } })) as RefundObject;
    expect(rest.crypto!.amount).toBe("12500000");
    expect(await errorCodeOf(createRefund({ ctx, input: { payment: p.id, crypto: { address: RECIPIENT } } }))).toBe("charge_already_refunded");
    await sendAll(ctx);
    expect((await refundRow(rest.id)).status).toBe("succeeded");
    expect(await balanceOf("usdc", treasury)).toBe(0n);
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("20 concurrent refunds from one treasury: 20 mined transactions with consecutive nonces, none dropped", async () => {
    const { ctx, p } = await paidPayment("usdc", 100_000_000n);
    await sendAll(ctx);
    const before = await balanceOf("usdc", RECIPIENT);
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createRefund({ ctx, input: { payment: p.id, amount: String(1_000_000 + i), crypto: { address: RECIPIENT } } })),
    );
    expect(new Set(made.map((r) => r.id)).size).toBe(20);
    await sendAll(ctx);
    const sent = await bed.h.db
      .select()
      .from(chainTransactions)
      .where(and(eq(chainTransactions.merchantId, ctx.merchantId), eq(chainTransactions.purpose, "refund")))
      .orderBy(asc(chainTransactions.nonce));
    expect(sent).toHaveLength(20);
    expect(sent.every((t) => t.status === "mined")).toBe(true);
    const nonces = sent.map((t) => t.nonce!);
    expect(nonces).toEqual(Array.from({ length: 20 }, (_, i) => nonces[0]! + i));
    for (const t of sent) {
      const tx = await clients.publicClient.getTransaction({ hash: t.txHash as `0x${string}` });
      expect(tx.nonce).toBe(t.nonce);
    }
    const total = made.reduce((sum, r) => sum + BigInt((r as RefundObject).crypto!.amount), 0n);
    expect(await balanceOf("usdc", RECIPIENT)).toBe(before + total);
    const rows = await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id));
    expect(rows.map((r) => r.status)).toEqual(Array(20).fill("succeeded"));
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("a surplus goes back to the payer once swept (reason overpayment)", async () => {
    const payerBefore = await balanceOf("dai", localAccount("payer").address);
    const { ctx, p } = await paidPayment("dai", 10n ** 18n, 10n ** 18n + 5n * 10n ** 17n);
    await sendAll(ctx);
    const [surplus] = await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id));
    expect(surplus).toMatchObject({ reason: "overpayment", status: "succeeded", currency: "dai" });
    expect(surplus!.crypto).toMatchObject({ amount: (5n * 10n ** 17n).toString(), address: localAccount("payer").address });
    expect(await balanceOf("dai", localAccount("payer").address)).toBe(payerBefore - 10n ** 18n);
    const entry = (await entriesOf(ctx)).find((e) => e.type === "crypto_refund")!;
    const lines = await bed.h.db.select().from(journalLines).where(eq(journalLines.entryId, entry.id));
    expect(Object.fromEntries(lines.map((l) => [l.account, l.amount]))).toEqual({ crypto_surplus: 5n * 10n ** 17n, crypto_deposits: -(5n * 10n ** 17n) });
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("a payment that expired part-paid returns what came; a transfer after the expiry is refunded on chain too", async () => {
    process.env.CRYPTO_PAYMENT_EXPIRY_MINUTES = "1";
    process.env.CRYPTO_LATE_WINDOW_MINUTES = "5";
    const payer = localAccount("payer").address;
    const payerBefore = await balanceOf("usdc", payer);
    const ctx = await makeMerchantContext(bed.h.db);
    const p = await createPayment({ ctx, input: { amount: "9000000", currency: "usdc", payment_method_types: ["crypto"] } });
    await bed.pump();
    const { address } = transferOf(p);
    await send("usdc", address, 4_000_000n);
    await bed.runUntil(p.created * 1000 + 61_000 + POLL_MS);
    const [early] = await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id));
    expect(early).toMatchObject({ reason: "expired_uncaptured_charge", crypto: expect.objectContaining({ amount: "4000000", address: payer }) });
    await sendAll(ctx);
    expect((await refundRow(early!.id)).status).toBe("succeeded");

    // Late: after the expiry, the payer sends the rest anyway.
    await send("usdc", address, 5_000_000n);
    await bed.runUntil(bed.clock.now().getTime() + 3 * 60_000);
    await sendAll(ctx);
    const back = await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id)).orderBy(asc(refunds.id));
    expect(back.map((r) => [r.reason, r.crypto!.amount, r.status])).toEqual([
      ["expired_uncaptured_charge", "4000000", "succeeded"],
      ["expired_uncaptured_charge", "5000000", "succeeded"],
    ]);
    expect(await balanceOf("usdc", payer)).toBe(payerBefore);
    const types = (await entriesOf(ctx)).map((e) => e.type).sort();
    expect(types).toEqual(["crypto_late_deposit", "crypto_late_deposit", "crypto_refund", "crypto_refund"]);
    expect((await bed.h.db.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, p.id)))[0]!.amountRefunded).toBe(9_000_000n);
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });
});

describe("the sender", () => {
  it("replaces a transaction not mined in time with a higher fee at the same nonce; only one is mined", async () => {
    process.env.CRYPTO_REPLACE_AFTER_SECONDS = "1";
    const { ctx, p } = await paidPayment("usdc", 3_000_000n);
    await sendAll(ctx);
    const test = localTestClient(clients);
    await test.setAutomine(false);
    try {
      const refund = (await createRefund({ ctx, input: { payment: p.id, crypto: { address: RECIPIENT } } })) as RefundObject;
      const treasury = (await treasuryAddress(bed.h.db, ctx))!;
      const sctx = { merchantId: ctx.merchantId, livemode: false, actor: { type: "system" as const, id: "test", label: "test" } };
      await advanceSender({ ctx: sctx, from: treasury });
      const [first] = await bed.h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, refund.id));
      expect(first).toMatchObject({ status: "broadcast", replacements: 0 });
      await new Promise((r) => setTimeout(r, 1_100));
      await advanceSender({ ctx: sctx, from: treasury });
      const [second] = await bed.h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, refund.id));
      expect(second).toMatchObject({ status: "broadcast", replacements: 1, nonce: first!.nonce });
      expect(second!.hashes).toEqual([first!.txHash, second!.txHash]);
      expect(second!.maxFeePerGas! * 8n).toBeGreaterThanOrEqual(first!.maxFeePerGas! * 9n);
      await test.mine({ blocks: 1 });
      await advanceSender({ ctx: sctx, from: treasury });
      const [mined] = await bed.h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, refund.id));
      expect(mined).toMatchObject({ status: "mined", txHash: second!.txHash });
      expect((await refundRow(refund.id)).status).toBe("succeeded");
      // The first attempt was never mined: the nonce went to the replacement only.
      await expect(clients.publicClient.getTransactionReceipt({ hash: first!.txHash as `0x${string}` })).rejects.toThrow();
    } finally {
      await test.setAutomine(true);
    }
  });
});

describe("the safety net", () => {
  it("an account whose sender run never came (its wake-up lost) is woken by the reconcile job once stale, and its refund is sent", async () => {
    const { ctx, p } = await paidPayment("usdc", 4_000_000n);
    await sendAll(ctx);
    const refund = (await createRefund({ ctx, input: { payment: p.id, crypto: { address: RECIPIENT } } })) as RefundObject;
    // The wake-up is lost: marked handed over without ever reaching the engine.
    await bed.h.db
      .update(events)
      .set({ publishedAt: new Date() })
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "chain/transaction.queued"), isNull(events.publishedAt)));
    await bed.advanceTo(bed.clock.now().getTime() + 5_000);
    expect((await refundRow(refund.id)).status).toBe("pending");
    expect(await wakeStaleSenders(bed.h.db)).toBe(0); // not stale yet
    const woken = await wakeStaleSenders(bed.h.db, { now: Date.now() + SENDER_STALE_AFTER_MS + 1_000 });
    expect(woken).toBeGreaterThanOrEqual(1);
    await sendAll(ctx);
    expect((await refundRow(refund.id)).status).toBe("succeeded");
  });
});

describe("refund input on chain", () => {
  it("answers exact codes: address format and checksum, chain id, amount, method and another merchant's payment", async () => {
    const { ctx, p } = await paidPayment("usdc", 2_000_000n);
    const card = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const checksumTypo = RECIPIENT.replace(/[a-f]/, (c) => c.toUpperCase());
    const cases: [Record<string, unknown>, string][] = [
      [{ payment: p.id, crypto: { address: "0x1234" } }, "address_invalid"],
      [{ payment: p.id, crypto: { address: "not an address" } }, "address_invalid"],
      [{ payment: p.id, crypto: { address: checksumTypo } }, "address_checksum_invalid"],
      [{ payment: p.id, crypto: { address: RECIPIENT, chain_id: 1 } }, "chain_id_mismatch"],
      [{ payment: p.id, amount: "2000001", crypto: { address: RECIPIENT } }, "amount_too_large"],
      [{ payment: p.id, amount: "0", crypto: { address: RECIPIENT } }, "amount_too_small"],
      [{ payment: p.id, amount: "1.5", crypto: { address: RECIPIENT } }, "parameter_invalid"],
      [{ payment: p.id, amount: 5, crypto: { address: RECIPIENT } }, "parameter_invalid"],
      [{ payment: p.id, crypto: {} }, "parameter_missing"],
      [{ payment: p.id, crypto: { address: RECIPIENT, memo: "x" } }, "parameter_unknown"],
      [{ payment: p.id }, "parameter_missing"],
      [{ payment: p.id, amount: 100 }, "parameter_missing"],
      [{ payment: card.id, crypto: { address: RECIPIENT } }, "parameter_unknown"],
    ];
    for (const [input, code] of cases) expect(await errorCodeOf(createRefund({ ctx, input })), JSON.stringify(input)).toBe(code);
    const stranger = await makeMerchantContext(bed.h.db);
    expect(await errorCodeOf(createRefund({ ctx: stranger, input: { payment: p.id, crypto: { address: RECIPIENT } } }))).toBe("resource_missing");
    expect(await errorCodeOf(createRefund({ ctx: { ...ctx, livemode: true }, input: { payment: p.id, crypto: { address: RECIPIENT } } }))).toBe(
      "resource_missing",
    );
    const viewer = { ...ctx, role: "analyst" as const };
    expect(await errorCodeOf(createRefund({ ctx: viewer, input: { payment: p.id, crypto: { address: RECIPIENT } } }))).toBe("permission_denied");
    // Nothing was reserved by any refused request.
    expect((await bed.h.db.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, p.id)))[0]!.amountRefunded).toBe(0n);
    expect(await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id))).toEqual([]);
  });
});
