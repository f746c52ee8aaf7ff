// POST /api/v1/test_helpers/disputes/:id/close — test mode, sandbox: decide a dispute { outcome: won | lost }
import { withApiKey } from "@/lib/http/with-api-key";
import { CloseDisputeInput } from "@/lib/disputes/inputs";
import { closeSandboxDispute } from "@/lib/disputes/close-sandbox-dispute";

export const POST = withApiKey({ route: "/api/v1/test_helpers/disputes/:id/close", body: CloseDisputeInput }, ({ ctx, body, params }) =>
  closeSandboxDispute({ ctx, id: String(params.id), input: body }),
);
