CREATE TABLE "sandbox_charges" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"payment_id" text NOT NULL,
	"status" text NOT NULL,
	"capture_method" text NOT NULL,
	"amount" bigint NOT NULL,
	"amount_capturable" bigint NOT NULL,
	"amount_captured" bigint NOT NULL,
	"amount_refunded" bigint NOT NULL,
	"currency" text NOT NULL,
	"payment_method" text NOT NULL,
	"card" jsonb NOT NULL,
	"behaviour" text NOT NULL,
	"failure" jsonb,
	"next_action" jsonb,
	"risk_level" text NOT NULL,
	"three_d_secure" text,
	"customer" text,
	"description" text,
	"return_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"charge_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_requests" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"operation" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"charge_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_requests_merchant_id_livemode_operation_idempotency_key_pk" PRIMARY KEY("merchant_id","livemode","operation","idempotency_key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_charges_merchant_id_livemode_idempotency_key_index" ON "sandbox_charges" USING btree ("merchant_id","livemode","idempotency_key");--> statement-breakpoint
CREATE INDEX "sandbox_charges_merchant_id_livemode_payment_id_index" ON "sandbox_charges" USING btree ("merchant_id","livemode","payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_refunds_merchant_id_livemode_idempotency_key_index" ON "sandbox_refunds" USING btree ("merchant_id","livemode","idempotency_key");--> statement-breakpoint
CREATE INDEX "sandbox_refunds_charge_id_index" ON "sandbox_refunds" USING btree ("charge_id");