import type { Transaction } from "@/db/client";
import { CHAIN_TX_PRIORITY, chainTransactions, type ChainTransactionRow, type ChainTxPurpose, type CryptoToken } from "@/db/schema";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { newId } from "@/lib/ids";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";

export interface QueuedTransaction {
  chainId: number;
  signer: string;
  from: string;
  to: string;
  token: CryptoToken;
  tokenAddress: string | null;
  /** Base units; null for an ETH sweep (everything less its gas, worked out when signed). */
  amount: bigint | null;
  purpose: ChainTxPurpose;
  sourceId: string;
  /** Sign only after this transaction is mined. */
  afterId?: string | null;
  /** A contract call's calldata (`to` is then the contract). */
  data?: string | null;
}

/** The data of `chain/transaction.queued`: which account's sender run to wake. */
export interface ChainTransactionQueued extends Record<string, string> {
  merchant: string;
  livemode: "true" | "false";
  chain: string;
  from: string;
}

export function senderEvent(ctx: Pick<ServiceContext, "merchantId" | "livemode">, chainId: number, from: string): ChainTransactionQueued {
  return { merchant: ctx.merchantId, livemode: ctx.livemode ? "true" : "false", chain: String(chainId), from };
}

/**
 * Queues an outgoing transaction in the caller's transaction (with the change it pays out for), and wakes
 * its account's sender run through the outbox: nothing is signed or sent until that commit stands.
 */
export async function queueChainTransaction(
  tx: Transaction,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  changes: Changes,
  q: QueuedTransaction,
): Promise<ChainTransactionRow> {
  const now = new Date();
  const [row] = await tx
    .insert(chainTransactions)
    .values({
      id: newId("chainTransaction"),
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      chainId: q.chainId,
      signer: q.signer,
      fromAddress: q.from,
      toAddress: q.to,
      token: q.token,
      tokenAddress: q.tokenAddress,
      amount: q.amount,
      purpose: q.purpose,
      priority: CHAIN_TX_PRIORITY[q.purpose],
      sourceId: q.sourceId,
      afterId: q.afterId ?? null,
      data: q.data ?? null,
      status: "queued",
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  declareInternalEvent(changes, INTERNAL_EVENTS.chainTransactionQueued, senderEvent(ctx, q.chainId, q.from));
  return row!;
}
