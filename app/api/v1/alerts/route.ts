// GET /api/v1/alerts — the mode's open alerts (at most one per kind)
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";
import { withApiKey } from "@/lib/http/with-api-key";

export const GET = withApiKey({ route: "/api/v1/alerts" }, async ({ ctx }) => ({
  object: "list" as const,
  url: "/api/v1/alerts",
  has_more: false,
  data: await listOpenAlerts({ ctx }),
}));
