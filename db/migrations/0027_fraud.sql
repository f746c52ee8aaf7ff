CREATE TABLE "fraud_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"payment_id" text NOT NULL,
	"attempt_id" text NOT NULL,
	"score" double precision NOT NULL,
	"risk_score" integer NOT NULL,
	"risk_level" text NOT NULL,
	"outcome" text NOT NULL,
	"rule" text,
	"reason" text,
	"features" jsonb NOT NULL,
	"signals" jsonb NOT NULL,
	"rules_matched" jsonb NOT NULL,
	"model_version" text NOT NULL,
	"took_us" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fraud_counters" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"declines" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fraud_counters_merchant_id_livemode_dimension_key_bucket_pk" PRIMARY KEY("merchant_id","livemode","dimension","key","bucket")
);
--> statement-breakpoint
CREATE TABLE "fraud_links" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"kind" text NOT NULL,
	"a" text NOT NULL,
	"b" text NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	CONSTRAINT "fraud_links_merchant_id_livemode_kind_a_b_pk" PRIMARY KEY("merchant_id","livemode","kind","a","b")
);
--> statement-breakpoint
CREATE TABLE "fraud_list_items" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"list_id" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fraud_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"alias" text NOT NULL,
	"name" text NOT NULL,
	"item_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fraud_profiles" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	"amount_usd" bigint DEFAULT 0 NOT NULL,
	"first_paid_at" timestamp with time zone,
	"last_paid_at" timestamp with time zone,
	CONSTRAINT "fraud_profiles_merchant_id_livemode_kind_key_pk" PRIMARY KEY("merchant_id","livemode","kind","key")
);
--> statement-breakpoint
CREATE TABLE "fraud_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"action" text NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"replaces" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"payment_id" text NOT NULL,
	"open" integer DEFAULT 1 NOT NULL,
	"reason" text NOT NULL,
	"risk_score" integer NOT NULL,
	"closed_reason" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fraud_assessments_payment_id_index" ON "fraud_assessments" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "fraud_assessments_merchant_id_livemode_created_at_index" ON "fraud_assessments" USING btree ("merchant_id","livemode","created_at");--> statement-breakpoint
CREATE INDEX "fraud_counters_bucket_index" ON "fraud_counters" USING btree ("bucket");--> statement-breakpoint
CREATE INDEX "fraud_links_merchant_id_livemode_kind_a_last_seen_index" ON "fraud_links" USING btree ("merchant_id","livemode","kind","a","last_seen");--> statement-breakpoint
CREATE UNIQUE INDEX "fraud_list_items_list_id_value_index" ON "fraud_list_items" USING btree ("list_id","value");--> statement-breakpoint
CREATE INDEX "fraud_list_items_merchant_id_livemode_value_index" ON "fraud_list_items" USING btree ("merchant_id","livemode","value");--> statement-breakpoint
CREATE UNIQUE INDEX "fraud_lists_merchant_id_livemode_alias_index" ON "fraud_lists" USING btree ("merchant_id","livemode","alias");--> statement-breakpoint
CREATE INDEX "fraud_rules_merchant_id_livemode_status_index" ON "fraud_rules" USING btree ("merchant_id","livemode","status");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_payment_id_index" ON "reviews" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "reviews_merchant_id_livemode_open_risk_score_index" ON "reviews" USING btree ("merchant_id","livemode","open","risk_score");