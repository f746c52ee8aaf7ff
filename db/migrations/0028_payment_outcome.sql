ALTER TABLE "payment_attempts" ADD COLUMN "fraud_keys" jsonb;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "outcome" jsonb;--> statement-breakpoint
CREATE INDEX "payments_upi_created_idx" ON "payments" USING btree ("merchant_id","livemode","created_at","id") WHERE "payments"."upi" is not null;