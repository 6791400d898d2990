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
  missing_episodes: MissingEpisodeTable;
  missing_interviews: MissingInterviewTable;
  missing_interview_statuses: MissingInterviewStatusTable;
  missing_mentions: MissingMentionTable;
  missing_triage_nominations: MissingTriageNominationTable;
  assessment_instruments: AssessmentInstrumentTable;
  assessment_settings: AssessmentSettingsTable;
  assessments: AssessmentTable;
  assessment_sign_offs: AssessmentSignOffTable;
  plans: PlanTable;
  plan_objectives: PlanObjectiveTable;
  plan_versions: PlanVersionTable;
  plan_objective_tasks: PlanObjectiveTaskTable;
  plain_language_plans: PlainLanguagePlanTable;
  young_person_responses: YoungPersonResponseTable;
  contexts: ContextTable;
  context_identifiers: ContextIdentifierTable;
  context_links: ContextLinkTable;
  context_merges: ContextMergeTable;
  context_actions: ContextActionTable;
  disruptions: DisruptionTable;
  disruption_children: DisruptionChildTable;
  disruption_breaches: DisruptionBreachTable;
  mace_meetings: MaceMeetingTable;
  mace_meeting_invitees: MaceMeetingInviteeTable;
  mace_agenda_children: MaceAgendaChildTable;
  mace_pack_sendings: MacePackSendingTable;
  mace_participation: MaceParticipationTable;
  mace_escalations: MaceEscalationTable;
  mace_triage_decisions: MaceTriageDecisionTable;
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

// Missing episodes

export interface MissingEpisodeTable {
  id: Generated<string>;
  child_id: string;
  config_version: string;
  reported_at: Timestamp;
  last_seen_at: Timestamp | null;
  reported_by: Json<Record<string, unknown>>;
  missing_from_kind: string;
  missing_from_description: string | null;
  missing_from_place_id: string | null;
  placement: Json<Record<string, unknown>> | null;
  protocol_category: string;
  police_reference: string | null;
  police_risk_grade: string | null;
  returned_at: Timestamp | null;
  returned_how: string | null;
  returned_notes: string | null;
  interview_due_at: Timestamp | null;
  harm_while_missing: Generated<string>;
  crime_while_missing: Generated<string>;
  harm_details: string | null;
  safe_and_well_at: Timestamp | null;
  safe_and_well: Json<Record<string, unknown>> | null;
  recorded_by: string;
  recorded_agency_id: string;
  recorded_at: CreatedAt;
  return_recorded_by: string | null;
  return_recorded_at: Timestamp | null;
}

export interface MissingInterviewTable {
  id: Generated<string>;
  episode_id: string;
  child_id: string;
  config_version: string;
  status: string;
  offered_at: Timestamp | null;
  offered_by: Json<Record<string, unknown>> | null;
  reason: string | null;
  not_held_decided_at: Timestamp | null;
  not_held_decided_by: Json<Record<string, unknown>> | null;
  not_held_reason: string | null;
  completed_at: Timestamp | null;
  conducted_by: Json<Record<string, unknown>> | null;
  push_factors: ColumnType<string[], string[] | undefined, string[]>;
  push_factors_other: string | null;
  pull_factors: ColumnType<string[], string[] | undefined, string[]>;
  pull_factors_other: string | null;
  what_happened: string | null;
  childs_account: string | null;
  actions: Json<Record<string, unknown>[]>;
  sharing: Json<Record<string, unknown>[]>;
  independence_warnings: Json<Record<string, unknown>[]>;
  recorded_by: string;
  recorded_agency_id: string;
  recorded_at: CreatedAt;
  updated_by: string;
  updated_at: DefaultedTimestamp;
}

