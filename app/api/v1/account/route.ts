// GET /api/v1/account — the merchant behind the key; POST /api/v1/account — update it
import { getAccount } from "@/lib/accounts/get-account";
import { UpdateAccountInput, updateAccount } from "@/lib/accounts/update-account";
import { withApiKey } from "@/lib/http/with-api-key";

export const GET = withApiKey({ route: "/api/v1/account" }, ({ ctx }) => getAccount({ ctx }));

export const POST = withApiKey({ route: "/api/v1/account", body: UpdateAccountInput }, ({ ctx, body }) => updateAccount({ ctx, input: body }));
