-- Every change to a connector's circuit breaker notifies channel kassa_connector_breakers, at commit, with
-- the new row (times in epoch milliseconds), so every app instance's in-memory view of the breakers
-- (lib/connector-health/breaker-view.ts) takes it at once without a read. Versions order the payloads.
CREATE OR REPLACE FUNCTION kassa_notify_connector_breaker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kassa_connector_breakers', json_build_object(
    'connector', NEW.connector,
    'livemode', NEW.livemode,
    'state', NEW.state,
    'failures', NEW.consecutive_failures,
    'opened_ms', floor(extract(epoch from NEW.opened_at) * 1000),
    'probe_ms', floor(extract(epoch from NEW.probe_claimed_at) * 1000),
    'version', NEW.version
  )::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER connector_breakers_notify_change
  AFTER INSERT OR UPDATE ON connector_breakers
  FOR EACH ROW EXECUTE FUNCTION kassa_notify_connector_breaker();
