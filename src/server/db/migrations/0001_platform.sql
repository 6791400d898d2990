-- Platform: agencies, teams, users, sessions, sign-in attempts and the tamper-evident audit log.

CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('childrens_social_care', 'police', 'health', 'education',
    'youth_justice', 'voluntary_sector', 'housing', 'other')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agencies_name_key ON agencies (lower(name));

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX teams_agency_name_key ON teams (agency_id, lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  password_hash text,
  must_change_password boolean NOT NULL DEFAULT false,
  roles text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  -- The TOTP secret is encrypted by the application (AES-256-GCM); the database never holds it in clear.
  totp_secret_encrypted text,
  totp_enrolled_at timestamptz,
  -- The last TOTP time step accepted, so that a code cannot be replayed within its window.
  totp_last_step bigint,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_agency_idx ON users (agency_id);

CREATE TABLE team_members (
  team_id uuid NOT NULL REFERENCES teams (id),
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON team_members (user_id);

CREATE TABLE sessions (
  -- SHA-256 of the cookie's token: a stolen copy of this table cannot be replayed as cookies.
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  mfa_satisfied boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE sign_in_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL
);
CREATE INDEX sign_in_attempts_ip_idx ON sign_in_attempts (ip, at);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  request_id text,
  actor_user_id uuid,
  actor_agency_id uuid,
  action text NOT NULL,
  record_type text,
  record_id text,
  child_id uuid,
  fields text[] NOT NULL DEFAULT '{}',
  reason text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_child_idx ON audit_log (child_id, seq) WHERE child_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
