// GET /api/metrics — Prometheus text: request counts and latency by route and status
import { metrics } from "@/lib/metrics";
import { withCron } from "@/lib/http/with-cron";

export const dynamic = "force-dynamic";

export const GET = withCron({ route: "/api/metrics", secretEnv: "METRICS_TOKEN" }, async () => {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
});
