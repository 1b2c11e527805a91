-- Sessions that follow the user (issue 10): an absolute end besides the sliding idle expiry, and
-- when the user's existence and groups were last checked against the engine. The check time is
-- kept here, not in a web process's memory, so every process behind the load balancer honours
-- one another's checks and no process can serve a session longer than the re-check interval
-- past a change in the engine.
ALTER TABLE sessions ADD COLUMN absolute_expires_at timestamptz;
ALTER TABLE sessions ADD COLUMN checked_at timestamptz;
UPDATE sessions SET absolute_expires_at = LEAST(expires_at, created_at + interval '12 hours'), checked_at = created_at;
ALTER TABLE sessions ALTER COLUMN absolute_expires_at SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN checked_at SET NOT NULL;
-- an admin ends all of a user's sessions at once
CREATE INDEX sessions_user ON sessions (user_id);
