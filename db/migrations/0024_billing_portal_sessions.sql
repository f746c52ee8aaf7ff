CREATE TABLE "billing_portal_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"customer" text NOT NULL,
	"token_hash" text NOT NULL,
	"return_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "billing_portal_sessions_token_hash_idx" ON "billing_portal_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "billing_portal_sessions_merchant_id_livemode_customer_id_index" ON "billing_portal_sessions" USING btree ("merchant_id","livemode","customer","id");