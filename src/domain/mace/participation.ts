/**
 * The young person and family in their own strategy meeting (issue 5 item 4; seed 003 Rec 23 and
 * §4.53–4.55), and the statutory-plan rule for children added to MACE (issue 5 item 5; seed 004).
 *
 * Participation: did they take part in all of it, in part of it (typically the part where the plan of
 * support and protection is discussed), were they represented by a person they chose, were they invited
 * and did not come, or were they not invited — and then why. And afterwards: who told them the outcome,
 * when and how. A young person "learned of a meeting only because someone asked for his social
 * worker's number" (seed 003 §4.55): the record makes that visible.
 *
 * Nothing here treats not attending as the young person's failing: there is no reason list for it,
 * and their views can reach the meeting another way.
 */
import { z } from 'zod';
import {
  formatLondon,
  formatLondonDate,
  instant,
  isBefore,
  listInWords,
  londonDaysBetween,
  optionalText,
  personRef,
  required,
  text,
  uuid,
} from './common.ts';
import { MEETINGS_CONFIG, type MeetingsConfig, type MeetingType, type StatutoryPlan } from './config.ts';

export const PARTICIPATION = [
  'attended_all',
  'attended_part',
  'represented',
  'invited_did_not_attend',
  'not_invited',
] as const;
export type Participation = (typeof PARTICIPATION)[number];
export const PARTICIPATION_NAMES = {
  attended_all: 'Took part in all of the meeting',
  attended_part: 'Took part in part of the meeting',
  represented: 'Represented by a person they chose',
  invited_did_not_attend: 'Invited, and did not attend',
  not_invited: 'Not invited',
} as const satisfies Record<Participation, string>;

export const VIEWS_SHARED = [
  'in_person',
  'in_writing',
  'through_representative',
  'through_worker',
  'not_shared',
] as const;
export const VIEWS_SHARED_NAMES = {
  in_person: 'Said in the meeting',
  in_writing: 'In writing, read to the meeting',
  through_representative: 'Through the person they chose',
  through_worker: 'Through their worker, in their own words',
  not_shared: 'Their views did not reach the meeting',
} as const satisfies Record<(typeof VIEWS_SHARED)[number], string>;

const REC23 = 'seed 003 Rec 23';

/** The meeting the record belongs to, for the rules that compare the two. */
export interface ParticipationMeetingContext {
  readonly type: MeetingType;
  readonly startsAt: Date;
}

