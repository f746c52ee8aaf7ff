import { and, eq } from "drizzle-orm";
import { requestLogs } from "@/db/schema/request-logs";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { serializeRequestLog } from "./list-request-logs";

/** One log, scoped by merchant and mode: another merchant's (or the other mode's) is as missing as none. */
export async function getRequestLog({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "request_logs:read");
  const db = await executor(ctx);
  const [row] = await db
    .select()
    .from(requestLogs)
    .where(and(eq(requestLogs.id, id), eq(requestLogs.merchantId, ctx.merchantId), eq(requestLogs.livemode, ctx.livemode)));
  if (!row) throw new KassaError("resource_missing", `No such request log: '${id}'`, { param: "id" });
  return serializeRequestLog(row);
}
