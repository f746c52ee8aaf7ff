import { lt, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { serverInstances } from "@/db/schema";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";

/** How often a running server says it is alive. */
export const HEARTBEAT_EVERY_MS = 1000;
/** A server silent this long is dead: the locks its requests held are free (see lib/service/idempotency.ts). */
export const INSTANCE_DEAD_AFTER_MS = 3000;
/** Rows of instances silent this long are deleted (longer than any idempotency key lives). */
const FORGET_AFTER_MS = 48 * 60 * 60 * 1000;

// Kept on globalThis: Next bundles route handlers and instrumentation separately, and both must
// agree on which process this is.
const KEY = Symbol.for("kassa.serverInstance");
type Slot = { id: string; timer?: NodeJS.Timeout };
type GlobalWithInstance = typeof globalThis & { [KEY]?: Slot };

function slot(): Slot {
  const g = globalThis as GlobalWithInstance;
  g[KEY] ??= { id: newId("serverInstance") };
  return g[KEY];
}

/** This process's instance id: what its requests write as the holder of an idempotency lock. */
export function currentInstanceId(): string {
  return slot().id;
}

/**
 * Registers this process and beats every second with the database's clock. A process that never
 * beats (a script, a test) is not registered: its locks fall back to the lock timeout.
 */
export async function startHeartbeat(db: Executor): Promise<void> {
  const s = slot();
  if (s.timer) return;
  await db.insert(serverInstances).values({ id: s.id }).onConflictDoNothing();
  s.timer = setInterval(() => {
    db.update(serverInstances)
      .set({ heartbeatAt: sql`now()` })
      .where(eq(serverInstances.id, s.id))
      .catch((err: unknown) => logger.warn({ err }, "server heartbeat failed"));
  }, HEARTBEAT_EVERY_MS);
  s.timer.unref();
}

/** SQL: true when `holder` names an instance that stopped beating (by the database's clock). */
export function holderIsDead(holder: unknown) {
  return sql`exists (select 1 from ${serverInstances} si where si.id = ${holder} and si.heartbeat_at < now() - make_interval(secs => ${INSTANCE_DEAD_AFTER_MS / 1000}))`;
}

/** Deletes instances silent for two days; returns how many went. */
export async function forgetDeadInstances(db: Executor): Promise<number> {
  const gone = await db
    .delete(serverInstances)
    .where(lt(serverInstances.heartbeatAt, sql`now() - make_interval(secs => ${FORGET_AFTER_MS / 1000})`))
    .returning({ id: serverInstances.id });
  return gone.length;
}
