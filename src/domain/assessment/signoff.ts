/**
 * Manager sign-off of an assessment, where a partnership's configuration asks for it. Sign-off is a
 * separate record: the assessment itself is never edited by it. Who may sign off (a manager of the
 * right team) is the access policy's decision; this module holds the configuration and the rules of the
 * record itself.
 */
import { z } from 'zod';
import { IsoDateTime, ruleText, text, Uuid } from './common.ts';
import { VERSION_PATTERN } from './instruments/schema.ts';
import { type Problem, type Rule, refusal } from './rules.ts';
import type { Assessment } from './schema.ts';
import { ASSESSMENT_HARM_STATUSES } from './vocabulary.ts';

export const SIGN_OFF_RULES = {
  returnNeedsComment: {
    id: 'sign-off-return-needs-comment',
    statement: 'An assessment returned for more work says what is needed.',
    source: 'seed 004 Section B ("Supervision can help to … test the evidence base for assessment")',
  },
  notByAuthor: {
    id: 'sign-off-not-by-author',
    statement: 'The person who completed an assessment cannot sign it off.',
    source: 'PRODUCT §1 (team manager approvals)',
  },
  afterCompletion: {
    id: 'sign-off-after-completion',
    statement: 'Sign-off is recorded for the assessment it names, after that assessment was completed.',
    source: 'PRODUCT §3 "Every access is accounted for"',
  },
} as const satisfies Record<string, Rule>;

export const signOffConfigSchema = z.strictObject({
  version: z.string().regex(VERSION_PATTERN),
  /** Whether this partnership asks for manager sign-off at all. */
  required: z.boolean(),
  /** Only for these instruments (all when absent). */
  instrumentIds: z.array(z.string().min(1)).optional(),
  /** Only for these levels of concern (all when absent). */
  levels: z.array(z.string().min(1)).optional(),
  /** Only when harm is one of these (all when absent). */
  harm: z.array(z.enum(ASSESSMENT_HARM_STATUSES)).optional(),
});
export type SignOffConfig = z.infer<typeof signOffConfigSchema>;

export const DEFAULT_SIGN_OFF_CONFIG: SignOffConfig = { version: '2025.1', required: false };

export function signOffRequired(
  assessment: Pick<Assessment, 'instrumentId' | 'judgement' | 'harm'>,
  config: SignOffConfig = DEFAULT_SIGN_OFF_CONFIG,
): boolean {
  if (!config.required) return false;
  if (config.instrumentIds && !config.instrumentIds.includes(assessment.instrumentId)) return false;
  if (config.levels && !config.levels.includes(assessment.judgement.level)) return false;
  if (config.harm && !config.harm.includes(assessment.harm.status)) return false;
  return true;
}

export const signOffSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    assessmentId: Uuid,
    decision: z.literal('approved'),
    by: z.strictObject({ userId: Uuid, name: text(200) }),
    at: IsoDateTime,
    comment: z.string().trim().max(4000).optional(),
  }),
  z.strictObject({
    assessmentId: Uuid,
    decision: z.literal('returned'),
    by: z.strictObject({ userId: Uuid, name: text(200) }),
    at: IsoDateTime,
    comment: ruleText(SIGN_OFF_RULES.returnNeedsComment, 4000, 'What is needed is', { placeholders: true }),
  }),
]);
export type SignOff = z.infer<typeof signOffSchema>;

/** Checks a sign-off against the assessment it is for. */
export function validateSignOff(
  assessment: Pick<Assessment, 'id' | 'completedAt' | 'completedBy'>,
  signOff: SignOff,
): Problem[] {
  const problems: Problem[] = [];
  if (signOff.assessmentId !== assessment.id || Date.parse(signOff.at) < Date.parse(assessment.completedAt)) {
    const rule = SIGN_OFF_RULES.afterCompletion;
    problems.push({ rule: rule.id, path: 'assessmentId', message: refusal(rule) });
  }
  if (signOff.by.userId === assessment.completedBy.userId) {
    const rule = SIGN_OFF_RULES.notByAuthor;
    problems.push({ rule: rule.id, path: 'by.userId', message: refusal(rule) });
  }
  return problems;
}

export type AssessmentState = 'completed' | 'awaiting_sign_off' | 'signed_off' | 'returned_for_more_work';

/** Where an assessment stands, from the configuration and the sign-offs recorded for it (latest wins). */
export function assessmentState(
  assessment: Pick<Assessment, 'id' | 'instrumentId' | 'judgement' | 'harm'>,
  signOffs: readonly SignOff[],
  config: SignOffConfig = DEFAULT_SIGN_OFF_CONFIG,
): AssessmentState {
  if (!signOffRequired(assessment, config)) return 'completed';
  const latest = signOffs
    .filter((s) => s.assessmentId === assessment.id)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  if (!latest) return 'awaiting_sign_off';
  return latest.decision === 'approved' ? 'signed_off' : 'returned_for_more_work';
}
