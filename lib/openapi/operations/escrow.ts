// Escrow: the API's operations (lib/openapi/operations.ts)
import { OpenEscrowDisputeInput, ResolveEscrowDisputeInput } from "@/lib/escrow/inputs";
import { ReleaseEscrowInput } from "@/lib/escrow/release-escrow";
import type { OperationEntries } from "../operation-types";

export const escrowOperations = {
  "POST /api/v1/payments/:id/escrow_dispute/resolve": {
    summary: "Resolve an escrow dispute",
    description: "Decide a disputed escrow: refund the buyer or release to the merchant.",
    tag: "Escrow",
    auth: "secret",
    permission: "escrow:dispute",
    body: ResolveEscrowDisputeInput,
    response: "Payment",
    errors: ["payment_not_escrowed", "escrow_already_released", "escrow_not_disputed"],
    idempotent: true,
  },
  "POST /api/v1/payments/:id/escrow_dispute": {
    summary: "Open an escrow dispute",
    description: "Dispute a held escrow inside its window (blocks the timed release).",
    tag: "Escrow",
    auth: "secret",
    permission: "escrow:dispute",
    body: OpenEscrowDisputeInput,
    response: "Payment",
    errors: ["escrow_dispute_window_closed"],
    idempotent: true,
  },
  "POST /api/v1/payments/:id/release": {
    summary: "Release a payment's escrow early",
    description: "Release an escrowed payment's held funds to the merchant early.",
    tag: "Escrow",
    auth: "secret",
    permission: "payments:write",
    body: ReleaseEscrowInput,
    response: "Payment",
    idempotent: true,
  },
} as const satisfies OperationEntries;
