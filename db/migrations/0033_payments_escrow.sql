ALTER TABLE "payments" ADD COLUMN "escrow" jsonb;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "escrow_release_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "payments_escrow_due_idx" ON "payments" USING btree ("escrow_release_at") WHERE "payments"."escrow"->>'status' = 'held';