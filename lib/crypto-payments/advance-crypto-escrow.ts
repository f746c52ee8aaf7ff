import { and, eq, inArray, sql } from "drizzle-orm";
import { encodeFunctionData, type Address } from "viem";
import { chainTransactions, cryptoDeposits, payments, refunds, type CryptoEscrowStatus } from "@/db/schema";
import { kassaEscrowAbi } from "@/lib/chain/artifacts/kassa-escrow";
import { queueChainTransaction } from "@/lib/chain-tx/queue-transaction";
import { newId } from "@/lib/ids";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { serializePayment } from "@/lib/payments/serialize-payment";
import { serializeRefund } from "@/lib/refunds/serialize-refund";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { cryptoChain } from "./chain";
import { CHAIN_CONNECTOR } from "./create-crypto-payment";
import { saveCryptoEscrow } from "./queue-escrow";
import { TREASURY, treasuryAddress } from "./wallet";

/** KassaEscrow's Status enum. */
const ON_CHAIN = ["none", "held", "disputed", "released", "refunded"] as const;

export interface EscrowCheck {
  status: CryptoEscrowStatus;
  /** Released or refunded: nothing more will happen. */
  final: boolean;
}

/**
 * One look at an escrowed crypto payment's deposit in the contract, booked. The contract is the truth —
 * whoever sent the transaction (Kassa's release at the timelock, the payer's dispute from their own wallet,
 * the arbiter's ruling) — and this mirrors it once: held past its timelock (by the chain's own clock) →
 * the release is queued from the treasury; disputed → `escrow.disputed`, and no release is queued;
 * released → the merchant's (crypto_escrow → merchant_crypto, `escrow.released`); refunded → the payer's,
 * recorded as a succeeded refund (crypto_escrow → out of crypto_deposits). Safe to repeat.
 */
