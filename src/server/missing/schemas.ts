/**
 * The API's request and response shapes for missing episodes and return interviews. Requests are the
 * domain's own schemas (`src/domain/missing/schema.ts`), so every rule that refuses bad input is the
 * domain's; responses are declared here and strip anything a presenter did not choose.
 */
import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../../domain/access/types.ts';
import {
  HARM_ANSWERS,
  INTERVIEW_STATUSES,
  missingEpisodeInputSchema,
  returnInterviewInputSchema,
} from '../../domain/missing/index.ts';
import { IsoDate, Uuid } from '../children/schemas.ts';

// ---- Requests -------------------------------------------------------------------------------------

export const EpisodeBody = missingEpisodeInputSchema;
export const InterviewBody = returnInterviewInputSchema;

const shape = missingEpisodeInputSchema.shape;

/**
 * The return, and what is often only known once the child is back: harm or crime while missing, the
 * police safe and well check, the police reference. Checked with the stored episode by the domain's
 * episode schema, so "found before reported" is refused naming `returned.at`.
 */
export const ReturnBody = z.strictObject({
  returned: shape.returned.unwrap(),
  harmWhileMissing: z.enum(HARM_ANSWERS).optional(),
  crimeWhileMissing: z.enum(HARM_ANSWERS).optional(),
  harmDetails: shape.harmDetails,
  safeAndWellCheck: shape.safeAndWellCheck,
  policeReference: shape.policeReference,
});
export type ReturnInput = z.output<typeof ReturnBody>;

export const EpisodeParams = z.strictObject({ id: Uuid });

/**
 * "Record this as a link": how sure we are of it (the 3×5×2 grading, explained in docs/contexts.md), the
 * label it carries, and for a place the child was at while missing, how they were there. Who, which
 * record and when come from the missing record itself.
 */
export const MentionLinkBody = z.strictObject({
  /** For a place the child was at: stayed_at, taken_to or frequents. Otherwise it follows from the entry. */
  nature: z.enum(['found_at', 'seen_with', 'stayed_at', 'taken_to', 'frequents']).optional(),
  grading: z.strictObject({
    source: z.enum(['1', '2', '3']),
    intelligence: z.enum(['A', 'B', 'C', 'D', 'E']),
    handling: z.enum(['P', 'C']),
    handlingConditions: z.string().trim().min(1).max(1000).optional(),
  }),
  sensitivity: z.enum(SENSITIVITY_LABELS).default('standard'),
  reviewDate: IsoDate.optional(),
  note: z.string().trim().min(1).max(4000).optional(),
});
export type MentionLinkBody = z.output<typeof MentionLinkBody>;
export const ChildIdParams = z.strictObject({ childId: Uuid });

export const DueQuery = z.strictObject({
  /** `mine`: children the viewer is lead worker or co-worker for. `all`: every child they may see. */
  scope: z.enum(['mine', 'all']).default('all'),
});

export const StatsQuery = z.strictObject({
  /** Returns from this London date (inclusive). */
  from: IsoDate.optional(),
  /** Returns up to this London date (inclusive). */
  to: IsoDate.optional(),
});

// ---- Responses ------------------------------------------------------------------------------------

const Ref = z.object({ id: z.string(), name: z.string() });
const Option = z.object({ id: z.string(), label: z.string() });

export const PersonRef = z.object({
  name: z.string(),
  role: z.string().nullable(),
  agency: Ref.nullable(),
  userId: z.string().nullable(),
});
export const Offerer = PersonRef.extend({
  providerId: z.string().nullable(),
  placementId: z.string().nullable(),
});

/** A place or person of concern in the contexts capability, as the viewer may see it. */
export const ContextRef = z.object({
  id: z.string(),
  kind: z.enum(['place', 'person_of_concern']),
  /** The record's name in Contexts (its page is `/contexts/{id}`). */
  name: z.string(),
});

export const Mention = z.object({
  id: z.string(),
  episodeId: z.string(),
  interviewId: z.string().nullable(),
  kind: z.enum(['place', 'person']),
  role: z.enum(['found_at', 'found_with', 'was_at', 'was_with']),
  /** What the practitioner asked for: link an existing record, a new place or person of concern, or words only. */
  requested: z.enum(['existing', 'new_of_concern', 'not_linked']),
  name: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  note: z.string().nullable(),
  /**
   * The context record this entry names, when the viewer may see it. An entry linked to a record the
   * viewer may not see shows `requested: 'existing'` with `contextId` and `context` null: its words only.
   */
  contextId: z.string().nullable(),
  context: ContextRef.nullable(),
  /** The contexts link recorded from this entry ("record this place as a link"), if the viewer may see it. */
  contextLinkId: z.string().nullable(),
  linkedAt: z.string().nullable(),
  recordedAt: z.string(),
});

export const Clock = z.object({
  state: z.enum(['not_due_yet', 'due', 'overdue', 'offered_in_time', 'offered_late', 'not_held']),
  dueAt: z.string().nullable(),
  remainingMs: z.number().nullable(),
  overdueMs: z.number().nullable(),
  offeredAt: z.string().nullable(),
  /** `not_held` or `not_possible` when the clock stopped without an offer. */
  outcome: z.string().nullable(),
  summary: z.string(),
  warnings: z.array(z.string()),
  basis: z.enum(['elapsed_hours', 'working_days']),
  configVersion: z.string(),
});

export const IndependenceWarning = z.object({
  who: z.enum(['offeredBy', 'conductedBy']),
  code: z.string(),
  severity: z.enum(['warning', 'check']),
  message: z.string(),
  why: z.string(),
});

