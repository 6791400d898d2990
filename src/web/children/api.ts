/**
 * The child's record, as the web asks for it. Response types come from the server's own schemas where
 * the server exports them (type-only imports: nothing of the server reaches the browser bundle); the
 * rest mirror the route schemas in `src/server/children/*-routes.ts`.
 */
import type { z } from 'zod';
import type { ChronologyEntry } from '../../server/children/chronology-routes.ts';
import type { ChildRecord, ChildSummary, MatchResult } from '../../server/children/schemas.ts';
import { request } from '../api.ts';

export type Child = z.infer<typeof ChildRecord>;
export type ChildListItem = z.infer<typeof ChildSummary>;
export type Match = z.infer<typeof MatchResult>;
export type Entry = z.infer<typeof ChronologyEntry>;
export type Flag = Child['flags'][number];
export type ChildPermissions = Child['permissions'];
export type Professional = Child['professionals'][number];

export interface Ref {
  id: string;
  name: string;
}

export interface NoteVersion {
  version: number;
  body: string;
  reason: string | null;
  createdBy: Ref;
  createdAt: string;
}

export interface Note {
  id: string;
  type: string;
  typeName: string;
  sensitivity: string;
  significant: boolean;
  occurredAt: string;
  status: 'draft' | 'final';
  author: Ref;
  agency: Ref;
  createdAt: string;
  finalisedAt: string | null;
  body: string;
  version: number;
  corrected: boolean;
  permissions: { edit: boolean; finalise: boolean; correct: boolean };
  versions?: NoteVersion[];
}

