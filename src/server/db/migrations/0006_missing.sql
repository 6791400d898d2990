-- Missing episodes and return interviews (issue 7). The rules are in src/domain/missing; these tables
-- keep what was recorded, the configuration version each record was made under (so a new timescale
-- never moves an existing deadline), and what an episode set off.
--
-- A child who goes missing is a child at risk of harm: nothing here records a judgement of the child.
-- The police risk grading is kept as the police gave it, and nothing reads it to decide anything.

-- The chronology gains a kind for missing episodes. Other capabilities add kinds too, so the constraint
-- is re-created from its current definition with this kind added, keeping any kind added before it.
DO $$
DECLARE
  current_def text;
BEGIN
  SELECT pg_get_constraintdef(c.oid) INTO current_def
    FROM pg_constraint c
   WHERE c.conrelid = 'chronology_entries'::regclass AND c.conname = 'chronology_entries_kind_check';
  IF current_def IS NULL OR position('ARRAY[' IN current_def) = 0 THEN
    RAISE EXCEPTION 'chronology_entries_kind_check is not the list of kinds this migration expects: %', current_def;
  END IF;
  IF position('''missing_episode''' IN current_def) = 0 THEN
    ALTER TABLE chronology_entries DROP CONSTRAINT chronology_entries_kind_check;
    EXECUTE 'ALTER TABLE chronology_entries ADD CONSTRAINT chronology_entries_kind_check '
      || replace(current_def, 'ARRAY[', 'ARRAY[''missing_episode''::text, ');
  END IF;
END
$$;

CREATE TABLE missing_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  config_version text NOT NULL CHECK (length(config_version) BETWEEN 1 AND 40),
  reported_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  -- Who reported it: {name, role?, agencyId?, userId?}.
  reported_by jsonb NOT NULL,
  missing_from_kind text NOT NULL CHECK (length(missing_from_kind) BETWEEN 1 AND 60),
  missing_from_description text CHECK (length(missing_from_description) <= 500),
  -- A place record, once the contexts capability keeps them.
  missing_from_place_id uuid,
  -- The care placement and who runs it, for the independence check: {name?, placementId?, providerId?, agencyId?}.
  placement jsonb,
  protocol_category text NOT NULL CHECK (length(protocol_category) BETWEEN 1 AND 60),
  police_reference text CHECK (length(police_reference) <= 100),
  -- The police's grading of the report, as they gave it.
  police_risk_grade text CHECK (length(police_risk_grade) <= 60),
  returned_at timestamptz,
  returned_how text CHECK (length(returned_how) <= 60),
  returned_notes text CHECK (length(returned_notes) <= 4000),
  -- Worked out when the return is recorded, under config_version, so the list can be ordered in SQL.
  interview_due_at timestamptz,
  harm_while_missing text NOT NULL DEFAULT 'not_known_yet'
    CHECK (harm_while_missing IN ('known', 'suspected', 'none_known', 'not_known_yet')),
  crime_while_missing text NOT NULL DEFAULT 'not_known_yet'
    CHECK (crime_while_missing IN ('known', 'suspected', 'none_known', 'not_known_yet')),
  harm_details text CHECK (length(harm_details) <= 4000),
  safe_and_well_at timestamptz,
  -- The police safe and well check: {by: {name, role?, agencyId?, userId?}, notes?}.
  safe_and_well jsonb,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_agency_id uuid NOT NULL REFERENCES agencies (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  return_recorded_by uuid REFERENCES users (id),
  return_recorded_at timestamptz,
  CHECK (last_seen_at IS NULL OR last_seen_at <= reported_at),
  CHECK (returned_at IS NULL OR returned_at >= reported_at),
  CHECK ((returned_at IS NULL) = (returned_how IS NULL)),
  CHECK ((returned_at IS NULL) = (interview_due_at IS NULL)),
  CHECK ((safe_and_well_at IS NULL) = (safe_and_well IS NULL)),
  CHECK (safe_and_well_at IS NULL OR (returned_at IS NOT NULL AND safe_and_well_at >= returned_at))
);
CREATE INDEX missing_episodes_child_idx ON missing_episodes (child_id, reported_at);
CREATE INDEX missing_episodes_due_idx ON missing_episodes (interview_due_at) WHERE returned_at IS NOT NULL;

