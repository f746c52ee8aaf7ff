import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fulfillmentHooks, type FulfillmentHookRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

const live = (ctx: Pick<ServiceContext, "merchantId" | "livemode">) =>
  and(eq(fulfillmentHooks.merchantId, ctx.merchantId), eq(fulfillmentHooks.livemode, ctx.livemode), isNull(fulfillmentHooks.deletedAt));

/** The merchant's (not deleted) hook in this mode; another tenant's or mode's is "not found". */
export async function loadFulfillmentHook(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<FulfillmentHookRow> {
  const q = db
    .select()
    .from(fulfillmentHooks)
    .where(and(eq(fulfillmentHooks.id, id), live(ctx)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new KassaError("resource_missing", `No such fulfillment hook: '${id}'`, { param: "id" });
  return row;
}

/** The hook an order saga calls in this mode (one live hook per merchant and mode), if any. */
export async function activeFulfillmentHook(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<FulfillmentHookRow | null> {
  const [row] = await db.select().from(fulfillmentHooks).where(live(ctx)).orderBy(desc(fulfillmentHooks.id)).limit(1);
  return row ?? null;
}
