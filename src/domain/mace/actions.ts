/**
 * Actions that do not drift (issue 5 item 7): one tracker across every meeting, filterable by agency,
 * owner and child; overdue actions go to the meeting's chair and the owner's manager; an action carried
 * over to a later meeting is counted as carried over, and keeps the date it was first due so the drift
 * stays visible.
 *
 * Days are London calendar days: an action due on 31 March is overdue from 1 April.
 */

import { ACTION_STATUS_NAMES, type ActionStatus, OPEN_ACTION_STATUSES } from './action-schema.ts';
import {
  daysBetween,
  formatLocalDate,
  isoDateString,
  type LocalDate,
  londonDate,
  type PersonRef,
  type Result,
  refuse,
} from './common.ts';
import { MEETINGS_CONFIG, type MeetingsConfig } from './config.ts';

export interface TrackedAction {
  readonly id: string;
  readonly title: string;
  /** The owner's account, when they have one: escalation finds their manager through it. */
  readonly ownerId?: string | null;
  readonly ownerName: string;
  readonly agencyId: string;
  readonly agencyName?: string;
  readonly childId?: string | null;
  readonly contextId?: string | null;
  /** The meeting that now tracks the action: where it was agreed, or the last one it was carried to. */
  readonly meetingId: string;
  readonly dueDate: LocalDate;
  /** The date it was first due, kept when a carry-over agrees a new one. */
  readonly originalDueDate?: LocalDate;
  readonly status: ActionStatus;
  readonly carriedOver: number;
  readonly carryOvers?: readonly { readonly fromMeetingId: string; readonly toMeetingId: string }[];
  readonly completion?: {
    readonly evidence: string;
    readonly completedOn: LocalDate;
    readonly recordedBy: PersonRef;
  };
}

export interface OverdueAction {
  readonly action: TrackedAction;
  /** Whole days since the due date: 1 on the day after it was due. */
  readonly daysOverdue: number;
}

function isOpen(action: TrackedAction): boolean {
  return OPEN_ACTION_STATUSES.includes(action.status);
}

function daysOverdue(action: TrackedAction, today: LocalDate): number {
  return action.dueDate < today ? daysBetween(action.dueDate, today) : 0;
}

