// Where an undelivered event got stuck, for the report: its delivery row and tries, whether the engine got
// it, and the workflow runs it (and its delivery hand-off) started.
import type { Client } from "pg";

export async function diagnoseEvent(pg: Client, eventId: string): Promise<string> {
  const parts: string[] = [];
  const outbox = await pg.query<{ published_at: Date | null; created_at: Date }>(`select published_at, created_at from events where id = $1`, [eventId]);
  const o = outbox.rows[0];
  parts.push(o ? `outbox ${o.created_at.toISOString().slice(11, 23)} published ${o.published_at?.toISOString().slice(11, 23) ?? "never"}` : "no outbox row");
  // The engine keeps the sender's id (the outbox id) as external_id; runs name the engine's own event id.
  const engine = await pg.query<{ id: string; received_at: Date }>(`select id, received_at from inngest_local.inngest_events where external_id = $1`, [
    eventId,
  ]);
  parts.push(`engine got it ${engine.rows.map((e) => e.received_at.toISOString().slice(11, 23)).join(", ") || "never"}`);
  const runs = await pg.query<{ function_id: string; status: string; error: { message?: string } | null }>(
    `select function_id, status, error from inngest_local.inngest_runs where event_ids ?| $1::text[]`,
    [engine.rows.map((e) => e.id)],
  );
  parts.push(
    `runs [${runs.rows.map((r) => `${r.function_id.split("-").slice(-3).join("-")}: ${r.status}${r.error?.message ? ` (${r.error.message.slice(0, 80)})` : ""}`).join("; ")}]`,
  );
  const deliveries = await pg.query<{ id: string; status: string; attempt_count: number; last_status_code: number | null; last_error: string | null }>(
    `select id, status, attempt_count, last_status_code, last_error from webhook_deliveries where event_id = $1`,
    [eventId],
  );
  for (const d of deliveries.rows) {
    const handoff = await pg.query<{ id: string; published_at: Date | null }>(
      `select id, published_at from events where type = 'webhooks/delivery.requested' and data->'object'->>'deliveryId' = $1`,
      [d.id],
    );
    const handoffRuns = handoff.rows.length
      ? await pg.query<{ status: string; pending: string[] }>(
          `select r.status, r.pending from inngest_local.inngest_runs r join inngest_local.inngest_events e on r.event_ids ? e.id where e.external_id = $1`,
          [handoff.rows[0]!.id],
        )
      : { rows: [] };
    parts.push(
      `delivery ${d.id} ${d.status} after ${d.attempt_count} tries (last ${d.last_status_code ?? d.last_error ?? "-"}); hand-off ${handoff.rows.length ? (handoff.rows[0]!.published_at ? "published" : "unpublished") : "missing"}, ` +
        `runs [${handoffRuns.rows.map((r) => `${r.status} pending ${r.pending.length}`).join("; ")}]`,
    );
  }
  if (deliveries.rows.length === 0) parts.push("no delivery row (fan-out never ran for it)");
  return parts.join("; ");
}
