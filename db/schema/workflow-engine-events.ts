import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenant } from "./columns";

/**
 * The id Inngest (Cloud or self-hosted) gave each merchant event the outbox relay sent it. Inngest's
 * REST API finds runs by its own event id only (GET /v1/events/{id}/runs), so this is how the
 * Developers → Workflows page finds a merchant's runs there, and how it knows a run is theirs.
 * Written only while the page reads Inngest's API (lib/workflows/runs/inngest-api.ts); the embedded
 * executor keeps its own events.
 */
export const workflowEngineEvents = pgTable(
  "workflow_engine_events",
  {
    /** The engine's event id (a ULID). */
    engineEventId: text().primaryKey(),
    /** Kassa's outbox event id (`evt_…`), the id the event was sent with. */
    eventId: text().notNull(),
    ...tenant,
    name: text().notNull(),
    /** The object the event is about (pay_…, re_…), when it carries one. */
    objectId: text(),
    ...createdAt,
  },
  (t) => [index().on(t.merchantId, t.createdAt)],
);

export type WorkflowEngineEventRow = typeof workflowEngineEvents.$inferSelect;
