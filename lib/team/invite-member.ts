import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { invitations, memberships, ROLES, users } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId, randomToken } from "@/lib/ids";
import { emailSchema } from "./sign-up";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const InviteMemberInput = z.strictObject({ email: emailSchema, role: z.enum(ROLES) });

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an invitation and returns its one-time token (the link the owner passes on). */
export async function inviteMember({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "team:manage");
  const data = parseWith(InviteMemberInput, input);
  if (data.role === "owner" && ctx.actor.type === "user" && ctx.role !== "owner") {
    throw new KassaError("permission_denied", "Only an owner can invite another owner.", { param: "role" });
  }
  const token = randomToken(32);
  return commit(ctx, async (tx, changes) => {
    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.merchantId, ctx.merchantId), eq(users.email, data.email)));
    if (already) {
      throw new KassaError("parameter_invalid", "This person is already a member.", { param: "email" });
    }
    // A newer invitation to the same address replaces any pending one.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.merchantId, ctx.merchantId), eq(invitations.email, data.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const id = newId("invitation");
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await tx.insert(invitations).values({
      id,
      merchantId: ctx.merchantId,
      email: data.email,
      role: data.role,
      tokenHash: hashInviteToken(token),
      invitedBy: ctx.actor.id ?? "system",
      expiresAt,
    });
    changes.audit({
      action: "member.invited",
      targetType: "invitation",
      targetId: id,
      metadata: { email: data.email, role: data.role },
    });
    return { id, email: data.email, role: data.role, token, expiresAt };
  });
}
