import { and, eq, isNull } from "drizzle-orm";
import { invitations } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

export async function revokeInvitation({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "team:manage");
  return commit(ctx, async (tx, changes) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, id), eq(invitations.merchantId, ctx.merchantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw new KassaError("resource_missing", "No such pending invitation.", { param: "id" });
    changes.audit({ action: "invitation.revoked", targetType: "invitation", targetId: id, metadata: { email: row.email } });
  });
}
