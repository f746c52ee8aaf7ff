// GET /api/dashboard/payments — the dashboard's filtered payments list (keyset pages)
import { withSession } from "@/lib/http/with-session";
import { searchPayments } from "@/lib/payments/search-payments";

export const GET = withSession({ route: "/api/dashboard/payments" }, ({ ctx, url }) => searchPayments({ ctx, input: Object.fromEntries(url.searchParams) }));
