// POST /api/v1/test_helpers/disputes/:id/close — test mode, sandbox: decide a dispute { outcome: won | lost }
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { closeSandboxDispute } from "@/lib/disputes/close-sandbox-dispute";

export const POST = withApiKey(operation("POST /api/v1/test_helpers/disputes/:id/close"), ({ ctx, body, params }) =>
  closeSandboxDispute({ ctx, id: String(params.id), input: body }),
);
