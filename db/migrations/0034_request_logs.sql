CREATE TABLE "request_logs" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"route" text NOT NULL,
	"status" integer NOT NULL,
	"api_key_id" text,
	"api_key_prefix" text,
	"idempotency_key" text,
	"latency_ms" integer NOT NULL,
	"ip" text,
	"user_agent" text,
	"request_body" text,
	"request_body_truncated" boolean DEFAULT false NOT NULL,
	"response_body" text,
	"response_body_truncated" boolean DEFAULT false NOT NULL,
	"object_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "request_logs_merchant_id_livemode_id_index" ON "request_logs" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "request_logs_merchant_id_livemode_api_key_id_id_index" ON "request_logs" USING btree ("merchant_id","livemode","api_key_id","id");--> statement-breakpoint
CREATE INDEX "request_logs_object_ids_idx" ON "request_logs" USING gin ("object_ids");--> statement-breakpoint
CREATE INDEX "request_logs_created_at_index" ON "request_logs" USING btree ("created_at");