// Refunds: the API's operations (lib/openapi/operations.ts)
import { CreateRefundInput, ListRefundsQuery } from "@/lib/refunds/inputs";
import type { OperationEntries } from "../operation-types";

export const refundsOperations = {
  "GET /api/v1/refunds/:id": {
    summary: "Get a refund",
    description: "One refund.",
    tag: "Refunds",
    auth: "secret",
    permission: "payments:read",
    response: "Refund",
    idempotent: false,
  },
  "POST /api/v1/refunds": {
    summary: "Create a refund",
    description: "Refund all or part of a payment.",
    tag: "Refunds",
    auth: "secret",
    permission: "refunds:write",
    body: CreateRefundInput,
    response: "Refund",
    errors: ["payment_intent_unexpected_state", "charge_already_refunded", "amount_too_large", "amount_too_small", "resource_missing"],
    idempotent: true,
  },
  "GET /api/v1/refunds": {
    summary: "List refunds",
    description: "List refunds.",
    tag: "Refunds",
    auth: "secret",
    permission: "payments:read",
    query: ListRefundsQuery,
    response: { list: "Refund" },
    idempotent: false,
  },
} as const satisfies OperationEntries;
