ALTER TABLE "emails" ADD COLUMN "html" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "merchant_id" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "livemode" boolean;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "object_id" text;--> statement-breakpoint
CREATE INDEX "emails_merchant_idx" ON "emails" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE UNIQUE INDEX "emails_once_per_object" ON "emails" USING btree ("merchant_id","kind","object_id") WHERE "emails"."object_id" is not null;