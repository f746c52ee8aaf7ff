import { lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { connectorHealthMinutes, type NewConnectorHealthMinute } from "@/db/schema/connector-health";
import type { DirtyMinute } from "./health-window";

/**
 * Writes one instance's changed minutes in one statement. Each row holds the instance's running totals
 * for that minute, so the upsert overwrites: writing a minute twice (a retry, the next flush) is harmless.
 */
export async function writeHealthMinutes(db: Executor, minutes: DirtyMinute[], instanceId: string): Promise<void> {
  if (minutes.length === 0) return;
  const rows: NewConnectorHealthMinute[] = minutes.map(({ key, minute, counts }) => ({
    connector: key.connector,
    livemode: key.livemode,
    minute: new Date(minute),
    instanceId,
    ...counts,
  }));
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await db
    .insert(connectorHealthMinutes)
    .values(rows)
    .onConflictDoUpdate({
      target: [connectorHealthMinutes.connector, connectorHealthMinutes.livemode, connectorHealthMinutes.minute, connectorHealthMinutes.instanceId],
      set: {
        successes: excluded("successes"),
        declines: excluded("declines"),
        transientFailures: excluded("transient_failures"),
        unknownOutcomes: excluded("unknown_outcomes"),
        latencySumMs: excluded("latency_sum_ms"),
        latencyMaxMs: excluded("latency_max_ms"),
        latencyHistogram: excluded("latency_histogram"),
        updatedAt: sql`now()`,
      },
    });
}

/** Deletes health minutes before `before`; returns how many went. */
export async function deleteOldHealthMinutes(db: Executor, before: Date): Promise<number> {
  const gone = await db.delete(connectorHealthMinutes).where(lt(connectorHealthMinutes.minute, before)).returning({ minute: connectorHealthMinutes.minute });
  return gone.length;
}
