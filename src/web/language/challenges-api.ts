/**
 * Challenge and amend, as the web asks for it: the same calls for each kind of finalised record (a case
 * note, a referral, a completed assessment, a plan, the shareable minutes of a held meeting), under the
 * record's own path. Types come from the server's own schemas (type-only imports: nothing of the server reaches the
 * browser bundle).
 */
import type { z } from 'zod';
import type { NoteWithHistory } from '../../server/children/notes-routes.ts';
import type {
  Challenge as ChallengeSchema,
  ChallengesResponse,
  ToDecideResponse,
  WordingFindingsResponse,
} from '../../server/language/challenges-schemas.ts';
import type { WordingRecordType } from '../../server/language/records.ts';
import { request } from '../api.ts';

export type { WordingRecordType };
export type Challenge = z.infer<typeof ChallengeSchema>;
/** A record's challenges, its texts that may be challenged, and (not for notes) its wording's history. */
export type RecordChallengesData = z.infer<typeof ChallengesResponse>;
export type ChallengeToDecide = z.infer<typeof ToDecideResponse>['challenges'][number];
/** One text of a record as it is now, with the language assistant's findings on it. */
export type Wording = z.infer<typeof WordingFindingsResponse>;
/** A version of a note in its history, saying when it came from an accepted challenge. */
export type HistoryVersion = z.infer<typeof NoteWithHistory>['versions'][number];

/** Which record: its kind, the child it is about, and its id (a meeting's id, for minutes). */
export interface RecordRef {
  type: WordingRecordType;
  childId: string;
  recordId: string;
}

/** Where each kind of record sits under `/children/:id/` (the same on the API and in the web). */
export const RECORD_SEGMENTS = {
  note: 'notes',
  referral: 'referrals',
  assessment: 'assessments',
  plan: 'plans',
  minutes: 'meetings',
} as const satisfies Record<WordingRecordType, string>;

export interface RaiseChallengeBody {
  /** Which text of the record; without it, its first (a note's body, a referral's narrative). */
  field?: string | undefined;
  version: number;
  reason: string;
  suggestedWording: string;
  span?: { start: number; end: number; text: string } | undefined;
  ruleId?: string | undefined;
  lexiconVersion?: string | undefined;
}

export interface DecisionBody {
  decision: 'accept' | 'decline';
  reason?: string | undefined;
  wording?: string | undefined;
}

const e = encodeURIComponent;
const recordPath = (ref: RecordRef) =>
  `/api/children/${e(ref.childId)}/${RECORD_SEGMENTS[ref.type]}/${e(ref.recordId)}`;
const one = (ref: RecordRef, challengeId: string) => `${recordPath(ref)}/challenges/${e(challengeId)}`;

export const challengesApi = {
  list: (ref: RecordRef) => request<RecordChallengesData>('GET', `${recordPath(ref)}/challenges`),
  /** The assistant's findings on a text as it is now: checked on view, not stored, not counted. */
  wording: (ref: RecordRef, field?: string) =>
    request<Wording>('GET', `${recordPath(ref)}/wording${field ? `?field=${e(field)}` : ''}`),
  raise: (ref: RecordRef, body: RaiseChallengeBody) =>
    request<{ challenge: Challenge }>('POST', `${recordPath(ref)}/challenges`, body),
  withdraw: (ref: RecordRef, challengeId: string) =>
    request<{ challenge: Challenge }>('POST', `${one(ref, challengeId)}/withdraw`, {}),
  decide: (ref: RecordRef, challengeId: string, body: DecisionBody) =>
    request<{ challenge: Challenge }>('POST', `${one(ref, challengeId)}/decision`, body),
  toDecide: () => request<{ challenges: ChallengeToDecide[] }>('GET', '/api/wording-challenges'),
};
