import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { routingConfigs, type RoutingConfigRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";

/** The merchant's routing rules row in the context's mode, or null (none saved). */
export async function loadRouting(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<RoutingConfigRow | null> {
  const [row] = await db
    .select()
    .from(routingConfigs)
    .where(and(eq(routingConfigs.merchantId, ctx.merchantId), eq(routingConfigs.livemode, ctx.livemode)));
  return row ?? null;
}
