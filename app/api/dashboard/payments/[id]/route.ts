// GET /api/dashboard/payments/:id — one payment with its timeline, refunds and ledger lines (React Query)
import { withSession } from "@/lib/http/with-session";
import { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";

export const GET = withSession({ route: "/api/dashboard/payments/:id" }, ({ ctx, url }) =>
  getPaymentTimeline({ ctx, id: decodeURIComponent(url.pathname.split("/").at(-1)!) }),
);
