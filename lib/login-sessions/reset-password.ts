import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { hashPassword } from "@/lib/crypto/password";
import { commitPlatform } from "@/lib/service/commit";
import { KassaError } from "@/lib/service/errors";
import { hashToken } from "@/lib/one-time/tokens";
import { passwordSchema } from "@/lib/team/sign-up";
import { loginSessions } from "@/db/schema";

export const ResetPasswordInput = z.strictObject({ token: z.string().min(20).max(200), password: passwordSchema });

/** Sets a new password from a reset link: once, within the hour; every session of the user ends. */
export async function resetPassword({ db, input }: { db: Executor; input: unknown }): Promise<{ userId: string }> {
  const data = parseWith(ResetPasswordInput, input);
  const passwordHash = await hashPassword(data.password);
  return commitPlatform(db, async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hashToken(data.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning();
    if (!reset) throw new KassaError("reset_link_invalid", "This reset link is used, expired or wrong. Ask for a new one.", { param: "token" });
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx
      .update(loginSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(loginSessions.userId, reset.userId), isNull(loginSessions.revokedAt)));
    return { userId: reset.userId };
  });
}
