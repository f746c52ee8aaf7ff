import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { serializeAccount } from "./serialize-account";

export async function getAccount({ ctx }: { ctx: ServiceContext }) {
  requirePermission(ctx, "account:read");
  const db = await executor(ctx);
  const [merchant] = await db.select().from(merchants).where(eq(merchants.id, ctx.merchantId));
  if (!merchant) throw new KassaError("resource_missing", "No such account.");
  return serializeAccount(merchant, ctx.livemode);
}
