import { and, eq } from "drizzle-orm";
import { encodeFunctionData } from "viem";
import { cryptoDeposits } from "@/db/schema";
import { kassaEscrowAbi } from "@/lib/chain/artifacts/kassa-escrow";
import { queueChainTransaction } from "@/lib/chain-tx/queue-transaction";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { arbiterAccount, cryptoChain } from "./chain";
import { saveCryptoEscrow } from "./queue-escrow";
import { ARBITER } from "./wallet";

/** KassaEscrow's Ruling enum. */
const RULING = { release: 0, refund: 1 } as const;

/**
 * POST /api/v1/payments/:id/escrow_dispute/resolve for a crypto payment whose payer disputed its escrow on
 * chain: Kassa's arbiter signs the ruling — `release` to the merchant's treasury, `refund` to the payer —
 * queued with the escrow `resolving`, in one transaction with the idempotent answer. The escrow watch run
 * books the outcome once the contract shows it (advance-crypto-escrow.ts).
 */
export async function resolveCryptoEscrow({
  ctx,
  id,
  resolution,
}: {
  ctx: ServiceContext;
  id: string;
  resolution: "refund" | "release";
}): Promise<PaymentObject> {
  const chain = await cryptoChain();
  const arbiter = arbiterAccount(chain);
  if (!arbiter) throw new KassaError("api_error", "No escrow arbiter key is configured (CRYPTO_ARBITER_PRIVATE_KEY).");
  return commit(
    ctx,
    async (tx, changes) => {
      const payment = await loadPayment(tx, ctx, id, { lock: true });
      const scope = and(eq(cryptoDeposits.id, payment.id), eq(cryptoDeposits.merchantId, ctx.merchantId), eq(cryptoDeposits.livemode, ctx.livemode));
      const [deposit] = await tx.select().from(cryptoDeposits).where(scope).for("update");
      const e = deposit?.escrow;
      if (!deposit || !e) throw new KassaError("payment_not_escrowed", `Payment ${payment.id} was not created with escrow.`);
      if (e.status === "released") throw new KassaError("escrow_already_released", `Payment ${payment.id}'s escrow was already released to the merchant.`);
      if (e.status !== "disputed") throw new KassaError("escrow_not_disputed", `Payment ${payment.id}'s escrow is ${e.status}, not disputed.`);
      await queueChainTransaction(tx, ctx, changes, {
        chainId: deposit.chainId,
        signer: ARBITER,
        from: arbiter.address,
        to: e.contract!,
        token: deposit.token,
        tokenAddress: deposit.tokenAddress,
        amount: 0n,
        purpose: "escrow_resolve",
        sourceId: payment.id,
        data: encodeFunctionData({ abi: kassaEscrowAbi, functionName: "resolve", args: [BigInt(e.deposit_id!), RULING[resolution]] }),
      });
      const escrow = { ...e, status: "resolving" as const };
      await saveCryptoEscrow(tx, payment.id, escrow);
      changes.audit({ action: "escrow.resolution_sent", targetType: "payment", targetId: payment.id, metadata: { resolution, deposit_id: e.deposit_id } });
      return serializePayment({ ...payment, crypto: { ...payment.crypto!, escrow } });
    },
    { respond: (p) => p },
  );
}
