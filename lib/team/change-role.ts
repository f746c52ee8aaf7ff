import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { memberships, ROLES } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import { settleApiKeyChange } from "@/lib/api-keys/key-cache";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import type { Executor } from "@/db/client";

export const ChangeRoleInput = z.strictObject({ membership: z.string().min(1), role: z.enum(ROLES) });

async function ownerCount(tx: Executor, merchantId: string): Promise<number> {
  const owners = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.merchantId, merchantId), eq(memberships.role, "owner")))
    .for("update");
  return owners.length;
}

/** Changes a member's role. Only owners touch owners; the last owner stays an owner. */
export async function changeRole({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "team:manage");
  const data = parseWith(ChangeRoleInput, input);
  const changed = await commit(ctx, async (tx, changes) => {
    const [member] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, data.membership), eq(memberships.merchantId, ctx.merchantId)))
      .for("update");
    if (!member) throw new KassaError("resource_missing", "No such member.", { param: "membership" });
    if ((member.role === "owner" || data.role === "owner") && ctx.role !== "owner") {
      throw new KassaError("permission_denied", "Only an owner can grant or take away the owner role.");
    }
    if (member.role === data.role) return member;
    if (member.role === "owner" && (await ownerCount(tx, ctx.merchantId)) <= 1) {
      throw new KassaError("last_owner", "A merchant needs at least one owner. Make someone else an owner first.");
    }
    const [updated] = await tx.update(memberships).set({ role: data.role }).where(eq(memberships.id, member.id)).returning();
    changes.audit({
      action: "member.role_changed",
      targetType: "user",
      targetId: member.userId,
      metadata: { from: member.role, to: data.role },
    });
    return updated!;
  });
  await settleApiKeyChange(await executor(ctx), ctx.merchantId); // the member's keys act with the new role, on every instance
  return changed;
}

/** Removes a member; the same owner rules as changing a role. */
export async function removeMember({ ctx, membershipId }: { ctx: ServiceContext; membershipId: string }) {
  requirePermission(ctx, "team:manage");
  await commit(ctx, async (tx, changes) => {
    const [member] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.merchantId, ctx.merchantId)))
      .for("update");
    if (!member) throw new KassaError("resource_missing", "No such member.", { param: "membership" });
    if (member.role === "owner" && ctx.role !== "owner") {
      throw new KassaError("permission_denied", "Only an owner can remove an owner.");
    }
    if (member.role === "owner" && (await ownerCount(tx, ctx.merchantId)) <= 1) {
      throw new KassaError("last_owner", "A merchant needs at least one owner.");
    }
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    changes.audit({ action: "member.removed", targetType: "user", targetId: member.userId, metadata: { role: member.role } });
  });
  await settleApiKeyChange(await executor(ctx), ctx.merchantId); // the member's keys stop working, on every instance
}
