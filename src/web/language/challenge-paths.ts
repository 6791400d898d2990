/**
 * Where challenge and amend lives in the web for each kind of record, and how its pages speak of the
 * record. The challenge pages sit under the record's path below the child
 * (`/children/:id/<segment>/:recordId/challenge…`); the record's own page is wherever that record lives.
 */
import { type Challenge, RECORD_SEGMENTS, type RecordRef, type WordingRecordType } from './challenges-api.ts';

/** How the pages speak of each kind of record. */
export const RECORD_WORDS = {
  note: { record: 'note', thisRecord: 'this note', text: 'note', back: 'Back to the note' },
  referral: { record: 'referral', thisRecord: 'this referral', text: 'text', back: 'Back to the referral' },
  assessment: {
    record: 'assessment',
    thisRecord: 'this assessment',
    text: 'text',
    back: 'Back to the assessment',
  },
  plan: { record: 'plan', thisRecord: 'this plan', text: 'text', back: 'Back to the plan' },
  minutes: { record: 'minutes', thisRecord: 'this minute', text: 'minute', back: 'Back to the meeting' },
} as const satisfies Record<
  WordingRecordType,
  { record: string; thisRecord: string; text: string; back: string }
>;

const e = encodeURIComponent;

/** The record's own page, where the challenge pages go back to. */
export function recordPagePath(ref: RecordRef): string {
  switch (ref.type) {
    case 'note':
      return `/children/${e(ref.childId)}/notes/${e(ref.recordId)}`;
    case 'referral':
      return `/referrals/${e(ref.recordId)}`;
    case 'assessment':
      return `/children/${e(ref.childId)}/assessments/${e(ref.recordId)}`;
    case 'plan':
      return `/children/${e(ref.childId)}/plan`;
    case 'minutes':
      return `/meetings/${e(ref.recordId)}`;
  }
}

const challengesBase = (ref: RecordRef) =>
  `/children/${e(ref.childId)}/${RECORD_SEGMENTS[ref.type]}/${e(ref.recordId)}`;

/** The page to challenge a text of the record; without a field, the record's only (or first) text. */
export function raisePath(ref: RecordRef, field?: string): string {
  return `${challengesBase(ref)}/challenge${field ? `?field=${e(field)}` : ''}`;
}

/** One challenge's page: to read it, decide it or withdraw it. */
export function challengePath(ref: RecordRef, challengeId: string): string {
  return `${challengesBase(ref)}/challenges/${e(challengeId)}`;
}

/** The record a challenge is about, as a reference to call the API with. */
export function refOf(challenge: Pick<Challenge, 'record'>): RecordRef {
  return { type: challenge.record.type, childId: challenge.record.childId, recordId: challenge.record.id };
}

/** The words a challenge is about, in quotes, or "The whole note" (text, minute). */
export function challengedWords(challenge: Pick<Challenge, 'span' | 'record'>): string {
  return challenge.span
    ? `‘${challenge.span.text}’`
    : `The whole ${RECORD_WORDS[challenge.record.type].text}`;
}

export function statusColour(status: Challenge['status']) {
  if (status === 'open') return 'yellow' as const;
  if (status === 'accepted') return 'green' as const;
  return 'grey' as const;
}

/** "The rationale for …" → "the rationale for …", to follow other words in a sentence (not "MACE …"). */
export function lowerFirst(text: string): string {
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
