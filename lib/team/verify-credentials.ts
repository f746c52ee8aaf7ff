import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { commitWrites } from "@/lib/service/commit";
import { KassaError } from "@/lib/service/errors";
import { loginRateLimiters, RateLimiterUnavailableError } from "@/lib/rate-limit";

export interface SignedIn {
  userId: string;
  email: string;
  name: string | null;
  merchantId: string;
  role: string;
}

/**
 * Checks an email and password, throttled per IP, per account from that IP and per account overall
 * (failing closed when the limiter cannot answer), and records the sign-in in the audit log. `ip` is
 * the client address from lib/http/client-ip.ts (forwarded headers only from trusted proxies).
 */
export async function verifyCredentials({ db, email, password, ip }: { db: Executor; email: string; password: string; ip: string | null }): Promise<SignedIn> {
  const normalized = email.trim().toLowerCase();
  const limiters = loginRateLimiters();
  try {
    const results = await Promise.all([
      limiters.ip.limit(ip ?? "unknown"),
      limiters.accountIp.limit(`${normalized}|${ip ?? "unknown"}`),
      limiters.account.limit(normalized),
    ]);
    const refused = results.filter((r) => !r.success);
    if (refused.length > 0) {
      const reset = Math.max(...refused.map((r) => r.reset));
      throw new KassaError("login_throttled", "Too many sign-in attempts. Wait a few minutes and try again.", {
        retryAfter: Math.max(1, Math.ceil((reset - Date.now()) / 1000)),
      });
    }
  } catch (error) {
    if (error instanceof RateLimiterUnavailableError) {
      throw new KassaError("login_throttled", "Sign-in is briefly unavailable. Try again in a minute.", { cause: error });
    }
    throw error;
  }

  const [user] = await db.select().from(users).where(eq(users.email, normalized));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) {
    throw new KassaError("invalid_credentials", "Wrong email or password.");
  }
  const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user.id)).orderBy(asc(memberships.createdAt)).limit(1);
  if (!membership) throw new KassaError("invalid_credentials", "This user belongs to no merchant.");

  const ctx = { merchantId: membership.merchantId, livemode: false, actor: { type: "user" as const, id: user.id, label: user.email }, ip, db };
  await commitWrites(ctx, db, (_db, changes) => {
    changes.audit({ action: "user.signed_in", targetType: "user", targetId: user.id });
    return [];
  });
  return { userId: user.id, email: user.email, name: user.name, merchantId: membership.merchantId, role: membership.role };
}
