/**
 * Notes, verification, flags and closure: the options of the case record, as data.
 */

export const NOTE_TYPES = [
  'contact',
  'direct_work',
  'informal_contact',
  'professional_discussion',
  'supervision',
] as const;
export type NoteType = (typeof NOTE_TYPES)[number];
export const NOTE_TYPE_NAMES = {
  contact: 'Contact',
  direct_work: 'Direct work',
  informal_contact: 'Informal contact',
  professional_discussion: 'Professional discussion',
  supervision: 'Supervision',
} as const satisfies Record<NoteType, string>;

/**
 * Every claim has a source and a verification status (seed 000: the "selling sex for drugs" lesson —
 * an unverified claim repeated until it was taken as fact). New entries start unverified unless the
 * person recording them has verified them.
 */
export const VERIFICATION_STATUSES = ['verified', 'unverified', 'disputed'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const VERIFICATION_NAMES = {
  verified: 'Verified',
  unverified: 'Unverified',
  disputed: 'Disputed',
} as const satisfies Record<VerificationStatus, string>;

export const CHRONOLOGY_KINDS = [
  'referral',
  'screening_decision',
  'note',
  'event',
  'statutory_status',
  'flag',
  'harm_status',
  'closure',
  'reopening',
  'allocation',
  'merge',
  'missing_episode',
] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

/** Exploitation flags follow the policy definition (seed 004 Section B), not a criminal offence. */
export const FLAG_KINDS = ['sexual', 'criminal', 'other'] as const;
export const FLAG_KIND_NAMES = {
  sexual: 'Child sexual exploitation',
  criminal: 'Child criminal exploitation',
  other: 'Other exploitation',
} as const satisfies Record<(typeof FLAG_KINDS)[number], string>;
export const EXCHANGE_GAINERS = ['child', 'perpetrator', 'facilitator', 'not_known'] as const;
export const FLAG_SETTINGS = ['online', 'offline', 'both', 'not_known'] as const;

/**
 * A child already being harmed is recorded as harmed ("known"), not as "high risk" (seed 000); there is
 * deliberately no risk level here.
 */
export const HARM_STATUSES = ['suspected', 'known'] as const;
export type HarmStatus = (typeof HARM_STATUSES)[number];
export const HARM_STATUS_NAMES = {
  suspected: 'Exploitation suspected',
  known: 'Exploitation known: the child is being harmed',
} as const satisfies Record<HarmStatus, string>;

/**
 * Reasons a case may close. Disengagement is never a reason (PRODUCT §3 "Don't give up on the child");
 * a test checks this list against banned words. Closure also needs a manager's approval.
 */
export const CLOSURE_REASONS = [
  'support_complete_child_safe',
  'assessment_found_no_continuing_need',
  'moved_away_case_transferred',
  'transferred_to_another_service',
  'adult_services_transition_complete',
  'child_has_died',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_NAMES = {
  support_complete_child_safe: 'The plan is complete and the child is safe',
  assessment_found_no_continuing_need: 'Assessment found no continuing need for this service',
  moved_away_case_transferred: 'Moved to another area, and the case has been handed over to services there',
  transferred_to_another_service:
    'Handed over to another service that now leads (for example a leaving care team)',
  adult_services_transition_complete: 'Transition to adult services is complete',
  child_has_died: 'The child has died',
} as const satisfies Record<ClosureReason, string>;

/**
 * Not a closure reason: choosing it keeps the case open and creates an outreach action for the lead
 * worker, so the service keeps trying to reach the child.
 */
export const NOT_YET_ENGAGED = 'services_not_yet_found_a_way_to_engage' as const;
export const NOT_YET_ENGAGED_NAME = 'Services have not yet found a way to engage';
export const OUTREACH_TASK = {
  kind: 'outreach',
  title: 'Outreach: try a different way to reach the child (another worker, place, time or service)',
  dueInWorkingDays: 5,
} as const;

/** Words that must never appear in a closure reason. Exported for the test and the docs. */
export const BANNED_CLOSURE_WORDS = [
  'disengag',
  'not engaging',
  'non-engagement',
  'refused',
  'refuses',
  'non-compliant',
  'uncooperative',
  'lifestyle',
  'choice',
  'chose',
  'declined services',
  'did not attend',
  'dna',
] as const;
