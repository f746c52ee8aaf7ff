CREATE TABLE "routing_configs" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "routing" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "routing_configs_merchant_id_livemode_index" ON "routing_configs" USING btree ("merchant_id","livemode");