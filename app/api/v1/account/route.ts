// GET /api/v1/account — the merchant behind the key; POST /api/v1/account — update it
import { getAccount } from "@/lib/accounts/get-account";
import { updateAccount } from "@/lib/accounts/update-account";
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";

export const GET = withApiKey(operation("GET /api/v1/account"), ({ ctx }) => getAccount({ ctx }));

export const POST = withApiKey(operation("POST /api/v1/account"), ({ ctx, body }) => updateAccount({ ctx, input: body }));
