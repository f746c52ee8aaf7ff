// Test helpers: the API's operations (lib/openapi/operations.ts)
import { CloseDisputeInput } from "@/lib/disputes/inputs";
import type { OperationEntries } from "../operation-types";

export const testHelpersOperations = {
  "POST /api/v1/test_helpers/disputes/:id/close": {
    summary: "Close a test dispute (won or lost)",
    description: "Test mode, sandbox: decide a dispute { outcome: won | lost }.",
    tag: "Test helpers",
    auth: "secret",
    permission: "disputes:write",
    body: CloseDisputeInput,
    response: "Dispute",
    errors: ["dispute_unexpected_state"],
    idempotent: true,
  },
  "POST /api/v1/test_helpers/subscriptions/:id/end_period": {
    summary: "End a test subscription's period now",
    description: "Test mode: end the current period now, so it renews at once.",
    tag: "Test helpers",
    auth: "secret",
    permission: "subscriptions:write",
    response: "Subscription",
    idempotent: true,
  },
} as const satisfies OperationEntries;
