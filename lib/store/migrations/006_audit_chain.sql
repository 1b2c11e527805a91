-- A tamper-evident audit log: each row carries the SHA-256 of the previous row's hash and its
-- own canonical content (lib/store/audit-chain.ts), so changing, removing or reordering a row
-- breaks the chain from that row on. `npx nivel audit-verify` checks it. Rows written before
-- this migration have no hash: verification reports them as lying before the chain.
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;

-- From now on no row enters the log outside the chain.
CREATE FUNCTION audit_log_chained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.hash IS NULL OR NEW.prev_hash IS NULL THEN
    RAISE EXCEPTION 'audit_log rows must be chained (prev_hash and hash)';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chained();
