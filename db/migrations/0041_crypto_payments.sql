CREATE TABLE "crypto_deposits" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"token" text NOT NULL,
	"chain_id" integer NOT NULL,
	"token_address" text,
	"address" text NOT NULL,
	"derivation_index" integer NOT NULL,
	"seed_key_id" text NOT NULL,
	"amount" numeric(78, 0) NOT NULL,
	"amount_received" numeric(78, 0) DEFAULT 0 NOT NULL,
	"from_block" numeric(78, 0) NOT NULL,
	"confirmations_required" integer NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"transfers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crypto_wallets" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"seed_key_id" text NOT NULL,
	"seed_ciphertext" text NOT NULL,
	"next_index" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crypto_wallets_merchant_id_livemode_pk" PRIMARY KEY("merchant_id","livemode")
);
--> statement-breakpoint
ALTER TABLE "journal_lines" ALTER COLUMN "amount" SET DATA TYPE numeric(78, 0);--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "crypto" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "crypto_deposits_address_idx" ON "crypto_deposits" USING btree ("chain_id","address");--> statement-breakpoint
CREATE UNIQUE INDEX "crypto_deposits_derivation_idx" ON "crypto_deposits" USING btree ("merchant_id","livemode","derivation_index");--> statement-breakpoint
CREATE INDEX "crypto_deposits_pending_idx" ON "crypto_deposits" USING btree ("expires_at") WHERE "crypto_deposits"."status" in ('pending', 'confirming');