export async function advanceCryptoEscrow({ ctx, paymentId }: { ctx: ServiceContext; paymentId: string }): Promise<EscrowCheck> {
  const db = await executor(ctx);
  const scope = and(eq(cryptoDeposits.id, paymentId), eq(cryptoDeposits.merchantId, ctx.merchantId), eq(cryptoDeposits.livemode, ctx.livemode));
  const [seen] = await db.select().from(cryptoDeposits).where(scope);
  const escrow = seen?.escrow;
  if (!seen || !escrow) throw new Error(`Payment ${paymentId} has no crypto escrow`);
  if (escrow.status === "released" || escrow.status === "refunded") return { status: escrow.status, final: true };
  if (!escrow.deposit_id || !escrow.contract) return { status: escrow.status, final: false };
  const chain = await cryptoChain();
  const [onChain, block] = await Promise.all([
    chain.clients.publicClient.readContract({
      address: escrow.contract as Address,
      abi: kassaEscrowAbi,
      functionName: "getDeposit",
      args: [BigInt(escrow.deposit_id)],
    }),
    chain.clients.publicClient.getBlock({ blockTag: "latest" }),
  ]);
  const state = ON_CHAIN[onChain.status];

  return commit(ctx, async (tx, changes) => {
    const deposit = (await tx.select().from(cryptoDeposits).where(scope).for("update"))[0]!;
    const e = deposit.escrow!;
    if (e.status === "released" || e.status === "refunded") return { status: e.status, final: true };
    const amount = deposit.amount;
    const payment = async () => serializePayment((await tx.select().from(payments).where(eq(payments.id, paymentId)))[0]!);
    if (state === "held") {
      if (block.timestamp < BigInt(e.release_at!)) return { status: e.status, final: false };
      const [open] = await tx
        .select({ id: chainTransactions.id })
        .from(chainTransactions)
        .where(
          and(
            eq(chainTransactions.sourceId, paymentId),
            eq(chainTransactions.purpose, "escrow_release"),
            inArray(chainTransactions.status, ["queued", "signed", "broadcast"]),
          ),
        );
      if (!open) {
        // Anyone may release after the timelock; the treasury pays the gas. A release that reverts (a clock a little behind) is queued again by the next look.
        await queueChainTransaction(tx, ctx, changes, {
          chainId: deposit.chainId,
          signer: TREASURY,
          from: (await treasuryAddress(tx, ctx))!,
          to: e.contract!,
          token: deposit.token,
          tokenAddress: deposit.tokenAddress,
          amount: 0n,
          purpose: "escrow_release",
          sourceId: paymentId,
          data: encodeFunctionData({ abi: kassaEscrowAbi, functionName: "release", args: [BigInt(e.deposit_id!)] }),
        });
      }
      return { status: e.status, final: false };
    }
    if (state === "disputed") {
      if (e.status === "held") {
        await saveCryptoEscrow(tx, paymentId, { ...e, status: "disputed" });
        changes.audit({ action: "escrow.disputed", targetType: "payment", targetId: paymentId, metadata: { deposit_id: e.deposit_id, by: e.payer } });
        changes.event("escrow.disputed", await payment(), { escrow: { status: "held" } });
        return { status: "disputed", final: false };
      }
      return { status: e.status, final: false };
    }
    if (state === "released") {
      await postJournalEntry(tx, {
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        currency: deposit.token,
        key: `crypto_escrow_release:${paymentId}`,
        type: "crypto_escrow_release",
        source: { type: "payment", id: paymentId },
        lines: [
          { account: "crypto_escrow", amount },
          { account: "merchant_crypto", amount: -amount },
        ],
        description: `escrow deposit ${e.deposit_id} released to the merchant's treasury`,
      });
      await saveCryptoEscrow(tx, paymentId, { ...e, status: "released" });
      changes.audit({ action: "escrow.released", targetType: "payment", targetId: paymentId, metadata: { deposit_id: e.deposit_id } });
      changes.event("escrow.released", await payment(), { escrow: { status: e.status } });
      return { status: "released", final: true };
    }
    if (state === "refunded") {
      // Paid by the contract straight to the payer: a refund of the whole amount, recorded as succeeded.
      const id = newId("refund");
      const [resolution] = await tx
        .select()
        .from(chainTransactions)
        .where(and(eq(chainTransactions.sourceId, paymentId), eq(chainTransactions.purpose, "escrow_resolve"), eq(chainTransactions.status, "mined")));
      const [row] = await tx
        .insert(refunds)
        .values({
          id,
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          paymentId,
          amount: 0n,
          currency: deposit.token,
          status: "succeeded",
          reason: "requested_by_customer",
          metadata: {},
          connector: CHAIN_CONNECTOR,
          crypto: {
            token: deposit.token,
            chain_id: deposit.chainId,
            address: e.payer!,
            amount: amount.toString(),
            transaction: resolution?.id ?? "",
            tx_hash: resolution?.txHash ?? null,
          },
        })
        .returning();
      await postJournalEntry(tx, {
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        currency: deposit.token,
        key: `crypto_refund:${id}`,
        type: "crypto_escrow_refund",
        source: { type: "refund", id },
        lines: [
          { account: "crypto_escrow", amount },
          { account: "crypto_deposits", amount: -amount },
        ],
        description: `escrow deposit ${e.deposit_id} returned to its payer ${e.payer}`,
      });
      await tx
        .update(cryptoDeposits)
        .set({ amountRefunded: sql`${cryptoDeposits.amountRefunded} + ${amount}` })
        .where(scope);
      await saveCryptoEscrow(tx, paymentId, { ...e, status: "refunded" });
      changes.audit({ action: "escrow.refunded", targetType: "payment", targetId: paymentId, metadata: { deposit_id: e.deposit_id, refund: id } });
      changes.event("refund.succeeded", serializeRefund(row!));
      return { status: "refunded", final: true };
    }
    return { status: e.status, final: false };
  });
}
