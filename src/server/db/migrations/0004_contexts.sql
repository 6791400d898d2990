-- Contexts and connections, and disruption: persons of concern, places, peer groups, online spaces,
-- vehicles and businesses; graded, sourced links between them and children; merge proposals; a
-- context's own assessment and actions; and disruption measures with their protected children and
-- breaches. The rules live in src/domain/contexts and src/domain/disruption; these tables keep what
-- those rules accepted, and the columns the queries filter on.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE contexts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person_of_concern', 'place', 'peer_group', 'online_space', 'vehicle',
    'business')),
  sensitivity text NOT NULL CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  -- How the record is named on screens and in the network view: a name, a registration, an address.
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 300),
  -- The record as the domain schema accepted it (identifiers already normalised).
  details jsonb NOT NULL,
  -- A person of concern who is a child: their own child record, shown before anything else.
  child_record_id uuid REFERENCES people (id),
  -- The context's own assessment (a place or peer group has one as a child does) and MACE nomination.
  assessment text CHECK (length(assessment) <= 20000),
  assessment_updated_by uuid REFERENCES users (id),
  assessment_updated_at timestamptz,
  mace_reason text CHECK (length(mace_reason) <= 4000),
  mace_nominated_by uuid REFERENCES users (id),
  mace_nominated_at timestamptz,
  merged_into uuid REFERENCES contexts (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_agency_id uuid NOT NULL REFERENCES agencies (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (merged_into IS NULL OR merged_into <> id),
  CHECK (child_record_id IS NULL OR kind = 'person_of_concern'),
  CHECK ((mace_reason IS NULL) = (mace_nominated_at IS NULL))
);
CREATE INDEX contexts_child_record_idx ON contexts (child_record_id) WHERE child_record_id IS NOT NULL;
CREATE INDEX contexts_mace_idx ON contexts (mace_nominated_at) WHERE mace_nominated_at IS NOT NULL;

-- Every identifier of a context in its normal form, for matching and search: names and aliases as
-- compared (lower case, nicknames made the same), phones in E.164, handles as platform:handle,
-- registrations with O/0 and I/1 made the same, postcodes as "SW1A 1AA", streets in lower case.
CREATE TABLE context_identifiers (
  context_id uuid NOT NULL REFERENCES contexts (id),
  kind text NOT NULL CHECK (kind IN ('name', 'alias', 'phone', 'handle', 'registration', 'postcode', 'street')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 300),
  PRIMARY KEY (context_id, kind, value)
);
-- Exact matches (same phone, handle, registration, postcode) and fuzzy ones (names, streets, plates).
CREATE INDEX context_identifiers_value_idx ON context_identifiers (value);
CREATE INDEX context_identifiers_trgm_idx ON context_identifiers USING gin (value gin_trgm_ops);

-- A link: a child to a context, or one context to another. `from_node` is whichever end it starts from,
-- so the network query walks one pair of indexes whatever the kinds.
CREATE TABLE context_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope text NOT NULL CHECK (scope IN ('child_context', 'context_context')),
  from_kind text NOT NULL CHECK (from_kind IN ('child', 'person_of_concern', 'place', 'peer_group',
    'online_space', 'vehicle', 'business')),
  from_child_id uuid REFERENCES people (id),
  from_context_id uuid REFERENCES contexts (id),
  from_node uuid GENERATED ALWAYS AS (COALESCE(from_child_id, from_context_id)) STORED,
  to_kind text NOT NULL CHECK (to_kind IN ('person_of_concern', 'place', 'peer_group', 'online_space',
    'vehicle', 'business')),
  to_context_id uuid NOT NULL REFERENCES contexts (id),
  nature text NOT NULL CHECK (length(nature) BETWEEN 1 AND 100),
  first_seen date NOT NULL,
  last_seen date NOT NULL,
  review_date date NOT NULL,
  source_agency_id uuid NOT NULL REFERENCES agencies (id),
  source_author_id uuid NOT NULL REFERENCES users (id),
  source_reference text CHECK (length(source_reference) <= 100),
  grade_source text NOT NULL CHECK (grade_source IN ('1', '2', '3')),
  grade_intelligence text NOT NULL CHECK (grade_intelligence IN ('A', 'B', 'C', 'D', 'E')),
  grade_handling text NOT NULL CHECK (grade_handling IN ('P', 'C')),
  handling_conditions text CHECK (length(handling_conditions) <= 1000),
  sensitivity text NOT NULL CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  -- Confirmed by its grade or by a second source, as the domain's isConfirmed says when the link is saved.
  confirmed boolean NOT NULL,
  corroborations jsonb NOT NULL DEFAULT '[]',
  note text CHECK (length(note) <= 4000),
  withdrawn_on date,
  withdrawn_by uuid REFERENCES users (id),
  withdrawn_reason text CHECK (length(withdrawn_reason) <= 2000),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((from_child_id IS NULL) <> (from_context_id IS NULL)),
  CHECK ((scope = 'child_context') = (from_child_id IS NOT NULL)),
  CHECK ((from_kind = 'child') = (from_child_id IS NOT NULL)),
  CHECK (from_context_id IS NULL OR from_context_id <> to_context_id),
  CHECK (last_seen >= first_seen),
  CHECK (review_date >= last_seen),
  CHECK (grade_handling = 'P' OR handling_conditions IS NOT NULL),
  CHECK ((withdrawn_on IS NULL) = (withdrawn_reason IS NULL))
);
CREATE INDEX context_links_from_idx ON context_links (from_node);
CREATE INDEX context_links_to_idx ON context_links (to_context_id);

