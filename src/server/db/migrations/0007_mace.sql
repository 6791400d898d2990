-- Meetings (issue 5): strategy meetings, MACE triage, the MACE meeting and review meetings. The rules are
-- in src/domain/mace; a meeting is kept as the whole record the domain schema checks on every write
-- (agenda, invitations, attendance, information shared, minutes, decisions, actions), with the columns
-- the queries need beside it. Invitees and the children on the agenda are kept as rows as well, so the
-- access query can tell who is a member of a meeting about a child.

-- The chronology gains a kind for meetings, keeping any kind added before it.
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
  IF position('''meeting''' IN current_def) = 0 THEN
    ALTER TABLE chronology_entries DROP CONSTRAINT chronology_entries_kind_check;
    EXECUTE 'ALTER TABLE chronology_entries ADD CONSTRAINT chronology_entries_kind_check '
      || replace(current_def, 'ARRAY[', 'ARRAY[''meeting''::text, ');
  END IF;
END
$$;

CREATE TABLE mace_meetings (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('strategy', 'mace_triage', 'mace', 'review')),
  group_id uuid NOT NULL,
  child_id uuid REFERENCES people (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  chair_user_id uuid REFERENCES users (id),
  config_version text NOT NULL CHECK (length(config_version) BETWEEN 1 AND 40),
  -- The meeting record as the domain schema accepts it (times as ISO strings).
  document jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX mace_meetings_starts_idx ON mace_meetings (starts_at);

-- Who is invited (by account), rewritten from the record on every save.
CREATE TABLE mace_meeting_invitees (
  meeting_id uuid NOT NULL REFERENCES mace_meetings (id),
  invitation_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (meeting_id, invitation_id)
);
CREATE INDEX mace_meeting_invitees_user_idx ON mace_meeting_invitees (user_id);

-- The children on the agenda, rewritten from the record on every save.
CREATE TABLE mace_agenda_children (
  meeting_id uuid NOT NULL REFERENCES mace_meetings (id),
  item_id uuid NOT NULL,
  child_id uuid NOT NULL REFERENCES people (id),
  PRIMARY KEY (meeting_id, item_id)
);
CREATE INDEX mace_agenda_children_child_idx ON mace_agenda_children (child_id);

-- Each copy of a pack or minutes sent, with exactly what it held (issue 5 item 6: sending is recorded).
CREATE TABLE mace_pack_sendings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES mace_meetings (id),
  pack_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pack', 'minutes')),
  recipient_user_id uuid NOT NULL REFERENCES users (id),
  recipient_agency_id uuid NOT NULL REFERENCES agencies (id),
  sent_at timestamptz NOT NULL,
  sent_by uuid NOT NULL REFERENCES users (id),
  included_ids jsonb NOT NULL,
  text_sha256 text NOT NULL CHECK (length(text_sha256) = 64)
);
CREATE INDEX mace_pack_sendings_meeting_idx ON mace_pack_sendings (meeting_id);

-- The young person's and family's participation in their own meeting (issue 5 item 4).
CREATE TABLE mace_participation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES mace_meetings (id),
  child_id uuid NOT NULL REFERENCES people (id),
  record jsonb NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mace_participation_meeting_idx ON mace_participation (meeting_id);

-- Overdue actions already escalated to a person, so each is told once.
CREATE TABLE mace_escalations (
  meeting_id uuid NOT NULL REFERENCES mace_meetings (id),
  action_id uuid NOT NULL,
  recipient_user_id uuid NOT NULL REFERENCES users (id),
  task_id uuid REFERENCES tasks (id),
  escalated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (action_id, recipient_user_id)
);

-- Triage decisions on the items of a triage list, each with its reasons.
CREATE TABLE mace_triage_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid REFERENCES people (id),
  context_id uuid,
  decision jsonb NOT NULL,
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((child_id IS NULL) <> (context_id IS NULL))
);