/** Open actions past their due date, the longest overdue first. */
export function overdue(actions: readonly TrackedAction[], now: Date): OverdueAction[] {
  const today = londonDate(now);
  return actions
    .filter((a) => isOpen(a) && a.dueDate < today)
    .map((action) => ({ action, daysOverdue: daysOverdue(action, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.action.title.localeCompare(b.action.title, 'en-GB'));
}

// ---------------------------------------------------------------------------------------------------
// Escalation
// ---------------------------------------------------------------------------------------------------

export interface EscalationPeople {
  readonly people: readonly {
    readonly id: string;
    readonly name: string;
    readonly managerId?: string | null;
  }[];
  readonly meetings: readonly { readonly id: string; readonly chairId?: string | null }[];
}

export type EscalationRole = 'meeting_chair' | 'owner_manager';

export interface EscalationRecipient {
  readonly personId: string;
  readonly name: string;
  /** Why they are told; one person may be both the chair and the owner's manager. */
  readonly as: readonly EscalationRole[];
}

export interface Escalation {
  readonly actionId: string;
  readonly daysOverdue: number;
  readonly recipients: readonly EscalationRecipient[];
  /** Someone who should be told but cannot be found, said plainly so the gap is fixed. */
  readonly gaps: readonly string[];
  readonly message: string;
}

/**
 * Who is told about each overdue action: by default the chair of the meeting tracking it and the
 * owner's manager (the configuration's `actions.notify`), once the action is
 * `actions.escalateWhenOverdueByDays` days late.
 */
export function escalations(
  actions: readonly TrackedAction[],
  now: Date,
  people: EscalationPeople,
  config: MeetingsConfig = MEETINGS_CONFIG,
): Escalation[] {
  const byId = new Map(people.people.map((p) => [p.id, p]));
  const chairOf = new Map(people.meetings.map((m) => [m.id, m.chairId ?? null]));
  const { escalateWhenOverdueByDays, notify } = config.actions;

  return overdue(actions, now)
    .filter((o) => o.daysOverdue >= escalateWhenOverdueByDays)
    .map(({ action, daysOverdue: days }) => {
      const recipients = new Map<string, { personId: string; name: string; as: EscalationRole[] }>();
      const gaps: string[] = [];
      const tell = (personId: string | null | undefined, as: EscalationRole, gap: string) => {
        const person = personId ? byId.get(personId) : undefined;
        if (!person) {
          gaps.push(gap);
          return;
        }
        const existing = recipients.get(person.id);
        if (existing) existing.as.push(as);
        else recipients.set(person.id, { personId: person.id, name: person.name, as: [as] });
      };
      if (notify.includes('meeting_chair')) {
        tell(
          chairOf.get(action.meetingId),
          'meeting_chair',
          `No chair is recorded for the meeting tracking this action.`,
        );
      }
      if (notify.includes('owner_manager')) {
        const owner = action.ownerId ? byId.get(action.ownerId) : undefined;
        tell(
          owner?.managerId,
          'owner_manager',
          owner
            ? `No manager is recorded for ${action.ownerName}: record who manages them so overdue actions reach them.`
            : `${action.ownerName} has no account in Lantern, so their manager cannot be found: the chair follows this up.`,
        );
      }
      const agency = action.agencyName ? `, ${action.agencyName}` : '';
      return {
        actionId: action.id,
        daysOverdue: days,
        recipients: [...recipients.values()],
        gaps,
        message:
          `"${action.title}" (owner ${action.ownerName}${agency}) was due on ${formatLocalDate(action.dueDate)} ` +
          `and is ${days === 1 ? '1 day' : `${days} days`} overdue` +
          (action.carriedOver > 0
            ? `; carried over ${action.carriedOver === 1 ? 'once' : `${action.carriedOver} times`}.`
            : '.'),
      };
    });
}

/** The escalations grouped by the person told, for one message each. */
export function escalationsByRecipient(
  list: readonly Escalation[],
): { personId: string; name: string; escalations: Escalation[] }[] {
  const out = new Map<string, { personId: string; name: string; escalations: Escalation[] }>();
  for (const e of list) {
    for (const r of e.recipients) {
      const entry = out.get(r.personId) ?? { personId: r.personId, name: r.name, escalations: [] };
      entry.escalations.push(e);
      out.set(r.personId, entry);
    }
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------------
// Carry-over and completion
// ---------------------------------------------------------------------------------------------------

export interface MeetingRef {
  readonly id: string;
  readonly startsAt: Date;
}

/**
 * Carry an open action from one meeting to a later one. The action counts one more carry-over and keeps
 * the date it was first due; a new due date may be agreed.
 */
export function carryOver(
  action: TrackedAction,
  fromMeeting: MeetingRef,
  toMeeting: MeetingRef,
  options: { newDueDate?: LocalDate } = {},
): Result<TrackedAction> {
  if (action.meetingId !== fromMeeting.id) {
    return refuse(
      'not_tracked_by_meeting',
      'This action is not tracked by the meeting it is being carried from: carry it over from the meeting that holds it',
      'fromMeeting',
    );
  }
  if (!isOpen(action)) {
    return refuse(
      'not_open',
      `This action is ${ACTION_STATUS_NAMES[action.status].toLowerCase()}: only an open action is carried over`,
      'status',
    );
  }
  if (toMeeting.startsAt.getTime() <= fromMeeting.startsAt.getTime()) {
    return refuse('not_later', 'An action is carried over to a later meeting', 'toMeeting');
  }
  if (options.newDueDate !== undefined && !isoDateString(options.newDueDate)) {
    return refuse('invalid_due_date', 'newDueDate must be a date like 2026-03-31', 'newDueDate');
  }
  return {
    ok: true,
    value: {
      ...action,
      meetingId: toMeeting.id,
      dueDate: options.newDueDate ?? action.dueDate,
      originalDueDate: action.originalDueDate ?? action.dueDate,
      carriedOver: action.carriedOver + 1,
      carryOvers: [
        ...(action.carryOvers ?? []),
        { fromMeetingId: fromMeeting.id, toMeetingId: toMeeting.id },
      ],
    },
  };
}

/** Mark an action done. Evidence of completion is required (issue 5 item 3). */
export function markDone(
  action: TrackedAction,
  completion: { evidence: string; completedOn: LocalDate; recordedBy: PersonRef },
): Result<TrackedAction> {
  if (!isOpen(action)) {
    return refuse(
      'not_open',
      `This action is already ${ACTION_STATUS_NAMES[action.status].toLowerCase()}`,
      'status',
    );
  }
  if (typeof completion.evidence !== 'string' || completion.evidence.trim() === '') {
    return refuse(
      'evidence_required',
      'completion.evidence is required to mark an action done: record what was done and where the evidence is',
      'completion.evidence',
    );
  }
  if (!isoDateString(completion.completedOn)) {
    return refuse(
      'invalid_date',
      'completion.completedOn must be a date like 2026-03-31',
      'completion.completedOn',
    );
  }
  return {
    ok: true,
    value: { ...action, status: 'done', completion: { ...completion, evidence: completion.evidence.trim() } },
  };
}

// ---------------------------------------------------------------------------------------------------
// The tracker
// ---------------------------------------------------------------------------------------------------

export interface ActionFilter {
  readonly agencyId?: string;
  readonly ownerId?: string;
  readonly childId?: string;
  readonly statuses?: readonly ActionStatus[];
  /** Only actions overdue at this time. */
  readonly overdueAt?: Date;
  /** Only actions carried over at least once. */
  readonly carriedOver?: boolean;
}

/** The tracker's filters; every filter given must match. */
export function filterActions(actions: readonly TrackedAction[], filter: ActionFilter): TrackedAction[] {
  const today = filter.overdueAt ? londonDate(filter.overdueAt) : undefined;
  return actions.filter(
    (a) =>
      (filter.agencyId === undefined || a.agencyId === filter.agencyId) &&
      (filter.ownerId === undefined || a.ownerId === filter.ownerId) &&
      (filter.childId === undefined || a.childId === filter.childId) &&
      (filter.statuses === undefined || filter.statuses.includes(a.status)) &&
      (today === undefined || (isOpen(a) && a.dueDate < today)) &&
      (filter.carriedOver === undefined || a.carriedOver > 0 === filter.carriedOver),
  );
}

export interface AgencySummary {
  readonly agencyId: string;
  readonly agencyName?: string;
  readonly open: number;
  readonly overdue: number;
  readonly done: number;
  /** Actions carried over at least once. */
  readonly carriedOver: number;
  /** Every carry-over counted (an action carried over twice counts 2). */
  readonly carryOvers: number;
}

/** Counts per agency for the chair's and managers' view of drift. */
export function trackerSummary(actions: readonly TrackedAction[], now: Date): AgencySummary[] {
  const today = londonDate(now);
  const out = new Map<string, { -readonly [K in keyof AgencySummary]: AgencySummary[K] }>();
  for (const a of actions) {
    const s = out.get(a.agencyId) ?? {
      agencyId: a.agencyId,
      ...(a.agencyName === undefined ? {} : { agencyName: a.agencyName }),
      open: 0,
      overdue: 0,
      done: 0,
      carriedOver: 0,
      carryOvers: 0,
    };
    if (isOpen(a)) s.open++;
    if (isOpen(a) && a.dueDate < today) s.overdue++;
    if (a.status === 'done') s.done++;
    if (a.carriedOver > 0) s.carriedOver++;
    s.carryOvers += a.carriedOver;
    out.set(a.agencyId, s);
  }
  // Most overdue first, then by name; an agency whose name was not given comes after the named ones.
  const named = (s: AgencySummary) => (s.agencyName === undefined ? 1 : 0);
  return [...out.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      named(a) - named(b) ||
      (a.agencyName ?? a.agencyId).localeCompare(b.agencyName ?? b.agencyId, 'en-GB'),
  );
}
