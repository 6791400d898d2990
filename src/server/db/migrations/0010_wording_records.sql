-- Challenge and amend beyond case notes (issue: language, C8): the wording of a referral's narrative, of a
-- completed assessment's rationale and harm description, of a plan's objectives and measures, and of a held
-- meeting's shareable minute about a child can be challenged too. A challenge names the field it is about.
--
-- Referrals and completed assessments are never rewritten (an assessment's trigger refuses it), and a
-- meeting's minutes live in its record; so the versions of their wording are kept here: version 1 is the
-- text as first written, copied in when its first amendment is accepted; every later version is an
-- accepted amendment. What Lantern shows and exports is the latest version. Nothing here is changed or
-- deleted.

ALTER TABLE wording_challenges DROP CONSTRAINT wording_challenges_record_type_check;
ALTER TABLE wording_challenges ADD CONSTRAINT wording_challenges_record_type_check
  CHECK (record_type IN ('note', 'referral', 'assessment', 'plan', 'minutes'));
-- Which text of the record: 'body' (a note), 'narrative' (a referral), 'judgement.rationale' or
-- 'harm.description' (an assessment), 'objective.<objective id>' (an objective's aim) or 'howWeWillKnow'
-- (a plan), 'minutes.<agenda item id>' (a meeting's shareable minute).
ALTER TABLE wording_challenges ADD COLUMN field text NOT NULL DEFAULT 'body'
  CHECK (length(field) BETWEEN 1 AND 100);

DROP INDEX wording_challenges_open_span_idx;
CREATE UNIQUE INDEX wording_challenges_open_span_idx
  ON wording_challenges (record_type, record_id, field, version, coalesce(span_start, -1), coalesce(span_end, -1))
  WHERE status = 'open';

-- A plan keeps its own versions: an accepted challenge is a new one.
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_change_check;
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_change_check
  CHECK (change IN ('created', 'updated', 'objective_status', 'wording_amended'));

CREATE TABLE wording_versions (
  record_type text NOT NULL CHECK (record_type IN ('referral', 'assessment', 'minutes')),
  record_id uuid NOT NULL,
  field text NOT NULL CHECK (length(field) BETWEEN 1 AND 100),
  version integer NOT NULL CHECK (version >= 1),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 50000),
  -- Why the wording changed (from the challenge); none for version 1, the original.
  reason text CHECK (length(reason) BETWEEN 1 AND 2200),
  challenge_id uuid REFERENCES wording_challenges (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_type, record_id, field, version),
  CHECK ((version = 1) = (challenge_id IS NULL)),
  CHECK ((version = 1) = (reason IS NULL))
);

CREATE FUNCTION wording_versions_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'wording versions are kept as they were written: add a version instead';
END
$$;
CREATE TRIGGER wording_versions_never_change BEFORE UPDATE OR DELETE ON wording_versions
  FOR EACH ROW EXECUTE FUNCTION wording_versions_never_change();