-- A merge is a proposal an authorised person confirms or rejects; a confirmed merge can be undone, so
-- it records exactly what it moved.
CREATE TABLE context_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  keep_id uuid NOT NULL REFERENCES contexts (id),
  merge_id uuid NOT NULL REFERENCES contexts (id),
  score integer NOT NULL,
  reasons text[] NOT NULL CHECK (cardinality(reasons) >= 1),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
  proposed_by uuid NOT NULL REFERENCES users (id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_reason text CHECK (length(decision_reason) <= 2000),
  moved jsonb,
  undone_by uuid REFERENCES users (id),
  undone_at timestamptz,
  undo_reason text CHECK (length(undo_reason) <= 2000),
  CHECK (keep_id <> merge_id),
  CHECK ((status = 'proposed') = (decided_at IS NULL)),
  CHECK (undone_at IS NULL OR status = 'confirmed')
);
CREATE UNIQUE INDEX context_merges_open_pair_idx
  ON context_merges (LEAST(keep_id, merge_id), GREATEST(keep_id, merge_id)) WHERE status = 'proposed';
CREATE INDEX context_merges_keep_idx ON context_merges (keep_id);
CREATE INDEX context_merges_merge_idx ON context_merges (merge_id);

-- Actions from a context's assessment and plan: who does what by when.
CREATE TABLE context_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  context_id uuid NOT NULL REFERENCES contexts (id),
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 2000),
  owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
  owner_user_id uuid REFERENCES users (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'no_longer_needed')),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_by uuid REFERENCES users (id),
  completed_at timestamptz
);
CREATE INDEX context_actions_context_idx ON context_actions (context_id);
CREATE INDEX context_actions_owner_idx ON context_actions (owner_user_id, due_date) WHERE status = 'open';

-- Disruption: one measure against a person, place, business, vehicle or online space (none for an NRM
-- referral), protecting named children.
CREATE TABLE disruptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure text NOT NULL CHECK (length(measure) BETWEEN 1 AND 100),
  target_kind text CHECK (target_kind IN ('person', 'place', 'business', 'vehicle', 'online_space')),
  target_context_id uuid REFERENCES contexts (id),
  status text NOT NULL CHECK (status IN ('proposed', 'requested', 'issued', 'served', 'refused', 'withdrawn',
    'expired', 'discharged', 'completed')),
  applicant text NOT NULL CHECK (length(applicant) BETWEEN 1 AND 100),
  lead_agency_id uuid NOT NULL REFERENCES agencies (id),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  requested_on date,
  issued_on date,
  served_on date,
  expires_on date,
  until_further_order boolean NOT NULL DEFAULT false,
  conditions jsonb NOT NULL DEFAULT '[]',
  outcome text CHECK (length(outcome) <= 4000),
  sensitivity text NOT NULL CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  -- What was recorded for the eligibility check, and the check itself (rules version, failures, steps).
  facts jsonb NOT NULL DEFAULT '{}',
  eligibility jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_agency_id uuid NOT NULL REFERENCES agencies (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((target_kind IS NULL) = (target_context_id IS NULL)),
  CHECK (expires_on IS NULL OR (issued_on IS NOT NULL AND expires_on > issued_on)),
  CHECK (issued_on IS NULL OR requested_on IS NULL OR issued_on >= requested_on),
  CHECK (served_on IS NULL OR (issued_on IS NOT NULL AND served_on >= issued_on))
);
CREATE INDEX disruptions_target_idx ON disruptions (target_context_id);
CREATE INDEX disruptions_owner_idx ON disruptions (owner_user_id);
CREATE INDEX disruptions_in_force_idx ON disruptions (expires_on) WHERE status IN ('issued', 'served');

CREATE TABLE disruption_children (
  disruption_id uuid NOT NULL REFERENCES disruptions (id),
  child_id uuid NOT NULL REFERENCES people (id),
  PRIMARY KEY (disruption_id, child_id)
);
CREATE INDEX disruption_children_child_idx ON disruption_children (child_id);

CREATE TABLE disruption_breaches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  disruption_id uuid NOT NULL REFERENCES disruptions (id),
  breach_date date NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 4000),
  response text CHECK (length(response) <= 4000),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  response_by uuid REFERENCES users (id),
  response_at timestamptz
);
CREATE INDEX disruption_breaches_disruption_idx ON disruption_breaches (disruption_id);
