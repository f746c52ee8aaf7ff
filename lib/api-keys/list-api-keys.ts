import { and, desc, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { requirePermission } from "@/lib/auth/roles";
import { executor, type ServiceContext } from "@/lib/context";
import { serializeApiKey } from "./serialize-api-key";

/** Keys of ctx's merchant in one mode, newest first (a merchant has tens, not thousands). */
export async function listApiKeys({ ctx, livemode }: { ctx: ServiceContext; livemode: boolean }) {
  requirePermission(ctx, "api_keys:read");
  const db = await executor(ctx);
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.merchantId, ctx.merchantId), eq(apiKeys.livemode, livemode)))
    .orderBy(desc(apiKeys.id))
    .limit(200);
  const now = new Date();
  return rows.map((r) => serializeApiKey(r, now));
}
