import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { commitPlatform } from "@/lib/service/commit";
import { deliverEmailsSoon } from "@/lib/email/deliver-emails";
import { queueEmail } from "@/lib/email/queue-email";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { newToken } from "@/lib/one-time/tokens";
import { publicBaseUrl } from "@/lib/public-url";
import { signupRateLimiter } from "@/lib/rate-limit";
import { emailSchema } from "@/lib/team/sign-up";

export const RESET_TTL_MS = 60 * 60 * 1000;
export const RequestPasswordResetInput = z.strictObject({ email: emailSchema });

/**
 * "Forgot your password": if an account has this email, it gets a one-time link valid for an hour.
 * The answer is the same either way, so nobody learns who has an account; throttled per client IP.
 */
export async function requestPasswordReset({ db, input, ip, baseUrl }: { db: Executor; input: unknown; ip: string | null; baseUrl?: string }): Promise<void> {
  const { email } = parseWith(RequestPasswordResetInput, input);
  const limit = await signupRateLimiter().limit(`reset|${ip ?? "unknown"}`);
  if (!limit.success) throw new KassaError("login_throttled", "Too many requests. Wait a few minutes and try again.");
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) return;
  const { token, hash } = newToken();
  const link = `${baseUrl ?? publicBaseUrl()}/reset-password/${token}`;
  await commitPlatform(db, async (tx) => {
    await tx.insert(passwordResets).values({ id: newId("passwordReset"), userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    await queueEmail(tx, {
      to: email,
      kind: "password_reset",
      subject: "Reset your Kassa password",
      text: `Someone asked to reset the password of your Kassa account. If it was you, choose a new one here (the link works once, for an hour):\n\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.`,
    });
  });
  deliverEmailsSoon(db);
}
