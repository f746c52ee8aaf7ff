-- Custom SQL migration file, put your code below! --

-- subscription_mrr_refresh (0023) took the subscription's row lock before reading. A property run on
-- PostgreSQL found the case it misses: an item inserted by another transaction while the subscription's
-- own insert had not committed yet; that commit's refresh found no subscription, the subscription's
-- refresh ran before the item committed, and the item was never counted. The lock is now an advisory
-- transaction lock on the subscription id (class 15), taken by every refresh, so refreshes of one
-- subscription run one after another and the last one sees every write. The row lock could also
-- deadlock with it (a refresh holding the advisory lock waiting on a row whose writer waits for it).
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
  -- One refresh of a subscription at a time, to the end of its transaction: the reads below are fresh
  -- snapshots taken after every earlier refresh's commit, and each writer's own refresh runs after its
  -- write, so the last refresh sees every write. An advisory lock, not the row's: it also orders a commit
  -- whose subscription row is not visible yet (an item added in another transaction before the
  -- subscription's insert committed), and it never waits on a row another refresh's writer holds.
  PERFORM pg_advisory_xact_lock(15, hashtext(sub_id));
  SELECT * INTO s FROM subscriptions WHERE id = sub_id;
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
