// Billing portal: the API's operations (lib/openapi/operations.ts)
import { CreatePortalSessionInput } from "@/lib/billing-portal/inputs";
import type { OperationEntries } from "../operation-types";

export const billingPortalOperations = {
  "POST /api/v1/billing_portal/sessions": {
    summary: "Create a billing portal session",
    description: "A short-lived customer billing portal link.",
    tag: "Billing portal",
    auth: "secret",
    permission: "billing_portal:write",
    body: CreatePortalSessionInput,
    response: "BillingPortalSession",
    idempotent: true,
  },
} as const satisfies OperationEntries;
