import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invitations, merchants, users } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { hashInviteToken } from "./invite-member";

/** The pending invitation behind a link, with its merchant's name; throws when used, revoked or expired. */
export async function findInvitation({ db, token, now = new Date() }: { db: Executor; token: string; now?: Date }) {
  const [row] = await db
    .select({ invitation: invitations, businessName: merchants.businessName })
    .from(invitations)
    .innerJoin(merchants, eq(merchants.id, invitations.merchantId))
    .where(eq(invitations.tokenHash, hashInviteToken(token)));
  if (!row || row.invitation.acceptedAt || row.invitation.revokedAt || row.invitation.expiresAt <= now) {
    throw new KassaError("invitation_invalid", "This invitation link is not valid any more. Ask for a new one.");
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.invitation.email));
  return { ...row.invitation, businessName: row.businessName, userExists: Boolean(existing) };
}
