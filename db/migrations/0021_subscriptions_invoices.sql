CREATE TABLE "billing_settings" (
	"merchant_id" text PRIMARY KEY NOT NULL,
	"retry_days" jsonb NOT NULL,
	"terminal_action" text NOT NULL,
	"portal_cancel" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"invoice" text,
	"subscription" text,
	"subscription_item" text,
	"price" text,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"proration" boolean DEFAULT false NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_sequences" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"next" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "invoice_sequences_merchant_id_livemode_pk" PRIMARY KEY("merchant_id","livemode")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"customer" text NOT NULL,
	"subscription" text,
	"status" text NOT NULL,
	"number" text,
	"currency" text NOT NULL,
	"billing_reason" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"subtotal" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"starting_balance" bigint DEFAULT 0 NOT NULL,
	"ending_balance" bigint DEFAULT 0 NOT NULL,
	"amount_due" bigint DEFAULT 0 NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_payment_attempt" timestamp with time zone,
	"payment" text,
	"last_payment_error" jsonb,
	"hosted_token" text NOT NULL,
	"customer_email" text,
	"customer_name" text,
	"description" text,
	"renewal_key" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"finalized_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"marked_uncollectible_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_items" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"subscription" text NOT NULL,
	"price" text NOT NULL,
	"quantity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"customer" text NOT NULL,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"interval" text NOT NULL,
	"interval_count" integer NOT NULL,
	"default_payment_method" text,
	"billing_cycle_anchor" timestamp with time zone NOT NULL,
	"current_period_start" timestamp with time zone NOT NULL,
	"current_period_end" timestamp with time zone NOT NULL,
	"trial_start" timestamp with time zone,
	"trial_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"canceled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"cancellation_reason" text,
	"status_reason" jsonb,
	"latest_invoice" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "balance" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_id_index" ON "invoice_lines" USING btree ("invoice","id");--> statement-breakpoint
CREATE INDEX "invoice_lines_pending_idx" ON "invoice_lines" USING btree ("subscription","id") WHERE "invoice_lines"."invoice" is null;--> statement-breakpoint
CREATE INDEX "invoices_merchant_id_livemode_id_index" ON "invoices" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "invoices_merchant_id_livemode_subscription_id_index" ON "invoices" USING btree ("merchant_id","livemode","subscription","id");--> statement-breakpoint
CREATE INDEX "invoices_merchant_id_livemode_customer_id_index" ON "invoices" USING btree ("merchant_id","livemode","customer","id");--> statement-breakpoint
CREATE INDEX "invoices_merchant_id_livemode_status_id_index" ON "invoices" USING btree ("merchant_id","livemode","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_renewal_key_idx" ON "invoices" USING btree ("renewal_key");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_hosted_token_idx" ON "invoices" USING btree ("hosted_token");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_idx" ON "invoices" USING btree ("merchant_id","livemode","number") WHERE "invoices"."number" is not null;--> statement-breakpoint
CREATE INDEX "subscription_items_subscription_id_index" ON "subscription_items" USING btree ("subscription","id");--> statement-breakpoint
CREATE INDEX "subscription_items_merchant_id_livemode_price_index" ON "subscription_items" USING btree ("merchant_id","livemode","price");--> statement-breakpoint
CREATE INDEX "subscriptions_merchant_id_livemode_id_index" ON "subscriptions" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "subscriptions_merchant_id_livemode_customer_id_index" ON "subscriptions" USING btree ("merchant_id","livemode","customer","id");--> statement-breakpoint
CREATE INDEX "subscriptions_merchant_id_livemode_status_id_index" ON "subscriptions" USING btree ("merchant_id","livemode","status","id");