import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signupRequests } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { hashToken } from "@/lib/one-time/tokens";
import { createOwnerAccount } from "./sign-up";

const invalid = () => new KassaError("signup_link_invalid", "This sign-up link is used, expired or wrong. Sign up again.");

/**
 * The link from a sign-up email: creates the account it asked for, once, within 24 hours. The request is
 * read for the account's details; the commit that creates the account also claims the link (or fails).
 */
export async function confirmSignup({
  db,
  token,
  ip,
}: {
  db: Executor;
  token: string;
  ip: string | null;
}): Promise<{ userId: string; merchantId: string; email: string }> {
  const usable = () => and(eq(signupRequests.tokenHash, hashToken(token)), isNull(signupRequests.usedAt), gt(signupRequests.expiresAt, new Date()));
  const [request] = await db.select().from(signupRequests).where(usable());
  if (!request) throw invalid();
  const created = await createOwnerAccount({
    db,
    ip,
    name: request.name,
    email: request.email,
    businessName: request.businessName,
    passwordHash: request.passwordHash,
    claim: async (tx) => {
      const [claimed] = await tx
        .update(signupRequests)
        .set({ usedAt: new Date() })
        .where(and(eq(signupRequests.id, request.id), usable()))
        .returning({ id: signupRequests.id });
      if (!claimed) throw invalid();
    },
  });
  return { ...created, email: request.email };
}
