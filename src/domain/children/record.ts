/**
 * The vocabulary of a child's record: person roles, sex, care status, and the sensitivity label of each
 * field. The labels here decide who sees each field: DANGER — a field missing from CHILD_FIELD_LABELS is
 * shown to everyone who may read the record.
 */
import type { SensitivityLabel } from '../access/types.ts';

/** Roles one person record can hold. The child (safeguarding) role is listed first and never removed. */
export const PERSON_ROLES = ['child', 'family_member', 'person_of_concern', 'professional_contact'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_NAMES = {
  child: 'Child (safeguarding)',
  family_member: 'Family member or carer',
  person_of_concern: 'Person of concern',
  professional_contact: 'Professional contact',
} as const satisfies Record<PersonRole, string>;

export const SEXES = ['female', 'male', 'not_known'] as const;
export const CARE_STATUSES = ['not_looked_after', 'looked_after', 'care_leaver', 'not_known'] as const;
export const CARE_STATUS_NAMES = {
  not_looked_after: 'Not looked after',
  looked_after: 'Looked after',
  care_leaver: 'Care leaver',
  not_known: 'Not known',
} as const satisfies Record<(typeof CARE_STATUSES)[number], string>;

export const PROFESSIONAL_KINDS = ['lead_worker', 'co_worker', 'involved_professional'] as const;
export type ProfessionalKind = (typeof PROFESSIONAL_KINDS)[number];
export const PROFESSIONAL_KIND_NAMES = {
  lead_worker: 'Lead worker',
  co_worker: 'Specialist co-worker',
  involved_professional: 'Involved professional',
} as const satisfies Record<ProfessionalKind, string>;

/**
 * Sensitivity label of each field of the child's record, as the API names them.
 * Equality fields are special category data (UK GDPR article 9); disability is health data, also special
 * category. Everything else on the identity part of the record is standard.
 */
export const CHILD_FIELD_LABELS = {
  genderIdentity: 'special_category',
  sexualOrientation: 'special_category',
  ethnicity: 'special_category',
  religion: 'special_category',
  disability: 'special_category',
} as const satisfies Record<string, SensitivityLabel>;

export const CASE_STATUSES = ['open', 'closure_requested', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** A date of birth estimated from an age in years: the middle of the year the age implies. */
export function estimatedDateOfBirth(age: number, today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y - age, m - 1, d) - 182 * 86_400_000);
  return t.toISOString().slice(0, 10);
}
