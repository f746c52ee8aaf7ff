ALTER TABLE "sandbox_charges" ALTER COLUMN "card" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "paypal" jsonb;--> statement-breakpoint
ALTER TABLE "sandbox_charges" ADD COLUMN "paypal" jsonb;--> statement-breakpoint
CREATE INDEX "payment_attempts_processor_idx" ON "payment_attempts" USING btree ("processor_id") WHERE "payment_attempts"."processor_id" is not null;