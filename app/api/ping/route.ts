// GET /api/ping — liveness: the process answers (no database, no engine; /api/health checks those)
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
