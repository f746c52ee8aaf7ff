// GET /api/v1/alerts — the mode's open alerts (at most one per kind)
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";

export const GET = withApiKey(operation("GET /api/v1/alerts"), async ({ ctx }) => ({
  object: "list" as const,
  url: "/api/v1/alerts",
  has_more: false,
  data: await listOpenAlerts({ ctx }),
}));
