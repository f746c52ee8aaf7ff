import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { loginRateLimiters } from "@/lib/rate-limit";
import { passwordSchema } from "@/lib/team/sign-up";
import { revokeLoginSessions } from "./revoke-login-sessions";

export const ChangePasswordInput = z.strictObject({
  current_password: z.string().min(1).max(200),
  new_password: passwordSchema,
});

/**
 * The signed-in user changes their password, proving the current one first (throttled like a sign-in,
 * so a borrowed session cannot guess it). Every other session of theirs ends; this browser stays in.
 */
export async function changePassword({
  ctx,
  userId,
  sessionId,
  input,
}: {
  ctx: ServiceContext;
  userId: string;
  sessionId: string;
  input: unknown;
}): Promise<void> {
  const data = parseWith(ChangePasswordInput, input);
  if (data.new_password === data.current_password)
    throw new KassaError("parameter_invalid", "Choose a new password, not the current one.", { param: "new_password" });
  const limit = await loginRateLimiters().accountIp.limit(`password-change|${userId}`);
  if (!limit.success) throw new KassaError("login_throttled", "Too many attempts. Wait a few minutes and try again.");
  const db = await executor(ctx);
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user?.hash || !(await verifyPassword(user.hash, data.current_password))) {
    throw new KassaError("invalid_credentials", "Your current password is not right.", { param: "current_password" });
  }
  const passwordHash = await hashPassword(data.new_password);
  await commit(ctx, async (tx, changes) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    changes.audit({ action: "user.password_changed", targetType: "user", targetId: userId });
    await revokeLoginSessions({ ctx: { ...ctx, db: tx }, userId, everywhere: true, keep: sessionId });
  });
}
