// Refunds: the API's operations (lib/openapi/operations.ts)
import { CreateRefundBody, ListRefundsQuery } from "@/lib/refunds/inputs";
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
    description:
      "Refund all or part of a payment. A crypto payment's refund is sent on chain from the merchant's treasury: give crypto.address (and the amount as a string of base units); it stays pending until its transaction is mined.",
    tag: "Refunds",
    auth: "secret",
    permission: "refunds:write",
    body: CreateRefundBody,
    response: "Refund",
    errors: [
      "payment_intent_unexpected_state",
      "charge_already_refunded",
      "amount_too_large",
      "amount_too_small",
      "resource_missing",
      "address_invalid",
      "address_checksum_invalid",
      "chain_id_mismatch",
    ],
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
