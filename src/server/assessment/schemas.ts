/**
 * Request and response schemas of the assessment routes. A draft is the practitioner's work in progress,
 * so its body is only checked for shape here; the domain's rules run when it is completed and name the
 * rule they refuse by.
 */
import { z } from 'zod';
import {
  ANSWER_TYPES,
  ASSESSMENT_HARM_STATUSES,
  REANALYSIS_TRIGGERS,
} from '../../domain/assessment/index.ts';
import { Label, Uuid } from '../children/schemas.ts';

const loose = z.record(z.string(), z.unknown());
const voiceStatus = z.enum(['given', 'not_obtained']);

export const DraftBody = z.strictObject({
  answers: z.record(z.string().max(200), z.looseObject({ type: z.enum(ANSWER_TYPES) })).optional(),
  analysis: z.string().max(40000).optional(),
  balance: z.string().max(20000).optional(),
  needsToChange: z.string().max(20000).optional(),
  judgement: z
    .strictObject({ level: z.string().max(100).optional(), rationale: z.string().max(20000).optional() })
    .optional(),
  harm: z.looseObject({ status: z.enum(ASSESSMENT_HARM_STATUSES) }).optional(),
  voices: z
    .strictObject({
      child: z.looseObject({ status: voiceStatus }).optional(),
      parentsCarers: z
        .array(z.looseObject({ status: voiceStatus }))
        .max(20)
        .optional(),
      agencies: z
        .array(z.looseObject({ status: voiceStatus }))
        .max(50)
        .optional(),
    })
    .optional(),
  planLinks: z.array(loose).max(20).optional(),
  /** Labels of single items: "factor:<id>", "voice:child", "voice:parent:<n>", "voice:agency:<n>". */
  labels: z.record(z.string().max(200), Label).optional(),
});
export type DraftInput = z.infer<typeof DraftBody>;

export const StartBody = z.strictObject({
  instrumentId: z.string().trim().min(1).max(100),
  instrumentVersion: z.string().trim().min(1).max(20),
  /** A completed assessment whose factors are carried into this one (they keep their ids). */
  copyFrom: Uuid.optional(),
});

export const SignOffBody = z.strictObject({
  decision: z.enum(['approved', 'returned']),
  comment: z.string().max(4000).optional(),
});

export const AssessmentParams = z.strictObject({ id: Uuid, assessmentId: Uuid });
export const CompareQuery = z.strictObject({ a: Uuid, b: Uuid });

const Ref = z.object({ id: z.string(), name: z.string() });

export const AssessmentPermissions = z.object({
  edit: z.boolean(),
  complete: z.boolean(),
  signOff: z.boolean(),
  startFromThis: z.boolean(),
});

export const AssessmentSummary = z.object({
  id: z.string(),
  instrument: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  status: z.enum(['draft', 'completed']),
  state: z.enum(['draft', 'completed', 'awaiting_sign_off', 'signed_off', 'returned_for_more_work']),
  level: z.string().nullable(),
  levelLabel: z.string().nullable(),
  harmStatus: z.string().nullable(),
  createdBy: Ref,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  completedBy: z.object({ id: z.string(), name: z.string(), agency: z.string() }).nullable(),
  signOffRequired: z.boolean().nullable(),
  permissions: AssessmentPermissions,
});

const SignOffView = z.object({
  id: z.string(),
  assessmentId: z.string(),
  decision: z.enum(['approved', 'returned']),
  comment: z.string().nullable(),
  by: Ref,
  at: z.string(),
});

export const AssessmentView = AssessmentSummary.extend({
  answers: loose,
  analysis: z.string().nullable(),
  balance: z.string().nullable(),
  needsToChange: z.string().nullable(),
  judgement: z.object({
    level: z.string().nullable(),
    levelLabel: z.string().nullable(),
    rationale: z.string().nullable(),
  }),
  harm: loose.nullable(),
  voices: z
    .object({ child: loose.nullable(), parentsCarers: z.array(loose), agencies: z.array(loose) })
    .nullable(),
  missingVoices: z.array(z.object({ who: z.string(), whose: z.string(), reason: z.string().nullable() })),
  planLinks: z.array(z.unknown()),
  evidence: z.record(
    z.string(),
    z.object({ title: z.string(), occurredAt: z.string(), verification: z.string(), sensitivity: Label }),
  ),
  indicative: z.object({ label: z.string(), count: z.number() }),
  warnings: z.array(z.string()),
  signOffs: z.array(SignOffView),
  copiedFrom: z.string().nullable(),
  updatedAt: z.string(),
});

const ReanalysisReason = z.object({
  trigger: z.enum(REANALYSIS_TRIGGERS),
  label: z.string(),
  at: z.string(),
  dueBy: z.string(),
  summary: z.string().optional(),
});

export const ReanalysisView = z.object({
  lastAnalysis: z.object({ id: z.string(), completedAt: z.string(), instrument: z.string() }).nullable(),
  due: z.boolean(),
  overdue: z.boolean(),
  dueAt: z.string().nullable(),
  nextScheduledReview: z.string().nullable(),
  reasons: z.array(ReanalysisReason),
  configVersion: z.string(),
});

export const ImmediateReferralView = z
  .object({
    runsAlongside: z.array(z.string()),
    onQualifyingPlan: z.boolean(),
    task: z
      .object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        assignedTo: Ref,
        created: z.boolean(),
      })
      .nullable(),
  })
  .nullable();

export const ChartView = z.object({
  caption: z.string(),
  yAxisTitle: z.string(),
  yAxis: z.array(z.object({ index: z.number(), label: z.string() })),
  points: z.array(
    z.object({
      date: z.string(),
      level: z.string(),
      levelLabel: z.string(),
      levelIndex: z.number(),
      assessmentId: z.string(),
      instrument: z.string(),
      harm: z.string(),
      rationale: z.string(),
      by: z.string(),
    }),
  ),
  notPlotted: z.array(z.object({ assessmentId: z.string(), reason: z.string() })),
});

export const InstrumentSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  purpose: z.string(),
  latest: z.boolean(),
});
