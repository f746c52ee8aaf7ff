// Inviting people to a merchant and their joining: single-use tokens, who may invite whom, audit rows.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { verifyPassword } from "@/lib/crypto/password";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { addMember, auditRows } from "@/test/rows";
import { acceptInvitation } from "./accept-invitation";
import { findInvitation } from "./find-invitation";
import { hashInviteToken, inviteMember } from "./invite-member";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("invitations");
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
    await expect(acceptInvitation({ db, input: { token: invite.token, name: "Again", password: PASSWORD } })).rejects.toMatchObject({
      code: "invitation_invalid",
    });
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
    await expect(acceptInvitation({ db, input: { token: invite.token, name: "Impostor", password: PASSWORD } })).rejects.toMatchObject({ code: "email_taken" });
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
    await expect(acceptInvitation({ db, input: { token: invite.token, name: "Late", password: PASSWORD }, now: after })).rejects.toMatchObject({
      code: "invitation_invalid",
    });
    expect(await userByEmail(email)).toBeUndefined();
  });

  it("refuses an unknown token, and a replaced invitation's old token", async () => {
    await expect(acceptInvitation({ db, input: { token: "x".repeat(43), name: "Nobody", password: PASSWORD } })).rejects.toMatchObject({
      code: "invitation_invalid",
    });

    const email = uniqueEmail("twice");
    const first = await inviteMember({ ctx: owner.ctx, input: { email, role: "support" } });
    const second = await inviteMember({ ctx: owner.ctx, input: { email, role: "developer" } });
    await expect(acceptInvitation({ db, input: { token: first.token, name: "Twice", password: PASSWORD } })).rejects.toMatchObject({
      code: "invitation_invalid",
    });
    await expect(acceptInvitation({ db, input: { token: second.token, name: "Twice", password: PASSWORD } })).resolves.toMatchObject({ role: "developer" });
  });

  it("refuses to invite someone who is already a member", async () => {
    await expect(inviteMember({ ctx: owner.ctx, input: { email: owner.email, role: "admin" } })).rejects.toMatchObject({
      code: "parameter_invalid",
      param: "email",
    });
  });

  it("lets an admin invite non-owners but not owners; others cannot invite at all", async () => {
    const admin = await addMember(db, owner.merchantId, "admin");
    await expect(inviteMember({ ctx: admin.ctx, input: { email: uniqueEmail("boss"), role: "owner" } })).rejects.toMatchObject({ code: "permission_denied" });
    await expect(inviteMember({ ctx: admin.ctx, input: { email: uniqueEmail("dev"), role: "developer" } })).resolves.toMatchObject({ role: "developer" });
    const dev = await addMember(db, owner.merchantId, "developer");
    await expect(inviteMember({ ctx: dev.ctx, input: { email: uniqueEmail("x"), role: "support" } })).rejects.toMatchObject({ code: "permission_denied" });
    // An owner may invite an owner.
    await expect(inviteMember({ ctx: owner.ctx, input: { email: uniqueEmail("coowner"), role: "owner" } })).resolves.toMatchObject({ role: "owner" });
  });
});
