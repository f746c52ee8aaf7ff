import type { DisputeRow } from "@/db/schema";
import type { z } from "zod";
import type { DisputeObject as DisputeSchema } from "./dispute-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** The API's `dispute` object (Stripe's shape for the fields Kassa keeps). */
export function serializeDispute(d: DisputeRow) {
  return {
    id: d.id,
    object: "dispute" as const,
    amount: Number(d.amount),
    currency: d.currency,
    fee: Number(d.fee),
    payment: d.paymentId,
    status: d.status,
    reason: d.reason,
    evidence: d.evidence,
    evidence_details: {
      due_by: unix(d.evidenceDueBy),
      has_evidence: Object.keys(d.evidence).length > 0,
      past_due: Date.now() > d.evidenceDueBy.getTime(),
      submission_count: d.evidenceSubmittedAt ? 1 : 0,
    },
    livemode: d.livemode,
    created: unix(d.createdAt),
  } satisfies z.input<typeof DisputeSchema>;
}
export type DisputeObject = ReturnType<typeof serializeDispute>;
