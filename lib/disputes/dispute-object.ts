// The API's `dispute` (lib/disputes/serialize.ts types its answer by this schema).
import { DISPUTE_STATUSES } from "@/db/schema/disputes";
import { currency, idOf, livemode, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

const text = (description: string) => z.string().optional().openapi({ description });

export const DisputeEvidenceObject = z
  .strictObject({
    uncategorized_text: text("Anything else the merchant wants the issuer to read."),
    product_description: text("What was sold."),
    refund_refusal_explanation: text("Why the merchant did not refund."),
    refund_policy_disclosure: text("How the refund policy was shown to the customer."),
    cancellation_rebuttal: text("Why the customer's cancellation claim does not hold."),
    access_activity_log: text("The customer's use of the product or service."),
  })
  .openapi("DisputeEvidence", { description: "The merchant's evidence, as submitted." });

export const DisputeObject = z
  .strictObject({
    id: idOf("dispute"),
    object: z.literal("dispute"),
    amount: minorUnits("The disputed amount, withdrawn from the balance."),
    currency: currency(),
    fee: minorUnits("The dispute fee (not returned when the dispute is won)."),
    payment: idOf("payment"),
    status: z.enum(DISPUTE_STATUSES),
    reason: z.string().openapi({ description: "The cardholder's reason (fraudulent, product_not_received…)." }),
    evidence: DisputeEvidenceObject,
    evidence_details: z.strictObject({
      due_by: unixTime("Evidence is due by"),
      has_evidence: z.boolean(),
      past_due: z.boolean(),
      submission_count: z.int(),
    }),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("Dispute", { description: "A cardholder's dispute of a payment." });
