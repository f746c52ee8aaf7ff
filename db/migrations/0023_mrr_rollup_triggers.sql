-- Custom SQL migration file, put your code below! --
-- MRR rollups (db/schema/rollups.ts) follow every change of a subscription's status or items in the same
-- transaction, whatever wrote it, as the payment rollups do. The triggers are deferred to commit: there the
-- subscription's MRR is recomputed from its final rows and compared with what subscription_mrr last counted,
-- so a commit that inserts a subscription, its items and then activates it makes one movement, not three,
-- and the rollup row's lock is held only from commit to its end.
--
-- mrr_of: one item normalised to a month, rounded half up (amounts are never negative); lib/billing/mrr.ts
-- has the same rule in TypeScript and its test holds the two to each other.
CREATE OR REPLACE FUNCTION mrr_of(unit_amount bigint, quantity integer, iv text, n integer) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT (2 * unit_amount * quantity * f.num + f.den * n) / (2 * f.den * n)
  FROM (SELECT (CASE iv WHEN 'day' THEN 365 WHEN 'week' THEN 52 ELSE 1 END)::bigint AS num,
               (CASE iv WHEN 'month' THEN 1 ELSE 12 END)::bigint AS den) f
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION subscription_mrr_refresh(sub_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s subscriptions;
  prev subscription_mrr;
  counted_now boolean;
  mrr_now bigint := 0;
  d date;
  c_new bigint := 0;
  c_react bigint := 0;
  c_exp bigint := 0;
  c_con bigint := 0;
  c_churn bigint := 0;
  gained int := 0;
  lost int := 0;
  n int;
BEGIN
  -- The subscription's row lock first: a concurrent commit changing its status or items waits here until
  -- this one ends (verbs hold it already), and the reads below, each a fresh snapshot, see that commit's rows.
  -- Reading before locking let a commit add an item to a subscription another had just paused and count it.
  SELECT * INTO s FROM subscriptions WHERE id = sub_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- lib/billing/mrr.ts MRR_STATUSES
  counted_now := s.status IN ('active', 'past_due');
  IF counted_now THEN
    SELECT coalesce(sum(mrr_of(p.unit_amount, i.quantity, p.recurring_interval, p.recurring_interval_count)), 0) INTO mrr_now
    FROM subscription_items i JOIN prices p ON p.id = i.price
    WHERE i.subscription = sub_id;
  END IF;
  SELECT * INTO prev FROM subscription_mrr WHERE subscription = sub_id FOR UPDATE;
  IF NOT FOUND THEN
    IF NOT counted_now THEN
      RETURN; -- never counted and does not count now: nothing to remember yet
    END IF;
    INSERT INTO subscription_mrr (subscription, merchant_id, livemode, customer, currency, mrr, counted, ever_counted)
    VALUES (s.id, s.merchant_id, s.livemode, s.customer, s.currency, 0, false, false);
    SELECT * INTO prev FROM subscription_mrr WHERE subscription = sub_id FOR UPDATE;
  END IF;
  IF prev.counted = counted_now AND prev.mrr = mrr_now THEN
    RETURN;
  END IF;
  d := (s.updated_at AT TIME ZONE 'UTC')::date;
  IF counted_now AND NOT prev.counted THEN
    IF prev.ever_counted THEN
      c_react := mrr_now;
    ELSE
      c_new := mrr_now;
    END IF;
    INSERT INTO mrr_subscribers AS x (merchant_id, livemode, customer, currency, subscriptions)
    VALUES (s.merchant_id, s.livemode, s.customer, s.currency, 1)
    ON CONFLICT (customer, currency) DO UPDATE SET subscriptions = x.subscriptions + 1
    RETURNING x.subscriptions INTO n;
    IF n = 1 THEN
      gained := 1;
    END IF;
  ELSIF prev.counted AND NOT counted_now THEN
    c_churn := prev.mrr;
    UPDATE mrr_subscribers SET subscriptions = subscriptions - 1
    WHERE customer = s.customer AND currency = s.currency
    RETURNING subscriptions INTO n;
    IF n = 0 THEN
      lost := 1;
    END IF;
  ELSIF mrr_now > prev.mrr THEN
    c_exp := mrr_now - prev.mrr;
  ELSE
    c_con := prev.mrr - mrr_now;
  END IF;
  UPDATE subscription_mrr SET mrr = mrr_now, counted = counted_now, ever_counted = prev.ever_counted OR counted_now
  WHERE subscription = sub_id;
  INSERT INTO mrr_rollups AS r (merchant_id, livemode, day, currency, new_mrr, reactivation_mrr, expansion_mrr, contraction_mrr, churned_mrr,
                                subscribers_gained, subscribers_lost)
  VALUES (s.merchant_id, s.livemode, d, s.currency, c_new, c_react, c_exp, c_con, c_churn, gained, lost)
  ON CONFLICT (merchant_id, livemode, day, currency) DO UPDATE SET
    new_mrr = r.new_mrr + excluded.new_mrr,
    reactivation_mrr = r.reactivation_mrr + excluded.reactivation_mrr,
    expansion_mrr = r.expansion_mrr + excluded.expansion_mrr,
    contraction_mrr = r.contraction_mrr + excluded.contraction_mrr,
    churned_mrr = r.churned_mrr + excluded.churned_mrr,
    subscribers_gained = r.subscribers_gained + excluded.subscribers_gained,
    subscribers_lost = r.subscribers_lost + excluded.subscribers_lost;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION subscriptions_mrr_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM subscription_mrr_refresh(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Only the status of a subscription moves its MRR (currency and customer never change; items have their own trigger).
CREATE CONSTRAINT TRIGGER subscriptions_mrr AFTER INSERT OR UPDATE OF status ON subscriptions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION subscriptions_mrr_apply();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION subscription_items_mrr_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM subscription_mrr_refresh(OLD.subscription);
    RETURN NULL;
  END IF;
  PERFORM subscription_mrr_refresh(NEW.subscription);
  IF TG_OP = 'UPDATE' AND OLD.subscription IS DISTINCT FROM NEW.subscription THEN
    PERFORM subscription_mrr_refresh(OLD.subscription);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER subscription_items_mrr AFTER INSERT OR UPDATE OR DELETE ON subscription_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION subscription_items_mrr_apply();
--> statement-breakpoint
-- Subscriptions written before this migration: counted on the day of their last change.
SELECT subscription_mrr_refresh(id) FROM subscriptions ORDER BY id;
