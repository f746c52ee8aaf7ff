import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signupRequests, users } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { hashPassword } from "@/lib/crypto/password";
import { commitPlatform } from "@/lib/service/commit";
import { deliverEmailsSoon } from "@/lib/email/deliver-emails";
import { queueEmail } from "@/lib/email/queue-email";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { newToken } from "@/lib/one-time/tokens";
import { publicBaseUrl } from "@/lib/public-url";
import { signupRateLimiter } from "@/lib/rate-limit";
import { SignUpInput } from "./sign-up";

export const SIGNUP_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Someone signs up on the site. The answer is the same whether the email has an account or not —
 * "check your email" — so nobody learns who is a Kassa user: a new email gets a link that creates the
 * account; a known one gets a note to sign in or reset instead. Throttled per client IP.
 */
export async function requestSignup({ db, input, ip, baseUrl }: { db: Executor; input: unknown; ip: string | null; baseUrl?: string }): Promise<void> {
  const data = parseWith(SignUpInput, input);
  const limit = await signupRateLimiter().limit(ip ?? "unknown");
  if (!limit.success) throw new KassaError("login_throttled", "Too many sign-ups from here. Wait a while and try again.");
  const base = baseUrl ?? publicBaseUrl();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
  // Hashed either way, so the answer takes as long for a known email as for a new one.
  const passwordHash = await hashPassword(data.password);
  await commitPlatform(db, async (tx) => {
    if (existing) {
      await queueEmail(tx, {
        to: data.email,
        kind: "signup_exists",
        subject: "You already have a Kassa account",
        text: `Someone tried to create a Kassa account with this email, which already has one. If it was you, sign in at ${base}/login — or choose a new password at ${base}/forgot-password.\n\nIf it was not you, ignore this email.`,
      });
      return;
    }
    const { token, hash } = newToken();
    await tx.insert(signupRequests).values({
      id: newId("signupRequest"),
      email: data.email,
      name: data.name,
      businessName: data.business_name,
      passwordHash,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + SIGNUP_TTL_MS),
    });
    await queueEmail(tx, {
      to: data.email,
      kind: "signup_confirm",
      subject: "Finish creating your Kassa account",
      text: `Welcome to Kassa. Confirm this email to create the account for ${data.business_name} (the link works once, for 24 hours):\n\n${base}/signup/confirm/${token}\n\nIf you did not sign up, ignore this email.`,
    });
  });
  deliverEmailsSoon(db);
}
