// GET / POST / DELETE /api/v1/bank_accounts/:id — read (masked), make default or rename the holder, remove
import { deleteBankAccount } from "@/lib/bank-accounts/delete-bank-account";
import { getBankAccount } from "@/lib/bank-accounts/get-bank-account";
import { UpdateBankAccountInput } from "@/lib/bank-accounts/inputs";
import { updateBankAccount } from "@/lib/bank-accounts/update-bank-account";
import { withApiKey } from "@/lib/http/with-api-key";

const route = "/api/v1/bank_accounts/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getBankAccount({ ctx, id: String(params.id) }));

export const POST = withApiKey({ route, body: UpdateBankAccountInput }, ({ ctx, body, params }) =>
  updateBankAccount({ ctx, id: String(params.id), input: body }),
);

export const DELETE = withApiKey({ route }, ({ ctx, params }) => deleteBankAccount({ ctx, id: String(params.id) }));
