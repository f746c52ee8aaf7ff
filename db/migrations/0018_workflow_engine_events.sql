CREATE TABLE "workflow_engine_events" (
	"engine_event_id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"name" text NOT NULL,
	"object_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "workflow_engine_events_merchant_id_created_at_index" ON "workflow_engine_events" USING btree ("merchant_id","created_at");