-- Adopts what the executor kept while its tables lived in the app's schema (public.inngest_*): the
-- app's migration db/migrations/0016_hand_over_executor_tables.sql moved those tables, rows untouched,
-- into schema "inngest_handover". Every row is copied into the executor's own tables and the
-- hand-over is dropped, in this one transaction: either all of it arrives here or none of it moves.
-- A database that never had the old tables (or Inngest Cloud, where this never runs) has no hand-over.
DO $$
BEGIN
  IF to_regnamespace('inngest_handover') IS NULL THEN
    RETURN;
  END IF;
  IF to_regclass('inngest_handover.inngest_events') IS NOT NULL THEN
    INSERT INTO "inngest_local"."inngest_events" ("id", "external_id", "name", "data", "user", "ts", "received_at")
      SELECT "id", "external_id", "name", "data", "user", "ts", "received_at" FROM "inngest_handover"."inngest_events";
    DROP TABLE "inngest_handover"."inngest_events";
  END IF;
  IF to_regclass('inngest_handover.inngest_functions') IS NOT NULL THEN
    INSERT INTO "inngest_local"."inngest_functions" ("id", "app_id", "name", "url", "config", "updated_at")
      SELECT "id", "app_id", "name", "url", "config", "updated_at" FROM "inngest_handover"."inngest_functions";
    DROP TABLE "inngest_handover"."inngest_functions";
  END IF;
  IF to_regclass('inngest_handover.inngest_runs') IS NOT NULL THEN
    INSERT INTO "inngest_local"."inngest_runs" ("id", "function_id", "event_ids", "status", "max_attempts", "disable_immediate_execution", "pending", "idempotency_key", "output", "error", "started_at", "ended_at")
      SELECT "id", "function_id", "event_ids", "status", "max_attempts", "disable_immediate_execution", "pending", "idempotency_key", "output", "error", "started_at", "ended_at" FROM "inngest_handover"."inngest_runs";
    DROP TABLE "inngest_handover"."inngest_runs";
  END IF;
  IF to_regclass('inngest_handover.inngest_steps') IS NOT NULL THEN
    INSERT INTO "inngest_local"."inngest_steps" ("run_id", "step_id", "position", "op", "name", "result", "attempts", "completed_at")
      SELECT "run_id", "step_id", "position", "op", "name", "result", "attempts", "completed_at" FROM "inngest_handover"."inngest_steps";
    DROP TABLE "inngest_handover"."inngest_steps";
  END IF;
  IF to_regclass('inngest_handover.inngest_queue') IS NOT NULL THEN
    INSERT INTO "inngest_local"."inngest_queue" ("id", "run_id", "kind", "step_id", "attempt", "due_at", "leased_until")
      SELECT "id", "run_id", "kind", "step_id", "attempt", "due_at", "leased_until" FROM "inngest_handover"."inngest_queue";
    DROP TABLE "inngest_handover"."inngest_queue";
  END IF;
  IF to_regclass('inngest_handover.inngest_waits') IS NOT NULL THEN
    INSERT INTO "inngest_local"."inngest_waits" ("run_id", "step_id", "event_name", "expression", "expires_at")
      SELECT "run_id", "step_id", "event_name", "expression", "expires_at" FROM "inngest_handover"."inngest_waits";
    DROP TABLE "inngest_handover"."inngest_waits";
  END IF;
  -- RESTRICT: anything else found there stays, and so does this migration (it fails, nothing moves).
  DROP SCHEMA "inngest_handover";
END $$;
