ALTER TABLE "payment_rollups" DROP CONSTRAINT "payment_rollups_merchant_id_livemode_day_currency_status_brand_pk";--> statement-breakpoint
ALTER TABLE "refund_rollups" DROP CONSTRAINT "refund_rollups_merchant_id_livemode_day_currency_status_pk";--> statement-breakpoint
ALTER TABLE "fraud_profiles" DROP CONSTRAINT "fraud_profiles_merchant_id_livemode_kind_key_pk";--> statement-breakpoint
ALTER TABLE "payment_rollups" ADD CONSTRAINT "payment_rollups_merchant_id_livemode_day_currency_status_brand_shard_pk" PRIMARY KEY("merchant_id","livemode","day","currency","status","brand","shard");--> statement-breakpoint
ALTER TABLE "refund_rollups" ADD CONSTRAINT "refund_rollups_merchant_id_livemode_day_currency_status_shard_pk" PRIMARY KEY("merchant_id","livemode","day","currency","status","shard");--> statement-breakpoint
ALTER TABLE "fraud_profiles" ADD CONSTRAINT "fraud_profiles_merchant_id_livemode_kind_key_shard_pk" PRIMARY KEY("merchant_id","livemode","kind","key","shard");