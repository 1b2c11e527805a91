-- Nivel's own data. Times are timestamptz; calendar dates inside plans stay ISO strings in JSON.

CREATE TABLE plan_versions (
  case_ref   text        NOT NULL,
  owner      text        NOT NULL CHECK (owner IN ('rise', 'county', 'joint')),
  version    integer     NOT NULL CHECK (version > 0),
  content    jsonb       NOT NULL,
  saved_by   text        NOT NULL,
  saved_at   timestamptz NOT NULL,
  PRIMARY KEY (case_ref, owner, version)
);

CREATE TABLE consent_events (
  id          integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_ref    text        NOT NULL,
  given       boolean     NOT NULL,
  items       jsonb       NOT NULL,
  recorded_by text        NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX consent_events_case ON consent_events (case_ref, id);

CREATE TABLE network_members (
  id           text        PRIMARY KEY,
  case_ref     text        NOT NULL,
  name         text        NOT NULL,
  role         text        NOT NULL,
  organisation text,
  email        text,
  language     text        NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
  kind         text        NOT NULL CHECK (kind IN ('ngo', 'peer', 'relative', 'public-service')),
  added_by     text        NOT NULL,
  added_at     timestamptz NOT NULL
);
CREATE INDEX network_members_case ON network_members (case_ref);

CREATE TABLE inbox (
  id         text        PRIMARY KEY,
  user_id    text        NOT NULL,
  case_ref   text        NOT NULL,
  template   text        NOT NULL,
  title      text        NOT NULL,
  body       text        NOT NULL,
  link       text,
  created_at timestamptz NOT NULL,
  read_at    timestamptz
);
CREATE INDEX inbox_user ON inbox (user_id, created_at DESC);

CREATE TABLE notices (
  key        text        PRIMARY KEY,
  state      text        NOT NULL CHECK (state IN ('pending', 'sent')),
  created_at timestamptz NOT NULL,
  claimed_at timestamptz NOT NULL,
  sent_at    timestamptz
);

CREATE TABLE audit_log (
  id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at       timestamptz NOT NULL,
  actor    text        NOT NULL,
  action   text        NOT NULL,
  case_ref text,
  detail   jsonb       NOT NULL
);
CREATE INDEX audit_log_case ON audit_log (case_ref, at);
CREATE INDEX audit_log_actor ON audit_log (actor, at);

-- Append-only: the audit trail is evidence, so the database itself refuses to change it.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE sessions (
  id_hash    text        PRIMARY KEY,
  user_id    text        NOT NULL,
  groups     jsonb       NOT NULL,
  csrf_token text        NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
