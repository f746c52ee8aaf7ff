import { lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fraudCounters, fraudLinks } from "@/db/schema";

/** Velocities look back 24 hours: buckets and links older than 25 hours are never read again. */
export const FRAUD_WINDOW_KEEP_MS = 25 * 3_600_000;

/** Daily (with the idempotency-key reaper): deletes counter buckets and links no feature can read. */
export async function reapFraudCounters(db: Executor, now = Date.now()): Promise<{ counters: number; links: number }> {
  const before = new Date(now - FRAUD_WINDOW_KEEP_MS);
  const counters = await db.delete(fraudCounters).where(lt(fraudCounters.bucket, before)).returning({ key: fraudCounters.key });
  const links = await db.delete(fraudLinks).where(lt(fraudLinks.lastSeen, before)).returning({ a: fraudLinks.a });
  return { counters: counters.length, links: links.length };
}
