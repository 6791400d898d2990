import { z } from 'zod';
import { SEXES } from '../../domain/children/record.ts';
import { HARM_KINDS, SCREENING_DECISIONS } from '../../domain/referrals/decisions.ts';
import { ChildSummary, IsoDate, Label, Uuid } from '../children/schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ReferralParams = z.strictObject({ id: Uuid });

export const ReferralSubject = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  knownAs: z.array(text(100)).max(10).optional(),
  dateOfBirth: IsoDate.nullable().optional(),
  estimatedAge: z.number().int().min(0).max(25).nullable().optional(),
  sex: z.enum(SEXES).optional(),
  school: optionalText(200),
  address: optionalText(300),
  postcode: z.string().trim().max(10).nullable().optional(),
});
export type ReferralSubjectInput = z.infer<typeof ReferralSubject>;

export const ObservationInput = z.strictObject({
  indicatorId: text(60),
  observedOn: IsoDate,
  /** Who saw or heard it, if not the referrer. */
  source: optionalText(500),
  note: optionalText(2000),
});

export const CreateReferralBody = z.strictObject({
  immediateDanger: z.boolean(),
  childId: Uuid.optional(),
  child: ReferralSubject.optional(),
  narrative: text(20000),
  seenOrHeardBy: text(500),
  happenedOn: IsoDate,
  harmKinds: z.array(z.enum(HARM_KINDS)).min(1).max(3),
  onlineElement: z.enum(['yes', 'no', 'not_known']),
  childKnows: z.boolean(),
  familyKnows: z.boolean(),
  withoutConsentReason: optionalText(2000),
  sensitivity: Label.optional(),
  observations: z.array(ObservationInput).max(60).optional(),
});
export type CreateReferralInput = z.infer<typeof CreateReferralBody>;

export const LinkChildBody = z.strictObject({
  childId: Uuid.optional(),
  create: z
    .strictObject({
      notAMatchOf: z.array(Uuid).max(50).optional(),
    })
    .optional(),
});

export const DecisionBody = z.strictObject({
  decision: z.enum(SCREENING_DECISIONS),
  reasons: text(20000),
  advice: optionalText(4000),
  feedbackToReferrer: text(4000),
  assignTasksTo: Uuid.optional(),
});
export type DecisionInput = z.infer<typeof DecisionBody>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const Outcome = z.object({
  decision: z.enum(SCREENING_DECISIONS),
  decisionName: z.string(),
  meaning: z.string(),
  feedback: z.string(),
  advice: z.string().nullable(),
  decidedAt: z.string(),
});

export const Waiting = z.object({
  decisionDueAt: z.string(),
  workingDaysWaited: z.number(),
  overdue: z.boolean(),
  timescaleWorkingDays: z.number(),
  timescaleVersion: z.string(),
});

/**
 * A referral as the viewer may see it. The referrer sees what they sent, its status and its outcome;
 * a screener also sees the referrer, the linked child, the observations, the reasons and the clock.
 */
export const ReferralView = z.object({
  id: z.string(),
  view: z.enum(['referrer', 'screener']),
  receivedAt: z.string(),
  status: z.enum(['awaiting_decision', 'decided']),
  statusName: z.string(),
  immediateDanger: z.boolean(),
  harmKinds: z.array(z.string()),
  onlineElement: z.string(),
  subject: z.object({
    displayName: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    knownAs: z.array(z.string()),
    dateOfBirth: z.string().nullable(),
    estimatedAge: z.number().nullable(),
    sex: z.string().nullable(),
    school: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
  }),
  narrative: z.string().optional(),
  seenOrHeardBy: z.string().optional(),
  happenedOn: z.string(),
  childKnows: z.boolean(),
  familyKnows: z.boolean(),
  withoutConsentReason: z.string().nullable(),
  sensitivity: Label,
  outcome: Outcome.nullable(),
  /** Where challenges to the narrative's wording are kept: the child it is linked to; null until then. */
  wording: z.object({ childId: z.string() }).nullable(),
  // Screener view only.
  referrer: z.object({ user: Ref, agency: Ref }).optional(),
  child: ChildSummary.nullable().optional(),
  observations: z
    .array(
      z.object({
        id: z.string(),
        indicatorId: z.string(),
        group: z.string(),
        text: z.string(),
        observedOn: z.string(),
        source: z.string(),
        note: z.string().nullable(),
        verification: z.literal('unverified'),
      }),
    )
    .optional(),
  reasons: z.string().optional(),
  decidedBy: Ref.optional(),
  waiting: Waiting.optional(),
  tasks: z
    .array(
      z.object({ id: z.string(), title: z.string(), dueAt: z.string(), status: z.string(), assignedTo: Ref }),
    )
    .optional(),
  permissions: z.object({ linkChild: z.boolean(), decide: z.boolean() }),
});
export type ReferralViewType = z.infer<typeof ReferralView>;

export const QueueItem = z.object({
  id: z.string(),
  receivedAt: z.string(),
  immediateDanger: z.boolean(),
  harmKinds: z.array(z.string()),
  subjectName: z.string(),
  referrerAgency: Ref,
  childId: z.string().nullable(),
  waiting: Waiting,
});
