CREATE TABLE "bank_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"currency" text NOT NULL,
	"country" text NOT NULL,
	"kind" text NOT NULL,
	"account_holder_name" text NOT NULL,
	"account_holder_type" text,
	"bank_name" text,
	"routing_number" text,
	"last4" text NOT NULL,
	"fingerprint" text NOT NULL,
	"number_key_id" text NOT NULL,
	"number_ciphertext" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"default_for_currency" boolean DEFAULT false NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_settings" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"interval" text DEFAULT 'manual' NOT NULL,
	"weekly_anchor" text DEFAULT 'monday' NOT NULL,
	"monthly_anchor" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_settings_merchant_id_livemode_pk" PRIMARY KEY("merchant_id","livemode")
);
--> statement-breakpoint
CREATE TABLE "payout_settlements" (
	"balance_transaction_id" text PRIMARY KEY NOT NULL,
	"payout_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"schedule_key" text,
	"description" text,
	"bank_account_id" text NOT NULL,
	"balance_transaction_id" text NOT NULL,
	"return_balance_transaction_id" text,
	"connector" text NOT NULL,
	"bank_reference" text,
	"arrival_date" timestamp with time zone,
	"failure_code" text,
	"failure_message" text,
	"sent_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_bank_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"last4" text NOT NULL,
	"status" text NOT NULL,
	"arrival_date" timestamp with time zone NOT NULL,
	"failure_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "bank_accounts_merchant_id_livemode_id_index" ON "bank_accounts" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_one_default" ON "bank_accounts" USING btree ("merchant_id","livemode","currency") WHERE "bank_accounts"."default_for_currency" and "bank_accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "payout_settlements_payout_id_index" ON "payout_settlements" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "payouts_merchant_id_livemode_id_index" ON "payouts" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "payouts_merchant_id_livemode_status_index" ON "payouts" USING btree ("merchant_id","livemode","status");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_schedule_slot" ON "payouts" USING btree ("merchant_id","livemode","currency","schedule_key") WHERE "payouts"."schedule_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_bank_transfers_merchant_id_livemode_idempotency_key_index" ON "sandbox_bank_transfers" USING btree ("merchant_id","livemode","idempotency_key");