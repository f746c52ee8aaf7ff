import { eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog, type AuditRow } from "@/db/schema";
import { listParams, paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";

export const ListAuditInput = z.strictObject({ ...listParams });

export function serializeAudit(r: AuditRow) {
  return {
    id: r.id,
    action: r.action,
    actor: { type: r.actorType, id: r.actorId, label: r.actorLabel },
    target: r.targetType ? { type: r.targetType, id: r.targetId } : null,
    livemode: r.livemode,
    ip: r.ip,
    request_id: r.requestId,
    metadata: r.metadata,
    created: Math.floor(r.createdAt.getTime() / 1000),
  };
}

export type AuditObject = ReturnType<typeof serializeAudit>;

export async function listAudit({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "audit:read");
  const params = parseWith(ListAuditInput, input);
  return paginate({
    db: await executor(ctx),
    table: auditLog,
    id: auditLog.id,
    where: eq(auditLog.merchantId, ctx.merchantId),
    params,
    url,
    serialize: serializeAudit,
  });
}
