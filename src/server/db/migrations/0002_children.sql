-- Children, referrals and the case record: people and their roles, the child's details and history,
-- referrals and screening decisions, observations from the indicator guide, tasks, the chronology,
-- case notes with versions, exploitation flags with harm status, closure and merges.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One record per person. A person may hold several roles (person_roles); the child role is the
-- safeguarding side and is never removed.
CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  known_as text[] NOT NULL DEFAULT '{}',
  date_of_birth date,
  -- True when only an approximate age is known: date_of_birth then holds an estimate.
  date_of_birth_estimated boolean NOT NULL DEFAULT false,
  sex text NOT NULL DEFAULT 'not_known' CHECK (sex IN ('female', 'male', 'not_known')),
  gender_identity text CHECK (length(gender_identity) <= 200),
  sexual_orientation text CHECK (length(sexual_orientation) <= 200),
  ethnicity text CHECK (length(ethnicity) <= 200),
  religion text CHECK (length(religion) <= 200),
  first_language text CHECK (length(first_language) <= 100),
  interpreter_needed boolean NOT NULL DEFAULT false,
  disability text CHECK (length(disability) <= 2000),
  send text CHECK (length(send) <= 2000),
  school text CHECK (length(school) <= 200),
  care_status text NOT NULL DEFAULT 'not_looked_after'
    CHECK (care_status IN ('not_looked_after', 'looked_after', 'care_leaver', 'not_known')),
  strengths text CHECK (length(strengths) <= 4000),
  interests text CHECK (length(interests) <= 4000),
  case_status text NOT NULL DEFAULT 'open' CHECK (case_status IN ('open', 'closure_requested', 'closed')),
  merged_into uuid REFERENCES people (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (merged_into IS NULL OR merged_into <> id)
);
-- Trigram indexes for "one child, one record": likely matches by name and known-as name.
CREATE INDEX people_full_name_trgm ON people USING gin ((lower(given_name || ' ' || family_name)) gin_trgm_ops);
CREATE INDEX people_dob_idx ON people (date_of_birth);
CREATE INDEX people_merged_into_idx ON people (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE person_roles (
  person_id uuid NOT NULL REFERENCES people (id),
  role text NOT NULL CHECK (role IN ('child', 'family_member', 'person_of_concern', 'professional_contact')),
  note text CHECK (length(note) <= 2000),
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, role)
);

CREATE TABLE person_addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  line1 text NOT NULL CHECK (length(line1) BETWEEN 1 AND 200),
  town text CHECK (length(town) <= 100),
  postcode text CHECK (length(postcode) <= 10),
  from_date date,
  to_date date,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
CREATE INDEX person_addresses_person_idx ON person_addresses (person_id);
CREATE INDEX person_addresses_postcode_idx ON person_addresses (upper(replace(postcode, ' ', '')));

-- Statutory status history: Early Help, Child in Need, Child Protection, Looked After.
CREATE TABLE statutory_statuses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  status text NOT NULL CHECK (status IN ('early_help', 'child_in_need', 'child_protection', 'looked_after')),
  started_on date NOT NULL,
  ended_on date,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  referral_id uuid,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX statutory_statuses_child_idx ON statutory_statuses (child_id);

