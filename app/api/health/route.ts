// GET /api/health — database and workflow engine reachable: 200, else 503
import { checkHealth } from "@/lib/health/check-health";
import { jsonResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return jsonResponse(health, health.status === "ok" ? 200 : 503);
}
