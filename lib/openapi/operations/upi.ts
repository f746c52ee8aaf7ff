// UPI: the API's operations (lib/openapi/operations.ts)
import { ValidateVpaInput } from "@/lib/upi/validate-vpa";
import type { OperationEntries } from "../operation-types";

export const upiOperations = {
  "POST /api/v1/upi/vpa/validate": {
    summary: "Validate a UPI VPA",
    description: "Whether a VPA is a UPI account, with its holder's name from the PSP.",
    tag: "UPI",
    auth: "secret",
    permission: "payments:write",
    body: ValidateVpaInput,
    response: "UpiVpa",
    errors: ["processor_unavailable", "vpa_invalid", "vpa_blocked"],
    idempotent: true,
  },
} as const satisfies OperationEntries;
