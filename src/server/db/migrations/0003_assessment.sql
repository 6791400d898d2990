-- Assessment and planning (issue 4). The rules are in src/domain/assessment and src/domain/plans; these
-- tables keep the instruments as published, every assessment (pinned to the instrument version it was
-- made with), manager sign-offs, the child's plan with its objectives and every version of it, the
-- plain-language plan and what the young person said about it.
--
-- Nothing here holds a score. A level of concern is a column the practitioner fills in, with a rationale
-- beside it; no column, view or trigger derives it from anything.

-- Instruments as published. Loaded from the instrument files Lantern ships when the server starts;
-- a version, once stored, is never changed or removed (a change is a new version), so an assessment
-- made under it keeps meaning what it meant.
CREATE TABLE assessment_instruments (
  instrument_id text NOT NULL CHECK (instrument_id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(instrument_id) <= 100),
  version text NOT NULL CHECK (version ~ '^[0-9]{4}\.[0-9]+$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  definition jsonb NOT NULL,
  -- SHA-256 of the definition as validated, so a file changed under the same version is caught at start.
  checksum text NOT NULL CHECK (length(checksum) = 64),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instrument_id, version)
);

CREATE FUNCTION assessment_instruments_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'instrument %@% is published: versions are never changed or removed; publish a new version',
    OLD.instrument_id, OLD.version;
END
$$;
CREATE TRIGGER assessment_instruments_never_change BEFORE UPDATE OR DELETE ON assessment_instruments
  FOR EACH ROW EXECUTE FUNCTION assessment_instruments_never_change();

