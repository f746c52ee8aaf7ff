import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenant } from "./columns";

/**
 * One row per /api/v1 call an API key made (Developers → Logs), as Stripe's request logs. The id is the
 * call's request id (`req_…`, its Request-Id header). Bodies are stored already redacted
 * (lib/request-logs/redact.ts) and cut at a size cap; written in batches off the hot path
 * (lib/request-logs/buffer.ts) and kept 30 days (inngest/functions/request-log-retention.ts).
 */
export const requestLogs = pgTable(
  "request_logs",
  {
    id: text().primaryKey(),
    ...tenant,
    method: text().notNull(),
    path: text().notNull(),
    /** The route template, e.g. "/api/v1/payments/:id". */
    route: text().notNull(),
    status: integer().notNull(),
    apiKeyId: text(),
    /** The key's display prefix ("sk_test_4eC3…"), never the key. */
    apiKeyPrefix: text(),
    idempotencyKey: text(),
    latencyMs: integer().notNull(),
    ip: text(),
    userAgent: text(),
    /** Redacted JSON text (or null: no body); cut at the cap with `requestBodyTruncated` set. */
    requestBody: text(),
    requestBodyTruncated: boolean().notNull().default(false),
    responseBody: text(),
    responseBodyTruncated: boolean().notNull().default(false),
    /** Kassa ids the call touched (path, request and response), for "requests that touched pay_…". */
    objectIds: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...createdAt,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.apiKeyId, t.id),
    index("request_logs_object_ids_idx").using("gin", t.objectIds),
    index().on(t.createdAt),
  ],
);

export type RequestLogRow = typeof requestLogs.$inferSelect;
export type NewRequestLog = typeof requestLogs.$inferInsert;
