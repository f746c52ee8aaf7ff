// GET /api/dashboard/overview — the overview's figures for a range of UTC days (from the rollups)
import { withSession } from "@/lib/http/with-session";
import { getOverview } from "@/lib/overview/get-overview";

export const GET = withSession({ route: "/api/dashboard/overview" }, ({ ctx, url }) => getOverview({ ctx, input: Object.fromEntries(url.searchParams) }));
