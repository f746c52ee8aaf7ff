-- Custom SQL migration file, put your code below! --
-- Rollups (db/schema/rollups.ts) follow every change of payments and refunds in the same
-- transaction, whatever wrote it (API verbs, webhooks, seeds): a row trigger takes the old row's
-- contribution away and adds the new row's, each as an upsert that adds a delta, so concurrent
-- writers never lose an update. The two upserts go in key order, so two transactions moving payments
-- between the same two keys in opposite directions lock the rollup rows in the same order.
-- The triggers are deferred to commit: many payments of one merchant share a rollup row, and its
-- lock is then held only from the upsert to the commit, not through the rest of the transaction
-- (ledger posting, outbox, stored response), so concurrent payments do not queue behind each other.
CREATE OR REPLACE FUNCTION payment_rollup_add(p payments, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO payment_rollups AS r (merchant_id, livemode, day, currency, status, brand, count, declined, amount, amount_received, amount_refunded, fee)
  VALUES (p.merchant_id, p.livemode, (p.created_at AT TIME ZONE 'UTC')::date, p.currency, p.status, coalesce(p.card->>'brand', ''),
          sign, CASE WHEN p.last_payment_error IS NULL THEN 0 ELSE sign END,
          sign * p.amount, sign * p.amount_received, sign * p.amount_refunded, sign * p.fee)
  ON CONFLICT (merchant_id, livemode, day, currency, status, brand) DO UPDATE SET
    count = r.count + excluded.count,
    declined = r.declined + excluded.declined,
    amount = r.amount + excluded.amount,
    amount_received = r.amount_received + excluded.amount_received,
    amount_refunded = r.amount_refunded + excluded.amount_refunded,
    fee = r.fee + excluded.fee;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM payment_rollup_add(NEW, 1);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM payment_rollup_add(OLD, -1);
    RETURN NULL;
  END IF;
  -- Most updates (attempt bookkeeping, timestamps) change nothing the rollups count.
  IF (OLD.merchant_id, OLD.livemode, OLD.created_at, OLD.currency, OLD.status, OLD.card->>'brand', OLD.last_payment_error IS NULL,
      OLD.amount, OLD.amount_received, OLD.amount_refunded, OLD.fee)
     IS NOT DISTINCT FROM
     (NEW.merchant_id, NEW.livemode, NEW.created_at, NEW.currency, NEW.status, NEW.card->>'brand', NEW.last_payment_error IS NULL,
      NEW.amount, NEW.amount_received, NEW.amount_refunded, NEW.fee) THEN
    RETURN NULL;
  END IF;
  old_key := concat_ws('|', OLD.merchant_id, OLD.livemode, (OLD.created_at AT TIME ZONE 'UTC')::date, OLD.currency, OLD.status, coalesce(OLD.card->>'brand', ''));
  new_key := concat_ws('|', NEW.merchant_id, NEW.livemode, (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.currency, NEW.status, coalesce(NEW.card->>'brand', ''));
  IF old_key <= new_key THEN
    PERFORM payment_rollup_add(OLD, -1);
    PERFORM payment_rollup_add(NEW, 1);
  ELSE
    PERFORM payment_rollup_add(NEW, 1);
    PERFORM payment_rollup_add(OLD, -1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER payments_rollups AFTER INSERT OR UPDATE OR DELETE ON payments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION payment_rollups_apply();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refund_rollup_add(x refunds, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO refund_rollups AS r (merchant_id, livemode, day, currency, status, count, amount, fee_refunded)
  VALUES (x.merchant_id, x.livemode, (x.created_at AT TIME ZONE 'UTC')::date, x.currency, x.status, sign, sign * x.amount, sign * x.fee_refunded)
  ON CONFLICT (merchant_id, livemode, day, currency, status) DO UPDATE SET
    count = r.count + excluded.count,
    amount = r.amount + excluded.amount,
    fee_refunded = r.fee_refunded + excluded.fee_refunded;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refund_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refund_rollup_add(NEW, 1);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM refund_rollup_add(OLD, -1);
    RETURN NULL;
  END IF;
  IF (OLD.merchant_id, OLD.livemode, OLD.created_at, OLD.currency, OLD.status, OLD.amount, OLD.fee_refunded)
     IS NOT DISTINCT FROM (NEW.merchant_id, NEW.livemode, NEW.created_at, NEW.currency, NEW.status, NEW.amount, NEW.fee_refunded) THEN
    RETURN NULL;
  END IF;
  old_key := concat_ws('|', OLD.merchant_id, OLD.livemode, (OLD.created_at AT TIME ZONE 'UTC')::date, OLD.currency, OLD.status);
  new_key := concat_ws('|', NEW.merchant_id, NEW.livemode, (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.currency, NEW.status);
  IF old_key <= new_key THEN
    PERFORM refund_rollup_add(OLD, -1);
    PERFORM refund_rollup_add(NEW, 1);
  ELSE
    PERFORM refund_rollup_add(NEW, 1);
    PERFORM refund_rollup_add(OLD, -1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER refunds_rollups AFTER INSERT OR UPDATE OR DELETE ON refunds
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refund_rollups_apply();
--> statement-breakpoint
-- Rows written before this migration.
INSERT INTO payment_rollups (merchant_id, livemode, day, currency, status, brand, count, declined, amount, amount_received, amount_refunded, fee)
SELECT merchant_id, livemode, (created_at AT TIME ZONE 'UTC')::date, currency, status, coalesce(card->>'brand', ''),
       count(*), count(last_payment_error), sum(amount), sum(amount_received), sum(amount_refunded), sum(fee)
FROM payments GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO refund_rollups (merchant_id, livemode, day, currency, status, count, amount, fee_refunded)
SELECT merchant_id, livemode, (created_at AT TIME ZONE 'UTC')::date, currency, status, count(*), sum(amount), sum(fee_refunded)
FROM refunds GROUP BY 1, 2, 3, 4, 5;
