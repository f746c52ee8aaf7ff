// POST /api/v1/upi/vpa/validate — whether a VPA is a UPI account, with its holder's name from the PSP
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { validateVpa } from "@/lib/upi/validate-vpa";

export const POST = withApiKey(operation("POST /api/v1/upi/vpa/validate"), ({ ctx, body }) => validateVpa({ ctx, input: body }));
