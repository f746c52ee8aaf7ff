import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { invitations, memberships, merchants, users } from "@/db/schema";
import { verifyPassword } from "@/lib/crypto/password";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { addMember, auditRows } from "@/test/rows";
import { acceptInvitation } from "./accept-invitation";
import { changeRole, removeMember } from "./change-role";
import { findInvitation } from "./find-invitation";
import { hashInviteToken, inviteMember } from "./invite-member";
import { signUp } from "./sign-up";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("team");
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

const PASSWORD = "a long enough password";

async function userByEmail(email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

async function membershipOf(merchantId: string, userId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.merchantId, merchantId), eq(memberships.userId, userId)));
  return row;
}

let u = 0;
const uniqueEmail = (tag: string) => `${tag}-${Date.now().toString(36)}-${u++}@example.test`;

describe("signUp", () => {
  it("creates the user, the merchant, an owner membership and an audit row", async () => {
    const email = uniqueEmail("founder");
    const { userId, merchantId } = await signUp({
      db,
      ip: "198.51.100.7",
      input: { name: " Ada ", email: email.toUpperCase(), password: PASSWORD, business_name: "Ada's Shop" },
    });

    const user = (await userByEmail(email))!;
    expect(user).toMatchObject({ id: userId, name: "Ada", email });
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);

    const [merchant] = await db.select().from(merchants).where(eq(merchants.id, merchantId));
    expect(merchant).toMatchObject({ businessName: "Ada's Shop" });
    expect(await membershipOf(merchantId, userId)).toMatchObject({ role: "owner" });

    const audit = await auditRows(db, merchantId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "merchant.created",
      actorType: "user",
      actorId: userId,
      targetId: merchantId,
      ip: "198.51.100.7",
    });
  });

  it("answers email_taken for an email that exists in any case, and writes nothing", async () => {
    const email = uniqueEmail("dupe");
    await signUp({ db, input: { name: "First", email, password: PASSWORD, business_name: "First" } });
    const merchantCount = (await db.select().from(merchants)).length;
    await expect(
      signUp({ db, input: { name: "Second", email: email.toUpperCase(), password: PASSWORD, business_name: "Second" } }),
    ).rejects.toMatchObject({ code: "email_taken", param: "email" });
    expect((await db.select().from(merchants)).length).toBe(merchantCount);
  });

  it("answers parameter_invalid for a password under 10 characters and for a bad email", async () => {
    const email = uniqueEmail("short");
    await expect(
      signUp({ db, input: { name: "S", email, password: "123456789", business_name: "S" } }),
    ).rejects.toMatchObject({ code: "parameter_invalid", param: "password" });
    await expect(
      signUp({ db, input: { name: "S", email: "not-an-email", password: PASSWORD, business_name: "S" } }),
    ).rejects.toMatchObject({ code: "parameter_invalid", param: "email" });
    expect(await userByEmail(email)).toBeUndefined();
  });
});

