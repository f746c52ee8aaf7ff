// POST /api/v1/bank_accounts — add a payout bank account (IBAN, or account + routing number); GET — list them (masked)
import { createBankAccount } from "@/lib/bank-accounts/create-bank-account";
import { CreateBankAccountInput, ListBankAccountsQuery } from "@/lib/bank-accounts/inputs";
import { listBankAccounts } from "@/lib/bank-accounts/list-bank-accounts";
import { withApiKey } from "@/lib/http/with-api-key";

const route = "/api/v1/bank_accounts";

export const POST = withApiKey({ route, body: CreateBankAccountInput }, ({ ctx, body }) => createBankAccount({ ctx, input: body }));

export const GET = withApiKey({ route, query: ListBankAccountsQuery }, ({ ctx, query, url }) => listBankAccounts({ ctx, input: query, url: url.pathname }));
