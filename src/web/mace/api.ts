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
  participation: { id: string; participation: string }[];
  sendings: { kind: string; sentAt: string; recipientName: string; agencyName: string }[];
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
  meetings: () => request<{ meetings: MeetingSummary[] }>('GET', '/api/mace/meetings'),
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
