/**
 * The words of an assessment, as data: the three domains of the Risk Analysis Framework, the two kinds
 * of factor, and what is known about harm. Every list here is shown to practitioners, so none of it
 * describes the child as the cause of what is happening to them.
 */
import { HARM_STATUS_NAMES, HARM_STATUSES } from '../children/case-record.ts';

/**
 * The three domains of the Assessment Framework, in which the RAF analyses risk (seed 004, "Risk
 * Analysis Framework": "child's developmental needs, parental capacity to meet those needs, and family
 * and environmental factors that support or hinder").
 */
export const ASSESSMENT_DOMAINS = [
  'developmental_needs',
  'parenting_capacity',
  'family_and_environment',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];
export const ASSESSMENT_DOMAIN_NAMES = {
  developmental_needs: 'Child’s developmental needs',
  parenting_capacity: 'Parenting capacity',
  family_and_environment: 'Family and environmental factors',
} as const satisfies Record<AssessmentDomain, string>;

/** What factors are there that present a risk, and what guards against it (seed 004, RAF). */
export const FACTOR_KINDS = ['risk', 'protective'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];
export const FACTOR_KIND_NAMES = {
  risk: 'Risk factor',
  protective: 'Protective factor',
} as const satisfies Record<FactorKind, string>;

/**
 * What the practitioner knows about harm at this analysis. Suspected and known come from the child's
 * record; a child already being harmed is a victim, not "high risk" (seed 000 key theme 6), so harm is
 * recorded apart from the level of concern and never folded into it.
 */
export const ASSESSMENT_HARM_STATUSES = [...HARM_STATUSES, 'none_identified'] as const;
export type AssessmentHarmStatus = (typeof ASSESSMENT_HARM_STATUSES)[number];
export const ASSESSMENT_HARM_STATUS_NAMES = {
  ...HARM_STATUS_NAMES,
  none_identified: 'No exploitation identified at this analysis',
} as const satisfies Record<AssessmentHarmStatus, string>;

/** Harm statuses that make the disruption and investigation part of a plan compulsory. */
export const HARM_REQUIRING_DISRUPTION = [
  'suspected',
  'known',
] as const satisfies readonly AssessmentHarmStatus[];

export function harmIsSuspectedOrKnown(status: AssessmentHarmStatus): boolean {
  return (HARM_REQUIRING_DISRUPTION as readonly string[]).includes(status);
}

/** One MACE risk assessment covers sexual and/or criminal exploitation (seed 004: "Utilise one tool"). */
export const HARM_KINDS = ['sexual', 'criminal', 'other'] as const;
export type HarmKind = (typeof HARM_KINDS)[number];
export const HARM_KIND_NAMES = {
  sexual: 'Child sexual exploitation',
  criminal: 'Child criminal exploitation',
  other: 'Other exploitation or abuse',
} as const satisfies Record<HarmKind, string>;
