import { and, eq, isNull } from "drizzle-orm";
import { fulfillmentHooks, type FulfillmentHookRow } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListFulfillmentHooksQuery } from "./inputs";
import { serializeFulfillmentHook } from "./serialize-fulfillment-hook";

/** GET /api/v1/fulfillment_hooks */
export async function listFulfillmentHooks({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "webhooks:read");
  const q = parseWith(ListFulfillmentHooksQuery, input);
  return paginate({
    db: await executor(ctx),
    table: fulfillmentHooks,
    id: fulfillmentHooks.id,
    where: and(eq(fulfillmentHooks.merchantId, ctx.merchantId), eq(fulfillmentHooks.livemode, ctx.livemode), isNull(fulfillmentHooks.deletedAt)),
    params: q,
    url,
    serialize: (row: FulfillmentHookRow) => serializeFulfillmentHook(row),
  });
}
