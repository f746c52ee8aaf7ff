import { eq } from "drizzle-orm";
import { disputes, type DisputeRow, type DisputeStatus } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { loadPayment } from "@/lib/payments/load-payment";
import { disputeFee } from "./fees";
import { postDisputeOpened } from "./postings";
import { serializeDispute } from "./serialize";

export interface OpenDisputeInput {
  paymentId: string;
  /** Defaults to what the payment received. */
  amount?: bigint;
  reason: string;
  status?: DisputeStatus;
  evidenceDueBy: Date;
  /** Stripe's dp_… (the processor's object); null for the sandbox. */
  processorId?: string | null;
}

/**
 * A cardholder disputed a payment (system actor: Stripe's webhook, or the sandbox). One dispute per
 * processor object (and, on the sandbox, one per payment, open or closed, as a card network allows
 * one per charge): opening it again returns it, and never withdraws the money twice.
 * The ledger entry withdraws the amount and the dispute fee in the same transaction as the dispute,
 * its audit row and the `dispute.created` event.
 */
export async function openDispute({ ctx, input }: { ctx: ServiceContext; input: OpenDisputeInput }): Promise<DisputeRow> {
  return commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, input.paymentId, { lock: true, param: "payment" });
    const [existing] = await tx
      .select()
      .from(disputes)
      .where(input.processorId ? eq(disputes.processorId, input.processorId) : eq(disputes.paymentId, payment.id));
    if (existing) return existing;
    if (payment.amountReceived <= 0n) throw new KassaError("payment_intent_unexpected_state", `Payment ${payment.id} received nothing to dispute.`);
    const amount = input.amount ?? payment.amountReceived;
    const [dispute] = await tx
      .insert(disputes)
      .values({
        id: newId("dispute"),
        merchantId: payment.merchantId,
        livemode: payment.livemode,
        paymentId: payment.id,
        amount,
        currency: payment.currency,
        fee: disputeFee(payment.currency),
        status: input.status ?? "needs_response",
        reason: input.reason,
        evidenceDueBy: input.evidenceDueBy,
        connector: payment.connector,
        processorId: input.processorId ?? null,
      })
      .returning();
    await postDisputeOpened(tx, dispute!);
    changes.audit({
      action: "dispute.created",
      targetType: "dispute",
      targetId: dispute!.id,
      metadata: { payment: payment.id, amount: Number(amount), fee: Number(dispute!.fee) },
    });
    changes.event("dispute.created", serializeDispute(dispute!));
    return dispute!;
  });
}
