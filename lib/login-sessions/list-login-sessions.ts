import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginSessions } from "@/db/schema";

export interface LoginSessionView {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The user's live sessions, newest first, with the one this browser uses marked. */
export async function listLoginSessions(db: Executor, { userId, currentId }: { userId: string; currentId: string | null }): Promise<LoginSessionView[]> {
  const rows = await db
    .select()
    .from(loginSessions)
    .where(and(eq(loginSessions.userId, userId), isNull(loginSessions.revokedAt)))
    .orderBy(desc(loginSessions.lastSeenAt))
    .limit(50);
  return rows.map((r) => ({ id: r.id, ip: r.ip, userAgent: r.userAgent, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, current: r.id === currentId }));
}
