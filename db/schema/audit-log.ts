import { boolean, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, primaryId } from "./columns";

export const ACTOR_TYPES = ["user", "api_key", "system", "webhook"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const auditLog = pgTable(
  "audit_log",
  {
    id: primaryId(),
    merchantId: text().notNull(),
    livemode: boolean(),
    actorType: text({ enum: ACTOR_TYPES }).notNull(),
    actorId: text(),
    actorLabel: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    requestId: text(),
    metadata: jsonb().$type<Record<string, unknown>>(),
    ...createdAt,
  },
  (t) => [index().on(t.merchantId, t.id), index().on(t.merchantId, t.targetId)],
);

export type AuditRow = typeof auditLog.$inferSelect;
