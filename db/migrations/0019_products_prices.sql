CREATE TABLE "prices" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"product" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"currency" text NOT NULL,
	"unit_amount" bigint NOT NULL,
	"type" text NOT NULL,
	"recurring_interval" text,
	"recurring_interval_count" integer,
	"nickname" text,
	"lookup_key" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"default_price" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "prices_merchant_id_livemode_id_index" ON "prices" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "prices_merchant_id_livemode_product_id_index" ON "prices" USING btree ("merchant_id","livemode","product","id");--> statement-breakpoint
CREATE UNIQUE INDEX "prices_active_lookup_key_idx" ON "prices" USING btree ("merchant_id","livemode","lookup_key") WHERE "prices"."active" and "prices"."lookup_key" is not null;--> statement-breakpoint
CREATE INDEX "products_merchant_id_livemode_id_index" ON "products" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "products_merchant_id_livemode_active_id_index" ON "products" USING btree ("merchant_id","livemode","active","id");