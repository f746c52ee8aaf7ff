// Disputes: the API's operations (lib/openapi/operations.ts)
import { ListDisputesQuery, SubmitEvidenceInput } from "@/lib/disputes/inputs";
import type { OperationEntries } from "../operation-types";

export const disputesOperations = {
  "POST /api/v1/disputes/:id/evidence": {
    summary: "Submit evidence for a dispute",
    description: "Answer a dispute with text evidence (submitted for review).",
    tag: "Disputes",
    auth: "secret",
    permission: "disputes:write",
    body: SubmitEvidenceInput,
    response: "Dispute",
    errors: ["dispute_unexpected_state", "dispute_evidence_past_due"],
    idempotent: true,
  },
  "GET /api/v1/disputes/:id": {
    summary: "Get a dispute",
    description: "One dispute.",
    tag: "Disputes",
    auth: "secret",
    permission: "disputes:read",
    response: "Dispute",
    idempotent: false,
  },
  "GET /api/v1/disputes": {
    summary: "List disputes",
    description: "The merchant's disputes, newest first.",
    tag: "Disputes",
    auth: "secret",
    permission: "disputes:read",
    query: ListDisputesQuery,
    response: { list: "Dispute" },
    idempotent: false,
  },
} as const satisfies OperationEntries;
