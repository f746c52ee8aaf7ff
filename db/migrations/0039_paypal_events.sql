CREATE TABLE "paypal_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"order_id" text,
	"merchant_id" text,
	"livemode" boolean,
	"payment_id" text,
	"transmission_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE INDEX "paypal_events_merchant_id_livemode_payment_id_index" ON "paypal_events" USING btree ("merchant_id","livemode","payment_id");