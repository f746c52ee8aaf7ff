// POST /api/v1/bank_accounts — add a payout bank account (IBAN, or account + routing number); GET — list them (masked)
import { createBankAccount } from "@/lib/bank-accounts/create-bank-account";
import { listBankAccounts } from "@/lib/bank-accounts/list-bank-accounts";
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";

export const POST = withApiKey(operation("POST /api/v1/bank_accounts"), ({ ctx, body }) => createBankAccount({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/bank_accounts"), ({ ctx, query, url }) => listBankAccounts({ ctx, input: query, url: url.pathname }));
