/**
 * When meetings happen and who makes one quorate: the scheduling rule (issue 5, "Bad input": a meeting
 * in the past being re-scheduled over an existing one is refused), the quorum from the terms of
 * reference, and who may chair.
 */
import type { AgencyType, Role } from '../access/types.ts';
import { AGENCY_TYPE_LABELS, ROLE_LABELS } from '../access/types.ts';
import { formatLondon, listInWords, type Refusal } from './common.ts';
import { MEETINGS_CONFIG, type MeetingsConfig, type MeetingType } from './config.ts';

export interface ScheduledMeeting {
  readonly id: string;
  readonly type: MeetingType;
  /** The MACE group, or the child's case for a strategy or review meeting. */
  readonly groupId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** A cancelled meeting holds no slot. */
  readonly cancelled?: boolean;
}

export type NewTime = Date | { readonly startsAt: Date; readonly endsAt: Date };

function validDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/**
 * Another meeting of the same type and group that overlaps the slot, or null. The slot runs from its
 * start up to (not including) its end, so one meeting may start when the last one ends.
 */
export function slotConflict(
  meetings: readonly ScheduledMeeting[],
  candidate: ScheduledMeeting,
): ScheduledMeeting | null {
  return (
    meetings.find(
      (other) =>
        other.id !== candidate.id &&
        !other.cancelled &&
        other.type === candidate.type &&
        other.groupId === candidate.groupId &&
        other.startsAt.getTime() < candidate.endsAt.getTime() &&
        candidate.startsAt.getTime() < other.endsAt.getTime(),
    ) ?? null
  );
}

/**
 * May `meeting` move to `newTime`? Null when it may; otherwise why not. A new time given as a single
 * Date keeps the meeting's length. Refused:
 *  - a meeting whose start has passed: it happened (or should have); record what happened instead;
 *  - a new time in the past;
 *  - a slot already taken by another meeting of the same type and group.
 */
export function rescheduleConflict(
  meetings: readonly ScheduledMeeting[],
  meeting: ScheduledMeeting,
  newTime: NewTime,
  now: Date,
): Refusal | null {
  const startsAt = newTime instanceof Date ? newTime : newTime.startsAt;
  const endsAt =
    newTime instanceof Date
      ? new Date(newTime.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()))
      : newTime.endsAt;
  if (!validDate(startsAt) || !validDate(endsAt)) {
    return { code: 'invalid_time', field: 'startsAt', message: 'startsAt must be a valid date and time' };
  }
  if (meeting.cancelled) {
    return {
      code: 'meeting_cancelled',
      field: 'startsAt',
      message: 'This meeting was cancelled: schedule a new meeting instead of moving a cancelled one',
    };
  }
  if (meeting.startsAt.getTime() <= now.getTime()) {
    return {
      code: 'meeting_in_past',
      field: 'startsAt',
      message:
        `This meeting's time has passed (${formatLondon(meeting.startsAt)}), so it cannot be re-scheduled: ` +
        'record who attended and what was decided, or schedule a new meeting',
    };
  }
  if (startsAt.getTime() <= now.getTime()) {
    return {
      code: 'new_time_in_past',
      field: 'startsAt',
      message: `The new time (${formatLondon(startsAt)}) has already passed: choose a time in the future`,
    };
  }
  if (endsAt.getTime() <= startsAt.getTime()) {
    return { code: 'ends_before_start', field: 'endsAt', message: 'endsAt must be after startsAt' };
  }
  const clash = slotConflict(meetings, { ...meeting, startsAt, endsAt });
  if (clash) {
    return {
      code: 'slot_taken',
      field: 'startsAt',
      message:
        `Another meeting of the same kind for this group is already booked from ${formatLondon(clash.startsAt)} ` +
        `to ${formatLondon(clash.endsAt)}: choose a time that does not overlap it`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Quorum and chair
// ---------------------------------------------------------------------------------------------------

export interface QuorumAttendance {
  readonly invitations: readonly { readonly id: string; readonly agencyType: AgencyType }[];
  readonly attendance: readonly {
    readonly inviteeId: string;
    readonly status: 'present' | 'apologies' | 'deputy';
  }[];
}

export interface QuorumResult {
  readonly quorate: boolean;
  /** The quorum agencies present in person or by deputy. */
  readonly represented: readonly AgencyType[];
  readonly missing: readonly AgencyType[];
  readonly message: string;
}

/** Is the meeting quorate under its terms of reference? A deputy represents their agency. */
export function quorumCheck(
  type: MeetingType,
  meeting: QuorumAttendance,
  config: MeetingsConfig = MEETINGS_CONFIG,
): QuorumResult {
  const needed = config.meetingTypes[type].termsOfReference.quorum.agencies;
  const agencyOf = new Map(meeting.invitations.map((i) => [i.id, i.agencyType]));
  const there = new Set<AgencyType>();
  for (const a of meeting.attendance) {
    const agency = agencyOf.get(a.inviteeId);
    if (agency && (a.status === 'present' || a.status === 'deputy')) there.add(agency);
  }
  const represented = needed.filter((a) => there.has(a));
  const missing = needed.filter((a) => !there.has(a));
  const names = (list: readonly AgencyType[]) =>
    listInWords(list.map((a) => AGENCY_TYPE_LABELS[a].toLowerCase()));
  return {
    quorate: missing.length === 0,
    represented,
    missing,
    message:
      missing.length === 0
        ? `Quorate: ${names(needed)} represented.`
        : `Not quorate: the terms of reference need ${names(needed)}; ${names(missing)} ` +
          `${missing.length === 1 ? 'is' : 'are'} not represented. Decisions can be recorded, and the chair ` +
          'notes that the meeting was not quorate.',
  };
}

/** May this person chair (or vice-chair) this kind of meeting under its terms of reference? */
export function chairCheck(
  type: MeetingType,
  person: { readonly roles: readonly Role[]; readonly agencyType: AgencyType },
  config: MeetingsConfig = MEETINGS_CONFIG,
  as: 'chair' | 'viceChair' = 'chair',
): Refusal | null {
  const tor = config.meetingTypes[type].termsOfReference;
  const rule = as === 'viceChair' ? (tor.viceChair ?? tor.chair) : tor.chair;
  const roleOk = person.roles.some((r) => rule.roles.includes(r));
  const agencyOk = rule.agencyTypes.includes(person.agencyType);
  if (roleOk && agencyOk) return null;
  const label = config.meetingTypes[type].label;
  return {
    code: 'chair_not_eligible',
    field: as,
    message:
      `The terms of reference say the ${label} is ${as === 'chair' ? 'chaired' : 'vice-chaired'} by ` +
      `${listInWords(
        rule.roles.map((r) => ROLE_LABELS[r].toLowerCase()),
        'or',
      )} in ` +
      `${listInWords(
        rule.agencyTypes.map((a) => AGENCY_TYPE_LABELS[a].toLowerCase()),
        'or',
      )} (${rule.source})`,
  };
}