-- The professionals around the child. The viewer's relationship to a child (lead worker, co-worker,
-- involved professional, agency involved) is read from here: changing it changes who sees the record.
CREATE TABLE child_professionals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  kind text NOT NULL CHECK (kind IN ('lead_worker', 'co_worker', 'involved_professional')),
  user_id uuid NOT NULL REFERENCES users (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  role_title text CHECK (length(role_title) <= 200),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  allocated_by uuid REFERENCES users (id)
);
CREATE INDEX child_professionals_child_idx ON child_professionals (child_id) WHERE ended_at IS NULL;
CREATE INDEX child_professionals_user_idx ON child_professionals (user_id) WHERE ended_at IS NULL;
CREATE INDEX child_professionals_agency_idx ON child_professionals (agency_id, child_id) WHERE ended_at IS NULL;

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid REFERENCES people (id),
  referrer_user_id uuid NOT NULL REFERENCES users (id),
  referrer_agency_id uuid NOT NULL REFERENCES agencies (id),
  received_at timestamptz NOT NULL DEFAULT now(),
  -- When a screening decision is due, by the working-day timescale in force when it arrived.
  decision_due_at timestamptz NOT NULL,
  timescale_version text NOT NULL,
  immediate_danger boolean NOT NULL,
  narrative text NOT NULL CHECK (length(narrative) BETWEEN 1 AND 20000),
  seen_or_heard_by text NOT NULL CHECK (length(seen_or_heard_by) BETWEEN 1 AND 500),
  happened_on date NOT NULL,
  harm_kinds text[] NOT NULL CHECK (cardinality(harm_kinds) >= 1 AND harm_kinds <@ ARRAY['sexual', 'criminal', 'other']::text[]),
  online_element text NOT NULL CHECK (online_element IN ('yes', 'no', 'not_known')),
  child_knows boolean NOT NULL,
  family_knows boolean NOT NULL,
  without_consent_reason text CHECK (length(without_consent_reason) <= 2000),
  sensitivity text NOT NULL DEFAULT 'standard' CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  -- The child as the referrer described them, kept as given even after the referral is linked to a record.
  subject jsonb NOT NULL,
  status text NOT NULL DEFAULT 'awaiting_decision' CHECK (status IN ('awaiting_decision', 'decided')),
  guide_version text,
  CHECK ((child_knows AND family_knows) OR without_consent_reason IS NOT NULL)
);
CREATE INDEX referrals_queue_idx ON referrals (status, decision_due_at);
CREATE INDEX referrals_referrer_idx ON referrals (referrer_user_id, received_at);
CREATE INDEX referrals_child_idx ON referrals (child_id);

CREATE TABLE referral_decisions (
  referral_id uuid PRIMARY KEY REFERENCES referrals (id),
  decision text NOT NULL CHECK (decision IN ('no_further_action', 'early_help_assessment',
    'childrens_services_assessment', 'strategy_discussion', 'immediate_police_action')),
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 20000),
  advice text CHECK (length(advice) <= 4000),
  feedback_to_referrer text NOT NULL CHECK (length(feedback_to_referrer) BETWEEN 1 AND 4000),
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_agency_id uuid NOT NULL REFERENCES agencies (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (decision <> 'no_further_action' OR advice IS NOT NULL)
);

-- Prompts from the indicator guide that a practitioner ticked: each is a dated observation with its
-- source, never a score.
CREATE TABLE observations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid REFERENCES people (id),
  referral_id uuid REFERENCES referrals (id),
  guide_version text NOT NULL,
  indicator_id text NOT NULL,
  observed_on date NOT NULL,
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  note text CHECK (length(note) <= 2000),
  sensitivity text NOT NULL DEFAULT 'standard' CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_agency_id uuid NOT NULL REFERENCES agencies (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX observations_child_idx ON observations (child_id);
CREATE INDEX observations_referral_idx ON observations (referral_id);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid REFERENCES people (id),
  referral_id uuid REFERENCES referrals (id),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  assigned_to uuid NOT NULL REFERENCES users (id),
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  completed_by uuid REFERENCES users (id)
);
CREATE INDEX tasks_assignee_idx ON tasks (assigned_to, due_at) WHERE status = 'open';
CREATE INDEX tasks_child_idx ON tasks (child_id);

-- The chronology: significant events from every agency, each with its source, author, when it happened
-- and when it was recorded, whether it is verified, and its sensitivity label.
CREATE TABLE chronology_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  kind text NOT NULL CHECK (kind IN ('referral', 'screening_decision', 'note', 'event', 'statutory_status',
    'flag', 'harm_status', 'closure', 'reopening', 'allocation', 'merge')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  summary text NOT NULL CHECK (length(summary) <= 20000),
  -- Who said it or where it came from, in words: "told by the child's aunt", "police incident log".
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  author_user_id uuid REFERENCES users (id),
  source_agency_id uuid REFERENCES agencies (id),
  verification text NOT NULL CHECK (verification IN ('verified', 'unverified', 'disputed')),
  sensitivity text NOT NULL CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  record_type text,
  record_id uuid,
  CHECK (occurred_at <= recorded_at + interval '1 minute')
);
CREATE INDEX chronology_child_idx ON chronology_entries (child_id, occurred_at);
CREATE INDEX chronology_record_idx ON chronology_entries (record_type, record_id);

