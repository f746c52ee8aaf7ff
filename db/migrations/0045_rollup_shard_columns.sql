ALTER TABLE "payment_rollups" ADD COLUMN "shard" smallint DEFAULT (pg_backend_pid() % 16) NOT NULL;--> statement-breakpoint
ALTER TABLE "refund_rollups" ADD COLUMN "shard" smallint DEFAULT (pg_backend_pid() % 16) NOT NULL;--> statement-breakpoint
ALTER TABLE "fraud_profiles" ADD COLUMN "shard" smallint DEFAULT (pg_backend_pid() % 16) NOT NULL;