CREATE TABLE "alert_settings" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"failure_rate_bp" integer DEFAULT 1000 NOT NULL,
	"timeout_rate_bp" integer DEFAULT 500 NOT NULL,
	"min_attempts" integer DEFAULT 20 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_settings_merchant_id_livemode_pk" PRIMARY KEY("merchant_id","livemode")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"kind" text NOT NULL,
	"value_bp" integer NOT NULL,
	"threshold_bp" integer NOT NULL,
	"attempts" integer NOT NULL,
	"matching" integer NOT NULL,
	"window_minutes" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_value_bp" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "outcome_unknown_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_open_idx" ON "alerts" USING btree ("merchant_id","livemode","kind") WHERE "alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_merchant_id_livemode_opened_at_index" ON "alerts" USING btree ("merchant_id","livemode","opened_at");--> statement-breakpoint
CREATE INDEX "payment_attempts_created_idx" ON "payment_attempts" USING btree ("created_at");