CREATE TABLE chronology_verifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL REFERENCES chronology_entries (id),
  verification text NOT NULL CHECK (verification IN ('verified', 'unverified', 'disputed')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chronology_verifications_entry_idx ON chronology_verifications (entry_id);

CREATE TABLE notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  author_user_id uuid NOT NULL REFERENCES users (id),
  author_agency_id uuid NOT NULL REFERENCES agencies (id),
  type text NOT NULL CHECK (type IN ('contact', 'direct_work', 'informal_contact', 'professional_discussion', 'supervision')),
  sensitivity text NOT NULL CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  significant boolean NOT NULL DEFAULT false,
  occurred_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  created_at timestamptz NOT NULL DEFAULT now(),
  finalised_at timestamptz,
  CHECK ((status = 'final') = (finalised_at IS NOT NULL))
);
CREATE INDEX notes_child_idx ON notes (child_id, occurred_at);

-- The text of a note, version by version: a draft is edited in version 1; once final, each correction
-- is a new version with its reason, and earlier versions stay.
CREATE TABLE note_versions (
  note_id uuid NOT NULL REFERENCES notes (id),
  version integer NOT NULL CHECK (version >= 1),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
  reason text CHECK (length(reason) <= 2000),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (note_id, version),
  CHECK (version = 1 OR reason IS NOT NULL)
);

-- Exploitation flags, set against the policy definition's elements (not a criminal offence).
CREATE TABLE exploitation_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  kind text NOT NULL CHECK (kind IN ('sexual', 'criminal', 'other')),
  other_description text CHECK (length(other_description) <= 500),
  power_imbalance text NOT NULL CHECK (length(power_imbalance) BETWEEN 1 AND 4000),
  exchange_what text NOT NULL CHECK (length(exchange_what) BETWEEN 1 AND 4000),
  exchange_gained_by text[] NOT NULL CHECK (cardinality(exchange_gained_by) >= 1
    AND exchange_gained_by <@ ARRAY['child', 'perpetrator', 'facilitator', 'not_known']::text[]),
  age_under_18 boolean NOT NULL CHECK (age_under_18),
  setting text NOT NULL CHECK (setting IN ('online', 'offline', 'both', 'not_known')),
  harm_status text NOT NULL CHECK (harm_status IN ('suspected', 'known')),
  harm_rationale text NOT NULL CHECK (length(harm_rationale) BETWEEN 1 AND 4000),
  harm_decided_by uuid NOT NULL REFERENCES users (id),
  harm_decided_at timestamptz NOT NULL DEFAULT now(),
  sensitivity text NOT NULL CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  set_by uuid NOT NULL REFERENCES users (id),
  set_agency_id uuid NOT NULL REFERENCES agencies (id),
  set_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  removed_by uuid REFERENCES users (id),
  removed_reason text CHECK (length(removed_reason) <= 2000),
  CHECK (kind <> 'other' OR other_description IS NOT NULL)
);
CREATE INDEX exploitation_flags_child_idx ON exploitation_flags (child_id);

CREATE TABLE harm_status_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  flag_id uuid NOT NULL REFERENCES exploitation_flags (id),
  harm_status text NOT NULL CHECK (harm_status IN ('suspected', 'known')),
  rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 4000),
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX harm_status_history_flag_idx ON harm_status_history (flag_id);

CREATE TABLE case_closures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  reason text NOT NULL CHECK (reason IN ('support_complete_child_safe', 'assessment_found_no_continuing_need',
    'moved_away_case_transferred', 'transferred_to_another_service', 'adult_services_transition_complete',
    'child_has_died')),
  detail text NOT NULL CHECK (length(detail) BETWEEN 1 AND 4000),
  holding_agency_id uuid NOT NULL REFERENCES agencies (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'declined')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text CHECK (length(decision_note) <= 4000),
  reopened_at timestamptz,
  reopened_by uuid REFERENCES users (id),
  reopen_reason text CHECK (length(reopen_reason) <= 4000)
);
CREATE INDEX case_closures_child_idx ON case_closures (child_id, requested_at);

-- Two records of the same child merged into one. What moved is listed so the merge can be undone.
CREATE TABLE child_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kept_id uuid NOT NULL REFERENCES people (id),
  merged_id uuid NOT NULL REFERENCES people (id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  moved jsonb NOT NULL,
  merged_by uuid NOT NULL REFERENCES users (id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  undone_by uuid REFERENCES users (id),
  undo_reason text CHECK (length(undo_reason) <= 2000),
  CHECK (kept_id <> merged_id)
);
CREATE INDEX child_merges_kept_idx ON child_merges (kept_id);
CREATE INDEX child_merges_merged_idx ON child_merges (merged_id);
