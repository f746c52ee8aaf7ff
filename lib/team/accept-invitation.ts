import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { hashPassword } from "@/lib/crypto/password";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { hashInviteToken } from "./invite-member";
import { passwordSchema } from "./sign-up";

export const AcceptInvitationInput = z.union([
  // a signed-in user accepting for their own email
  z.strictObject({ token: z.string().min(10).max(200), user_id: z.string() }),
  // a new user: the invitation's email plus a name and password
  z.strictObject({ token: z.string().min(10).max(200), name: z.string().trim().min(1).max(100), password: passwordSchema }),
]);

const pending = (token: string) => and(eq(invitations.tokenHash, hashInviteToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
const invalid = () => new KassaError("invitation_invalid", "This invitation link is not valid any more. Ask for a new one.");

/**
 * Turns an invitation into a membership (creating the user if new). Single use. The invitation is read
 * first for the merchant and the joining user the commit acts as, then locked and re-checked in it.
 */
export async function acceptInvitation({ db, input, ip, now = new Date() }: { db?: Executor; input: unknown; ip?: string | null; now?: Date }) {
  const data = parseWith(AcceptInvitationInput, input);
  const passwordHash = "password" in data ? await hashPassword(data.password) : null;
  const [found] = await (await executor({ db })).select().from(invitations).where(pending(data.token));
  if (!found || found.expiresAt <= now) throw invalid();
  const joining = "user_id" in data ? data.user_id : newId("user");
  const ctx: ServiceContext = {
    merchantId: found.merchantId,
    livemode: false,
    actor: { type: "user", id: joining, label: found.email },
    ip: ip ?? null,
    ...(db ? { db } : {}),
  };
  return commit(ctx, async (tx, changes) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, found.id), pending(data.token)))
      .for("update");
    if (!invitation || invitation.expiresAt <= now) throw invalid();
    const [existing] = await tx.select().from(users).where(eq(users.email, invitation.email));
    let userId: string;
    if ("user_id" in data) {
      if (!existing || existing.id !== data.user_id) {
        throw new KassaError("invitation_invalid", `This invitation is for ${invitation.email}; sign in as that user to accept it.`);
      }
      userId = existing.id;
    } else {
      if (existing) {
        throw new KassaError("email_taken", "An account with this email exists: sign in, then open the link again.");
      }
      userId = joining;
      await tx.insert(users).values({ id: userId, email: invitation.email, name: data.name, passwordHash });
    }
    await tx
      .insert(memberships)
      .values({ id: newId("membership"), merchantId: invitation.merchantId, userId, role: invitation.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
    changes.audit({ action: "member.joined", targetType: "user", targetId: userId, metadata: { role: invitation.role, invitation: invitation.id } });
    return { userId, merchantId: invitation.merchantId, email: invitation.email, role: invitation.role };
  });
}