describe("invitations", () => {
  let owner: Awaited<ReturnType<typeof makeMerchant>>;

  beforeAll(async () => {
    owner = await makeMerchant(db);
  });

  it("invites a new person who joins by choosing a password; the token is single use", async () => {
    const email = uniqueEmail("newbie");
    const invite = await inviteMember({ ctx: owner.ctx, input: { email: email.toUpperCase(), role: "developer" } });
    expect(invite).toMatchObject({ email, role: "developer" });
    expect(invite.token.length).toBeGreaterThanOrEqual(32);

    const [stored] = await db.select().from(invitations).where(eq(invitations.id, invite.id));
    expect(stored).toMatchObject({ merchantId: owner.merchantId, email, role: "developer", invitedBy: owner.userId });
    expect(stored!.tokenHash).toBe(hashInviteToken(invite.token));
    expect(stored!.tokenHash).not.toBe(invite.token);

    await expect(findInvitation({ db, token: invite.token })).resolves.toMatchObject({ email, userExists: false });

    const joined = await acceptInvitation({ db, input: { token: invite.token, name: "New Person", password: PASSWORD } });
    expect(joined).toMatchObject({ merchantId: owner.merchantId, email, role: "developer" });
    const user = (await userByEmail(email))!;
    expect(user.id).toBe(joined.userId);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    expect(await membershipOf(owner.merchantId, user.id)).toMatchObject({ role: "developer" });

    // Used once, never again, by either path.
    await expect(
      acceptInvitation({ db, input: { token: invite.token, name: "Again", password: PASSWORD } }),
    ).rejects.toMatchObject({ code: "invitation_invalid" });
    await expect(acceptInvitation({ db, input: { token: invite.token, user_id: user.id } })).rejects.toMatchObject({
      code: "invitation_invalid",
    });
    await expect(findInvitation({ db, token: invite.token })).rejects.toMatchObject({ code: "invitation_invalid" });

    const invitedAudit = (await auditRows(db, owner.merchantId, "member.invited")).filter((a) => a.targetId === invite.id);
    expect(invitedAudit).toHaveLength(1);
    expect(invitedAudit[0]).toMatchObject({ actorId: owner.userId, metadata: { email, role: "developer" } });
    const joinedAudit = (await auditRows(db, owner.merchantId, "member.joined")).filter((a) => a.targetId === user.id);
    expect(joinedAudit).toHaveLength(1);
    expect(joinedAudit[0]).toMatchObject({ actorId: user.id, metadata: { role: "developer", invitation: invite.id } });
  });

  it("lets an existing, signed-in user accept for their own email only", async () => {
    const elsewhere = await makeMerchant(db); // a user who already exists, in another merchant
    const stranger = await addMember(db, owner.merchantId, "support");
    const invite = await inviteMember({ ctx: owner.ctx, input: { email: elsewhere.email, role: "analyst" } });
    await expect(findInvitation({ db, token: invite.token })).resolves.toMatchObject({ userExists: true });

    // Another signed-in user cannot take it…
    await expect(acceptInvitation({ db, input: { token: invite.token, user_id: stranger.userId } })).rejects.toMatchObject({
      code: "invitation_invalid",
    });
    // …nor can someone sign up under the existing address.
    await expect(
      acceptInvitation({ db, input: { token: invite.token, name: "Impostor", password: PASSWORD } }),
    ).rejects.toMatchObject({ code: "email_taken" });
    expect(await membershipOf(owner.merchantId, elsewhere.userId)).toBeUndefined();

    const joined = await acceptInvitation({ db, input: { token: invite.token, user_id: elsewhere.userId } });
    expect(joined).toMatchObject({ userId: elsewhere.userId, merchantId: owner.merchantId, role: "analyst" });
    expect(await membershipOf(owner.merchantId, elsewhere.userId)).toMatchObject({ role: "analyst" });
    // Their own merchant membership is untouched.
    expect(await membershipOf(elsewhere.merchantId, elsewhere.userId)).toMatchObject({ role: "owner" });

    await expect(acceptInvitation({ db, input: { token: invite.token, user_id: elsewhere.userId } })).rejects.toMatchObject({
      code: "invitation_invalid",
    });
    expect((await auditRows(db, owner.merchantId, "member.joined")).filter((a) => a.targetId === elsewhere.userId)).toHaveLength(1);
  });

  it("refuses an expired invitation with invitation_invalid", async () => {
    const email = uniqueEmail("late");
    const invite = await inviteMember({ ctx: owner.ctx, input: { email, role: "support" } });
    const after = new Date(invite.expiresAt.getTime() + 1);
    await expect(findInvitation({ db, token: invite.token, now: after })).rejects.toMatchObject({ code: "invitation_invalid" });
    await expect(
      acceptInvitation({ db, input: { token: invite.token, name: "Late", password: PASSWORD }, now: after }),
    ).rejects.toMatchObject({ code: "invitation_invalid" });
    expect(await userByEmail(email)).toBeUndefined();
  });

  it("refuses an unknown token, and a replaced invitation's old token", async () => {
    await expect(
      acceptInvitation({ db, input: { token: "x".repeat(43), name: "Nobody", password: PASSWORD } }),
    ).rejects.toMatchObject({ code: "invitation_invalid" });

    const email = uniqueEmail("twice");
    const first = await inviteMember({ ctx: owner.ctx, input: { email, role: "support" } });
    const second = await inviteMember({ ctx: owner.ctx, input: { email, role: "developer" } });
    await expect(
      acceptInvitation({ db, input: { token: first.token, name: "Twice", password: PASSWORD } }),
    ).rejects.toMatchObject({ code: "invitation_invalid" });
    await expect(
      acceptInvitation({ db, input: { token: second.token, name: "Twice", password: PASSWORD } }),
    ).resolves.toMatchObject({ role: "developer" });
  });

  it("refuses to invite someone who is already a member", async () => {
    await expect(inviteMember({ ctx: owner.ctx, input: { email: owner.email, role: "admin" } })).rejects.toMatchObject({
      code: "parameter_invalid",
      param: "email",
    });
  });

  it("lets an admin invite non-owners but not owners; others cannot invite at all", async () => {
    const admin = await addMember(db, owner.merchantId, "admin");
    await expect(
      inviteMember({ ctx: admin.ctx, input: { email: uniqueEmail("boss"), role: "owner" } }),
    ).rejects.toMatchObject({ code: "permission_denied" });
    await expect(
      inviteMember({ ctx: admin.ctx, input: { email: uniqueEmail("dev"), role: "developer" } }),
    ).resolves.toMatchObject({ role: "developer" });
    const dev = await addMember(db, owner.merchantId, "developer");
    await expect(
      inviteMember({ ctx: dev.ctx, input: { email: uniqueEmail("x"), role: "support" } }),
    ).rejects.toMatchObject({ code: "permission_denied" });
    // An owner may invite an owner.
    await expect(
      inviteMember({ ctx: owner.ctx, input: { email: uniqueEmail("coowner"), role: "owner" } }),
    ).resolves.toMatchObject({ role: "owner" });
  });
});

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
    await expect(
      changeRole({ ctx: admin.ctx, input: { membership: ownerMembershipId, role: "developer" } }),
    ).rejects.toMatchObject({ code: "permission_denied" });
    await expect(
      changeRole({ ctx: admin.ctx, input: { membership: dev.membershipId, role: "owner" } }),
    ).rejects.toMatchObject({ code: "permission_denied" });
    await expect(removeMember({ ctx: admin.ctx, membershipId: ownerMembershipId })).rejects.toMatchObject({
      code: "permission_denied",
    });
    expect(await membershipOf(owner.merchantId, owner.userId)).toMatchObject({ role: "owner" });
    expect(await membershipOf(owner.merchantId, dev.userId)).toMatchObject({ role: "developer" });

    // Between non-owner roles an admin may act.
    await expect(
      changeRole({ ctx: admin.ctx, input: { membership: dev.membershipId, role: "support" } }),
    ).resolves.toMatchObject({ role: "support" });
    // Below admin, nobody manages the team.
    await expect(
      changeRole({ ctx: dev.ctx, input: { membership: admin.membershipId, role: "support" } }),
    ).rejects.toMatchObject({ code: "permission_denied" });
  });

  it("never leaves a merchant without an owner", async () => {
    await expect(
      changeRole({ ctx: owner.ctx, input: { membership: ownerMembershipId, role: "admin" } }),
    ).rejects.toMatchObject({ code: "last_owner" });
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
    await expect(
      changeRole({ ctx: secondAsOwner, input: { membership: second.membershipId, role: "admin" } }),
    ).rejects.toMatchObject({ code: "last_owner" });
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
    await expect(
      changeRole({ ctx: owner.ctx, input: { membership: theirs.membershipId, role: "admin" } }),
    ).rejects.toMatchObject({ code: "resource_missing", param: "membership" });
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
