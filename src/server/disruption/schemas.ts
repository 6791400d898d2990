/**
 * The disruption API's request and response shapes. The record's rules (dates in order, an order that
 * expires after it was issued, the status lifecycle, breaches) and the eligibility rules are the
 * domain's, checked in the service so that each refusal names its rule.
 */
import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../../domain/access/types.ts';
import {
  APPLICANTS,
  DISRUPTION_STATUSES,
  MEASURE_IDS,
  OFFENCE_CATEGORIES,
  POLICE_RANKS,
} from '../../domain/disruption/index.ts';
import { IsoDate, Uuid } from '../children/schemas.ts';

const yesNo = z.boolean().optional();

/** What is known for the eligibility check, beyond what Lantern already holds (ages, care status, kinds). */
export const FactsBody = z.strictObject({
  targetLicensed: yesNo,
  subject: z
    .strictObject({
      offences: z
        .array(
          z.strictObject({
            category: z.enum(OFFENCE_CATEGORIES),
            outcome: z.enum(['conviction', 'caution']),
            overseas: yesNo,
          }),
        )
        .max(50)
        .optional(),
      sexualActDone: yesNo,
      actedCreatingSlaveryRisk: yesNo,
      harassmentAlarmDistress: yesNo,
      associatedWithChild: yesNo,
    })
    .optional(),
  children: z
    .array(z.strictObject({ id: Uuid, traffickingConcern: yesNo }))
    .max(100)
    .optional(),
  judgements: z
    .strictObject({
      necessaryToProtect: yesNo,
      futureSlaveryOffenceRisk: yesNo,
      orderWillHelpPrevent: yesNo,
      significantHarmLikely: yesNo,
      exclusionStopsHarm: yesNo,
      premisesUsedForExploitation: yesNo,
    })
    .optional(),
  proceedings: z.strictObject({ careOrEmergencyProtectionApplication: yesNo }).optional(),
  exclusionAreaDefined: yesNo,
  issuerPoliceRank: z.enum(POLICE_RANKS).optional(),
  steps: z
    .strictObject({
      youthOffendingTeamConsulted: yesNo,
      youthOffendingTeamViewsObtained: yesNo,
      welfareAssessmentDone: yesNo,
      otherOrdersConsidered: yesNo,
      interventionsOffered: yesNo,
    })
    .optional(),
});
export type FactsInput = z.infer<typeof FactsBody>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const DisruptionBody = z.strictObject({
  measure: z.enum(MEASURE_IDS),
  /** The person, place, business, vehicle or online space (a context record); none for an NRM referral. */
  targetId: Uuid.optional(),
  protectedChildIds: z.array(Uuid).max(100).default([]),
  status: z.enum(DISRUPTION_STATUSES).default('proposed'),
  applicant: z.enum(APPLICANTS),
  /** Defaults to the signed-in person's agency and to them. */
  leadAgencyId: Uuid.optional(),
  ownerUserId: Uuid.optional(),
  requestedOn: IsoDate.optional(),
  issuedOn: IsoDate.optional(),
  servedOn: IsoDate.optional(),
  expiresOn: IsoDate.optional(),
  untilFurtherOrder: z.boolean().optional(),
  conditions: z.array(text(2000)).max(50).optional(),
  outcome: text(4000).optional(),
  sensitivity: z.enum(SENSITIVITY_LABELS),
  facts: FactsBody.optional(),
});
export type DisruptionInput = z.infer<typeof DisruptionBody>;

export const ChangeBody = z.strictObject({
  conditions: z.array(text(2000)).max(50).optional(),
  expiresOn: IsoDate.nullable().optional(),
  untilFurtherOrder: z.boolean().optional(),
  ownerUserId: Uuid.optional(),
  facts: FactsBody.optional(),
});
export type ChangeInput = z.infer<typeof ChangeBody>;

export const StatusBody = z.strictObject({
  to: z.enum(DISRUPTION_STATUSES),
  /** The date of the step (the issue date for `issued`…); defaults to today. */
  on: IsoDate.optional(),
  expiresOn: IsoDate.optional(),
  outcome: text(4000).optional(),
});
export type StatusInput = z.infer<typeof StatusBody>;

export const BreachBody = z.strictObject({
  date: IsoDate,
  description: z.string().trim().max(4000),
  response: text(4000).optional(),
});
export const BreachResponseBody = z.strictObject({ response: text(4000) });
export const IdParams = z.strictObject({ id: Uuid });
export const BreachParams = z.strictObject({ id: Uuid, breachId: Uuid });
export const ListQuery = z.strictObject({ contextId: Uuid.optional(), childId: Uuid.optional() });
export const WorkQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(28) });

// ---- Responses ------------------------------------------------------------------------------------

const Ref = z.object({ id: z.string(), name: z.string() });

export const Eligibility = z.object({
  measure: z.string(),
  rulesVersion: z.string(),
  checkedOn: z.string(),
  eligible: z.boolean(),
  readyToApply: z.boolean(),
  failures: z.array(
    z.object({
      rule: z.string(),
      status: z.enum(['failed', 'unknown']),
      message: z.string(),
      source: z.string(),
      missing: z.array(z.string()),
    }),
  ),
  requirements: z.array(
    z.object({
      rule: z.string(),
      met: z.boolean().nullable(),
      applies: z.boolean().nullable(),
      message: z.string(),
      source: z.string(),
    }),
  ),
  passed: z.array(z.string()),
});

export const Disruption = z.object({
  id: z.string(),
  measure: z.string(),
  measureName: z.string(),
  measurePurpose: z.string(),
  status: z.string(),
  statusName: z.string(),
  nextStatuses: z.array(z.object({ id: z.string(), name: z.string() })),
  target: z.object({ id: z.string(), kind: z.string(), name: z.string() }).nullable(),
  protectedChildren: z.array(Ref),
  applicant: z.string(),
  leadAgency: Ref,
  owner: Ref,
  requestedOn: z.string().nullable(),
  issuedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  untilFurtherOrder: z.boolean(),
  conditions: z.array(z.string()),
  breaches: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      description: z.string(),
      response: z.string().nullable(),
      recordedBy: z.string(),
    }),
  ),
  outcome: z.string().nullable(),
  sensitivity: z.string(),
  facts: z.record(z.string(), z.unknown()),
  eligibility: Eligibility,
  warnings: z.array(z.object({ rule: z.string(), message: z.string() })),
  createdAt: z.string(),
  createdBy: z.string(),
  permissions: z.object({ manage: z.boolean() }),
});

export const WorkItem = z.object({
  disruption: z.object({
    id: z.string(),
    measure: z.string(),
    measureName: z.string(),
    status: z.string(),
    statusName: z.string(),
    target: Ref.nullable(),
    expiresOn: z.string().nullable(),
    ownerName: z.string(),
  }),
  expiresOn: z.string(),
  daysLeft: z.number(),
  overdue: z.boolean(),
  why: z.array(z.string()),
});

export const Work = z.object({
  days: z.number(),
  expiring: z.array(WorkItem),
  breachesAwaitingResponse: z.array(
    z.object({ disruptionId: z.string(), measureName: z.string(), breachId: z.string(), date: z.string() }),
  ),
});
