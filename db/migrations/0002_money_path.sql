CREATE TABLE "payment_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"payment_id" text NOT NULL,
	"status" text NOT NULL,
	"amount" bigint NOT NULL,
	"payment_method" text NOT NULL,
	"connector" text NOT NULL,
	"processor_id" text,
	"failure" jsonb,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"capture_method" text NOT NULL,
	"amount_capturable" bigint DEFAULT 0 NOT NULL,
	"amount_received" bigint DEFAULT 0 NOT NULL,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"payment_method" text,
	"card" jsonb,
	"customer" text,
	"description" text,
	"receipt_email" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"connector" text NOT NULL,
	"processor_id" text,
	"latest_attempt_id" text,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"last_payment_error" jsonb,
	"next_action" jsonb,
	"return_url" text,
	"cancellation_reason" text,
	"canceled_at" timestamp with time zone,
	"captured_at" timestamp with time zone,
	"authorization_expires_at" timestamp with time zone,
	"capture_at" timestamp with time zone,
	"pending_operation" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"payment_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"fee_refunded" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"connector" text NOT NULL,
	"processor_id" text,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "balance_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"entry_id" text NOT NULL,
	"type" text NOT NULL,
	"amount" bigint NOT NULL,
	"fee" bigint NOT NULL,
	"net" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"available_on" timestamp with time zone NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "balance_transactions_net" CHECK ("balance_transactions"."net" = "balance_transactions"."amount" - "balance_transactions"."fee"),
	CONSTRAINT "balance_transactions_status" CHECK ("balance_transactions"."status" in ('pending', 'available'))
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"currency" text NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"description" text,
	"reverses_entry_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_lines" (
	"entry_id" text NOT NULL,
	"position" integer NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"currency" text NOT NULL,
	"account" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "journal_lines_entry_id_position_pk" PRIMARY KEY("entry_id","position"),
	CONSTRAINT "journal_lines_amount_nonzero" CHECK ("journal_lines"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"currency" text NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_natural_key" UNIQUE("merchant_id","livemode","currency","type")
);
--> statement-breakpoint
ALTER TABLE "balance_transactions" ADD CONSTRAINT "balance_transactions_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_reverses_entry_id_journal_entries_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_account_fk" FOREIGN KEY ("merchant_id","livemode","currency","account") REFERENCES "public"."ledger_accounts"("merchant_id","livemode","currency","type") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_attempts_payment_id_index" ON "payment_attempts" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_attempts_status_created_at_index" ON "payment_attempts" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "payments_merchant_id_livemode_id_index" ON "payments" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "payments_merchant_id_livemode_status_id_index" ON "payments" USING btree ("merchant_id","livemode","status","id");--> statement-breakpoint
CREATE INDEX "payments_merchant_id_livemode_customer_id_index" ON "payments" USING btree ("merchant_id","livemode","customer","id");--> statement-breakpoint
CREATE INDEX "payments_recovery_idx" ON "payments" USING btree ("updated_at") WHERE "payments"."status" = 'processing' or "payments"."pending_operation" is not null;--> statement-breakpoint
CREATE INDEX "refunds_merchant_id_livemode_id_index" ON "refunds" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "refunds_payment_id_index" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_processor_id_index" ON "refunds" USING btree ("processor_id");--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "refunds" USING btree ("updated_at") WHERE "refunds"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_charges_merchant_id_livemode_idempotency_key_index" ON "sandbox_charges" USING btree ("merchant_id","livemode","idempotency_key");--> statement-breakpoint
CREATE INDEX "sandbox_charges_merchant_id_livemode_payment_id_index" ON "sandbox_charges" USING btree ("merchant_id","livemode","payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_refunds_merchant_id_livemode_idempotency_key_index" ON "sandbox_refunds" USING btree ("merchant_id","livemode","idempotency_key");--> statement-breakpoint
CREATE INDEX "sandbox_refunds_charge_id_index" ON "sandbox_refunds" USING btree ("charge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "balance_transactions_entry_id_index" ON "balance_transactions" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "balance_transactions_merchant_id_livemode_id_index" ON "balance_transactions" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "balance_transactions_merchant_id_livemode_source_id_index" ON "balance_transactions" USING btree ("merchant_id","livemode","source_id");--> statement-breakpoint
CREATE INDEX "balance_transactions_due" ON "balance_transactions" USING btree ("available_on") WHERE "balance_transactions"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_key" ON "journal_entries" USING btree ("merchant_id","livemode","key");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_reverses" ON "journal_entries" USING btree ("reverses_entry_id") WHERE "journal_entries"."reverses_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "journal_entries_merchant_id_livemode_source_id_index" ON "journal_entries" USING btree ("merchant_id","livemode","source_id");--> statement-breakpoint
CREATE INDEX "journal_lines_balance" ON "journal_lines" USING btree ("merchant_id","livemode","account","currency");