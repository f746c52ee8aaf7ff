// Crypto escrow on a real local chain and the real workflow path: a paid escrow payment is swept to the
// treasury and deposited in KassaEscrow (payer = the transfer's sender, payee = the merchant's treasury,
// arbiter = Kassa's); the watch run releases it at the timelock, or mirrors the payer's on-chain dispute,
// which blocks the release until the arbiter's ruling — sent through the API — moves it.
import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { erc20Abi, type Address } from "viem";
import { chainTransactions, cryptoDeposits, events, journalEntries, journalLines, refunds } from "@/db/schema";
import { kassaEscrowAbi } from "@/lib/chain/artifacts/kassa-escrow";
import { localTestClient, type ChainClients } from "@/lib/chain/clients";
import type { LocalContracts } from "@/lib/chain/deploy-local";
import { localAccount } from "@/lib/chain/local-accounts";
import { openEscrowDispute } from "@/lib/escrow/open-escrow-dispute";
import { releaseEscrow } from "@/lib/escrow/release-escrow";
import { resolveEscrowDispute } from "@/lib/escrow/resolve-escrow-dispute";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import { getPayment } from "@/lib/payments/get-payment";
import type { PaymentObject } from "@/lib/payments/serialize-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { localChainForTests, sendAllChainTransactions } from "@/test/local-chain";
import { errorCodeOf, makeMerchantContext } from "@/test/fixtures";
import { advanceCryptoEscrow } from "./advance-crypto-escrow";
import { treasuryAddress } from "./wallet";

const bed = executorTestBed("cryptoescrow");
const DAY = 86_400;
const local = localChainForTests({ usdc: 10n ** 15n });
let clients: ChainClients;
let contracts: LocalContracts;
beforeAll(() => ({ clients, contracts } = local));

const balanceOf = (who: string) => local.balanceOf("usdc", who);
const sendAll = (ctx: ServiceContext) => sendAllChainTransactions(bed, ctx);
const escrowOf = async (id: string) => (await bed.h.db.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, id)))[0]!.escrow!;
const typesOf = async (ctx: ServiceContext) =>
  (await bed.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(asc(events.id))).map((e) => e.type);

/** An escrow payment of `amount` USDC, paid by the payer, booked, swept and deposited in the contract. */
async function heldPayment(amount: bigint, escrow: Record<string, number>) {
  const ctx = await makeMerchantContext(bed.h.db);
  const p = await createPayment({ ctx, input: { amount: amount.toString(), currency: "usdc", payment_method_types: ["crypto"], escrow } });
  expect(p.payment_method_details).toMatchObject({ crypto: { escrow: { status: "pending", release_after_days: escrow.release_after_days ?? null } } });
  await bed.pump();
  const address = (p.next_action as { crypto_transfer: { address: Address } }).crypto_transfer.address;
  const hash = await clients
    .walletClient(localAccount("payer"))
    .writeContract({ address: contracts.tokens.usdc, abi: erc20Abi, functionName: "transfer", args: [address, amount] });
  await clients.publicClient.waitForTransactionReceipt({ hash });
  await bed.advanceTo(p.created * 1000 + 11_500);
  await sendAll(ctx);
  return { ctx, p };
}

