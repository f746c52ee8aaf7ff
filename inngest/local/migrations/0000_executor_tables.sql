CREATE SCHEMA "inngest_local";
--> statement-breakpoint
CREATE TABLE "inngest_local"."inngest_events" (
	"id" text PRIMARY KEY NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"user" jsonb,
	"ts" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."inngest_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text,
	"url" text NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."inngest_queue" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"kind" text NOT NULL,
	"step_id" text NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"leased_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."inngest_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"event_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"max_attempts" integer NOT NULL,
	"disable_immediate_execution" boolean DEFAULT false NOT NULL,
	"pending" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"idempotency_key" text,
	"output" jsonb,
	"error" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."inngest_steps" (
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"position" integer NOT NULL,
	"op" text NOT NULL,
	"name" text,
	"result" jsonb,
	"attempts" integer DEFAULT 1 NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inngest_steps_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "inngest_local"."inngest_waits" (
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inngest_waits_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
CREATE INDEX "inngest_events_external_id_received_at_index" ON "inngest_local"."inngest_events" USING btree ("external_id","received_at");--> statement-breakpoint
CREATE INDEX "inngest_events_name_index" ON "inngest_local"."inngest_events" USING btree ("name");--> statement-breakpoint
CREATE INDEX "inngest_queue_due_at_index" ON "inngest_local"."inngest_queue" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "inngest_queue_run_id_index" ON "inngest_local"."inngest_queue" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "inngest_runs_function_id_status_index" ON "inngest_local"."inngest_runs" USING btree ("function_id","status");--> statement-breakpoint
CREATE INDEX "inngest_runs_function_id_idempotency_key_index" ON "inngest_local"."inngest_runs" USING btree ("function_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "inngest_waits_event_name_index" ON "inngest_local"."inngest_waits" USING btree ("event_name");