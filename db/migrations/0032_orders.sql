CREATE TABLE "fulfillment_hooks" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"reserve_url" text NOT NULL,
	"confirm_url" text NOT NULL,
	"release_url" text NOT NULL,
	"description" text,
	"secret_ciphertext" text NOT NULL,
	"secret_key_id" text NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"order_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"step_key" text NOT NULL,
	"attempt" integer NOT NULL,
	"outcome" text NOT NULL,
	"status_code" integer,
	"latency_ms" integer NOT NULL,
	"error" text,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"payment_method" text NOT NULL,
	"items" jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'initiated' NOT NULL,
	"hook_id" text,
	"payment_id" text,
	"refund_id" text,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure_code" text,
	"failure_message" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fulfillment_hooks_merchant_id_livemode_id_index" ON "fulfillment_hooks" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "order_steps_order_id_created_at_index" ON "order_steps" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_merchant_id_livemode_id_index" ON "orders" USING btree ("merchant_id","livemode","id");