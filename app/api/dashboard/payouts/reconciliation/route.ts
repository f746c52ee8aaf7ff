// GET /api/dashboard/payouts/reconciliation?payout=po_… — a payout's settled balance transactions as CSV
import { z } from "zod";
import { withSession } from "@/lib/http/with-session";
import { payoutReconciliationCsv } from "@/lib/payouts/reconciliation-csv";

const Query = z.strictObject({ payout: z.string().min(1).max(255) });

export const GET = withSession({ route: "/api/dashboard/payouts/reconciliation", query: Query }, async ({ ctx, query }) => {
  return new Response(await payoutReconciliationCsv({ ctx, id: query.payout }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${query.payout.replace(/[^\w]/g, "")}-reconciliation.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
