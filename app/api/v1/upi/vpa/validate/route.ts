// POST /api/v1/upi/vpa/validate — whether a VPA is a UPI account, with its holder's name from the PSP
import { withApiKey } from "@/lib/http/with-api-key";
import { validateVpa, ValidateVpaInput } from "@/lib/upi/validate-vpa";

export const POST = withApiKey({ route: "/api/v1/upi/vpa/validate", body: ValidateVpaInput }, ({ ctx, body }) => validateVpa({ ctx, input: body }));
