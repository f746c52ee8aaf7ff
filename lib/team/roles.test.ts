// Members' roles: changing and removing them, the owner rules, tenancy, audit rows.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { memberships } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { addMember, auditRows } from "@/test/rows";
import { changeRole, removeMember } from "./change-role";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("roles");
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

async function membershipOf(merchantId: string, userId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.merchantId, merchantId), eq(memberships.userId, userId)));
  return row;
}

describe("roles", () => {
  let owner: Awaited<ReturnType<typeof makeMerchant>>;
  let ownerMembershipId: string;

  beforeAll(async () => {
    owner = await makeMerchant(db);
    ownerMembershipId = (await membershipOf(owner.merchantId, owner.userId))!.id;
  });

  it("changes a member's role and audits it", async () => {
    const member = await addMember(db, owner.merchantId, "support");
    const updated = await changeRole({ ctx: owner.ctx, input: { membership: member.membershipId, role: "analyst" } });
    expect(updated).toMatchObject({ id: member.membershipId, role: "analyst" });
    expect(await membershipOf(owner.merchantId, member.userId)).toMatchObject({ role: "analyst" });
    const audit = (await auditRows(db, owner.merchantId, "member.role_changed")).filter((a) => a.targetId === member.userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: owner.userId, metadata: { from: "support", to: "analyst" } });

    // Setting the same role again changes and audits nothing.
    await changeRole({ ctx: owner.ctx, input: { membership: member.membershipId, role: "analyst" } });
    expect((await auditRows(db, owner.merchantId, "member.role_changed")).filter((a) => a.targetId === member.userId)).toHaveLength(1);
  });

  it("keeps admins away from the owner role", async () => {
    const admin = await addMember(db, owner.merchantId, "admin");
    const dev = await addMember(db, owner.merchantId, "developer");
    await expect(changeRole({ ctx: admin.ctx, input: { membership: ownerMembershipId, role: "developer" } })).rejects.toMatchObject({
      code: "permission_denied",
    });
    await expect(changeRole({ ctx: admin.ctx, input: { membership: dev.membershipId, role: "owner" } })).rejects.toMatchObject({ code: "permission_denied" });
    await expect(removeMember({ ctx: admin.ctx, membershipId: ownerMembershipId })).rejects.toMatchObject({
      code: "permission_denied",
    });
    expect(await membershipOf(owner.merchantId, owner.userId)).toMatchObject({ role: "owner" });
    expect(await membershipOf(owner.merchantId, dev.userId)).toMatchObject({ role: "developer" });

    // Between non-owner roles an admin may act.
    await expect(changeRole({ ctx: admin.ctx, input: { membership: dev.membershipId, role: "support" } })).resolves.toMatchObject({ role: "support" });
    // Below admin, nobody manages the team.
    await expect(changeRole({ ctx: dev.ctx, input: { membership: admin.membershipId, role: "support" } })).rejects.toMatchObject({ code: "permission_denied" });
  });

  it("never leaves a merchant without an owner", async () => {
    await expect(changeRole({ ctx: owner.ctx, input: { membership: ownerMembershipId, role: "admin" } })).rejects.toMatchObject({ code: "last_owner" });
    await expect(removeMember({ ctx: owner.ctx, membershipId: ownerMembershipId })).rejects.toMatchObject({
      code: "last_owner",
    });
    expect(await membershipOf(owner.merchantId, owner.userId)).toMatchObject({ role: "owner" });

    // With a second owner the first may step down; then the second is the last one.
    const second = await addMember(db, owner.merchantId, "admin");
    await changeRole({ ctx: owner.ctx, input: { membership: second.membershipId, role: "owner" } });
    await changeRole({ ctx: owner.ctx, input: { membership: ownerMembershipId, role: "admin" } });
    expect(await membershipOf(owner.merchantId, owner.userId)).toMatchObject({ role: "admin" });
    const secondAsOwner: ServiceContext = { ...second.ctx, role: "owner" };
    await expect(changeRole({ ctx: secondAsOwner, input: { membership: second.membershipId, role: "admin" } })).rejects.toMatchObject({ code: "last_owner" });
    await expect(removeMember({ ctx: secondAsOwner, membershipId: second.membershipId })).rejects.toMatchObject({
      code: "last_owner",
    });
    // Restore the first owner for the tests after this one.
    await changeRole({ ctx: secondAsOwner, input: { membership: ownerMembershipId, role: "owner" } });
    const audit = await auditRows(db, owner.merchantId, "member.role_changed");
    expect(audit.filter((a) => a.targetId === owner.userId).map((a) => a.metadata)).toEqual([
      { from: "owner", to: "admin" },
      { from: "admin", to: "owner" },
    ]);
  });

  it("treats another merchant's membership as missing", async () => {
    const other = await makeMerchant(db);
    const theirs = await addMember(db, other.merchantId, "developer");
    await expect(changeRole({ ctx: owner.ctx, input: { membership: theirs.membershipId, role: "admin" } })).rejects.toMatchObject({
      code: "resource_missing",
      param: "membership",
    });
    await expect(removeMember({ ctx: owner.ctx, membershipId: theirs.membershipId })).rejects.toMatchObject({
      code: "resource_missing",
    });
    expect(await membershipOf(other.merchantId, theirs.userId)).toMatchObject({ role: "developer" });
  });

  it("removes a member and audits it", async () => {
    const member = await addMember(db, owner.merchantId, "support");
    await removeMember({ ctx: owner.ctx, membershipId: member.membershipId });
    expect(await membershipOf(owner.merchantId, member.userId)).toBeUndefined();
    expect((await auditRows(db, owner.merchantId, "member.removed")).filter((a) => a.targetId === member.userId)).toHaveLength(1);
  });
});
