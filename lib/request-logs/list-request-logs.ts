import { and, arrayContains, eq, gte, like, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { requestLogs, type RequestLogRow } from "@/db/schema/request-logs";
import { listParams, paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-12-03");

export const ListRequestLogsInput = z.strictObject({
  ...listParams,
  /** A class (2xx, 4xx, 5xx) or an exact status such as 402. */
  status: z
    .string()
    .regex(/^([1-5]xx|[1-5]\d\d)$/, "must be 2xx, 4xx, 5xx or a status such as 402")
    .optional(),
  method: z.enum(["GET", "POST", "DELETE", "PUT", "PATCH"]).optional(),
  /** A path prefix, e.g. /api/v1/payments. */
  path: z.string().startsWith("/", "must start with /").max(300).optional(),
  api_key: z.string().max(100).optional(),
  /** Calls that touched this object (pay_…, evt_…): its id in the path, request or response. */
  object: z.string().max(100).optional(),
  /** Days, UTC, both included. */
  from: day.optional(),
  to: day.optional(),
});
export type ListRequestLogsInput = z.input<typeof ListRequestLogsInput>;

/** The dashboard's view of a log row. */
export function serializeRequestLog(r: RequestLogRow) {
  return {
    id: r.id,
    created: r.createdAt,
    livemode: r.livemode,
    method: r.method,
    path: r.path,
    route: r.route,
    status: r.status,
    apiKeyId: r.apiKeyId,
    apiKeyPrefix: r.apiKeyPrefix,
    idempotencyKey: r.idempotencyKey,
    latencyMs: r.latencyMs,
    ip: r.ip,
    userAgent: r.userAgent,
    requestBody: r.requestBody,
    requestBodyTruncated: r.requestBodyTruncated,
    responseBody: r.responseBody,
    responseBodyTruncated: r.responseBodyTruncated,
    objectIds: r.objectIds,
  };
}
export type RequestLogView = ReturnType<typeof serializeRequestLog>;

function byStatus(status: string | undefined): SQL | undefined {
  if (!status) return undefined;
  if (status.endsWith("xx")) {
    const base = Number(status[0]) * 100;
    return and(gte(requestLogs.status, base), lt(requestLogs.status, base + 100));
  }
  return eq(requestLogs.status, Number(status));
}

/** Developers → Logs: this merchant's calls in the current mode, newest first, filtered. */
export async function listRequestLogs({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "request_logs:read");
  const p = parseWith(ListRequestLogsInput, input);
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  return paginate({
    db: await executor(ctx),
    table: requestLogs,
    id: requestLogs.id,
    where: and(
      eq(requestLogs.merchantId, ctx.merchantId),
      eq(requestLogs.livemode, ctx.livemode),
      byStatus(p.status),
      p.method ? eq(requestLogs.method, p.method) : undefined,
      p.path ? like(requestLogs.path, `${escape(p.path)}%`) : undefined,
      p.api_key ? eq(requestLogs.apiKeyId, p.api_key) : undefined,
      p.object ? arrayContains(requestLogs.objectIds, [p.object]) : undefined,
      p.from ? gte(requestLogs.createdAt, new Date(`${p.from}T00:00:00Z`)) : undefined,
      p.to ? lte(requestLogs.createdAt, new Date(`${p.to}T23:59:59.999Z`)) : undefined,
    ),
    params: p,
    url: "/developers/logs",
    serialize: serializeRequestLog,
  });
}
