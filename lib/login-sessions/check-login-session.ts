import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginSessions } from "@/db/schema";

/** How stale "last seen" may get before a request refreshes it (one write a minute, not one a request). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Whether the session a cookie names is still live: it exists, belongs to this user and was not
 * signed out. Checked on every request; a signed-out cookie is refused even though its JWT is valid.
 */
export async function checkLoginSession(db: Executor, { sessionId, userId }: { sessionId: string; userId: string }, now = Date.now()): Promise<boolean> {
  const [row] = await db
    .select({ lastSeenAt: loginSessions.lastSeenAt })
    .from(loginSessions)
    .where(and(eq(loginSessions.id, sessionId), eq(loginSessions.userId, userId), isNull(loginSessions.revokedAt)));
  if (!row) return false;
  // A read on every request; a write only once a minute.
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await db.update(loginSessions).set({ lastSeenAt: new Date(now) }).where(eq(loginSessions.id, sessionId));
  return true;
}

/** Deletes sessions signed out or unused for 30 days (the JWT lives 30 days at most). */
export async function reapLoginSessions(db: Executor): Promise<void> {
  await db.delete(loginSessions).where(lt(loginSessions.lastSeenAt, sql`now() - interval '30 days'`));
}
