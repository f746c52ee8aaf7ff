CREATE TABLE "chain_nonces" (
	"chain_id" integer NOT NULL,
	"address" text NOT NULL,
	"next_nonce" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_nonces_chain_id_address_pk" PRIMARY KEY("chain_id","address")
);
--> statement-breakpoint
CREATE TABLE "chain_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"chain_id" integer NOT NULL,
	"signer" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"token" text NOT NULL,
	"token_address" text,
	"amount" numeric(78, 0),
	"purpose" text NOT NULL,
	"priority" integer NOT NULL,
	"source_id" text NOT NULL,
	"after_id" text,
	"status" text NOT NULL,
	"nonce" integer,
	"gas_limit" numeric(78, 0),
	"max_fee_per_gas" numeric(78, 0),
	"max_priority_fee_per_gas" numeric(78, 0),
	"tx_hash" text,
	"raw_transaction" text,
	"hashes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"replacements" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"broadcast_at" timestamp with time zone,
	"mined_at" timestamp with time zone,
	"block_number" numeric(78, 0),
	"gas_used" numeric(78, 0),
	"effective_gas_price" numeric(78, 0),
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "crypto" jsonb;--> statement-breakpoint
ALTER TABLE "crypto_deposits" ADD COLUMN "amount_refunded" numeric(78, 0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "crypto_deposits" ADD COLUMN "sweep_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "chain_transactions_nonce_idx" ON "chain_transactions" USING btree ("chain_id","from_address","nonce");--> statement-breakpoint
CREATE INDEX "chain_transactions_open_idx" ON "chain_transactions" USING btree ("chain_id","from_address","priority","created_at") WHERE "chain_transactions"."status" in ('queued', 'signed', 'broadcast');--> statement-breakpoint
CREATE INDEX "chain_transactions_source_idx" ON "chain_transactions" USING btree ("source_id");