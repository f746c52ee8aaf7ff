// GET /api/bench-floor/:id — a floor for `npm run bench:floor`, built only into its own build (next.config.ts:
// KASSA_BENCH_FLOOR adds the `floor.ts` extension); `next build` leaves it out, so no deployment has it.
// Without `?db=1`: a dynamic route's fixed JSON payment. With it: the payment's row by one prepared SELECT on the
// pool, unauthenticated, unserialised: what any GET of a row costs on this stack before Kassa's own work.
import type { Pool } from "pg";
import { getDb } from "@/db/client";
import { floorPayment } from "../floor-payment";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (new URL(req.url).searchParams.get("db") !== "1") return Response.json(floorPayment);
  const { rows } = await ((await getDb()) as unknown as { $client: Pool }).$client.query({
    name: "bench_floor_get",
    text: "select * from payments where id = $1",
    values: [id],
  });
  return new Response(
    JSON.stringify(rows[0] ?? null, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value)),
    {
      headers: { "Content-Type": "application/json" },
    },
  );
}