export interface MissingInterviewStatusTable {
  id: Generated<string>;
  interview_id: string;
  status: string;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface MissingMentionTable {
  id: Generated<string>;
  child_id: string;
  episode_id: string;
  interview_id: string | null;
  kind: string;
  role: string;
  requested: string;
  name: string | null;
  address: string | null;
  description: string | null;
  note: string | null;
  context_id: string | null;
  linked_at: Timestamp | null;
  linked_by: string | null;
  /** The contexts link recorded from this mention, if any (0009_missing_context_links.sql). */
  context_link_id: Generated<string | null>;
  position: number;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface MissingTriageNominationTable {
  id: Generated<string>;
  child_id: string;
  episode_id: string;
  reason_code: string;
  reason: string;
  details: Json<Record<string, unknown>>;
  config_version: string;
  created_by: string | null;
  created_at: CreatedAt;
  consumed_at: Timestamp | null;
  consumed_by_meeting_id: string | null;
}

// Assessment and planning

export interface AssessmentInstrumentTable {
  instrument_id: string;
  version: string;
  title: string;
  definition: Json<unknown>;
  checksum: string;
  loaded_at: CreatedAt;
}

export interface AssessmentSettingsTable {
  id: Generated<boolean>;
  sign_off: Json<unknown> | null;
  reanalysis: Json<unknown> | null;
  changed_by: string | null;
  changed_at: DefaultedTimestamp;
}

export interface AssessmentTable {
  id: Generated<string>;
  child_id: string;
  instrument_id: string;
  instrument_version: string;
  status: Generated<string>;
  content: ColumnType<Record<string, unknown>, string | undefined, string>;
  item_labels: ColumnType<Record<string, string>, string | undefined, string>;
  level: string | null;
  harm_status: string | null;
  sign_off_required: boolean | null;
  copied_from: string | null;
  created_by: string;
  created_agency_id: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  completed_at: Timestamp | null;
  completed_by: string | null;
  completed_agency_id: string | null;
}

export interface AssessmentSignOffTable {
  id: Generated<string>;
  assessment_id: string;
  decision: string;
  comment: string | null;
  decided_by: string;
  decided_agency_id: string;
  decided_at: DefaultedTimestamp;
}

export interface PlanTable {
  id: Generated<string>;
  child_id: string;
  version: number;
  harm_status: string;
  assessment_id: string | null;
  review_date: DateColumn;
  how_we_will_know: string | null;
  agreed_version: number | null;
  agreed_at: Timestamp | null;
  agreed_by: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: DefaultedTimestamp;
}

export interface PlanObjectiveTable {
  plan_id: string;
  id: string;
  section: string;
  position: number;
  aim: string;
  owner_name: string;
  owner_user_id: string | null;
  agency_name: string;
  due_date: DateColumn;
  status: string;
  sensitivity: Generated<string>;
  objective: Json<Record<string, unknown>>;
}

export interface PlanVersionTable {
  plan_id: string;
  version: number;
  plan: Json<Record<string, unknown>>;
  objective_labels: ColumnType<Record<string, string>, string | undefined, string>;
  change: string;
  saved_by: string;
  saved_at: CreatedAt;
}

export interface PlanObjectiveTaskTable {
  task_id: string;
  plan_id: string;
  objective_id: string;
  owner_user_id: string;
}

export interface PlainLanguagePlanTable {
  id: Generated<string>;
  plan_id: string;
  plan_version: number;
  document: Json<Record<string, unknown>>;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: DefaultedTimestamp;
}

export interface YoungPersonResponseTable {
  id: Generated<string>;
  plain_language_plan_id: string;
  plan_id: string;
  plan_version: number;
  response: Json<Record<string, unknown>>;
  views_followed: string;
  recorded_by: string;
  recorded_at: CreatedAt;
}

// Contexts and disruption
// Date columns are read with `::text` (YYYY-MM-DD) by the queries in src/server/contexts and
// src/server/disruption, never as Date objects.

export interface ContextTable {
  id: Generated<string>;
  kind: string;
  sensitivity: string;
  display_name: string;
  details: Json<Record<string, unknown>>;
  child_record_id: string | null;
  assessment: string | null;
  assessment_updated_by: string | null;
  assessment_updated_at: Timestamp | null;
  mace_reason: string | null;
  mace_nominated_by: string | null;
  mace_nominated_at: Timestamp | null;
  merged_into: string | null;
  created_by: string;
  created_agency_id: string;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

export interface ContextIdentifierTable {
  context_id: string;
  kind: string;
  value: string;
}

export interface ContextLinkTable {
  id: Generated<string>;
  scope: string;
  from_kind: string;
  from_child_id: string | null;
  from_context_id: string | null;
  from_node: ColumnType<string, never, never>;
  to_kind: string;
  to_context_id: string;
  nature: string;
  first_seen: DateColumn;
  last_seen: DateColumn;
  review_date: DateColumn;
  source_agency_id: string;
  source_author_id: string;
  source_reference: string | null;
  grade_source: string;
  grade_intelligence: string;
  grade_handling: string;
  handling_conditions: string | null;
  sensitivity: string;
  confirmed: boolean;
  corroborations: Json<unknown[]>;
  note: string | null;
  withdrawn_on: DateColumn | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

export interface ContextMergeTable {
  id: Generated<string>;
  kind: string;
  keep_id: string;
  merge_id: string;
  score: number;
  reasons: ColumnType<string[], string[], string[]>;
  status: Generated<string>;
  proposed_by: string;
  proposed_at: CreatedAt;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  moved: Json<Record<string, unknown>> | null;
  undone_by: string | null;
  undone_at: Timestamp | null;
  undo_reason: string | null;
}

export interface ContextActionTable {
  id: Generated<string>;
  context_id: string;
  action: string;
  owner_name: string;
  owner_user_id: string | null;
  agency_id: string;
  due_date: DateColumn;
  status: Generated<string>;
  created_by: string;
  created_at: CreatedAt;
  completed_by: string | null;
  completed_at: Timestamp | null;
}

export interface DisruptionTable {
  id: Generated<string>;
  measure: string;
  target_kind: string | null;
  target_context_id: string | null;
  status: string;
  applicant: string;
  lead_agency_id: string;
  owner_user_id: string;
  requested_on: DateColumn | null;
  issued_on: DateColumn | null;
  served_on: DateColumn | null;
  expires_on: DateColumn | null;
  until_further_order: Generated<boolean>;
  conditions: Json<string[]>;
  outcome: string | null;
  sensitivity: string;
  facts: Json<Record<string, unknown>>;
  eligibility: Json<Record<string, unknown>>;
  created_by: string;
  created_agency_id: string;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

export interface DisruptionChildTable {
  disruption_id: string;
  child_id: string;
}

export interface DisruptionBreachTable {
  id: Generated<string>;
  disruption_id: string;
  breach_date: DateColumn;
  description: string;
  response: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
  response_by: string | null;
  response_at: Timestamp | null;
}

// Meetings

export interface MaceMeetingTable {
  id: string;
  type: string;
  group_id: string;
  child_id: string | null;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<string>;
  chair_user_id: string | null;
  config_version: string;
  document: Json<Record<string, unknown>>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface MaceMeetingInviteeTable {
  meeting_id: string;
  invitation_id: string;
  user_id: string;
}

export interface MaceAgendaChildTable {
  meeting_id: string;
  item_id: string;
  child_id: string;
}

export interface MacePackSendingTable {
  id: Generated<string>;
  meeting_id: string;
  pack_id: string;
  kind: string;
  recipient_user_id: string;
  recipient_agency_id: string;
  sent_at: Timestamp;
  sent_by: string;
  included_ids: Json<string[]>;
  text_sha256: string;
}

export interface MaceParticipationTable {
  id: Generated<string>;
  meeting_id: string;
  child_id: string;
  record: Json<Record<string, unknown>>;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface MaceEscalationTable {
  meeting_id: string;
  action_id: string;
  recipient_user_id: string;
  task_id: string | null;
  escalated_at: CreatedAt;
}

export interface MaceTriageDecisionTable {
  id: Generated<string>;
  child_id: string | null;
  context_id: string | null;
  decision: Json<Record<string, unknown>>;
  decided_by: string;
  decided_at: CreatedAt;
}

// ---- Challenge and amend (migration 0008_wording_challenges.sql). `DB` gains the table by declaration
// merging, so this section stands on its own.

export interface WordingChallengeTable {
  id: Generated<string>;
  record_type: string;
  record_id: string;
  child_id: string;
  version: number;
  span_start: number | null;
  span_end: number | null;
  span_text: string | null;
  reason: string;
  suggested_wording: string;
  rule_id: string | null;
  lexicon_version: string | null;
  raised_by: string;
  raised_agency_id: string;
  raised_at: CreatedAt;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  amended_wording: string | null;
  amended_version: number | null;
  task_id: string | null;
  /** Which text of the record (migration 0010): 'body' for a note. */
  field: Generated<string>;
}

// ---- Versions of wording kept outside their record (migration 0010_wording_records.sql).
export interface WordingVersionTable {
  record_type: string;
  record_id: string;
  field: string;
  version: number;
  text: string;
  reason: string | null;
  challenge_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DB {
  wording_challenges: WordingChallengeTable;
  wording_versions: WordingVersionTable;
}
