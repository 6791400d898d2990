/**
 * Request and response schemas of the plan routes. The plan's own rules (disruption when harm is
 * suspected or known, no objective aimed at the child) are the domain's `validatePlan`, run by the
 * service so each refusal names its rule.
 */
import { z } from 'zod';
import { Label, Uuid } from '../children/schemas.ts';

const loose = z.record(z.string(), z.unknown());

export const PlanBody = z.strictObject({
  reviewDate: z.string().max(40),
  howWeWillKnow: z.string().max(4000).optional(),
  /** Sections by key, each `{objectives: [...], notes?}`; a section left out is empty. */
  sections: z.record(z.string().max(60), loose),
  /** Each objective's label, by objective id; an objective without one is standard. */
  labels: z.record(z.string().max(100), Label).optional(),
  /** The version this change was made from, so a change made meanwhile by someone else is not lost. */
  expectedVersion: z.number().int().min(1).optional(),
});
export type PlanInput = z.infer<typeof PlanBody>;

export const PlanParams = z.strictObject({ id: Uuid, planId: Uuid });
export const ObjectiveParams = z.strictObject({
  id: Uuid,
  planId: Uuid,
  objectiveId: z.string().min(1).max(100),
});
export const DocParams = z.strictObject({ id: Uuid, planId: Uuid, docId: Uuid });

export const StatusBody = z.strictObject({
  status: z.enum(['not_started', 'in_progress', 'done', 'no_longer_needed']),
  doneOn: z.string().max(40).optional(),
  reason: z.string().max(2000).optional(),
});

export const EditBody = z.strictObject({ key: z.string().max(60), text: z.string().max(20000) });

export const ResponseBody = z.strictObject({
  sawItOn: z.string().max(40),
  howShared: z.enum(['in_person', 'with_an_advocate', 'they_read_it', 'other']),
  hadTimeToQuestion: z.boolean(),
  followUpBy: z.string().max(40).optional(),
  said: z.union([
    z.strictObject({ status: z.literal('in_their_words'), words: z.string().max(8000) }),
    z.strictObject({ status: z.literal('chose_not_to_say') }),
  ]),
  viewsFollowed: z.enum(['yes', 'partly', 'no']),
  whyNot: z.string().max(4000).optional(),
});

const Ref = z.object({ id: z.string(), name: z.string() });

export const PlanView = z.object({
  id: z.string(),
  childId: z.string(),
  version: z.number(),
  harmStatus: z.string(),
  harmStatusName: z.string(),
  disruptionRequired: z.boolean(),
  assessmentId: z.string().nullable(),
  reviewDate: z.string(),
  howWeWillKnow: z.string().nullable(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      purpose: z.string(),
      notes: z.string().nullable(),
      objectives: z.array(loose),
    }),
  ),
  agreed: z.object({ version: z.number(), at: z.string(), by: Ref }).nullable(),
  changedSinceAgreed: z.boolean(),
  updatedAt: z.string(),
  updatedBy: Ref,
  versions: z.array(z.object({ version: z.number(), change: z.string(), savedBy: Ref, savedAt: z.string() })),
  permissions: z.object({
    edit: z.boolean(),
    updateStatus: z.boolean(),
    agree: z.boolean(),
    plainLanguage: z.boolean(),
  }),
});

export const Advisories = z.array(z.object({ path: z.string(), message: z.string() }));

export const PlainLanguageView = z.object({
  document: z
    .object({
      id: z.string(),
      planVersion: z.number(),
      planId: z.string(),
      generatedAt: z.string(),
      sections: z.array(
        z.object({
          key: z.string(),
          heading: z.string(),
          text: z.string(),
          generatedText: z.string(),
          edited: z.boolean(),
        }),
      ),
      editedAt: z.string().optional(),
      editedBy: z.string().optional(),
      updatedAt: z.string(),
    })
    .nullable(),
  issues: z.array(z.object({ key: z.string(), kind: z.string(), detail: z.string() })),
  responses: z.array(
    z.object({
      id: z.string(),
      plainLanguagePlanId: z.string(),
      response: loose,
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  ),
});
