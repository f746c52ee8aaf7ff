// GET /api/dashboard/payments/export — every payment matching the filters as CSV, streamed
import { withSession } from "@/lib/http/with-session";
import { countPayments } from "@/lib/payments/search-payments";
import { exportPaymentsCsv } from "@/lib/payments/export-payments-csv";

export const GET = withSession({ route: "/api/dashboard/payments/export" }, async ({ ctx, url }) => {
  const input = Object.fromEntries(url.searchParams);
  const [total, body] = await Promise.all([countPayments({ ctx, input }), exportPaymentsCsv({ ctx, input })]);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="payments-${ctx.livemode ? "live" : "test"}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
      // The row count up front, so the page can show progress while the rows stream in.
      "Kassa-Row-Count": String(total),
    },
  });
});
