-- Consent per item and recipient, with purpose, how it was given and until when; every change a
-- new version (issue #11). The earlier records (four items, both directions at once) are kept as
-- versions of their own: what was given to both organisations becomes a grant to each.
CREATE TABLE consent_versions (
  case_ref    text        NOT NULL,
  version     integer     NOT NULL CHECK (version > 0),
  change      text        NOT NULL CHECK (change IN ('given', 'declined', 'extended', 'withdrawn-partly', 'withdrawn', 'changed')),
  grants      jsonb       NOT NULL,
  purpose     text        NOT NULL,
  given_how   text        NOT NULL CHECK (given_how IN ('in-person', 'in-writing')),
  valid_until date,
  recorded_by text        NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (case_ref, version)
);

INSERT INTO consent_versions (case_ref, version, change, grants, purpose, given_how, valid_until, recorded_by, recorded_at)
SELECT e.case_ref,
       row_number() OVER w,
       CASE WHEN e.given THEN (CASE WHEN row_number() OVER w = 1 THEN 'given' ELSE 'changed' END)
            ELSE (CASE WHEN row_number() OVER w = 1 THEN 'declined' ELSE 'withdrawn' END) END,
       COALESCE((SELECT jsonb_agg(jsonb_build_object(
                   'item', CASE i.item WHEN 'release-date' THEN 'release-dates' WHEN 'contacts' THEN 'contact-details' ELSE i.item END,
                   'to', s.side))
                 FROM jsonb_array_elements_text(e.items) AS i(item) CROSS JOIN (VALUES ('rise'), ('county')) AS s(side)
                 WHERE e.given), '[]'::jsonb),
       'Yhteinen palvelutarpeen arviointi',
       'in-person',
       NULL,
       e.recorded_by,
       e.recorded_at
FROM consent_events e
WINDOW w AS (PARTITION BY e.case_ref ORDER BY e.id);

DROP TABLE consent_events;

-- The joint plan view was a copy of what had crossed when plan-sync last ran; it is now derived
-- for each viewer from the plans and the consent in force, so no copy outlives a withdrawal.
DELETE FROM plan_versions WHERE owner = 'joint';
