// Signing up at once (seeds, tests, operators): the user, the merchant, its owner and the audit row.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { memberships, merchants, users } from "@/db/schema";
import { verifyPassword } from "@/lib/crypto/password";
import { freshPostgres } from "@/test/db";
import { auditRows } from "@/test/rows";
import { signUp } from "./sign-up";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("signup");
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
    await expect(signUp({ db, input: { name: "Second", email: email.toUpperCase(), password: PASSWORD, business_name: "Second" } })).rejects.toMatchObject({
      code: "email_taken",
      param: "email",
    });
    expect((await db.select().from(merchants)).length).toBe(merchantCount);
  });

  it("answers parameter_invalid for a password under 10 characters and for a bad email", async () => {
    const email = uniqueEmail("short");
    await expect(signUp({ db, input: { name: "S", email, password: "123456789", business_name: "S" } })).rejects.toMatchObject({
      code: "parameter_invalid",
      param: "password",
    });
    await expect(signUp({ db, input: { name: "S", email: "not-an-email", password: PASSWORD, business_name: "S" } })).rejects.toMatchObject({
      code: "parameter_invalid",
      param: "email",
    });
    expect(await userByEmail(email)).toBeUndefined();
  });
});
