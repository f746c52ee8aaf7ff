import type { Executor } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import type { NewRequestLog } from "@/db/schema/request-logs";

/**
 * A batch of request log rows as ONE statement with one fixed text: the rows sent as one JSON document and
 * read back with json_to_recordset, so neither the app nor PostgreSQL builds or parses a statement of 200 rows
 * × 19 parameters per flush (the drizzle insert this replaced was a tenth of the server's thread under GET load),
 * and the bodies are encoded by JSON.stringify rather than escaped into array literals one character class at
 * a time (node-postgres's array encoding was 2 % of the thread under GET load). A replayed request id is written once.
 */
const insertRequestLogs = preparedQuery<never>(
  "insert_request_logs_json",
  `insert into request_logs (id, merchant_id, livemode, method, path, route, status, api_key_id, api_key_prefix, idempotency_key,
     latency_ms, ip, user_agent, request_body, request_body_truncated, response_body, response_body_truncated, object_ids, created_at)
   select t."id", t."merchantId", t."livemode", t."method", t."path", t."route", t."status", t."apiKeyId", t."apiKeyPrefix",
     t."idempotencyKey", round(t."latencyMs")::integer, t."ip", t."userAgent", t."requestBody", coalesce(t."requestBodyTruncated", false),
     t."responseBody", coalesce(t."responseBodyTruncated", false),
     coalesce(array(select json_array_elements_text(t."objectIds")), '{}'::text[]), coalesce(t."createdAt", now())
   from json_to_recordset($1::json) as t("id" text, "merchantId" text, "livemode" boolean, "method" text, "path" text, "route" text,
     "status" integer, "apiKeyId" text, "apiKeyPrefix" text, "idempotencyKey" text, "latencyMs" numeric, "ip" text, "userAgent" text,
     "requestBody" text, "requestBodyTruncated" boolean, "responseBody" text, "responseBodyTruncated" boolean, "objectIds" json,
     "createdAt" timestamptz)
   on conflict (id) do nothing`,
);

export async function writeRequestLogs(db: Executor, rows: NewRequestLog[]): Promise<void> {
  if (rows.length === 0) return;
  // Dates become ISO strings, absent fields nulls; the columns are named as the rows' own keys.
  await insertRequestLogs(db, [JSON.stringify(rows)]);
}
