-- Challenge and amend (issue: language, C8). Anyone who can read a finalised record may challenge its
-- wording; the author, or a manager in the author's agency, accepts or declines. An acceptance writes a
-- new version of the record; the challenged version stays in its history. The first record type is the
-- finalised case note; assessments, plans, minutes and referrals follow with the same shape.
--
-- The words themselves are kept only here and in the record's versions, never in the audit log.

CREATE TABLE wording_challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_type text NOT NULL CHECK (record_type IN ('note')),
  record_id uuid NOT NULL,
  child_id uuid NOT NULL REFERENCES people (id),
  -- The version challenged: always the record's current version when the challenge was raised.
  version integer NOT NULL CHECK (version >= 1),
  -- The words challenged, as 0-based offsets into that version's text (end exclusive) and the words
  -- themselves. No span: the suggested wording replaces the whole text.
  span_start integer CHECK (span_start >= 0),
  span_end integer,
  span_text text CHECK (length(span_text) BETWEEN 1 AND 50000),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  suggested_wording text NOT NULL CHECK (length(suggested_wording) BETWEEN 1 AND 50000),
  -- When raised from one of the language assistant's findings: which rule, under which lexicon.
  rule_id text CHECK (length(rule_id) BETWEEN 1 AND 100),
  lexicon_version text CHECK (length(lexicon_version) BETWEEN 1 AND 200),
  raised_by uuid NOT NULL REFERENCES users (id),
  raised_agency_id uuid NOT NULL REFERENCES agencies (id),
  raised_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn', 'superseded')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_reason text CHECK (length(decision_reason) BETWEEN 1 AND 2000),
  -- The wording the decider put in (when it differs from the suggestion).
  amended_wording text CHECK (length(amended_wording) BETWEEN 1 AND 50000),
  -- The version an acceptance created.
  amended_version integer CHECK (amended_version >= 2),
  -- The decider's task in My work, closed with the challenge.
  task_id uuid REFERENCES tasks (id),
  CHECK ((span_start IS NULL) = (span_end IS NULL) AND (span_start IS NULL) = (span_text IS NULL)),
  CHECK (span_end IS NULL OR (span_end > span_start AND span_end - span_start = length(span_text))),
  CHECK (lexicon_version IS NULL OR rule_id IS NOT NULL),
  -- Status and the decision columns agree.
  CHECK ((status = 'open') = (decided_at IS NULL)),
  CHECK ((status = 'open') = (decided_by IS NULL)),
  CHECK ((status = 'accepted') = (amended_version IS NOT NULL)),
  CHECK (status <> 'declined' OR decision_reason IS NOT NULL),
  CHECK (amended_wording IS NULL OR status = 'accepted')
);

-- One open challenge per span (or whole text) and version.
CREATE UNIQUE INDEX wording_challenges_open_span_idx
  ON wording_challenges (record_type, record_id, version, coalesce(span_start, -1), coalesce(span_end, -1))
  WHERE status = 'open';
CREATE INDEX wording_challenges_record_idx ON wording_challenges (record_type, record_id, raised_at);
CREATE INDEX wording_challenges_open_idx ON wording_challenges (status, raised_at) WHERE status = 'open';
