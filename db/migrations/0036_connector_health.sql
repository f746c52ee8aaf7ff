CREATE TABLE "connector_breaker_events" (
	"id" text PRIMARY KEY NOT NULL,
	"connector" text NOT NULL,
	"livemode" boolean NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text NOT NULL,
	"consecutive_failures" integer NOT NULL,
	"window_total" integer DEFAULT 0 NOT NULL,
	"window_failures" integer DEFAULT 0 NOT NULL,
	"instance_id" text,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connector_breakers" (
	"connector" text NOT NULL,
	"livemode" boolean NOT NULL,
	"state" text DEFAULT 'closed' NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone,
	"probe_claimed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connector_breakers_connector_livemode_pk" PRIMARY KEY("connector","livemode"),
	CONSTRAINT "connector_breakers_state_check" CHECK ("connector_breakers"."state" in ('closed', 'open', 'half_open'))
);
--> statement-breakpoint
CREATE TABLE "connector_health_minutes" (
	"connector" text NOT NULL,
	"livemode" boolean NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"instance_id" text NOT NULL,
	"successes" integer DEFAULT 0 NOT NULL,
	"declines" integer DEFAULT 0 NOT NULL,
	"transient_failures" integer DEFAULT 0 NOT NULL,
	"unknown_outcomes" integer DEFAULT 0 NOT NULL,
	"latency_sum_ms" bigint DEFAULT 0 NOT NULL,
	"latency_max_ms" integer DEFAULT 0 NOT NULL,
	"latency_histogram" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connector_health_minutes_connector_livemode_minute_instance_id_pk" PRIMARY KEY("connector","livemode","minute","instance_id")
);
--> statement-breakpoint
CREATE INDEX "connector_breaker_events_livemode_at_index" ON "connector_breaker_events" USING btree ("livemode","at");--> statement-breakpoint
CREATE INDEX "connector_breaker_events_connector_livemode_at_index" ON "connector_breaker_events" USING btree ("connector","livemode","at");--> statement-breakpoint
CREATE INDEX "connector_health_minutes_livemode_minute_index" ON "connector_health_minutes" USING btree ("livemode","minute");--> statement-breakpoint
CREATE INDEX "connector_health_minutes_minute_index" ON "connector_health_minutes" USING btree ("minute");