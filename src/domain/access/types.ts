/**
 * The vocabulary of the access policy: who the viewer is, how they relate to a child, and how sensitive
 * an item is. The rules that combine them live in `rules.ts`; the decisions in `policy.ts`.
 *
 * Every value here can arrive from the database, so each list has a runtime guard (`isRole`, …): a value
 * the code does not recognise grants nothing.
 */

export const ROLES = [
  'referrer',
  'practitioner',
  'manager',
  'mace_chair',
  'intelligence_officer',
  'analyst',
  'data_protection_officer',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_TYPES = [
  'childrens_social_care',
  'police',
  'health',
  'education',
  'youth_justice',
  'voluntary_sector',
  'housing',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const SENSITIVITY_LABELS = [
  'standard',
  'police_intelligence',
  'health',
  'sexual_health',
  'third_party',
  'special_category',
] as const;
export type SensitivityLabel = (typeof SENSITIVITY_LABELS)[number];

export interface Viewer {
  userId: string;
  agencyId: string;
  agencyType: AgencyType;
  roles: readonly Role[];
  teamIds: readonly string[];
}

/** The viewer's relationship to one child's record, computed by the server from the database. */
export interface ChildRelationship {
  isLeadWorker: boolean;
  isCoWorker: boolean;
  /** Named professional on the child's record. */
  isInvolvedProfessional: boolean;
  /** The viewer's agency is recorded as involved with the child. */
  agencyInvolved: boolean;
  /** Member of a current strategy/MACE meeting about the child. */
  isMeetingMember: boolean;
  /** Made a referral about the child. */
  isReferrer: boolean;
  /** Emergency access with a recorded reason (audited). */
  breakGlass?: boolean;
}

/** No relationship at all. Frozen so a caller cannot accidentally grant everyone a relationship. */
export const NO_RELATIONSHIP: ChildRelationship = Object.freeze({
  isLeadWorker: false,
  isCoWorker: false,
  isInvolvedProfessional: false,
  agencyInvolved: false,
  isMeetingMember: false,
  isReferrer: false,
  breakGlass: false,
});

/**
 * The relationships as named values, so rule tables can list them ("lead worker or co-worker") instead of
 * testing booleans in code.
 */
export const RELATIONSHIP_KINDS = [
  'lead_worker',
  'co_worker',
  'involved_professional',
  'agency_involved',
  'meeting_member',
  'referrer',
  'break_glass',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** Which flag of `ChildRelationship` each relationship kind reads. */
export const RELATIONSHIP_FLAG = {
  lead_worker: 'isLeadWorker',
  co_worker: 'isCoWorker',
  involved_professional: 'isInvolvedProfessional',
  agency_involved: 'agencyInvolved',
  meeting_member: 'isMeetingMember',
  referrer: 'isReferrer',
  break_glass: 'breakGlass',
} as const satisfies Record<RelationshipKind, keyof ChildRelationship>;

/**
 * Does the relationship include this kind? Only a real `true` counts: a flag that is missing, null or a
 * string from a badly mapped row must not open a record.
 */
export function hasRelationship(rel: ChildRelationship | null | undefined, kind: RelationshipKind): boolean {
  if (typeof rel !== 'object' || rel === null) return false;
  if (!Object.hasOwn(RELATIONSHIP_FLAG, kind)) return false;
  return rel[RELATIONSHIP_FLAG[kind]] === true;
}

export const ROLE_LABELS = {
  referrer: 'Referrer',
  practitioner: 'Practitioner',
  manager: 'Manager',
  mace_chair: 'MACE chair',
  intelligence_officer: 'Intelligence officer',
  analyst: 'Analyst',
  data_protection_officer: 'Data protection officer',
  administrator: 'Administrator',
} as const satisfies Record<Role, string>;

export const AGENCY_TYPE_LABELS = {
  childrens_social_care: "Children's social care",
  police: 'Police',
  health: 'Health',
  education: 'Education',
  youth_justice: 'Youth justice',
  voluntary_sector: 'Voluntary sector',
  housing: 'Housing',
  other: 'Other',
} as const satisfies Record<AgencyType, string>;

export const SENSITIVITY_LABEL_NAMES = {
  standard: 'Standard',
  police_intelligence: 'Police intelligence',
  health: 'Health',
  sexual_health: 'Sexual health',
  third_party: 'Third-party information',
  special_category: 'Special category',
} as const satisfies Record<SensitivityLabel, string>;

export const RELATIONSHIP_KIND_LABELS = {
  lead_worker: 'Lead worker',
  co_worker: 'Co-worker',
  involved_professional: 'Involved professional',
  agency_involved: 'Agency involved',
  meeting_member: 'Meeting member',
  referrer: 'Referrer',
  break_glass: 'Break-glass',
} as const satisfies Record<RelationshipKind, string>;

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const AGENCY_TYPE_SET: ReadonlySet<string> = new Set(AGENCY_TYPES);
const LABEL_SET: ReadonlySet<string> = new Set(SENSITIVITY_LABELS);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

export function isAgencyType(value: unknown): value is AgencyType {
  return typeof value === 'string' && AGENCY_TYPE_SET.has(value);
}

export function isSensitivityLabel(value: unknown): value is SensitivityLabel {
  return typeof value === 'string' && LABEL_SET.has(value);
}
