-- The embedded workflow executor (inngest/local) now keeps its state in its own Postgres schema with
-- its own migrations. Its tables used to be the app's (0001): they move, rows, keys and indexes
-- untouched, into schema "inngest_handover", from which the executor's own migration
-- (inngest/local/migrations/0001_adopt_app_tables.sql) takes every row when it next starts. Where it
-- never runs (Inngest Cloud), they simply wait there. Moving takes each table's exclusive lock, so
-- nothing can be written to the old tables between here and their move.
CREATE SCHEMA IF NOT EXISTS "inngest_handover";
--> statement-breakpoint
ALTER TABLE "inngest_events" SET SCHEMA "inngest_handover";
--> statement-breakpoint
ALTER TABLE "inngest_functions" SET SCHEMA "inngest_handover";
--> statement-breakpoint
ALTER TABLE "inngest_queue" SET SCHEMA "inngest_handover";
--> statement-breakpoint
ALTER TABLE "inngest_runs" SET SCHEMA "inngest_handover";
--> statement-breakpoint
ALTER TABLE "inngest_steps" SET SCHEMA "inngest_handover";
--> statement-breakpoint
ALTER TABLE "inngest_waits" SET SCHEMA "inngest_handover";
--> statement-breakpoint
-- The next migration (generated when the tables left db/schema) drops the app's "inngest_*" tables;
-- these column-less stand-ins are what it drops. An old process still writing there meanwhile gets
-- an error, never a row that is silently left behind.
CREATE TABLE "inngest_events" ();
--> statement-breakpoint
CREATE TABLE "inngest_functions" ();
--> statement-breakpoint
CREATE TABLE "inngest_queue" ();
--> statement-breakpoint
CREATE TABLE "inngest_runs" ();
--> statement-breakpoint
CREATE TABLE "inngest_steps" ();
--> statement-breakpoint
CREATE TABLE "inngest_waits" ();
