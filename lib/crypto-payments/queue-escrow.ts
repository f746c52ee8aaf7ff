import { and, eq } from "drizzle-orm";
import { encodeFunctionData, erc20Abi, type Address } from "viem";
import type { Transaction } from "@/db/client";
import { cryptoDeposits, payments, type CryptoDepositRow, type CryptoEscrowDetails } from "@/db/schema";
import { kassaEscrowAbi } from "@/lib/chain/artifacts/kassa-escrow";
import { queueChainTransaction } from "@/lib/chain-tx/queue-transaction";
import { DAY_MS } from "@/lib/escrow/inputs";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { arbiterAccount, cryptoChain, escrowContract } from "./chain";
import { TREASURY, treasuryAddress } from "./wallet";

/** The escrow's schedule, fixed at the confirmation: release at release_at or N days on; disputes until the window's end (at most the release). */
export function escrowSchedule(escrow: CryptoEscrowDetails, confirmedAt: Date): { releaseAt: number; disputeUntil: number } {
  const now = Math.floor(confirmedAt.getTime() / 1000);
  const releaseAt = escrow.release_at ?? now + (escrow.release_after_days! * DAY_MS) / 1000;
  const window = escrow.dispute_window_days;
  const disputeUntil = window === null ? releaseAt : Math.min(releaseAt, now + (window * DAY_MS) / 1000);
  return { releaseAt, disputeUntil };
}

/**
 * Puts a confirmed escrow payment into the escrow contract, in the caller's transaction: once its sweep
 * has brought the tokens to the treasury, the treasury approves the contract and deposits them with the
 * payer (the transfer's sender: who may dispute, and whom a refund pays), the merchant's treasury as payee
 * and Kassa's arbiter. The deposit's id is recorded from its receipt (recordEscrowDeposited).
 */
export async function queueEscrowDeposit(
  tx: Transaction,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  changes: Changes,
  input: { deposit: CryptoDepositRow; amount: bigint; payer: string; sweepId: string },
): Promise<CryptoEscrowDetails> {
  const chain = await cryptoChain();
  // The contract's clock is the chain's: the schedule starts at the latest block's time, not this machine's.
  const block = await chain.clients.publicClient.getBlock({ blockTag: "latest" });
  const confirmedAt = new Date(Number(block.timestamp) * 1000);
  const contract = escrowContract(chain)!;
  const arbiter = arbiterAccount(chain);
  if (!arbiter) throw new Error("No escrow arbiter key: set CRYPTO_ARBITER_PRIVATE_KEY");
  const treasury = (await treasuryAddress(tx, ctx))!;
  const { deposit, amount } = input;
  const { releaseAt, disputeUntil } = escrowSchedule(deposit.escrow!, confirmedAt);
  const base = { chainId: deposit.chainId, token: deposit.token, tokenAddress: deposit.tokenAddress, signer: TREASURY, from: treasury, sourceId: deposit.id };
  const approve = await queueChainTransaction(tx, ctx, changes, {
    ...base,
    to: deposit.tokenAddress!,
    amount,
    purpose: "escrow_approve",
    afterId: input.sweepId,
    data: encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [contract, amount] }),
  });
  await queueChainTransaction(tx, ctx, changes, {
    ...base,
    to: contract,
    amount,
    purpose: "escrow_deposit",
    afterId: approve.id,
    data: encodeFunctionData({
      abi: kassaEscrowAbi,
      functionName: "depositToken",
      args: [deposit.tokenAddress as Address, input.payer as Address, treasury, arbiter.address, amount, BigInt(releaseAt), BigInt(disputeUntil)],
    }),
  });
  return { ...deposit.escrow!, status: "depositing", release_at: releaseAt, dispute_until: disputeUntil, contract, payer: input.payer };
}

/** Writes a crypto payment's escrow state to its deposit row and to the payment's details (the API's view). */
export async function saveCryptoEscrow(tx: Transaction, paymentId: string, escrow: CryptoEscrowDetails): Promise<void> {
  const now = new Date();
  await tx.update(cryptoDeposits).set({ escrow, updatedAt: now }).where(eq(cryptoDeposits.id, paymentId));
  const [payment] = await tx
    .select({ crypto: payments.crypto })
    .from(payments)
    .where(and(eq(payments.id, paymentId)))
    .for("update");
  if (payment?.crypto)
    await tx
      .update(payments)
      .set({ crypto: { ...payment.crypto, escrow }, updatedAt: now })
      .where(eq(payments.id, paymentId));
}