export interface ChronologyFilter {
  kinds?: string | undefined;
  agencyId?: string | undefined;
  verification?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface Chronology {
  entries: Entry[];
  permissions: { addEntry: boolean; setVerification: boolean; export: boolean };
}

export interface FlagInput {
  kind?: string | undefined;
  otherDescription?: string | null | undefined;
  powerImbalance: string;
  exchange: { what: string; gainedBy: string[] };
  ageUnder18?: boolean | undefined;
  setting?: string | undefined;
  harmStatus?: string | undefined;
  harmRationale: string;
  sensitivity?: string | undefined;
}

/** `PATCH /api/children/:id`: any subset of the details (empty text clears a detail). */
export interface DetailsInput {
  givenName?: string;
  familyName?: string;
  knownAs?: string[];
  dateOfBirth?: string | null | undefined;
  dateOfBirthEstimated?: boolean;
  estimatedAge?: number | null | undefined;
  sex?: string | undefined;
  genderIdentity?: string | null;
  sexualOrientation?: string | null;
  ethnicity?: string | null;
  religion?: string | null;
  firstLanguage?: string | null;
  interpreterNeeded?: boolean | undefined;
  disability?: string | null;
  send?: string | null;
  school?: string | null;
  careStatus?: string | undefined;
  strengths?: string | null;
  interests?: string | null;
}

export interface AddressBody {
  line1: string;
  town?: string | null;
  postcode?: string | null;
  fromDate?: string | null | undefined;
  toDate?: string | null | undefined;
}

export function queryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const child = (id: string) => `/api/children/${encodeURIComponent(id)}`;
const note = (id: string, noteId: string) => `${child(id)}/notes/${encodeURIComponent(noteId)}`;
type One = Promise<{ child: Child }>;

export const childrenApi = {
  get: (id: string): One => request('GET', child(id)),
  update: (id: string, body: DetailsInput): One => request('PATCH', child(id), body),
  addAddress: (id: string, body: AddressBody): One => request('POST', `${child(id)}/addresses`, body),
  addRole: (id: string, body: { role?: string | undefined; note?: string | null }): One =>
    request('POST', `${child(id)}/roles`, body),
  startStatus: (
    id: string,
    body: { status?: string | undefined; startedOn?: string | undefined; reason: string },
  ): One => request('POST', `${child(id)}/statutory-statuses`, body),
  endStatus: (id: string, statusId: string, body: { endedOn?: string | undefined; reason: string }): One =>
    request('POST', `${child(id)}/statutory-statuses/${encodeURIComponent(statusId)}/end`, body),
  merge: (id: string, body: { duplicateId: string; reason: string }) =>
    request<{ mergeId: string; child: Child }>('POST', `${child(id)}/merge`, body),
  undoMerge: (id: string, mergeId: string, body: { reason: string }): One =>
    request('POST', `${child(id)}/merges/${encodeURIComponent(mergeId)}/undo`, body),
  search: (q: string) => request<{ children: ChildListItem[] }>('GET', `/api/children${queryString({ q })}`),
  matches: (body: Record<string, unknown>) =>
    request<{ matches: Match[] }>('POST', '/api/children/matches', body),

  chronology: (id: string, filter: ChronologyFilter) =>
    request<Chronology>('GET', `${child(id)}/chronology${queryString({ ...filter })}`),
  chronologyPdfHref: (id: string, filter: ChronologyFilter) =>
    `${child(id)}/chronology.pdf${queryString({ ...filter })}`,
  addEntry: (
    id: string,
    body: {
      occurredAt?: string | undefined;
      title: string;
      summary: string;
      source: string;
      verification?: string | undefined;
      sensitivity?: string | undefined;
    },
  ) => request<{ id: string }>('POST', `${child(id)}/chronology`, body),
  setVerification: (
    id: string,
    entryId: string,
    body: { verification?: string | undefined; reason: string },
  ) => request<null>('POST', `${child(id)}/chronology/${encodeURIComponent(entryId)}/verification`, body),

  notes: (id: string) => request<{ notes: Note[] }>('GET', `${child(id)}/notes`),
  note: (id: string, noteId: string) => request<{ note: Note }>('GET', note(id, noteId)),
  createNote: (
    id: string,
    body: {
      type?: string | undefined;
      body: string;
      occurredAt?: string | undefined;
      sensitivity?: string | undefined;
      significant?: boolean;
    },
  ) => request<{ note: Note }>('POST', `${child(id)}/notes`, body),
  editNote: (
    id: string,
    noteId: string,
    body: {
      type?: string | undefined;
      body?: string;
      occurredAt?: string | undefined;
      sensitivity?: string | undefined;
      significant?: boolean;
    },
  ) => request<{ note: Note }>('PATCH', note(id, noteId), body),
  finaliseNote: (id: string, noteId: string, body: { verification?: string | undefined }) =>
    request<{ note: Note }>('POST', `${note(id, noteId)}/finalise`, body),
  correctNote: (id: string, noteId: string, body: { body: string; reason: string }) =>
    request<{ note: Note }>('POST', `${note(id, noteId)}/corrections`, body),

  setFlag: (id: string, body: FlagInput): One => request('POST', `${child(id)}/flags`, body),
  changeHarmStatus: (
    id: string,
    flagId: string,
    body: { harmStatus?: string | undefined; rationale: string },
  ): One => request('POST', `${child(id)}/flags/${encodeURIComponent(flagId)}/harm-status`, body),
  removeFlag: (id: string, flagId: string, body: { reason: string }): One =>
    request('POST', `${child(id)}/flags/${encodeURIComponent(flagId)}/remove`, body),

  allocate: (
    id: string,
    body: { userId?: string | undefined; kind?: string | undefined; roleTitle?: string | null },
  ): One => request('POST', `${child(id)}/professionals`, body),
  endAllocation: (id: string, allocationId: string) =>
    request<null>('POST', `${child(id)}/professionals/${encodeURIComponent(allocationId)}/end`),

  requestClosure: (id: string, body: { reason?: string | undefined; detail: string }) =>
    request<{ outcome: 'closure_requested' | 'kept_open'; taskId: string | null; child: Child }>(
      'POST',
      `${child(id)}/closure`,
      body,
    ),
  decideClosure: (id: string, approve: boolean, body: { note?: string | null }): One =>
    request('POST', `${child(id)}/closure/${approve ? 'approve' : 'decline'}`, body),
  reopen: (id: string, body: { reason: string }): One => request('POST', `${child(id)}/reopen`, body),
};