-- The partnership's configuration of assessment: manager sign-off and the re-analysis cadence and
-- triggers, each validated by its schema in src/domain/assessment. No row (or NULL) means the defaults.
CREATE TABLE assessment_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  sign_off jsonb,
  reanalysis jsonb,
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- Every assessment is kept: a draft is the practitioner's work in progress; a completed assessment holds
-- the validated record exactly as it was completed and is never changed again.
CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES people (id),
  instrument_id text NOT NULL,
  instrument_version text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  -- A draft: answers and the judgement so far. Completed: the assessment as the domain schema accepted it.
  content jsonb NOT NULL DEFAULT '{}',
  -- Sensitivity labels of single items ("factor:<id>", "child", "parent:<name>", "agency:<name>"):
  -- an item with a label is shown only to those who may see that label.
  item_labels jsonb NOT NULL DEFAULT '{}',
  -- Copied out of the completed record for lists, the chart and re-analysis. The practitioner's choice.
  level text CHECK (length(level) <= 100),
  harm_status text CHECK (harm_status IN ('suspected', 'known', 'none_identified')),
  -- Whether the configuration in force at completion asked for a manager's sign-off.
  sign_off_required boolean,
  copied_from uuid REFERENCES assessments (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_agency_id uuid NOT NULL REFERENCES agencies (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  completed_by uuid REFERENCES users (id),
  completed_agency_id uuid REFERENCES agencies (id),
  FOREIGN KEY (instrument_id, instrument_version) REFERENCES assessment_instruments (instrument_id, version),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CHECK (status = 'draft' OR (completed_by IS NOT NULL AND completed_agency_id IS NOT NULL AND level IS NOT NULL
    AND harm_status IS NOT NULL AND sign_off_required IS NOT NULL
    AND length(btrim(coalesce(content #>> '{judgement,rationale}', ''))) > 0))
);
CREATE INDEX assessments_child_idx ON assessments (child_id, completed_at);

CREATE FUNCTION assessments_completed_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'completed' THEN
    RAISE EXCEPTION 'assessment % is completed and is kept as it was: start a new analysis instead', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER assessments_completed_never_change BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_completed_never_change();

-- A manager's sign-off, where the configuration asks for it: a separate record, so the assessment itself
-- is never edited by it. The latest decision stands.
CREATE TABLE assessment_sign_offs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES assessments (id),
  decision text NOT NULL CHECK (decision IN ('approved', 'returned')),
  comment text CHECK (length(comment) <= 4000),
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_agency_id uuid NOT NULL REFERENCES agencies (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (decision = 'approved' OR length(btrim(coalesce(comment, ''))) > 0)
);
CREATE INDEX assessment_sign_offs_assessment_idx ON assessment_sign_offs (assessment_id, decided_at);

-- The child's safety and support plan: one per child, changed version by version. The current version's
-- objectives are kept as rows (owners, agencies, dates and statuses can be queried); every version is
-- kept whole in plan_versions.
CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL UNIQUE REFERENCES people (id),
  version integer NOT NULL CHECK (version >= 1),
  -- From the latest analysis and the child's flags, never from the form: it decides whether disruption
  -- is required.
  harm_status text NOT NULL CHECK (harm_status IN ('suspected', 'known', 'none_identified')),
  assessment_id uuid REFERENCES assessments (id),
  review_date date NOT NULL,
  how_we_will_know text CHECK (length(how_we_will_know) <= 4000),
  agreed_version integer CHECK (agreed_version IS NULL OR agreed_version BETWEEN 1 AND version),
  agreed_at timestamptz,
  agreed_by uuid REFERENCES users (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((agreed_version IS NULL) = (agreed_at IS NULL))
);

CREATE TABLE plan_objectives (
  plan_id uuid NOT NULL REFERENCES plans (id),
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 100),
  section text NOT NULL CHECK (section IN ('keeping_safe_now', 'disruption_and_investigation',
    'support_and_therapeutic_help', 'family', 'education', 'health', 'criminal_justice_support',
    'other_children_affected', 'young_persons_goals')),
  position integer NOT NULL,
  aim text NOT NULL CHECK (length(aim) BETWEEN 1 AND 2000),
  owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
  owner_user_id uuid REFERENCES users (id),
  agency_name text NOT NULL CHECK (length(agency_name) BETWEEN 1 AND 200),
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'no_longer_needed')),
  sensitivity text NOT NULL DEFAULT 'standard' CHECK (sensitivity IN ('standard', 'police_intelligence', 'health',
    'sexual_health', 'third_party', 'special_category')),
  -- The objective as the plan schema accepted it.
  objective jsonb NOT NULL,
  PRIMARY KEY (plan_id, id)
);
CREATE INDEX plan_objectives_owner_idx ON plan_objectives (owner_user_id, due_date)
  WHERE status IN ('not_started', 'in_progress');

CREATE TABLE plan_versions (
  plan_id uuid NOT NULL REFERENCES plans (id),
  version integer NOT NULL CHECK (version >= 1),
  -- The plan as the plan schema accepted it, and each objective's label.
  plan jsonb NOT NULL,
  objective_labels jsonb NOT NULL DEFAULT '{}',
  change text NOT NULL CHECK (change IN ('created', 'updated', 'objective_status')),
  saved_by uuid NOT NULL REFERENCES users (id),
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, version)
);

-- The task given to an objective's owner, so it appears in their own list of work.
CREATE TABLE plan_objective_tasks (
  task_id uuid PRIMARY KEY REFERENCES tasks (id),
  plan_id uuid NOT NULL REFERENCES plans (id),
  objective_id text NOT NULL,
  owner_user_id uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX plan_objective_tasks_objective_idx ON plan_objective_tasks (plan_id, objective_id);

-- The young person's version of a plan version: generated, then edited by their worker. The generated
-- text stays beside the edited text in the document.
CREATE TABLE plain_language_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans (id),
  plan_version integer NOT NULL,
  document jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (plan_id, plan_version) REFERENCES plan_versions (plan_id, version)
);
CREATE INDEX plain_language_plans_plan_idx ON plain_language_plans (plan_id, created_at);

-- What the young person said about their plan, in their words, and whether their views were followed.
CREATE TABLE young_person_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plain_language_plan_id uuid NOT NULL REFERENCES plain_language_plans (id),
  plan_id uuid NOT NULL REFERENCES plans (id),
  plan_version integer NOT NULL,
  response jsonb NOT NULL,
  views_followed text NOT NULL CHECK (views_followed IN ('yes', 'partly', 'no')),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX young_person_responses_plan_idx ON young_person_responses (plan_id, recorded_at);
