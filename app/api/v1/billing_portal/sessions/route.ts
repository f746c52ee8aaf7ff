// POST /api/v1/billing_portal/sessions — a short-lived customer billing portal link
import { withApiKey } from "@/lib/http/with-api-key";
import { createPortalSession } from "@/lib/billing-portal/create-portal-session";
import { CreatePortalSessionInput } from "@/lib/billing-portal/inputs";

export const POST = withApiKey({ route: "/api/v1/billing_portal/sessions", body: CreatePortalSessionInput }, ({ ctx, body }) =>
  createPortalSession({ ctx, input: body }),
);
