/**
 * Challenge and amend, as the web asks for it. Types come from the server's own schemas (type-only
 * imports: nothing of the server reaches the browser bundle).
 */
import type { z } from 'zod';
import type { NoteWithHistory } from '../../server/children/notes-routes.ts';
import type {
  Challenge as ChallengeSchema,
  NoteChallengesResponse,
  ToDecideResponse,
  WordingFindingsResponse,
} from '../../server/language/challenges-schemas.ts';
import { request } from '../api.ts';

export type Challenge = z.infer<typeof ChallengeSchema>;
export type NoteChallenges = z.infer<typeof NoteChallengesResponse>;
export type ChallengeToDecide = z.infer<typeof ToDecideResponse>['challenges'][number];
export type NoteWording = z.infer<typeof WordingFindingsResponse>;
/** A version of a note in its history, saying when it came from an accepted challenge. */
export type HistoryVersion = z.infer<typeof NoteWithHistory>['versions'][number];

export interface RaiseChallengeBody {
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

const note = (childId: string, noteId: string) =>
  `/api/children/${encodeURIComponent(childId)}/notes/${encodeURIComponent(noteId)}`;
const one = (childId: string, noteId: string, challengeId: string) =>
  `${note(childId, noteId)}/challenges/${encodeURIComponent(challengeId)}`;

export const challengesApi = {
  forNote: (childId: string, noteId: string) =>
    request<NoteChallenges>('GET', `${note(childId, noteId)}/challenges`),
  /** The assistant's findings on the note's current text: checked on view, not stored, not counted. */
  wording: (childId: string, noteId: string) =>
    request<NoteWording>('GET', `${note(childId, noteId)}/wording`),
  raise: (childId: string, noteId: string, body: RaiseChallengeBody) =>
    request<{ challenge: Challenge }>('POST', `${note(childId, noteId)}/challenges`, body),
  withdraw: (childId: string, noteId: string, challengeId: string) =>
    request<{ challenge: Challenge }>('POST', `${one(childId, noteId, challengeId)}/withdraw`, {}),
  decide: (childId: string, noteId: string, challengeId: string, body: DecisionBody) =>
    request<{ challenge: Challenge }>('POST', `${one(childId, noteId, challengeId)}/decision`, body),
  toDecide: () => request<{ challenges: ChallengeToDecide[] }>('GET', '/api/wording-challenges'),
};