export function participationRecordSchema(
  config: MeetingsConfig = MEETINGS_CONFIG,
  meeting?: ParticipationMeetingContext,
) {
  const reasons = config.participation.notInvitedReasons;
  const hows = config.participation.toldOutcomeHow;
  return z
    .strictObject({
      meetingId: uuid,
      childId: uuid,
      participant: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('young_person') }),
        z.strictObject({ kind: z.literal('family_member'), name: text(200), relationship: text(100) }),
      ]),
      participation: z.enum(
        PARTICIPATION,
        required(
          'participation',
          `record whether they took part (${PARTICIPATION.join(', ')})`,
          `participation must be one of ${PARTICIPATION.join(', ')}`,
        ),
      ),
      /** Which part they took part in. */
      partAttended: optionalText(1000),
      representedBy: z
        .strictObject({
          name: text(200),
          /** Advocate, relative, youth worker … */
          relationshipOrRole: text(200),
          chosenBy: z.enum(
            ['young_person', 'family'],
            required(
              'representedBy.chosenBy',
              'record whether the young person or the family chose them',
              'representedBy.chosenBy must be young_person or family',
            ),
          ),
        })
        .optional(),
      notInvited: z
        .strictObject({
          reason: z.string().max(60),
          explanation: z
            .string(
              required('notInvited.explanation', 'say why, in words that could be shared with them later'),
            )
            .trim()
            .min(1, { message: 'must not be empty' })
            .max(2000),
        })
        .optional(),
      viewsShared: z.strictObject({ how: z.enum(VIEWS_SHARED), summary: optionalText(4000) }).optional(),
      toldOutcome: z
        .strictObject({ by: personRef, at: instant, how: z.string().max(60), summary: optionalText(4000) })
        .optional(),
    })
    .superRefine((r, ctx) => {
      const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (r.participation === 'attended_part' && !r.partAttended) {
        issue(
          ['partAttended'],
          'partAttended is required when they took part in part of the meeting: say which part, for example the ' +
            `part where the plan of support and protection was discussed and decided (${REC23})`,
        );
      }
      if (r.participation === 'represented' && !r.representedBy) {
        issue(
          ['representedBy'],
          'representedBy is required when they were represented: record the person they chose to speak for ' +
            `them, and their relationship or role (${REC23})`,
        );
      }
      if (r.participation !== 'represented' && r.representedBy) {
        issue(['representedBy'], `representedBy is recorded only when the participation is "represented"`);
      }
      if (r.participation === 'not_invited') {
        if (!r.notInvited) {
          issue(
            ['notInvited', 'reason'],
            'notInvited.reason is required when they were not invited: the young person and family take part in ' +
              `their own strategy meetings unless there is a recorded reason (${REC23})`,
          );
        } else if (!reasons.some((x) => x.id === r.notInvited?.reason)) {
          issue(
            ['notInvited', 'reason'],
            `notInvited.reason "${r.notInvited.reason}" is not one of the partnership's reasons ` +
              `(${reasons.map((x) => x.id).join(', ')})`,
          );
        }
      } else if (r.notInvited) {
        issue(['notInvited'], `notInvited is recorded only when the participation is "not_invited"`);
      }
      if (r.toldOutcome && !hows.some((h) => h.id === r.toldOutcome?.how)) {
        issue(
          ['toldOutcome', 'how'],
          `toldOutcome.how "${r.toldOutcome.how}" is not one of the configured ways (${hows.map((h) => h.id).join(', ')})`,
        );
      }
      if (meeting) {
        const typeConfig = config.meetingTypes[meeting.type];
        if (!typeConfig.youngPersonAndFamilyTakePart) {
          issue(
            ['meetingId'],
            `Participation is recorded for the young person's own meetings (strategy and review), not for the ` +
              `${typeConfig.label}`,
          );
        }
        if (r.toldOutcome && isBefore(r.toldOutcome.at, meeting.startsAt)) {
          issue(
            ['toldOutcome', 'at'],
            `toldOutcome.at (${formatLondon(r.toldOutcome.at)}) is before the meeting started ` +
              `(${formatLondon(meeting.startsAt)}): they are told the outcome after the meeting`,
          );
        }
      }
    });
}

export const participationInputSchema = participationRecordSchema();
export type ParticipationInput = z.input<typeof participationInputSchema>;
export type ParticipationRecord = z.output<typeof participationInputSchema>;

export interface OutcomeReminder {
  readonly childId: string;
  readonly participant: ParticipationRecord['participant'];
  readonly daysSinceMeeting: number;
  readonly message: string;
}

/**
 * Whom nobody has yet recorded telling the outcome, once `participation.tellOutcomeWithinDays` have
 * passed since the meeting: everyone, whether they took part, were represented or were not invited.
 */
export function outcomeReminders(
  records: readonly Pick<ParticipationRecord, 'childId' | 'participant' | 'toldOutcome'>[],
  meeting: { readonly startsAt: Date; readonly typeLabel: string },
  now: Date,
  config: MeetingsConfig = MEETINGS_CONFIG,
): OutcomeReminder[] {
  const days = londonDaysBetween(meeting.startsAt, now);
  if (days < config.participation.tellOutcomeWithinDays) return [];
  return records
    .filter((r) => !r.toldOutcome)
    .map((r) => {
      const who =
        r.participant.kind === 'young_person'
          ? 'the young person'
          : `${r.participant.name} (${r.participant.relationship})`;
      return {
        childId: r.childId,
        participant: r.participant,
        daysSinceMeeting: days,
        message:
          `Tell ${who} the outcome of the ${meeting.typeLabel.toLowerCase()} held on ` +
          `${formatLondonDate(meeting.startsAt)}: nobody has recorded telling them, ${days} days on. Record who ` +
          'told them, when and how.',
      };
    });
}