export const Interview = z.object({
  id: z.string(),
  episodeId: z.string(),
  childId: z.string(),
  configVersion: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  statusName: z.string(),
  offer: z.object({ offeredAt: z.string(), offeredBy: Offerer }).nullable(),
  reason: z.string().nullable(),
  notHeldDecision: z.object({ decidedAt: z.string(), decidedBy: PersonRef, reason: z.string() }).nullable(),
  completedAt: z.string().nullable(),
  conductedBy: Offerer.nullable(),
  pushFactors: z.array(Option),
  pushFactorsOther: z.string().nullable(),
  pullFactors: z.array(Option),
  pullFactorsOther: z.string().nullable(),
  whatHappened: z.string().nullable(),
  /** The child's account in their own words: shown as a quotation, never paraphrased. */
  childsAccount: z.string().nullable(),
  whereTheyWere: z.array(Mention),
  whoWith: z.array(Mention),
  actions: z.array(
    z.object({
      description: z.string(),
      ownerName: z.string().nullable(),
      ownerAgencyId: z.string().nullable(),
      dueDate: z.string().nullable(),
    }),
  ),
  sharing: z.array(
    z.object({
      with: z.string(),
      withName: z.string(),
      agencyId: z.string().nullable(),
      sharedAt: z.string(),
      summary: z.string(),
    }),
  ),
  independenceWarnings: z.array(IndependenceWarning),
  statusHistory: z.array(
    z.object({ status: z.string(), statusName: z.string(), recordedAt: z.string(), recordedBy: Ref }),
  ),
  recordedBy: Ref,
  recordedAt: z.string(),
  updatedAt: z.string(),
});

export const TriageNomination = z.object({
  id: z.string(),
  episodeId: z.string(),
  code: z.enum(['repeat_episodes', 'harm_while_missing', 'crime_while_missing']),
  reason: z.string(),
  createdAt: z.string(),
  consumedAt: z.string().nullable(),
});

export const Episode = z.object({
  id: z.string(),
  childId: z.string(),
  configVersion: z.string(),
  reportedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  reportedBy: PersonRef,
  missingFrom: z.object({
    kind: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    /** The place record it happened from, when the viewer may see it. */
    placeId: z.string().nullable(),
    place: ContextRef.nullable(),
    placement: z
      .object({
        name: z.string().nullable(),
        placementId: z.string().nullable(),
        providerId: z.string().nullable(),
        agency: Ref.nullable(),
      })
      .nullable(),
  }),
  protocolCategory: Option,
  policeReference: z.string().nullable(),
  /** The police's grading of the report, as they gave it: not Lantern's judgement of the child. */
  policeRiskGrade: Option.nullable(),
  returned: z
    .object({
      at: z.string(),
      how: Option,
      where: Mention.nullable(),
      whoWith: z.array(Mention),
      notes: z.string().nullable(),
    })
    .nullable(),
  durationMs: z.number().nullable(),
  durationText: z.string().nullable(),
  harmWhileMissing: Option,
  crimeWhileMissing: Option,
  harmDetails: z.string().nullable(),
  safeAndWellCheck: z.object({ at: z.string(), by: PersonRef, notes: z.string().nullable() }).nullable(),
  clock: Clock,
  interviews: z.array(Interview),
  triage: z.array(TriageNomination),
  recordedBy: Ref,
  recordedAgency: Ref,
  recordedAt: z.string(),
  permissions: z.object({ recordReturn: z.boolean(), recordInterview: z.boolean() }),
});

export const Pattern = z.object({
  count: z.number(),
  returnedCount: z.number(),
  stillMissingCount: z.number(),
  totalDurationMs: z.number(),
  medianDurationMs: z.number().nullable(),
  longest: z.object({ episodeId: z.string(), durationMs: z.number() }).nullable(),
  whereFound: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  missingFrom: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number(), totalDurationMs: z.number() })),
  timeline: z.array(
    z.object({
      episodeId: z.string(),
      reportedAt: z.string(),
      returnedAt: z.string().nullable(),
      durationMs: z.number().nullable(),
      whereFound: z.string().nullable(),
    }),
  ),
});

export const ChildMissingView = z.object({
  child: Ref,
  episodes: z.array(Episode),
  pattern: Pattern,
  /** Places and people from returns and interviews: the child's missing-episode network, awaiting links. */
  network: z.object({ places: z.array(Mention), people: z.array(Mention) }),
  permissions: z.object({ recordEpisode: z.boolean() }),
  configVersion: z.string(),
});

export const Triggers = z.object({
  chronologyEntryId: z.string().nullable(),
  reanalysisTask: z
    .object({ id: z.string(), title: z.string(), dueAt: z.string(), assignedTo: Ref })
    .nullable(),
  triage: z.object({ onNextList: z.boolean(), reasons: z.array(TriageNomination) }),
});

export const DueItem = z.object({
  episodeId: z.string(),
  child: Ref,
  returnedAt: z.string(),
  reportedAt: z.string(),
  clock: Clock,
  leadWorker: Ref.nullable(),
  yours: z.boolean(),
});

const Suppressed = z.object({ value: z.number().nullable(), display: z.string(), suppressed: z.boolean() });

export const Stats = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  threshold: z.number(),
  configVersion: z.string(),
  numerator: Suppressed,
  denominator: Suppressed,
  share: Suppressed,
  breakdown: z.object({
    offeredInTime: Suppressed,
    offeredLate: Suppressed,
    notOfferedOverdue: Suppressed,
    notHeld: Suppressed,
  }),
  pending: Suppressed,
  note: z.string(),
});
