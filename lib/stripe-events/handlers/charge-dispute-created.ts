// charge.dispute.created — a cardholder disputed a payment: open Kassa's dispute (ledger debit with the fee).
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { CLOSED_DISPUTE_STATUSES, DISPUTE_STATUSES, disputes, type DisputeStatus } from "@/db/schema";
import { openDispute } from "@/lib/disputes/open-dispute";
import { paymentOfIntent, stripeCtx, type StripeEventHandler } from "../context";

export const handleDisputeCreated: StripeEventHandler = (object) => openFromStripe(object as unknown as Stripe.Dispute);

/** Kassa's dispute for Stripe's (once, by its dp_ id). `asOpen`: record it as still open (closed overtook created). */
export async function openFromStripe(dispute: Stripe.Dispute, opts: { asOpen?: boolean } = {}) {
  const piId = typeof dispute.payment_intent === "string" ? dispute.payment_intent : dispute.payment_intent?.id;
  if (!piId) return "unknown_object";
  const payment = await paymentOfIntent({ id: piId });
  if (!payment) return "unknown_object";
  const [existing] = await (await getDb()).select({ id: disputes.id }).from(disputes).where(eq(disputes.processorId, dispute.id));
  if (existing) return "no_change" as const;
  const known = (DISPUTE_STATUSES as readonly string[]).includes(dispute.status) ? (dispute.status as DisputeStatus) : "needs_response";
  const status = opts.asOpen && CLOSED_DISPUTE_STATUSES.includes(known) ? "needs_response" : known;
  await openDispute({
    ctx: stripeCtx(payment),
    input: {
      paymentId: payment.id,
      amount: BigInt(dispute.amount),
      reason: dispute.reason,
      status,
      evidenceDueBy: new Date((dispute.evidence_details?.due_by ?? Math.floor(Date.now() / 1000)) * 1000),
      processorId: dispute.id,
    },
  });
  return "applied" as const;
}
