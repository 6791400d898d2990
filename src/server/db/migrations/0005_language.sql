-- Language: the partnership's own changes to the base lexicon of victim-blaming language, and
-- aggregate counts of what the assistant flagged and which suggestions were taken up.
-- Nothing here holds the text that was checked, or who checked it.

-- One row: the version of the partnership's effective lexicon, rewritten in the same transaction as
-- every change. App servers read it on each check and rebuild their cached lexicon when it moves, so
-- every server applies the same rules. NULL until the partnership first changes anything.
CREATE TABLE language_lexicon_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO language_lexicon_state (id) VALUES (true);

-- One row per rule the partnership has changed: a base rule switched off (or back on), or a rule of
-- its own. Who changed what, and when, is in the audit log; this is the current state.
CREATE TABLE language_rule_changes (
  rule_id text PRIMARY KEY CHECK (rule_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(rule_id) <= 100),
  -- The partnership's own rule, as accepted by the library's rule schema; NULL for a base rule.
  rule jsonb,
  disabled boolean NOT NULL DEFAULT false,
  -- Why it was last switched off or on. A rule is never switched off without one.
  reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000),
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT disabled OR reason IS NOT NULL),
  CHECK (rule IS NULL OR rule ->> 'id' = rule_id)
);

-- Counters for training, never for judging a person: per team (or per agency, for someone in no
-- team), per ISO week (the Monday it starts, in UK time) and per rule. No text, no user.
CREATE TABLE language_counts (
  agency_id uuid NOT NULL REFERENCES agencies (id),
  team_id uuid REFERENCES teams (id),
  week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
  rule_id text NOT NULL CHECK (length(rule_id) BETWEEN 1 AND 100),
  flagged bigint NOT NULL DEFAULT 0 CHECK (flagged >= 0),
  accepted bigint NOT NULL DEFAULT 0 CHECK (accepted >= 0),
  CONSTRAINT language_counts_key UNIQUE NULLS NOT DISTINCT (agency_id, team_id, week_start, rule_id)
);
CREATE INDEX language_counts_week_idx ON language_counts (week_start);
