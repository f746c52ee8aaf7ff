import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, events, memberships, users, type Role } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";

/** Audit rows of one merchant, oldest first, optionally of one action. */
export function auditRows(db: Executor, merchantId: string, action?: string) {
  const where: SQL[] = [eq(auditLog.merchantId, merchantId)];
  if (action) where.push(eq(auditLog.action, action));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(asc(auditLog.id));
}

/** Outbox events of one merchant, oldest first, optionally of one type. */
export function eventRows(db: Executor, merchantId: string, type?: string) {
  const where: SQL[] = [eq(events.merchantId, merchantId)];
  if (type) where.push(eq(events.type, type));
  return db
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(asc(events.id));
}

let n = 0;

/**
 * Adds a member straight into the tables (no password, so no argon2 cost) and returns a context
 * acting as them. For tests that need a second role in a merchant, not for testing sign-up itself.
 */
export async function addMember(db: Executor, merchantId: string, role: Role) {
  const userId = newId("user");
  const membershipId = newId("membership");
  const email = `${role}-${Date.now().toString(36)}-${n++}@example.test`;
  await db.insert(users).values({ id: userId, email, name: `${role} ${n}` });
  await db.insert(memberships).values({ id: membershipId, merchantId, userId, role });
  const ctx: ServiceContext = { merchantId, livemode: false, actor: { type: "user", id: userId, label: email }, role, db };
  return { userId, membershipId, email, ctx };
}
