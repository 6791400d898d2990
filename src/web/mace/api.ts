/** The meetings API, for the meeting pages. Shapes follow the server's responses (see the OpenAPI document). */
import { request } from '../api.ts';

export interface MeetingSummary {
  id: string;
  title: string;
  status: string;
  type: string;
  typeLabel: string;
  startsAt: string;
  endsAt: string;
  chairName: string;
  agendaItems: number;
  openActions: number;
}

export interface Invitation {
  id: string;
  person: { name: string; personId?: string; agencyId?: string };
  agencyId: string;
  agencyType: string;
  agencyName?: string;
}

export interface AgendaItem {
  id: string;
  kind: 'child' | 'context';
  heading: string;
  childId?: string;
}

export interface Attendance {
  inviteeId: string;
  status: 'present' | 'apologies' | 'deputy';
  deputy?: { name: string };
}

export interface MeetingAction {
  id?: string;
  itemId?: string;
  title: string;
  owner: { name: string; personId?: string; agencyId?: string };
  agencyId: string;
  dueDate: string;
  status: string;
  sensitivity?: string;
  carriedOver?: number;
}

export interface MeetingRecord {
  type: string;
  startsAt: string;
  endsAt: string;
  agenda: AgendaItem[];
  invitations: Invitation[];
  attendance: Attendance[];
  minutes: { itemId: string; shareable: string; restricted: { text: string; sensitivity: string }[] }[];
  decisions: { itemId: string; text: string; sensitivity?: string }[];
  actions: MeetingAction[];
  [key: string]: unknown;
}

export interface PackCopyItem {
  itemId: string;
  heading: string;
  /** The child an item is about (not for an item about a place or group). */
  childId?: string;
  parts: { id: string; heading?: string; text: string; shareable?: boolean }[];
  decisions?: { id: string; text: string }[];
  actions?: {
    id: string;
    title: string;
    ownerName: string;
    agencyName: string;
    dueDate: string;
    status: string;
  }[];
}

export interface MeetingView extends Omit<MeetingSummary, 'agendaItems' | 'openActions'> {
  canManage: boolean;
  record: MeetingRecord | null;
  withheld: number;
  copy: { items: PackCopyItem[] } | null;
  sharedContexts: { contextId: string; label: string; items: { itemId: string; heading: string }[] }[];
  quorum: { quorate: boolean; message: string } | null;
  participation: ({ id: string; participation: string; recordedAt: string } & Record<string, unknown>)[];
  sendings: { kind: string; sentAt: string; recipientName: string; agencyName: string }[];
}

export type MeetingType = 'strategy' | 'mace_triage' | 'mace' | 'review';

export interface MeetingPermissions {
  /** The meeting types the person may convene (decided by the server). */
  convene: MeetingType[];
  /** May prepare the triage list and record triage decisions. */
  triage: boolean;
  /** May escalate overdue actions. */
  escalate: boolean;
}

interface Labelled {
  id: string;
  label: string;
}

export interface MaceConfig {
  version: string;
  meetingTypes: Record<
    MeetingType,
    { label: string; description: string; scope: 'one_child' | 'many'; youngPersonAndFamilyTakePart: boolean }
  >;
  participation: { notInvitedReasons: Labelled[]; toldOutcomeHow: Labelled[] };
  options: {
    participation: Record<string, string>;
    viewsShared: Record<string, string>;
    triageDecisions: Record<string, string>;
    contextKinds: Record<string, string>;
  };
}

export interface Invitable {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  agencyType: string;
}

export interface ChildFound {
  id: string;
  displayName: string;
  dateOfBirth: string | null;
  school: string | null;
}

export interface ContextFound {
  id: string;
  kind: string;
  name: string;
  sensitivity: string;
}

export type TriageSubject =
  | { kind: 'child'; childId: string; name: string }
  | { kind: 'context'; contextId: string; contextKind: string; label: string; sensitivity: string };

export interface TriageItem {
  subject: TriageSubject;
  reasons: { rule: string; message: string; recordIds: string[] }[];
  levelOfConcern?: { id: string; label: string } | null;
  linkedChildIds?: string[];
}

export interface TriageDecision {
  id: string;
  subject: { kind: 'child'; childId: string } | { kind: 'context'; contextId: string };
  decision: string;
  reasons: string[];
  singleAgency?: { agencyId: string; agencyName?: string; action: string };
  decidedBy: string;
  decidedAt: string;
}

export interface TriageListView {
  since: string;
  now: string;
  children: TriageItem[];
  contexts: TriageItem[];
  decisions: TriageDecision[];
}

export interface TrackedAction {
  id: string;
  title: string;
  ownerName: string;
  agencyName?: string;
  childId: string | null;
  meetingId: string;
  meetingTitle: string;
  dueDate: string;
  status: string;
  carriedOver: number;
  daysOverdue: number;
}

const qs = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const maceApi = {
  meetings: () =>
    request<{ meetings: MeetingSummary[]; permissions: MeetingPermissions }>('GET', '/api/mace/meetings'),
  config: () => request<MaceConfig>('GET', '/api/mace/config'),
  people: () => request<{ people: Invitable[] }>('GET', '/api/mace/people'),
  children: (q: string) =>
    request<{ children: ChildFound[] }>('GET', `/api/children?q=${encodeURIComponent(q)}`),
  contexts: (q: string) =>
    request<{ contexts: ContextFound[] }>('GET', `/api/contexts?q=${encodeURIComponent(q)}`),
  convene: (body: Record<string, unknown>) => request<{ id: string }>('POST', '/api/mace/meetings', body),
  saveWithStatus: (id: string, title: string, status: string | undefined, record: MeetingRecord) =>
    request<void>('PUT', `/api/mace/meetings/${id}`, { ...record, title, ...(status ? { status } : {}) }),
  participation: (id: string, body: Record<string, unknown>) =>
    request<Record<string, unknown>>('POST', `/api/mace/meetings/${id}/participation`, body),
  carryOver: (id: string, body: { actionId: string; toMeetingId: string; newDueDate?: string }) =>
    request<{ actionId: string; carriedOver: number; dueDate: string }>(
      'POST',
      `/api/mace/meetings/${id}/carry-over`,
      body,
    ),
  escalate: () =>
    request<{ escalations: Record<string, unknown>[]; raised: Record<string, unknown>[] }>(
      'POST',
      '/api/mace/escalations',
      {},
    ),
  triage: () => request<TriageListView>('GET', '/api/mace/triage'),
  decideTriage: (body: Record<string, unknown>) =>
    request<{ id: string; decision: string; referralTaskId: string | null }>(
      'POST',
      '/api/mace/triage/decisions',
      body,
    ),
  meeting: (id: string) => request<MeetingView>('GET', `/api/mace/meetings/${id}`),
  save: (id: string, title: string, record: MeetingRecord) =>
    request<void>('PUT', `/api/mace/meetings/${id}`, { ...record, title }),
  send: (id: string, kind: 'pack' | 'minutes') =>
    request<{ sent: unknown[] }>('POST', `/api/mace/meetings/${id}/send`, { kind }),
  actions: (filter: {
    overdue?: string;
    carriedOver?: string;
    agencyId?: string;
    ownerId?: string;
    childId?: string;
  }) => request<{ actions: TrackedAction[] }>('GET', `/api/mace/actions${qs(filter)}`),
};

/** A date and time in UK time, for people. */
export const ukDateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
