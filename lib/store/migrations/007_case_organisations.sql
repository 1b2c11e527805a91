-- A case belongs to one county and one RISE unit (issue #11), and opens only to its team. The
-- team is kept here, not derived from the engine's history: a worker handed off a case must lose
-- it although their completed tasks stay in the history.
CREATE TABLE cases (
  case_ref text PRIMARY KEY,
  pathway text NOT NULL,
  county_id text NOT NULL,
  rise_unit_id text NOT NULL,
  municipality text NOT NULL,
  started_by text NOT NULL,
  started_at timestamptz NOT NULL
);
CREATE INDEX cases_county ON cases (county_id);
CREATE INDEX cases_rise_unit ON cases (rise_unit_id);

-- One row per stint on the team: ended_at is set when the member leaves (handover, transfer).
CREATE TABLE case_team (
  id bigserial PRIMARY KEY,
  case_ref text NOT NULL REFERENCES cases (case_ref),
  user_id text NOT NULL,
  side text NOT NULL CHECK (side IN ('county', 'rise')),
  role text NOT NULL CHECK (role IN ('rise-worker', 'personal-worker', 'worker')),
  added_by text NOT NULL,
  added_at timestamptz NOT NULL,
  ended_by text,
  ended_at timestamptz
);
CREATE INDEX case_team_member ON case_team (user_id) WHERE ended_at IS NULL;
CREATE INDEX case_team_case ON case_team (case_ref);
-- a person is on a case's team at most once at a time
CREATE UNIQUE INDEX case_team_current ON case_team (case_ref, user_id) WHERE ended_at IS NULL;

-- A move to another county: requested by the sending side, taken over by the receiving intake.
CREATE TABLE case_transfers (
  id uuid PRIMARY KEY,
  case_ref text NOT NULL REFERENCES cases (case_ref),
  from_county_id text NOT NULL,
  to_county_id text NOT NULL,
  municipality text NOT NULL,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'accepted')),
  decided_by text,
  decided_at timestamptz
);
-- one open transfer per case at a time
CREATE UNIQUE INDEX case_transfers_pending ON case_transfers (case_ref) WHERE state = 'pending';
CREATE INDEX case_transfers_to ON case_transfers (to_county_id) WHERE state = 'pending';