describe("crypto escrow on chain", { timeout: 120_000 }, () => {
  it("is deposited in the contract once paid, held until the timelock, then released to the merchant's treasury", async () => {
    // A timelock five minutes out, so the watch run's own looks (every poll interval) reach it on the fake clock.
    const { ctx, p } = await heldPayment(30_000_000n, { release_at: Math.floor(Date.now() / 1000) + 300 });
    const escrow = await escrowOf(p.id);
    expect(escrow).toMatchObject({ status: "held", contract: contracts.escrow, payer: localAccount("payer").address });
    expect(escrow.deposit_id).toMatch(/^\d+$/);
    const onChain = await clients.publicClient.readContract({
      address: contracts.escrow,
      abi: kassaEscrowAbi,
      functionName: "getDeposit",
      args: [BigInt(escrow.deposit_id!)],
    });
    const treasury = (await treasuryAddress(bed.h.db, ctx))!;
    expect(onChain).toMatchObject({
      status: 1,
      amount: 30_000_000n,
      payee: treasury,
      payer: localAccount("payer").address,
      arbiter: localAccount("arbiter").address,
    });
    expect(await balanceOf(treasury)).toBe(0n);
    expect((await getPayment({ ctx, id: p.id })).payment_method_details).toMatchObject({
      crypto: { escrow: { status: "held", deposit_id: escrow.deposit_id } },
    });
    expect(await typesOf(ctx)).toContain("escrow.held");

    // Held: no refund from the treasury, no early release, no dispute through the API (the payer disputes on chain).
    expect(await errorCodeOf(createRefund({ ctx, input: { payment: p.id, crypto: { address: localAccount("payer").address } } }))).toBe(
      "payment_intent_unexpected_state",
    );
    expect(await errorCodeOf(releaseEscrow({ ctx, id: p.id }))).toBe("payment_method_unsupported");
    expect(await errorCodeOf(openEscrowDispute({ ctx, id: p.id, input: { reason: "not as described" } }))).toBe("payment_method_unsupported");
    expect(await errorCodeOf(resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "refund" } }))).toBe("escrow_not_disputed");

    // Before the timelock the run's looks queue nothing.
    await bed.runUntil(bed.clock.now().getTime() + 60_000);
    expect(
      await bed.h.db
        .select()
        .from(chainTransactions)
        .where(and(eq(chainTransactions.sourceId, p.id), eq(chainTransactions.purpose, "escrow_release"))),
    ).toEqual([]);
    // Past it on the chain's clock and the engine's: the watch run queues the release; the treasury gets the tokens.
    await localTestClient(clients).increaseTime({ seconds: 360 });
    await localTestClient(clients).mine({ blocks: 1 });
    await bed.runUntil(escrow.release_at! * 1000 + 30_000);
    await sendAll(ctx);
    await bed.advanceTo(bed.clock.now().getTime() + 20_000);
    expect((await escrowOf(p.id)).status).toBe("released");
    expect(await balanceOf(treasury)).toBe(30_000_000n);
    const release = (await bed.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId))).find(
      (e) => e.type === "crypto_escrow_release",
    )!;
    const lines = await bed.h.db.select().from(journalLines).where(eq(journalLines.entryId, release.id));
    expect(Object.fromEntries(lines.map((l) => [l.account, l.amount]))).toEqual({ crypto_escrow: 30_000_000n, merchant_crypto: -30_000_000n });
    expect((await typesOf(ctx)).filter((t) => t.startsWith("escrow."))).toEqual(["escrow.held", "escrow.released"]);
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("a dispute by the payer on chain blocks the release; the arbiter's ruling (through the API) returns the tokens to the payer", async () => {
    const payer = localAccount("payer").address;
    const before = await balanceOf(payer);
    const { ctx, p } = await heldPayment(8_000_000n, { release_after_days: 2, dispute_window_days: 1 });
    const escrow = await escrowOf(p.id);
    const hash = await clients
      .walletClient(localAccount("payer"))
      .writeContract({ address: contracts.escrow, abi: kassaEscrowAbi, functionName: "dispute", args: [BigInt(escrow.deposit_id!)] });
    await clients.publicClient.waitForTransactionReceipt({ hash });
    const sctx = { merchantId: ctx.merchantId, livemode: false, actor: { type: "system" as const, id: "crypto-escrow-watch", label: "test" } };
    expect(await advanceCryptoEscrow({ ctx: sctx, paymentId: p.id })).toEqual({ status: "disputed", final: false }); // the run's next look
    expect((await escrowOf(p.id)).status).toBe("disputed");
    expect(await typesOf(ctx)).toContain("escrow.disputed");

    // Past the timelock the contract refuses a release of a disputed deposit, and none is queued.
    await localTestClient(clients).increaseTime({ seconds: 2 * DAY + 60 });
    await localTestClient(clients).mine({ blocks: 1 });
    expect(await advanceCryptoEscrow({ ctx: sctx, paymentId: p.id })).toEqual({ status: "disputed", final: false });
    const releases = await bed.h.db
      .select()
      .from(chainTransactions)
      .where(and(eq(chainTransactions.sourceId, p.id), eq(chainTransactions.purpose, "escrow_release")));
    expect(releases).toEqual([]);
    expect((await escrowOf(p.id)).status).toBe("disputed");

    const resolving = await resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "refund" } });
    expect(resolving.payment_method_details).toMatchObject({ crypto: { escrow: { status: "resolving" } } });
    expect(await errorCodeOf(resolveEscrowDispute({ ctx, id: p.id, input: { resolution: "release" } }))).toBe("escrow_not_disputed");
    const stranger = await makeMerchantContext(bed.h.db);
    expect(await errorCodeOf(resolveEscrowDispute({ ctx: stranger, id: p.id, input: { resolution: "refund" } }))).toBe("resource_missing");
    await sendAll(ctx);
    expect(await advanceCryptoEscrow({ ctx: sctx, paymentId: p.id })).toEqual({ status: "refunded", final: true });
    expect((await escrowOf(p.id)).status).toBe("refunded");
    expect(await balanceOf(payer)).toBe(before);
    const [refund] = await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, p.id));
    expect(refund).toMatchObject({ status: "succeeded", currency: "usdc" });
    expect(refund!.crypto).toMatchObject({ amount: "8000000", address: payer });
    expect(refund!.crypto!.tx_hash).toMatch(/^0x/);
    const resolve = await bed.h.db
      .select()
      .from(chainTransactions)
      .where(and(eq(chainTransactions.sourceId, p.id), eq(chainTransactions.purpose, "escrow_resolve")));
    expect(resolve.map((t) => [t.status, t.fromAddress])).toEqual([["mined", localAccount("arbiter").address]]);
    expect(await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).toEqual({ ok: true, problems: [] });
  });

  it("refuses escrow in ETH and a schedule that is not one", async () => {
    const ctx = await makeMerchantContext(bed.h.db);
    const crypto = { payment_method_types: ["crypto"] };
    expect(await errorCodeOf(createPayment({ ctx, input: { ...crypto, amount: "1000", currency: "eth", escrow: { release_after_days: 1 } } }))).toBe(
      "payment_method_unsupported",
    );
    expect(
      await errorCodeOf(createPayment({ ctx, input: { ...crypto, amount: "1000", currency: "usdc", escrow: { release_after_days: 1, release_at: 1 } } })),
    ).toBe("parameter_invalid");
    expect(
      await errorCodeOf(
        createPayment({ ctx, input: { ...crypto, amount: "1000", currency: "usdc", escrow: { release_after_days: 1, dispute_window_days: 2 } } }),
      ),
    ).toBe("parameter_invalid");
    expect(await errorCodeOf(createPayment({ ctx, input: { ...crypto, amount: "1000", currency: "usdc", escrow: { hold: true } } }))).toBe("parameter_unknown");
  });
});

export type { PaymentObject };
