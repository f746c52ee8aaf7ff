import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { cryptoDeposits, refunds, type CryptoDepositRow, type CryptoRefundDetails, type RefundReason, type RefundRow } from "@/db/schema";
import { queueChainTransaction } from "@/lib/chain-tx/queue-transaction";
import { newId } from "@/lib/ids";
import { serializeRefund } from "@/lib/refunds/serialize-refund";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { CHAIN_CONNECTOR } from "./create-crypto-payment";
import { depositSigner, TREASURY, treasuryAddress } from "./wallet";

/**
 * Queues the move of `amount` from a deposit address to the merchant's treasury, in the caller's
 * transaction: a token needs ETH for gas at the deposit address first (a `gas` transfer from the
 * treasury, sized when signed), so the sweep is signed only once that is mined; ETH pays its own gas
 * (the sweep takes everything less it). Returns the sweep's id: a refund from the treasury waits for it.
 */
export async function queueSweep(
  tx: Transaction,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  changes: Changes,
  deposit: CryptoDepositRow,
  amount: bigint,
): Promise<string> {
  const treasury = await treasuryAddress(tx, ctx);
  if (!treasury) throw new Error(`Merchant ${ctx.merchantId} has a deposit but no wallet`);
  const base = { chainId: deposit.chainId, token: deposit.token, sourceId: deposit.id };
  const gas = deposit.tokenAddress
    ? await queueChainTransaction(tx, ctx, changes, {
        ...base,
        signer: TREASURY,
        from: treasury,
        to: deposit.address,
        token: "eth",
        tokenAddress: null,
        amount: null,
        purpose: "gas",
      })
    : null;
  const sweep = await queueChainTransaction(tx, ctx, changes, {
    ...base,
    signer: depositSigner(deposit.derivationIndex),
    from: deposit.address,
    to: treasury,
    tokenAddress: deposit.tokenAddress,
    amount: deposit.tokenAddress ? amount : null,
    purpose: "sweep",
    afterId: gas?.id ?? null,
  });
  await tx
    .update(cryptoDeposits)
    .set({ sweepId: sweep.id, updatedAt: new Date() })
    .where(and(eq(cryptoDeposits.id, deposit.id), eq(cryptoDeposits.merchantId, ctx.merchantId)));
  return sweep.id;
}

/**
 * A refund sent on chain from the merchant's treasury, in the caller's transaction: the pending refund (its
 * `amount` 0, the exact amount in `crypto`), its queued transaction — signed only after `afterId` (the sweep
 * that brings the tokens to the treasury) is mined — its audit row and `refund.created`. A merchant's refund
 * (createCryptoRefund), or money that is the payer's going back: a surplus (`overpayment`) or a payment that
 * came after the expiry (`expired_uncaptured_charge`).
 */
export async function queueCryptoRefund(
  tx: Transaction,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  changes: Changes,
  input: {
    deposit: CryptoDepositRow;
    to: string;
    amount: bigint;
    reason: RefundReason | null;
    metadata?: Record<string, string>;
    afterId: string | null;
  },
): Promise<RefundRow> {
  const treasury = await treasuryAddress(tx, ctx);
  if (!treasury) throw new Error(`Merchant ${ctx.merchantId} has a deposit but no wallet`);
  const id = newId("refund");
  const queued = await queueChainTransaction(tx, ctx, changes, {
    chainId: input.deposit.chainId,
    signer: TREASURY,
    from: treasury,
    to: input.to,
    token: input.deposit.token,
    tokenAddress: input.deposit.tokenAddress,
    amount: input.amount,
    purpose: "refund",
    sourceId: id,
    afterId: input.afterId,
  });
  const crypto: CryptoRefundDetails = {
    token: input.deposit.token,
    chain_id: input.deposit.chainId,
    address: input.to,
    amount: input.amount.toString(),
    transaction: queued.id,
    tx_hash: null,
  };
  const [row] = await tx
    .insert(refunds)
    .values({
      id,
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      paymentId: input.deposit.id,
      amount: 0n,
      currency: input.deposit.token,
      status: "pending",
      reason: input.reason,
      metadata: input.metadata ?? {},
      connector: CHAIN_CONNECTOR,
      crypto,
    })
    .returning();
  changes.audit({ action: "refund.created", targetType: "refund", targetId: id, metadata: { payment: input.deposit.id, ...crypto, reason: input.reason } });
  changes.event("refund.created", serializeRefund(row!));
  return row!;
}
