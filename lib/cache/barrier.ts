import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { BARRIER_PREFIX, listenerName, listenerPrefix } from "@/db/listener-name";
import { logger } from "@/lib/logger";
import { isTransaction } from "@/lib/service/context";

/**
 * A cache change is "at once on every instance" only if the change's answer waits until every instance has
 * dropped what it held: LISTEN/NOTIFY delivers at commit, but an instance reads its notification a moment later,
 * and a request sent right after the answer could reach it first. So after such a commit the changer sends a
 * barrier down the same channel and waits until every listening connection has acknowledged it. Notifications
 * reach each listener in commit order, so a listener that acknowledged the barrier has already dropped the
 * change's entries (db/client.ts acknowledges by writing the highest barrier it has handled into its
 * connection's application_name, which pg_stat_activity shows to every session at once).
 *
 * Tokens are transaction ids (pg_current_xact_id), assigned in order: a listener that acknowledged a later
 * barrier has handled every notification committed before this one. A listener that started after the change
 * holds nothing from before it. Where nothing listens (PGlite's single process, Neon) no row matches and the
 * barrier returns after one poll.
 */
const DEFAULT_TIMEOUT_MS = 2_000;

export interface BarrierResult {
  /** True when every listener acknowledged; false if some did not within the timeout (they are named in the log). */
  settled: boolean;
  waitedMs: number;
  lagging: string[];
}

/**
 * Waits until every instance listening on `channel` has handled the notifications committed so far. Call it
 * after the commit, before answering. A listener that never answers (an instance frozen or cut off) is waited
 * for `timeoutMs`, then logged; its entries still expire with their TTL.
 */
export async function awaitCacheBarrier(
  db: Executor,
  channel: string,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<BarrierResult> {
  const started = performance.now();
  // Inside an open transaction the barrier would wait for that transaction's commit: its caller must settle later.
  if (isTransaction(db)) return { settled: false, waitedMs: 0, lagging: [] };
  const sent = await db.execute<{ token: string }>(
    sql`select pg_current_xact_id()::text as token, pg_notify(${channel}, ${BARRIER_PREFIX} || pg_current_xact_id()::text)`,
  );
  const token = rowsOf<{ token: string }>(sent)[0]!.token;
  const prefix = listenerPrefix(channel);
  const mark = listenerName(channel, token);
  let pause = 1;
  for (;;) {
    const behind = rowsOf<{ pid: number; name: string }>(
      await db.execute<{ pid: number; name: string }>(
        sql`select pid, application_name as name from pg_stat_activity
            where datname = current_database() and starts_with(application_name, ${prefix}) and application_name < ${mark}`,
      ),
    );
    const waitedMs = performance.now() - started;
    if (behind.length === 0) return { settled: true, waitedMs, lagging: [] };
    if (waitedMs >= timeoutMs) {
      const lagging = behind.map((r) => `pid ${r.pid} (${r.name})`);
      logger.warn(
        { channel, lagging, waitedMs: Math.round(waitedMs) },
        "cache barrier: listeners did not acknowledge in time; their entries expire with the TTL",
      );
      return { settled: false, waitedMs, lagging };
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 20);
  }
}

// All three drivers answer `execute` with { rows }.
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
