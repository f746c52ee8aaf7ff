// GET / POST / DELETE /api/v1/bank_accounts/:id — read (masked), make default or rename the holder, remove
import { deleteBankAccount } from "@/lib/bank-accounts/delete-bank-account";
import { getBankAccount } from "@/lib/bank-accounts/get-bank-account";
import { updateBankAccount } from "@/lib/bank-accounts/update-bank-account";
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";

export const GET = withApiKey(operation("GET /api/v1/bank_accounts/:id"), ({ ctx, params }) => getBankAccount({ ctx, id: String(params.id) }));

export const POST = withApiKey(operation("POST /api/v1/bank_accounts/:id"), ({ ctx, body, params }) =>
  updateBankAccount({ ctx, id: String(params.id), input: body }),
);

export const DELETE = withApiKey(operation("DELETE /api/v1/bank_accounts/:id"), ({ ctx, params }) => deleteBankAccount({ ctx, id: String(params.id) }));
