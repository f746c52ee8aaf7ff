import { and, eq } from "drizzle-orm";
import { refunds } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { recoveryOf } from "@/lib/service/recovery";
import { KassaError } from "@/lib/service/errors";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { reserveRefund } from "@/lib/refunds/create-refund";
import { sendRefund } from "@/lib/refunds/send-refund";
import { resolveCryptoEscrow } from "@/lib/crypto-payments/resolve-crypto-escrow";
import { ResolveEscrowDisputeInput } from "./inputs";
import { releaseIn } from "./release-in";
import { saveEscrow } from "./postings";

const POINT = "escrow_refund_reserved";

/**
 * POST /api/v1/payments/:id/escrow_dispute/resolve { resolution } — decides a disputed escrow (escrow:dispute).
 * `release`: to the merchant's available balance now. `refund`: what is still unrefunded goes back to the
 * buyer through the ordinary refund path — phase A reserves the refund with the resolution and a recovery
 * point, the processor is called with the refund id as its key, and the refund's booking takes it out of
 * escrow; the escrow is `refunded` once nothing is left in it. A retry with the same Idempotency-Key after a
 * crash resumes that refund, never a second one.
 */
export async function resolveEscrowDispute({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<PaymentObject> {
  requirePermission(ctx, "escrow:dispute");
  const data = parseWith(ResolveEscrowDisputeInput, input ?? {});
  const resumed = recoveryOf<{ refundId: string }>(ctx, POINT);
  if (resumed?.refundId) return finishRefund(ctx, id, resumed.refundId, true);
  // A crypto payment's escrow is in a contract on chain: Kassa's arbiter signs the ruling there.
  if ((await loadPayment(await executor(ctx), ctx, id)).paymentMethod === "crypto") return resolveCryptoEscrow({ ctx, id, resolution: data.resolution });

  const refundId = await commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, id, { lock: true });
    const escrow = payment.escrow;
    if (!escrow) throw new KassaError("payment_not_escrowed", `Payment ${payment.id} was not created with escrow.`);
    if (escrow.status === "released") throw new KassaError("escrow_already_released", `Payment ${payment.id}'s escrow was already released to the merchant.`);
    if (escrow.status !== "disputed") throw new KassaError("escrow_not_disputed", `Payment ${payment.id}'s escrow is ${escrow.status}, not disputed.`);
    const now = new Date();
    if (data.resolution === "release") {
      await releaseIn(tx, changes, payment, now, "dispute_resolved", "release");
      changes.respond(200, serializePayment(payment));
      return null;
    }
    const refund = await reserveRefund(tx, ctx, changes, { payment: payment.id, reason: "requested_by_customer", metadata: { escrow_dispute: "refund" } });
    await saveEscrow(tx, payment, { ...escrow, dispute: { ...escrow.dispute!, resolution: "refund", resolvedAt: now.toISOString() } });
    changes.audit({ action: "escrow.dispute_resolved", targetType: "payment", targetId: payment.id, metadata: { resolution: "refund", refund: refund.id } });
    changes.recoveryPoint(POINT, { refundId: refund.id });
    return refund.id;
  });
  if (!refundId) return serializePayment(await loadPayment(await executor(ctx), ctx, id));
  return finishRefund(ctx, id, refundId, false);
}

/** Sends the reserved refund (again, after a crash: the processor answers with the refund it made, if any) and answers with the payment. */
async function finishRefund(ctx: ServiceContext, id: string, refundId: string, retrieveFirst: boolean): Promise<PaymentObject> {
  const db = await executor(ctx);
  const [refund] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, refundId), eq(refunds.merchantId, ctx.merchantId), eq(refunds.livemode, ctx.livemode)));
  if (!refund) throw new KassaError("api_error", `refund ${refundId} recorded for this request is missing`);
  await sendRefund({ ...ctx, idempotency: undefined }, refund, { retrieveFirst });
  const payment = serializePayment(await loadPayment(db, ctx, id));
  await commit(ctx, async (_tx, changes) => changes.respond(200, payment));
  return payment;
}
