/**
 * The meeting record (issue 5 item 3) and the rules that refuse bad input: an agenda of children and
 * contexts; invitations and attendance by agency; the information shared for each item with who shared
 * it and its lawful basis; minutes split into restricted and shareable parts; decisions; actions.
 * Every refusal names the field and the rule, in words a coordinator can act on.
 *
 * Scheduling, quorum and the chair are in schedule.ts; the action tracker across meetings is in
 * actions.ts.
 */
import { z } from 'zod';
import { AGENCY_TYPES, SENSITIVITY_LABELS, type SensitivityLabel } from '../access/types.ts';
import { actionSchema } from './action-schema.ts';
import {
  formatLocalDate,
  formatLondon,
  instant,
  isBefore,
  londonDate,
  optionalText,
  personRef,
  required,
  text,
  uuid,
} from './common.ts';
import { CONTEXT_KINDS, labelOf, MEETING_TYPES, MEETINGS_CONFIG, type MeetingsConfig } from './config.ts';
import { findRestrictedQuotes, quoteRefusalMessage, type RestrictedSource } from './shareable-check.ts';

export {
  ACTION_STATUS_NAMES,
  ACTION_STATUSES,
  type ActionInput,
  type ActionStatus,
  actionSchema,
  type MeetingAction,
  OPEN_ACTION_STATUSES,
} from './action-schema.ts';

// ---------------------------------------------------------------------------------------------------
// Agenda
// ---------------------------------------------------------------------------------------------------

/** A person of concern, place or other context, as an agenda item names it. */
export const contextRefSchema = z.strictObject({
  contextId: uuid,
  kind: z.enum(CONTEXT_KINDS),
  label: text(200),
  /** How sensitive the link is: a link known only from police intelligence is labelled so. */
  sensitivity: z.enum(SENSITIVITY_LABELS).default('standard'),
});
export type ContextRef = z.output<typeof contextRefSchema>;

const itemBase = {
  id: uuid,
  heading: text(200),
  /** The persons of concern, places and other contexts this item is linked to. */
  linkedContexts: z.array(contextRefSchema).max(200).default([]),
};

export const agendaItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('child'), childId: uuid, ...itemBase }),
  z.strictObject({ kind: z.literal('context'), context: contextRefSchema, ...itemBase }),
]);
export type AgendaItem = z.output<typeof agendaItemSchema>;

// ---------------------------------------------------------------------------------------------------
// Invitations and attendance
// ---------------------------------------------------------------------------------------------------

export const invitationSchema = z.strictObject({
  /** The invitation's id: attendance and information shared refer to it. */
  id: uuid,
  person: personRef,
  agencyId: uuid,
  agencyType: z.enum(AGENCY_TYPES),
  agencyName: optionalText(200),
});
export type Invitation = z.output<typeof invitationSchema>;

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'deputy'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_NAMES = {
  present: 'Present',
  apologies: 'Apologies',
  deputy: 'Sent a deputy',
} as const satisfies Record<AttendanceStatus, string>;

export const attendanceSchema = z
  .strictObject({
    inviteeId: uuid,
    status: z.enum(ATTENDANCE_STATUSES),
    /** Who came instead, when the invitee sent a deputy. */
    deputy: z.strictObject({ name: text(200), role: optionalText(200) }).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.status === 'deputy' && !a.deputy) {
      ctx.addIssue({
        code: 'custom',
        path: ['deputy'],
        message:
          'deputy.name is required when the invitee sent a deputy: the minutes say who attended for the agency',
      });
    }
    if (a.status !== 'deputy' && a.deputy) {
      ctx.addIssue({
        code: 'custom',
        path: ['deputy'],
        message: `deputy is recorded only when the status is "deputy", not "${a.status}"`,
      });
    }
  });
export type Attendance = z.output<typeof attendanceSchema>;

// ---------------------------------------------------------------------------------------------------
// Information shared, minutes, decisions
// ---------------------------------------------------------------------------------------------------

export const informationSharedSchema = z.strictObject({
  itemId: uuid,
  /** The invitation of the person who shared it: their name and agency come from there. */
  sharedBy: uuid,
  summary: text(4000),
  /** An id from the configured lawful bases. */
  lawfulBasis: z
    .string(required('lawfulBasis', 'every piece of information shared records its lawful basis'))
    .max(60),
  /** For consent: who gave it (the young person, or their parent or carer). */
  consentGivenBy: optionalText(200),
  /** Police intelligence, health and third-party information keep their label when shared at a meeting. */
  sensitivity: z.enum(SENSITIVITY_LABELS).default('standard'),
});
export type InformationShared = z.output<typeof informationSharedSchema>;

/** Labels a restricted minute may carry: anything but standard, which belongs in the shareable part. */
const RESTRICTED_LABELS = SENSITIVITY_LABELS.filter((l) => l !== 'standard') as Exclude<
  SensitivityLabel,
  'standard'
