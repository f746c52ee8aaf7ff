// GET /api/health — database and workflow engine reachable: 200, else 503
import { checkHealth } from "@/lib/health/check-health";
import { jsonResponse } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/with-public";

export const dynamic = "force-dynamic";

export const GET = withPublic("/api/health", async () => {
  const health = await checkHealth();
  return jsonResponse(health, health.status === "ok" ? 200 : 503);
});
