import { and, eq, isNull, ne } from "drizzle-orm";
import { loginSessions } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/**
 * Signs sessions of the acting user out: one (`sessionId`: this browser's, or one from the session
 * list), or all of them but `keep` (after a password change), or all (`everywhere`). Another user's
 * session is "not found".
 */
export async function revokeLoginSessions({
  ctx,
  userId,
  sessionId,
  keep,
  everywhere,
}: {
  ctx: ServiceContext;
  userId: string;
  sessionId?: string;
  keep?: string;
  everywhere?: boolean;
}): Promise<number> {
  if (!sessionId && !everywhere) throw new KassaError("parameter_missing", "Say which session to sign out.", { param: "session" });
  return commit(ctx, async (tx, changes) => {
    const gone = await tx
      .update(loginSessions)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(loginSessions.userId, userId),
          isNull(loginSessions.revokedAt),
          ...(sessionId ? [eq(loginSessions.id, sessionId)] : []),
          ...(keep ? [ne(loginSessions.id, keep)] : []),
        ),
      )
      .returning({ id: loginSessions.id });
    if (sessionId && gone.length === 0) throw new KassaError("resource_missing", `No such session: '${sessionId}'`, { param: "session" });
    changes.audit({
      action: everywhere ? "user.signed_out_everywhere" : "user.signed_out",
      targetType: "user",
      targetId: userId,
      metadata: { sessions: gone.length },
    });
    return gone.length;
  });
}
