import { and, eq } from "drizzle-orm";
import { events } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { apiEventsOnly } from "./internal-events";
import { serializeEvent } from "./serialize-event";

export async function getEvent({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "events:read");
  const db = await executor(ctx);
  // Scoped by merchant and mode: another merchant's event is as missing as one that never was; an
  // internal event (a hand-off to a workflow) is no API event at all.
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eq(events.merchantId, ctx.merchantId), eq(events.livemode, ctx.livemode), apiEventsOnly()));
  if (!row) throw new KassaError("resource_missing", `No such event: '${id}'`, { param: "id" });
  return serializeEvent(row);
}
