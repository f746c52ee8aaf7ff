import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { invitations, memberships, users } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";

export async function listMembers({ ctx }: { ctx: ServiceContext }) {
  requirePermission(ctx, "team:read");
  const db = await executor(ctx);
  return db
    .select({ id: memberships.id, userId: users.id, email: users.email, name: users.name, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.merchantId, ctx.merchantId))
    .orderBy(asc(memberships.createdAt));
}

export async function listPendingInvitations({ ctx }: { ctx: ServiceContext }) {
  requirePermission(ctx, "team:manage");
  const db = await executor(ctx);
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(eq(invitations.merchantId, ctx.merchantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())),
    )
    .orderBy(desc(invitations.id));
}