>[];

export const restrictedMinuteSchema = z.strictObject({
  text: text(20_000),
  sensitivity: z.enum(
    RESTRICTED_LABELS as [Exclude<SensitivityLabel, 'standard'>, ...Exclude<SensitivityLabel, 'standard'>[]],
    {
      error: (issue) =>
        issue.input === undefined
          ? 'sensitivity is required: a restricted minute carries the label that decides who may read it'
          : `sensitivity must be one of ${RESTRICTED_LABELS.join(', ')}: standard text belongs in the shareable minute`,
    },
  ),
  /** The agency whose information it is. */
  agencyId: uuid.optional(),
});

export const minuteSchema = z.strictObject({
  itemId: uuid,
  /** What every agency at the meeting, and where appropriate the young person and family, may read. */
  shareable: z.string().trim().max(20_000).default(''),
  restricted: z.array(restrictedMinuteSchema).max(100).default([]),
});
export type Minute = z.output<typeof minuteSchema>;

export const decisionSchema = z.strictObject({
  itemId: uuid,
  text: text(4000),
  /** Most decisions are shareable; one that reveals intelligence is labelled so. */
  sensitivity: z.enum(SENSITIVITY_LABELS).default('standard'),
});
export type MeetingDecision = z.output<typeof decisionSchema>;

// ---------------------------------------------------------------------------------------------------
// The meeting
// ---------------------------------------------------------------------------------------------------

/** Restricted text already on the record (police intelligence, health …) the shareable minutes must not quote. */
export interface RecordRestrictedText extends RestrictedSource {
  /** The agenda item it belongs to; without one it is checked against every item. */
  readonly itemId?: string;
}

export interface MeetingCheckContext {
  readonly restrictedFromRecord?: readonly RecordRestrictedText[];
}

function duplicates<T>(values: readonly T[]): Set<T> {
  const seen = new Set<T>();
  const repeated = new Set<T>();
  for (const v of values) (seen.has(v) ? repeated : seen).add(v);
  return repeated;
}

