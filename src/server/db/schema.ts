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
  people: PersonTable;
  person_roles: PersonRoleTable;
  person_addresses: PersonAddressTable;
  statutory_statuses: StatutoryStatusTable;
  child_professionals: ChildProfessionalTable;
  referrals: ReferralTable;
  referral_decisions: ReferralDecisionTable;
  observations: ObservationTable;
  tasks: TaskTable;
  chronology_entries: ChronologyEntryTable;
  chronology_verifications: ChronologyVerificationTable;
  notes: NoteTable;
  note_versions: NoteVersionTable;
  exploitation_flags: ExploitationFlagTable;
  harm_status_history: HarmStatusHistoryTable;
  case_closures: CaseClosureTable;
  child_merges: ChildMergeTable;
  language_lexicon_state: LanguageLexiconStateTable;
  language_rule_changes: LanguageRuleChangeTable;
  language_counts: LanguageCountTable;
}

export type Agency = Selectable<AgencyTable>;
export type Team = Selectable<TeamTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditRow = Selectable<AuditLogTable>;

// Children, referrals and the case record

type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface PersonTable {
  id: Generated<string>;
  given_name: string;
  family_name: string;
  known_as: ColumnType<string[], string[] | undefined, string[]>;
  date_of_birth: DateColumn | null;
  date_of_birth_estimated: Generated<boolean>;
  sex: Generated<string>;
  gender_identity: string | null;
  sexual_orientation: string | null;
  ethnicity: string | null;
  religion: string | null;
  first_language: string | null;
  interpreter_needed: Generated<boolean>;
  disability: string | null;
  send: string | null;
  school: string | null;
  care_status: Generated<string>;
  strengths: string | null;
  interests: string | null;
  case_status: Generated<string>;
  merged_into: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface PersonRoleTable {
  person_id: string;
  role: string;
  note: string | null;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface PersonAddressTable {
  id: Generated<string>;
  person_id: string;
  line1: string;
  town: string | null;
  postcode: string | null;
  from_date: DateColumn | null;
  to_date: DateColumn | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface StatutoryStatusTable {
  id: Generated<string>;
  child_id: string;
  status: string;
  started_on: DateColumn;
  ended_on: DateColumn | null;
  reason: string;
  referral_id: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ChildProfessionalTable {
  id: Generated<string>;
  child_id: string;
  kind: string;
  user_id: string;
  agency_id: string;
  role_title: string | null;
  started_at: DefaultedTimestamp;
  ended_at: Timestamp | null;
  allocated_by: string | null;
}

export interface ReferralTable {
  id: Generated<string>;
  child_id: string | null;
  referrer_user_id: string;
  referrer_agency_id: string;
  received_at: DefaultedTimestamp;
  decision_due_at: Timestamp;
  timescale_version: string;
  immediate_danger: boolean;
  narrative: string;
  seen_or_heard_by: string;
  happened_on: DateColumn;
  harm_kinds: ColumnType<string[], string[], string[]>;
  online_element: string;
  child_knows: boolean;
  family_knows: boolean;
  without_consent_reason: string | null;
  sensitivity: Generated<string>;
  subject: Json<Record<string, unknown>>;
  status: Generated<string>;
  guide_version: string | null;
}

export interface ReferralDecisionTable {
  referral_id: string;
  decision: string;
  reasons: string;
  advice: string | null;
  feedback_to_referrer: string;
  decided_by: string;
  decided_agency_id: string;
  decided_at: DefaultedTimestamp;
}

export interface ObservationTable {
  id: Generated<string>;
  child_id: string | null;
  referral_id: string | null;
  guide_version: string;
  indicator_id: string;
  observed_on: DateColumn;
  source: string;
  note: string | null;
  sensitivity: Generated<string>;
  recorded_by: string;
  recorded_agency_id: string;
  recorded_at: CreatedAt;
}

export interface TaskTable {
  id: Generated<string>;
  child_id: string | null;
  referral_id: string | null;
  kind: string;
  title: string;
  assigned_to: string;
  due_at: Timestamp;
  status: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  completed_at: Timestamp | null;
  completed_by: string | null;
}

export interface ChronologyEntryTable {
  id: Generated<string>;
  child_id: string;
  kind: string;
  title: string;
  summary: string;
  source: string;
  occurred_at: Timestamp;
  recorded_at: DefaultedTimestamp;
  author_user_id: string | null;
  source_agency_id: string | null;
  verification: string;
  sensitivity: string;
  record_type: string | null;
  record_id: string | null;
}

export interface ChronologyVerificationTable {
  id: Generated<string>;
  entry_id: string;
  verification: string;
  reason: string;
  decided_by: string;
  decided_at: CreatedAt;
}

export interface NoteTable {
  id: Generated<string>;
  child_id: string;
  author_user_id: string;
  author_agency_id: string;
  type: string;
  sensitivity: string;
  significant: Generated<boolean>;
  occurred_at: Timestamp;
  status: Generated<string>;
  created_at: CreatedAt;
  finalised_at: Timestamp | null;
}

export interface NoteVersionTable {
  note_id: string;
  version: number;
  body: string;
  reason: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface ExploitationFlagTable {
  id: Generated<string>;
  child_id: string;
  kind: string;
  other_description: string | null;
  power_imbalance: string;
  exchange_what: string;
  exchange_gained_by: ColumnType<string[], string[], string[]>;
  age_under_18: boolean;
  setting: string;
  harm_status: string;
  harm_rationale: string;
  harm_decided_by: string;
  harm_decided_at: DefaultedTimestamp;
  sensitivity: string;
  set_by: string;
  set_agency_id: string;
  set_at: CreatedAt;
  removed_at: Timestamp | null;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface HarmStatusHistoryTable {
  id: Generated<string>;
  flag_id: string;
  harm_status: string;
  rationale: string;
  decided_by: string;
  decided_at: CreatedAt;
}

export interface CaseClosureTable {
  id: Generated<string>;
  child_id: string;
  reason: string;
  detail: string;
  holding_agency_id: string;
  requested_by: string;
  requested_at: CreatedAt;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  reopened_at: Timestamp | null;
  reopened_by: string | null;
  reopen_reason: string | null;
}

export interface ChildMergeTable {
  id: Generated<string>;
  kept_id: string;
  merged_id: string;
  reason: string;
  moved: Json<Record<string, string[]>>;
  merged_by: string;
  merged_at: CreatedAt;
  undone_at: Timestamp | null;
  undone_by: string | null;
  undo_reason: string | null;
}

// Language

export interface LanguageLexiconStateTable {
  id: Generated<boolean>;
  version: string | null;
  changed_at: DefaultedTimestamp;
}

export interface LanguageRuleChangeTable {
  rule_id: string;
  /** The partnership's own rule (validated by the library's rule schema); null for a base rule. */
  rule: ColumnType<unknown, string | null, string | null>;
  disabled: boolean;
  reason: string | null;
  changed_by: string | null;
  changed_at: DefaultedTimestamp;
}

export interface LanguageCountTable {
  agency_id: string;
  team_id: string | null;
  week_start: DateColumn;
  rule_id: string;
  flagged: Generated<number>;
  accepted: Generated<number>;
}
