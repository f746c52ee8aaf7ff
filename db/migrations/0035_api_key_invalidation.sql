-- Every change that can make a cached API key wrong — revoked, rolled (expires_at), permissions, its
-- creator's role or membership — notifies channel kassa_api_keys with the merchant id, at commit, so
-- every app instance drops its cached keys of that merchant at once (lib/api-keys/key-cache.ts).
-- last_used_at (written once a minute per key) is deliberately not among the columns.
CREATE OR REPLACE FUNCTION kassa_notify_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kassa_api_keys', OLD.merchant_id);
  ELSE
    PERFORM pg_notify('kassa_api_keys', NEW.merchant_id);
    IF TG_OP = 'UPDATE' AND OLD.merchant_id IS DISTINCT FROM NEW.merchant_id THEN
      PERFORM pg_notify('kassa_api_keys', OLD.merchant_id);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER api_keys_notify_change
  AFTER UPDATE OF revoked_at, expires_at, kind, livemode, key_hash, created_by, permissions, merchant_id OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION kassa_notify_api_key_change();
--> statement-breakpoint
CREATE TRIGGER memberships_notify_change
  AFTER INSERT OR UPDATE OF role, user_id, merchant_id OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION kassa_notify_api_key_change();
