import type { Executor } from "@/db/client";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";

/**
 * Seeds one outbox event through the one write path, as a verb would declare it; inside `db`'s
 * transaction when `db` is one. Returns the event id.
 */
export async function emitEvent(
  db: Executor,
  ctx: ServiceContext,
  type: string,
  object: Record<string, unknown>,
  previousAttributes?: Record<string, unknown>,
): Promise<string> {
  return commit({ ...ctx, db }, async (_tx, changes) => changes.event(type, object, previousAttributes));
}
