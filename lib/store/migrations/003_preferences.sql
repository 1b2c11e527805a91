-- A user's own choices that the engine has no place for. The language a caseworker picks in the
-- tasklist is also the language of the notices (in-app and e-mail) sent to them.
CREATE TABLE user_preferences (
  user_id    text PRIMARY KEY,
  language   text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
  updated_at timestamptz NOT NULL
);