// ---------------------------------------------------------------------------------------------------
// The statutory-plan rule
// ---------------------------------------------------------------------------------------------------

export interface StatutoryPlanChild {
  readonly childId: string;
  /** How the child is named in the task, for example their first name. */
  readonly name: string;
  /** The plans open now. */
  readonly plans: readonly StatutoryPlan[];
  /** When the child was added to MACE (triage decided to discuss them, or they joined the agenda). */
  readonly addedToMaceAt?: Date;
}

export const IMMEDIATE_REFERRAL_TASK = 'immediate_referral_to_childrens_services' as const;

export interface ImmediateReferralTask {
  readonly kind: typeof IMMEDIATE_REFERRAL_TASK;
  readonly childId: string;
  readonly priority: 'immediate';
  /** Due when the child was added to MACE: "an immediate referral" (seed 004). */
  readonly dueAt: Date | null;
  readonly assignTo: 'mace_coordinator';
  readonly title: string;
  readonly description: string;
  readonly source: string;
}

export interface StatutoryPlanCheck {
  readonly onQualifyingPlan: boolean;
  /** The qualifying plans the MACE risk assessment runs alongside. */
  readonly runsAlongside: readonly StatutoryPlan[];
  readonly task: ImmediateReferralTask | null;
}

/**
 * Seed 004: "all children and young people on the MACE agenda should have already been referred through
 * to Children's Services and be subject to a Child in Need, Child Protection plan or be Looked After …
 * In these circumstances an immediate referral to Children's Services should be made." A child added to
 * MACE who is not on a qualifying plan gets an immediate referral task, with its wording.
 */
export function statutoryPlanCheck(
  child: StatutoryPlanChild,
  config: MeetingsConfig = MEETINGS_CONFIG,
): StatutoryPlanCheck {
  const rule = config.statutoryPlans;
  const names = (plans: readonly StatutoryPlan[]) => plans.map((p) => rule.names[p]);
  const runsAlongside = rule.qualifying.filter((p) => child.plans.includes(p));
  if (runsAlongside.length > 0) return { onQualifyingPlan: true, runsAlongside, task: null };

  const needed = listInWords(names(rule.qualifying), 'or');
  const other = child.plans.filter((p) => !rule.qualifying.includes(p));
  const now =
    other.length === 1
      ? `${child.name}’s current plan (${listInWords(names(other))}) is not one of the plans MACE runs alongside (${needed}).`
      : other.length > 1
        ? `${child.name}’s current plans (${listInWords(names(other))}) are not among the plans MACE runs alongside (${needed}).`
        : `${child.name} is not on a statutory plan (${needed}).`;
  return {
    onQualifyingPlan: false,
    runsAlongside: [],
    task: {
      kind: IMMEDIATE_REFERRAL_TASK,
      childId: child.childId,
      priority: 'immediate',
      dueAt: child.addedToMaceAt ?? null,
      assignTo: 'mace_coordinator',
      title: `Refer ${child.name} to Children’s Services now`,
      description:
        `${child.name} has been added to MACE because of concerns about exploitation. ${now} Every child on the ` +
        'MACE agenda is referred to Children’s Services, so make the referral now: do not wait for the MACE ' +
        'meeting or for the child to tell anyone what is happening. The MACE risk assessment runs alongside ' +
        'the child’s statutory plan; it does not replace it.',
      source: rule.source,
    },
  };
}