-- A return interview record: the offer, the child's answer or the decision not to hold one, and what
-- the interview heard. An episode can have more than one (an offer declined, then a later one taken up).
CREATE TABLE missing_interviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES missing_episodes (id),
  child_id uuid NOT NULL REFERENCES people (id),
  config_version text NOT NULL CHECK (length(config_version) BETWEEN 1 AND 40),
  status text NOT NULL
    CHECK (status IN ('offered', 'accepted', 'declined', 'not_possible', 'not_held', 'completed')),
  offered_at timestamptz,
  -- {name, role?, agencyId?, userId?, providerId?, placementId?}
  offered_by jsonb,
  reason text CHECK (length(reason) <= 2000),
  not_held_decided_at timestamptz,
  not_held_decided_by jsonb,
  not_held_reason text CHECK (length(not_held_reason) <= 2000),
  completed_at timestamptz,
  conducted_by jsonb,
  push_factors text[] NOT NULL DEFAULT '{}',
  push_factors_other text CHECK (length(push_factors_other) <= 2000),
  pull_factors text[] NOT NULL DEFAULT '{}',
  pull_factors_other text CHECK (length(pull_factors_other) <= 2000),
  what_happened text CHECK (length(what_happened) <= 10000),
  -- The child's account in their own words, kept exactly as written down.
  childs_account text CHECK (length(childs_account) <= 10000),
  actions jsonb NOT NULL DEFAULT '[]',
  sharing jsonb NOT NULL DEFAULT '[]',
  -- The independence warnings shown when this version was saved: a warning, never a block.
  independence_warnings jsonb NOT NULL DEFAULT '[]',
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_agency_id uuid NOT NULL REFERENCES agencies (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((offered_at IS NULL) = (offered_by IS NULL)),
  CHECK (status NOT IN ('offered', 'accepted', 'declined', 'completed') OR offered_at IS NOT NULL),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CHECK (status NOT IN ('declined', 'not_possible') OR reason IS NOT NULL),
  CHECK ((status = 'not_held') = (not_held_reason IS NOT NULL)),
  CHECK ((not_held_reason IS NULL) = (not_held_decided_at IS NULL))
);
CREATE INDEX missing_interviews_episode_idx ON missing_interviews (episode_id);
CREATE INDEX missing_interviews_child_idx ON missing_interviews (child_id);

-- Each status an interview record passed through, with who recorded it and when.
CREATE TABLE missing_interview_statuses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interview_id uuid NOT NULL REFERENCES missing_interviews (id),
  status text NOT NULL
    CHECK (status IN ('offered', 'accepted', 'declined', 'not_possible', 'not_held', 'completed')),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX missing_interview_statuses_interview_idx ON missing_interview_statuses (interview_id);

-- Where the child was and who they were with, as structured entries with their own ids. The contexts
-- capability (persons of concern, places) does not exist yet: each entry keeps the words and what the
-- practitioner asked for (a new place or person of concern, or words only), and context_id stays NULL
-- until the entry is linked to a context record. Then context_id is set and linked_at records when.
CREATE TABLE missing_mentions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  episode_id uuid NOT NULL REFERENCES missing_episodes (id),
  -- NULL when the entry came with the return (where found, who with) rather than from an interview.
  interview_id uuid REFERENCES missing_interviews (id),
  kind text NOT NULL CHECK (kind IN ('place', 'person')),
  -- found_at / found_with: from the return. was_at / was_with: from the interview.
  role text NOT NULL CHECK (role IN ('found_at', 'found_with', 'was_at', 'was_with')),
  requested text NOT NULL CHECK (requested IN ('existing', 'new_of_concern', 'not_linked')),
  name text CHECK (length(name) <= 200),
  address text CHECK (length(address) <= 300),
  description text CHECK (length(description) <= 1000),
  note text CHECK (length(note) <= 1000),
  context_id uuid,
  linked_at timestamptz,
  linked_by uuid REFERENCES users (id),
  position integer NOT NULL CHECK (position >= 0),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'place') = (role IN ('found_at', 'was_at'))),
  CHECK ((context_id IS NULL) = (linked_at IS NULL)),
  CHECK (requested <> 'existing' OR context_id IS NOT NULL),
  CHECK (name IS NOT NULL OR description IS NOT NULL OR context_id IS NOT NULL)
);
CREATE INDEX missing_mentions_child_idx ON missing_mentions (child_id);
CREATE INDEX missing_mentions_episode_idx ON missing_mentions (episode_id);

-- A child put on the next MACE triage list by an episode: repeat episodes, or harm or a crime while
-- missing. The MACE triage consumes the nomination when meetings exist (consumed_at, consumed_by_meeting_id).
CREATE TABLE missing_triage_nominations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  episode_id uuid NOT NULL REFERENCES missing_episodes (id),
  reason_code text NOT NULL CHECK (reason_code IN ('repeat_episodes', 'harm_while_missing', 'crime_while_missing')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  details jsonb NOT NULL DEFAULT '{}',
  config_version text NOT NULL CHECK (length(config_version) BETWEEN 1 AND 40),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  consumed_at timestamptz,
  consumed_by_meeting_id uuid,
  UNIQUE (episode_id, reason_code)
);
CREATE INDEX missing_triage_open_idx ON missing_triage_nominations (created_at) WHERE consumed_at IS NULL;
