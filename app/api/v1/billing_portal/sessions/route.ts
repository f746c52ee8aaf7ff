// POST /api/v1/billing_portal/sessions — a short-lived customer billing portal link
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createPortalSession } from "@/lib/billing-portal/create-portal-session";

export const POST = withApiKey(operation("POST /api/v1/billing_portal/sessions"), ({ ctx, body }) => createPortalSession({ ctx, input: body }));
