CREATE TABLE "mrr_rollups" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"new_mrr" bigint DEFAULT 0 NOT NULL,
	"reactivation_mrr" bigint DEFAULT 0 NOT NULL,
	"expansion_mrr" bigint DEFAULT 0 NOT NULL,
	"contraction_mrr" bigint DEFAULT 0 NOT NULL,
	"churned_mrr" bigint DEFAULT 0 NOT NULL,
	"subscribers_gained" bigint DEFAULT 0 NOT NULL,
	"subscribers_lost" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "mrr_rollups_merchant_id_livemode_day_currency_pk" PRIMARY KEY("merchant_id","livemode","day","currency")
);
--> statement-breakpoint
CREATE TABLE "mrr_subscribers" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"customer" text NOT NULL,
	"currency" text NOT NULL,
	"subscriptions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mrr_subscribers_customer_currency_pk" PRIMARY KEY("customer","currency")
);
--> statement-breakpoint
CREATE TABLE "subscription_mrr" (
	"subscription" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"customer" text NOT NULL,
	"currency" text NOT NULL,
	"mrr" bigint DEFAULT 0 NOT NULL,
	"counted" boolean DEFAULT false NOT NULL,
	"ever_counted" boolean DEFAULT false NOT NULL
);
