import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ServiceContext } from "@/lib/service/context";
import { and, eq } from "drizzle-orm";
import { memberships, users, type Role } from "@/db/schema";
import { signUp } from "@/lib/team/sign-up";
import { inviteMember } from "@/lib/team/invite-member";
import { acceptInvitation } from "@/lib/team/accept-invitation";

let handle: Promise<DatabaseHandle> | undefined;

/** The same database the server under test uses (DATABASE_URL from scripts/test.ts). */
export function db(): Promise<DatabaseHandle> {
  return (handle ??= openDatabase(process.env.DATABASE_URL).then(async (h) => {
    await migrateDatabase(h);
    return h;
  }));
}

let n = 0;
export const PASSWORD = "correct horse battery";

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${n++}@e2e.test`;
}

/** A merchant with an owner login and a test secret key, made through the service verbs. */
export async function seedMerchant(label = "m") {
  const h = await db();
  const email = uniqueEmail(label);
  const { userId, merchantId } = await signUp({
    db: h.db,
    input: { name: `Owner ${label}`, email, password: PASSWORD, business_name: `Shop ${label}` },
  });
  const ctx: ServiceContext = { merchantId, livemode: false, actor: { type: "user", id: userId, label: email }, role: "owner", db: h.db };
  const test = await createApiKey({ ctx, input: { kind: "secret", name: "e2e" } });
  const live = await createApiKey({ ctx: { ...ctx, livemode: true }, input: { kind: "secret", name: "e2e live" } });
  const publishable = await createApiKey({ ctx, input: { kind: "publishable", name: "e2e pk" } });
  return {
    email,
    password: PASSWORD,
    userId,
    merchantId,
    ctx,
    secretKey: test.secret,
    secretKeyId: test.object.id,
    liveKey: live.secret,
    publishableKey: publishable.secret,
  };
}

/** Adds a member with `role` to a merchant (invite + accept) and returns their login. */
export async function addMember(ctx: ServiceContext, role: Role) {
  const h = await db();
  const email = uniqueEmail(role);
  const invitation = await inviteMember({ ctx, input: { email, role } });
  await acceptInvitation({ db: h.db, input: { token: invitation.token, name: `A ${role}`, password: PASSWORD } });
  return { email, password: PASSWORD };
}

/** A team member with `role` and a test secret key they made (the dashboard's "Create key", as them). */
export async function memberKey(ctx: ServiceContext, role: Role) {
  const login = await addMember(ctx, role);
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, login.email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), eq(memberships.merchantId, ctx.merchantId)));
  const { secret } = await createApiKey({
    ctx: { merchantId: ctx.merchantId, livemode: false, actor: { type: "user", id: user!.id, label: login.email }, role, db: h.db },
    input: { kind: "secret", name: role },
  });
  return { ...login, secret, membershipId: membership!.id };
}
