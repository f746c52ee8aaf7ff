import { z } from "zod";
import { DISPUTE_STATUSES } from "@/db/schema";
import { listParams } from "@/lib/service/pagination";

const evidenceText = z.string().min(1).max(20_000);

/** Text evidence, in Stripe's field names (files are not supported). */
export const SubmitEvidenceInput = z.strictObject({
  evidence: z
    .strictObject({
      uncategorized_text: evidenceText.optional(),
      product_description: evidenceText.optional(),
      refund_refusal_explanation: evidenceText.optional(),
      refund_policy_disclosure: evidenceText.optional(),
      cancellation_rebuttal: evidenceText.optional(),
      access_activity_log: evidenceText.optional(),
    })
    .refine((e) => Object.keys(e).length > 0, "needs at least one field"),
});

export const ListDisputesQuery = z.strictObject({
  ...listParams,
  payment: z.string().min(1).max(255).optional(),
  status: z.enum(DISPUTE_STATUSES).optional(),
});

export const CloseDisputeInput = z.strictObject({ outcome: z.enum(["won", "lost"]) });
