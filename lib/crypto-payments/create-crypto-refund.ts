import { and, eq, sql } from "drizzle-orm";
import { cryptoDeposits } from "@/db/schema";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializeRefund, type RefundObject } from "@/lib/refunds/serialize-refund";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { TOKENS } from "@/lib/chain/tokens";
import { cryptoChain } from "./chain";
import { queueCryptoRefund } from "./queue-sweep";
import { parseCryptoRefund } from "./refund-inputs";
import { treasuryAddress } from "./wallet";

/**
 * POST /api/v1/refunds for a crypto payment: `crypto.address` says where to send, `amount` (base units
 * in a string) defaults to what is left. One transaction reserves the amount on the locked deposit (so
 * concurrent refunds never pass what the merchant received), records the pending refund, its audit row,
 * its event and the idempotent answer, and queues the transfer from the merchant's treasury — after the
 * payment's sweep there, if that is not mined yet. The transfer is signed, sent and followed by the
 * treasury's sender run (lib/chain-tx); its receipt settles the refund (record-crypto-refund.ts).
 */
export async function createCryptoRefund({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RefundObject> {
  requirePermission(ctx, "refunds:write");
  const data = parseCryptoRefund(input);
  const chain = await cryptoChain();
  const chainId = chain.clients.chain.id;
  if (data.chainId !== null && data.chainId !== chainId) {
    throw new KassaError("chain_id_mismatch", `crypto.chain_id is ${data.chainId}, but this Kassa sends on chain ${chainId}. Nothing was sent.`, {
      param: "crypto[chain_id]",
    });
  }
  const from = await treasuryAddress(await executor(ctx), ctx);
  const refund = await commit(
    ctx,
    async (tx, changes) => {
      const payment = await loadPayment(tx, ctx, data.payment, { lock: true, param: "payment" });
      if (payment.paymentMethod !== "crypto" || !from) {
        throw new KassaError("parameter_unknown", `Payment ${payment.id} was not paid on chain: refund it without crypto.`, { param: "crypto" });
      }
      if (payment.status !== "succeeded") {
        throw new KassaError("payment_intent_unexpected_state", `This payment's status is ${payment.status}; only a succeeded payment can be refunded.`, {
          param: "payment",
        });
      }
      const scope = and(eq(cryptoDeposits.id, payment.id), eq(cryptoDeposits.merchantId, ctx.merchantId), eq(cryptoDeposits.livemode, ctx.livemode));
      const [deposit] = await tx.select().from(cryptoDeposits).where(scope).for("update");
      const held = deposit!.escrow && deposit!.escrow.status !== "released";
      if (held) {
        throw new KassaError(
          "payment_intent_unexpected_state",
          `Payment ${payment.id} is in escrow on chain (${deposit!.escrow!.status}): it goes back to the payer through the escrow (a dispute the arbiter resolves with refund), or is refundable once released.`,
          { param: "payment" },
        );
      }
      const refundable = deposit!.amount - deposit!.amountRefunded;
      const symbol = TOKENS[deposit!.token].symbol;
      if (refundable <= 0n) throw new KassaError("charge_already_refunded", `Payment ${payment.id} has already been refunded.`, { param: "payment" });
      const amount = data.amount ?? refundable;
      if (amount > refundable) {
        throw new KassaError(
          "amount_too_large",
          `Refund amount (${amount}) is greater than the unrefunded amount on the payment (${refundable} base units of ${symbol}).`,
          { param: "amount" },
        );
      }
      const row = await queueCryptoRefund(tx, ctx, changes, {
        deposit: deposit!,
        to: data.address,
        amount,
        reason: data.reason,
        metadata: data.metadata,
        afterId: deposit!.sweepId,
      });
      await tx
        .update(cryptoDeposits)
        .set({ amountRefunded: sql`${cryptoDeposits.amountRefunded} + ${amount}`, updatedAt: new Date() })
        .where(scope);
      return row;
    },
    { respond: serializeRefund },
  );
  return serializeRefund(refund);
}
