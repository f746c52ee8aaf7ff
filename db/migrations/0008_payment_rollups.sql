CREATE TABLE "payment_rollups" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"brand" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"declined" bigint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"amount_received" bigint DEFAULT 0 NOT NULL,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "payment_rollups_merchant_id_livemode_day_currency_status_brand_pk" PRIMARY KEY("merchant_id","livemode","day","currency","status","brand")
);
--> statement-breakpoint
CREATE TABLE "refund_rollups" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"fee_refunded" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "refund_rollups_merchant_id_livemode_day_currency_status_pk" PRIMARY KEY("merchant_id","livemode","day","currency","status")
);
--> statement-breakpoint
CREATE INDEX "payments_dashboard_created_idx" ON "payments" USING btree ("merchant_id","livemode","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_dashboard_status_idx" ON "payments" USING btree ("merchant_id","livemode","status","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_dashboard_email_idx" ON "payments" USING btree ("merchant_id","livemode","receipt_email");--> statement-breakpoint
CREATE INDEX "payments_dashboard_last4_idx" ON "payments" USING btree ("merchant_id","livemode",("card"->>'last4'));--> statement-breakpoint
CREATE INDEX "payments_dashboard_amount_idx" ON "payments" USING btree ("merchant_id","livemode","amount");