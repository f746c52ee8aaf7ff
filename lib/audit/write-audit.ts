import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service/context";

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Writes one audit row; call it inside the transaction that makes the change. Verbs declare theirs on
 * lib/service/commit.ts instead (`changes.audit`); this stays for code not yet moved onto it.
 */
export async function writeAudit(tx: Executor, ctx: ServiceContext, entry: AuditEntry): Promise<string> {
  const row = auditRow(ctx, entry);
  await tx.insert(auditLog).values(row);
  return row.id;
}

/** The audit row for `entry`, to insert together with other writes (db/batch.ts). */
export function auditRow(ctx: ServiceContext, entry: AuditEntry) {
  return {
    id: newId("audit"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
    metadata: entry.metadata ?? null,
  };
}
