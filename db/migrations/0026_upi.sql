CREATE TABLE "sandbox_upi_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" jsonb NOT NULL,
	"callback_secret" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_upi_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"transaction_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_upi_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"merchant_reference" text NOT NULL,
	"request_hash" text NOT NULL,
	"payment_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"flow" text NOT NULL,
	"vpa" text,
	"payer_name" text,
	"status" text NOT NULL,
	"behaviour" text NOT NULL,
	"decide_at" timestamp with time zone,
	"callback" boolean NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"intent_url" text,
	"rrn" text,
	"decided_at" timestamp with time zone,
	"callback_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upi_events" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"payment_id" text NOT NULL,
	"attempt_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"callback_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upi_settings" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"collect_enabled" boolean DEFAULT false NOT NULL,
	"max_amount" bigint DEFAULT 10000000 NOT NULL,
	"expiry_minutes" integer,
	"fee_basis_points" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upi_settings_merchant_id_livemode_pk" PRIMARY KEY("merchant_id","livemode")
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "upi" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_upi_refunds_merchant_id_livemode_idempotency_key_index" ON "sandbox_upi_refunds" USING btree ("merchant_id","livemode","idempotency_key");--> statement-breakpoint
CREATE INDEX "sandbox_upi_refunds_transaction_id_index" ON "sandbox_upi_refunds" USING btree ("transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_upi_transactions_merchant_id_livemode_merchant_reference_index" ON "sandbox_upi_transactions" USING btree ("merchant_id","livemode","merchant_reference");--> statement-breakpoint
CREATE INDEX "upi_events_payment_id_created_at_index" ON "upi_events" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "upi_events_callback_idx" ON "upi_events" USING btree ("callback_id");--> statement-breakpoint
CREATE INDEX "payments_upi_pending_idx" ON "payments" USING btree ("updated_at") WHERE "payments"."status" = 'requires_action' and "payments"."upi" is not null;