export function meetingSchema(config: MeetingsConfig = MEETINGS_CONFIG, context: MeetingCheckContext = {}) {
  return z
    .strictObject({
      id: uuid.optional(),
      type: z.enum(MEETING_TYPES),
      /** The MACE group of the partnership, or for a strategy or review meeting the child's case. */
      groupId: uuid,
      /** The child a strategy or review meeting is about. */
      childId: uuid.optional(),
      startsAt: instant,
      endsAt: instant,
      chair: personRef,
      agenda: z.array(agendaItemSchema).max(200).default([]),
      invitations: z.array(invitationSchema).max(500).default([]),
      attendance: z.array(attendanceSchema).max(500).default([]),
      informationShared: z.array(informationSharedSchema).max(2000).default([]),
      minutes: z.array(minuteSchema).max(200).default([]),
      decisions: z.array(decisionSchema).max(1000).default([]),
      actions: z.array(actionSchema).max(1000).default([]),
    })
    .superRefine((m, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      const typeConfig = config.meetingTypes[m.type];

      // A time that failed its own format check is already reported, and is not a Date here.
      if (m.startsAt instanceof Date && m.endsAt instanceof Date && !isBefore(m.startsAt, m.endsAt)) {
        issue(
          ['endsAt'],
          `endsAt (${formatLondon(m.endsAt)}) must be after startsAt (${formatLondon(m.startsAt)})`,
        );
      }

      // A strategy or review meeting is about one child; the MACE meetings are about many.
      if (typeConfig.scope === 'one_child') {
        if (!m.childId) {
          issue(['childId'], `childId is required: a ${typeConfig.label.toLowerCase()} is about one child`);
        } else {
          m.agenda.forEach((item, i) => {
            if (item.kind === 'child' && item.childId !== m.childId) {
              issue(
                ['agenda', i, 'childId'],
                `agenda[${i}] is about another child: a ${typeConfig.label.toLowerCase()} is about one child only; ` +
                  'hold a meeting for each child, or take connected children to MACE',
              );
            }
          });
        }
      } else if (m.childId) {
        issue(
          ['childId'],
          `childId is not recorded for a ${typeConfig.label}: its agenda lists the children`,
        );
      }

      for (const id of duplicates(m.agenda.map((a) => a.id))) {
        issue(['agenda'], `agenda item ${id} appears more than once`);
      }
      const items = new Set(m.agenda.map((a) => a.id));
      const onAgenda = (path: (string | number)[], field: string, itemId: string) => {
        if (!items.has(itemId)) issue(path, `${field} (${itemId}) is not an item on this meeting's agenda`);
      };

      for (const id of duplicates(m.invitations.map((i) => i.id))) {
        issue(['invitations'], `invitation ${id} appears more than once`);
      }
      const invited = new Map(m.invitations.map((i) => [i.id, i]));

      // Attendance only for the people invited (issue 5, "Bad input").
      m.attendance.forEach((a, i) => {
        if (!invited.has(a.inviteeId)) {
          issue(
            ['attendance', i, 'inviteeId'],
            `attendance[${i}].inviteeId (${a.inviteeId}) was not invited to this meeting: attendance is recorded ` +
              'only for people on the invitation list; invite them first, or record them as a deputy for the ' +
              'person they came instead of',
          );
        }
      });
      for (const id of duplicates(m.attendance.map((a) => a.inviteeId))) {
        const name = invited.get(id)?.person.name ?? id;
        issue(['attendance'], `attendance for ${name} is recorded more than once`);
      }

      m.informationShared.forEach((s, i) => {
        onAgenda(['informationShared', i, 'itemId'], `informationShared[${i}].itemId`, s.itemId);
        if (!invited.has(s.sharedBy)) {
          issue(
            ['informationShared', i, 'sharedBy'],
            `informationShared[${i}].sharedBy (${s.sharedBy}) was not invited to this meeting: information is ` +
              'recorded against the invitation of the person who shared it, so their agency is known',
          );
        }
        const basis = config.lawfulBases.find((b) => b.id === s.lawfulBasis);
        if (!basis) {
          issue(
            ['informationShared', i, 'lawfulBasis'],
            `informationShared[${i}].lawfulBasis "${s.lawfulBasis}" is not one of the partnership's lawful bases ` +
              `(${config.lawfulBases.map((b) => b.id).join(', ')})`,
          );
        } else if (basis.isConsent && !s.consentGivenBy) {
          issue(
            ['informationShared', i, 'consentGivenBy'],
            `informationShared[${i}].consentGivenBy is required when the lawful basis is ${basis.label.toLowerCase()}: ` +
              'record who gave consent to share the information',
          );
        }
      });

      for (const id of duplicates(m.minutes.map((x) => x.itemId))) {
        issue(['minutes'], `item ${id} has more than one minute: keep one minute per item`);
      }
      // Every restricted text of the meeting (restricted minutes, and information shared under a label
      // other than standard) and of the record is kept out of every shareable minute.
      const restrictedInMeeting: RecordRestrictedText[] = [
        ...m.minutes.flatMap((minute) =>
          minute.restricted.map((r) => ({ itemId: minute.itemId, text: r.text, sensitivity: r.sensitivity })),
        ),
        ...m.informationShared
          .filter((s) => s.sensitivity !== 'standard')
          .map((s) => ({ itemId: s.itemId, text: s.summary, sensitivity: s.sensitivity })),
      ];
      const fromRecord = context.restrictedFromRecord ?? [];
      m.minutes.forEach((minute, i) => {
        onAgenda(['minutes', i, 'itemId'], `minutes[${i}].itemId`, minute.itemId);
        const against = [
          ...restrictedInMeeting,
          ...fromRecord.filter((r) => r.itemId === undefined || r.itemId === minute.itemId),
        ];
        const quotes = findRestrictedQuotes(minute.shareable, against);
        if (quotes.length > 0) {
          issue(['minutes', i, 'shareable'], quoteRefusalMessage(`minutes[${i}].shareable`, quotes));
        }
      });

      m.decisions.forEach((d, i) => {
        onAgenda(['decisions', i, 'itemId'], `decisions[${i}].itemId`, d.itemId);
      });

      const meetingDay = m.startsAt instanceof Date ? londonDate(m.startsAt) : undefined;
      m.actions.forEach((a, i) => {
        if (a.itemId !== undefined) onAgenda(['actions', i, 'itemId'], `actions[${i}].itemId`, a.itemId);
        if (meetingDay && a.dueDate && a.dueDate < meetingDay) {
          issue(
            ['actions', i, 'dueDate'],
            `actions[${i}].dueDate (${formatLocalDate(a.dueDate)}) is before the meeting ` +
              `(${formatLocalDate(meetingDay)}): an action agreed at a meeting is due on or after the day it is agreed`,
          );
        }
      });
    });
}

export const meetingInputSchema = meetingSchema();
/** What a client sends (times as ISO strings). */
export type MeetingInput = z.input<typeof meetingInputSchema>;
/** What parsing gives (times as Dates, defaults filled in). */
export type Meeting = z.output<typeof meetingInputSchema>;

/** The lawful basis's label, for minutes and packs. */
export function lawfulBasisLabel(id: string, config: MeetingsConfig = MEETINGS_CONFIG): string {
  return labelOf(config.lawfulBases, id);
}

// Scheduling, quorum and the chair live in schedule.ts; re-exported here because they are meeting rules.
export {
  chairCheck,
  type NewTime,
  type QuorumResult,
  quorumCheck,
  rescheduleConflict,
  type ScheduledMeeting,
  slotConflict,
} from './schedule.ts';
