import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginSessions, memberships, type Role } from "@/db/schema";
import { commitPlatformWrites } from "@/lib/service/commit";

/** How stale "last seen" may get before a request refreshes it (one write a minute, not one a request). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session a cookie names, checked on every request, with the user's role in `merchantId` — in one
 * read: null when the session is gone or signed out (a valid JWT alone is not enough); `role` null when
 * the user is not (or no longer) a member there.
 */
export async function sessionRole(
  db: Executor,
  { sessionId, userId, merchantId }: { sessionId: string; userId: string; merchantId?: string },
  now = Date.now(),
): Promise<{ role: Role | null } | null> {
  const [row] = await db
    .select({ lastSeenAt: loginSessions.lastSeenAt, role: memberships.role })
    .from(loginSessions)
    .leftJoin(memberships, and(eq(memberships.userId, loginSessions.userId), eq(memberships.merchantId, merchantId ?? "")))
    .where(and(eq(loginSessions.id, sessionId), eq(loginSessions.userId, userId), isNull(loginSessions.revokedAt)));
  if (!row) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await commitPlatformWrites(db, (db) => [
      db
        .update(loginSessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(loginSessions.id, sessionId)),
    ]);
  }
  return { role: row.role };
}

/** Whether the session a cookie names is still live (it exists, is this user's, was not signed out). */
export async function checkLoginSession(db: Executor, ids: { sessionId: string; userId: string }, now = Date.now()): Promise<boolean> {
  return (await sessionRole(db, ids, now)) !== null;
}

/** Deletes sessions signed out or unused for 30 days (the JWT lives 30 days at most). */
export async function reapLoginSessions(db: Executor): Promise<void> {
  await commitPlatformWrites(db, (db) => [db.delete(loginSessions).where(lt(loginSessions.lastSeenAt, sql`now() - interval '30 days'`))]);
}
