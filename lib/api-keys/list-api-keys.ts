import { and, desc, eq } from "drizzle-orm";
import { apiKeys, memberships, users } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { serializeApiKey } from "./serialize-api-key";

/** Keys of ctx's merchant in one mode, newest first (a merchant has tens, not thousands). */
export async function listApiKeys({ ctx, livemode }: { ctx: ServiceContext; livemode: boolean }) {
  requirePermission(ctx, "api_keys:read");
  const db = await executor(ctx);
  // With who created each key and the role it therefore acts with (none: that member left the team).
  const rows = await db
    .select({ key: apiKeys, email: users.email, role: memberships.role })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .leftJoin(memberships, and(eq(memberships.userId, apiKeys.createdBy), eq(memberships.merchantId, apiKeys.merchantId)))
    .where(and(eq(apiKeys.merchantId, ctx.merchantId), eq(apiKeys.livemode, livemode)))
    .orderBy(desc(apiKeys.id))
    .limit(200);
  const now = new Date();
  return rows.map((r) => serializeApiKey(r.key, now, r.email ? { email: r.email, role: r.role } : null));
}
