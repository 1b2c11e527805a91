-- Failed sign-ins counted per user name and per source address over a fixed window, in the
-- store so that every web process counts against the same limit (a counter in one process's
-- memory would multiply the limit by the number of processes).
CREATE TABLE sign_in_attempts (
  key            text        PRIMARY KEY,
  hits           integer     NOT NULL CHECK (hits >= 0),
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_window ON sign_in_attempts (window_ends_at);
