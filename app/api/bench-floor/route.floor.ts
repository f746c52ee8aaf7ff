// POST /api/bench-floor — a floor for `npm run bench:floor`, built only into its own build (see [id]/route.floor.ts).
// Reads a JSON body and answers a small JSON object. `?db=1`: one prepared INSERT of a row; `?db=3`: a SELECT, the
// INSERT and an UPDATE of that row, three round trips as a confirm's fraud read, phase A and phase B are, each
// autocommitted, with no ledger, events, audit, fraud or idempotency rows. The table is the bench's (bench_floor).
import type { Pool } from "pg";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const body = (await req.json()) as { amount: number };
  const id = `floor_${crypto.randomUUID()}`;
  const trips = Number(new URL(req.url).searchParams.get("db") ?? 0);
  if (trips > 0) {
    const pool = ((await getDb()) as unknown as { $client: Pool }).$client;
    if (trips === 3) await pool.query({ name: "bench_floor_read", text: "select count(*) from bench_floor where id = $1", values: [id] });
    await pool.query({ name: "bench_floor_insert", text: "insert into bench_floor (id, amount, data) values ($1, $2, $3)", values: [id, body.amount, body] });
    if (trips === 3) {
      await pool.query({ name: "bench_floor_update", text: "update bench_floor set data = $2 where id = $1", values: [id, { ...body, status: "succeeded" }] });
    }
  }
  return Response.json({ id, object: "floor", amount: body.amount, status: "succeeded", created: Math.floor(Date.now() / 1000) });
}
