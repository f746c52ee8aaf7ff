-- Custom SQL migration file, put your code below! --
-- A rollup row was one per key, so every payment of a merchant on a day added to the same row (its
-- `processing` row in phase A and again in phase B), and the deferred trigger holds that row's lock from its
-- upsert at commit until the commit is durable: with a managed server's commit time (replicated WAL, 1-3 ms)
-- a merchant could commit one payment per commit time, whatever the number of app instances. A key now has up
-- to 16 rows (`shard`, 0045/0046) and each upsert adds to its connection's (the column's default,
-- pg_backend_pid() % 16): transactions running at the same time are on different connections, so they add to
-- different rows. Readers sum over a key's shards. The trigger functions only name the new key in ON CONFLICT;
-- an update still takes the old and new rows in key order (both in the same shard).
CREATE OR REPLACE FUNCTION payment_rollup_add(p payments, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO payment_rollups AS r (merchant_id, livemode, day, currency, status, brand, count, declined, amount, amount_received, amount_refunded, fee)
  VALUES (p.merchant_id, p.livemode, (p.created_at AT TIME ZONE 'UTC')::date, p.currency, p.status, coalesce(p.card->>'brand', ''),
          sign, CASE WHEN p.last_payment_error IS NULL THEN 0 ELSE sign END,
          sign * p.amount, sign * p.amount_received, sign * p.amount_refunded, sign * p.fee)
  ON CONFLICT (merchant_id, livemode, day, currency, status, brand, shard) DO UPDATE SET
    count = r.count + excluded.count,
    declined = r.declined + excluded.declined,
    amount = r.amount + excluded.amount,
    amount_received = r.amount_received + excluded.amount_received,
    amount_refunded = r.amount_refunded + excluded.amount_refunded,
    fee = r.fee + excluded.fee;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refund_rollup_add(x refunds, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO refund_rollups AS r (merchant_id, livemode, day, currency, status, count, amount, fee_refunded)
  VALUES (x.merchant_id, x.livemode, (x.created_at AT TIME ZONE 'UTC')::date, x.currency, x.status, sign, sign * x.amount, sign * x.fee_refunded)
  ON CONFLICT (merchant_id, livemode, day, currency, status, shard) DO UPDATE SET
    count = r.count + excluded.count,
    amount = r.amount + excluded.amount,
    fee_refunded = r.fee_refunded + excluded.fee_refunded;
END
$$;
