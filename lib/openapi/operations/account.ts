// Account: the API's operations (lib/openapi/operations.ts)
import { UpdateAccountInput } from "@/lib/accounts/update-account";
import type { OperationEntries } from "../operation-types";

export const accountOperations = {
  "GET /api/v1/account": {
    summary: "Retrieve the account",
    description: "The merchant behind the key.",
    tag: "Account",
    auth: "secret",
    permission: "account:read",
    response: "Account",
    idempotent: false,
  },
  "POST /api/v1/account": {
    summary: "Update the account",
    description: "Update the merchant behind the key.",
    tag: "Account",
    auth: "secret",
    permission: "account:write",
    body: UpdateAccountInput,
    response: "Account",
    idempotent: true,
  },
} as const satisfies OperationEntries;
