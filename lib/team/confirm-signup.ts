import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signupRequests } from "@/db/schema";
import { withTransaction } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { hashToken } from "@/lib/one-time/tokens";
import { createOwnerAccount } from "./sign-up";

/** The link from a sign-up email: creates the account it asked for, once, within 24 hours. */
export async function confirmSignup({ db, token, ip }: { db: Executor; token: string; ip: string | null }): Promise<{ userId: string; merchantId: string; email: string }> {
  return withTransaction({ db }, async (tx) => {
    const [request] = await tx
      .update(signupRequests)
      .set({ usedAt: new Date() })
      .where(and(eq(signupRequests.tokenHash, hashToken(token)), isNull(signupRequests.usedAt), gt(signupRequests.expiresAt, new Date())))
      .returning();
    if (!request) throw new KassaError("signup_link_invalid", "This sign-up link is used, expired or wrong. Sign up again.");
    const created = await createOwnerAccount({ db: tx, ip, name: request.name, email: request.email, businessName: request.businessName, passwordHash: request.passwordHash });
    return { ...created, email: request.email };
  });
}
