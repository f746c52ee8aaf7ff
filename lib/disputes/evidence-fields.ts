import type { DisputeEvidence } from "@/db/schema";

/** The text evidence the API takes (SubmitEvidenceInput), with words for the dashboard's form. */
export const EVIDENCE_FIELDS: readonly { name: keyof DisputeEvidence; label: string; hint: string }[] = [
  { name: "product_description", label: "Product or service", hint: "What the customer bought, and when it was delivered or used." },
  { name: "uncategorized_text", label: "Your response", hint: "Why the payment is valid: receipts, delivery proof, conversations." },
  { name: "access_activity_log", label: "Access or activity log", hint: "For digital goods: when and from where the customer used them." },
  { name: "cancellation_rebuttal", label: "Cancellation rebuttal", hint: "Why the customer was not owed a cancellation." },
  { name: "refund_policy_disclosure", label: "Refund policy disclosure", hint: "How the customer saw your refund policy before paying." },
  { name: "refund_refusal_explanation", label: "Refund refusal explanation", hint: "Why the customer was not entitled to a refund." },
];
