import { and, eq, like } from "drizzle-orm";
import { z } from "zod";
import { events } from "@/db/schema";
import { listParams, paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { apiEventsOnly } from "./internal-events";
import { serializeEvent } from "./serialize-event";

export const ListEventsInput = z.strictObject({
  ...listParams,
  /** An exact type, or a prefix wildcard such as `account.*`. */
  type: z
    .string()
    .max(100)
    .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/, "must be an event type such as account.updated or account.*")
    .optional(),
});

export async function listEvents({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "events:read");
  const params = parseWith(ListEventsInput, input);
  const byType = params.type
    ? params.type.endsWith(".*")
      ? like(events.type, `${params.type.slice(0, -1).replaceAll("_", "\\_")}%`) // `_` is a LIKE wildcard
      : eq(events.type, params.type)
    : undefined;
  return paginate({
    db: await executor(ctx),
    table: events,
    id: events.id,
    where: and(eq(events.merchantId, ctx.merchantId), eq(events.livemode, ctx.livemode), byType, apiEventsOnly()),
    params,
    url,
    serialize: serializeEvent,
  });
}
