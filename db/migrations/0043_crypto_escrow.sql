ALTER TABLE "chain_transactions" ADD COLUMN "data" text;--> statement-breakpoint
ALTER TABLE "crypto_deposits" ADD COLUMN "escrow" jsonb;