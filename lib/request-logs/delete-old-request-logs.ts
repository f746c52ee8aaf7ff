import { inArray, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { requestLogs } from "@/db/schema/request-logs";

export const REQUEST_LOG_RETENTION_DAYS = 30;

/**
 * Deletes one batch of request logs older than the retention period (across merchants: a system job) and
 * returns how many went; the retention workflow calls it until a batch comes back short.
 */
export async function deleteOldRequestLogs({ db, now = new Date(), batch = 5000 }: { db: Executor; now?: Date; batch?: number }): Promise<number> {
  const cutoff = new Date(now.getTime() - REQUEST_LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const old = db.select({ id: requestLogs.id }).from(requestLogs).where(lt(requestLogs.createdAt, cutoff)).limit(batch);
  const deleted = await db.delete(requestLogs).where(inArray(requestLogs.id, old)).returning({ id: requestLogs.id });
  return deleted.length;
}
