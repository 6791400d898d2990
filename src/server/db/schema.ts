import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Typed view of the tables the migrations create. Keep in step with `migrations/*.sql`. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AgencyTable {
  id: Generated<string>;
  name: string;
  type: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface TeamTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  email: string;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  roles: ColumnType<string[], string[], string[]>;
  active: Generated<boolean>;
  totp_secret_encrypted: string | null;
  totp_enrolled_at: Timestamp | null;
  totp_last_step: number | null;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  mfa_satisfied: boolean;
  created_at: CreatedAt;
  last_seen_at: DefaultedTimestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  at: DefaultedTimestamp;
  email: string;
  ip: string;
  succeeded: boolean;
}

export interface AuditLogTable {
  seq: number;
  occurred_at: Timestamp;
  request_id: string | null;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  child_id: string | null;
  fields: string[];
  reason: string | null;
  outcome: string;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  version: string;
  applied_at: DefaultedTimestamp;
  checksum: string;
}

export interface DB {
  agencies: AgencyTable;
  teams: TeamTable;
  users: UserTable;
  team_members: TeamMemberTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationTable;
}

export type Agency = Selectable<AgencyTable>;
export type Team = Selectable<TeamTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditRow = Selectable<AuditLogTable>;
