/**
 * A completed assessment, pinned to the instrument version it was made with ({instrumentId,
 * instrumentVersion}). The shape is checked here; the answers are then checked against that exact
 * version by `validateAgainstInstrument`. A newer version of the instrument never changes what an old
 * assessment means or whether it is valid.
 *
 * The judgement — analysis, balance, level with rationale, harm, what needs to change — is the same for
 * every instrument and is not configurable: it is where structured professional judgement lives
 * (PRODUCT §3 "Judgement, not scores").
 */
import { z } from 'zod';
import { CONTEXT_KINDS } from '../contexts/kinds.ts';
import { IsoDateTime, ruleText, text, Uuid } from './common.ts';
import { type EvidenceLink, evidenceLinkSchema } from './evidence.ts';
import { getInstrument, type InstrumentResolver } from './instruments/registry.ts';
import { type AnswerType, type Instrument, levelIndex, promptsById } from './instruments/schema.ts';
import { ASSESSMENT_RULES, type Problem, pathString, problemsFromZod, refusal } from './rules.ts';
import {
  ASSESSMENT_DOMAINS,
  type AssessmentHarmStatus,
  FACTOR_KINDS,
  HARM_KIND_NAMES,
  HARM_KINDS,
  harmIsSuspectedOrKnown,
} from './vocabulary.ts';
import { voiceEntrySchema, voicesSchema } from './voices.ts';

const R = ASSESSMENT_RULES;

export const factorSchema = z.strictObject({
  /** Stable across analyses: a factor carried into the next analysis keeps its id, so changes can be compared. */
  id: text(100),
  kind: z.enum(FACTOR_KINDS, {
    error: refusal(R.factorInDomain, 'The factor is neither a risk nor a protective factor.'),
  }),
  domain: z.enum(ASSESSMENT_DOMAINS, {
    error: refusal(R.factorInDomain, 'The factor has no domain, or one that is not one of the three.'),
  }),
  /** What was seen or said, by whom: the practitioner's words. */
  description: text(4000),
  /** The indicator guide item this factor relates to, by id, if any. */
  indicatorRef: text(100).optional(),
  evidence: z
    .array(evidenceLinkSchema)
    .min(1, refusal(R.factorHasEvidence, 'This factor has no evidence linked.'))
    .max(50),
});
export type Factor = z.infer<typeof factorSchema>;

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

/**
 * A reference to a context record (a person of concern, place, peer group, online space, vehicle or
 * business in src/domain/contexts): its id and kind, and the practitioner's note on how it is connected
 * to this child. The record itself stays in Contexts; the assessment never copies its name, so a reader
 * sees the record only if they may see it there.
 */
export const contextRefSchema = z.strictObject({
  contextId: Uuid,
  kind: z.enum(CONTEXT_KINDS),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ContextRef = z.infer<typeof contextRefSchema>;

export const answerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), value: z.string().trim().max(2000) }),
  z.strictObject({ type: z.literal('long_text'), value: z.string().trim().max(20000) }),
  z.strictObject({
    type: z.literal('yes_no_unknown'),
    value: z.enum(YES_NO_UNKNOWN),
    /** Copied from the prompt when the form is filled in, so the record says what was asked. */
    indicatorRef: text(100).optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({ type: z.literal('choice'), value: text(100) }),
  z.strictObject({ type: z.literal('factor_list'), factors: z.array(factorSchema).max(100) }),
  z.strictObject({ type: z.literal('voice'), voice: voiceEntrySchema }),
  z.strictObject({ type: z.literal('evidence_links'), links: z.array(evidenceLinkSchema).max(200) }),
  z.strictObject({
    type: z.literal('context_refs'),
    refs: z
      .array(contextRefSchema)
      .max(50)
      .refine(
        (refs) => new Set(refs.map((r) => r.contextId)).size === refs.length,
        'each context record once',
      ),
  }),
]);
export type Answer = z.infer<typeof answerSchema>;

// The answer union and the instrument's answer types are the same list.
type _SameAnswerTypes = [Answer['type']] extends [AnswerType]
  ? [AnswerType] extends [Answer['type']]
    ? true
    : never
  : never;
const _sameAnswerTypes: _SameAnswerTypes = true;
void _sameAnswerTypes;

export const judgementSchema = z.strictObject({
  /** The id of a level on the pinned instrument's continuum: the practitioner's choice, never computed. */
  level: ruleText(R.levelRequired, 100, 'The level of concern is'),
  rationale: ruleText(R.levelNeedsRationale, 20000, 'The rationale for the level is', { placeholders: true }),
});
export type Judgement = z.infer<typeof judgementSchema>;

const harmDetail = {
  kinds: z
    .array(z.enum(HARM_KINDS))
    .min(
      1,
      refusal(R.harmDescribed, `Say which exploitation (${Object.values(HARM_KIND_NAMES).join(', ')}).`),
    )
    .refine((k) => new Set(k).size === k.length, 'each kind once'),
  description: ruleText(R.harmDescribed, 20000, 'What is suspected or known is', { placeholders: true }),
  evidence: z.array(evidenceLinkSchema).max(200).default([]),
};

export const harmSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('none_identified'), note: z.string().trim().max(4000).optional() }),
  z.strictObject({ status: z.literal('suspected'), ...harmDetail }),
  z.strictObject({ status: z.literal('known'), ...harmDetail }),
]);
export type Harm = z.infer<typeof harmSchema>;

// Every harm status has a branch.
const _harmStatuses: Record<AssessmentHarmStatus, Harm['status']> = {
  suspected: 'suspected',
  known: 'known',
  none_identified: 'none_identified',
};
void _harmStatuses;

export const planLinkSchema = z.strictObject({
  planId: Uuid,
  objectiveIds: z.array(text(100)).max(100).optional(),
});

export const assessmentSchema = z
  .strictObject({
    id: Uuid,
    childId: Uuid,
    /** The instrument and the exact version this assessment was made with: pinned for ever. */
    instrumentId: text(100),
    instrumentVersion: text(20),
    completedAt: IsoDateTime,
    completedBy: z.strictObject({ userId: Uuid, name: text(200), agency: text(200) }),
    /** Answers to the instrument's prompts, keyed by prompt id. */
    answers: z.record(text(200), answerSchema),
    /** The analysis in the practitioner's own words. */
    analysis: ruleText(R.analysisWritten, 40000, 'The analysis is'),
    /** The balance between risk and protection. */
    balance: ruleText(R.analysisWritten, 20000, 'The balance between risk and protection is'),
    judgement: judgementSchema,
    harm: harmSchema,
    needsToChange: ruleText(R.analysisWritten, 20000, 'What needs to change is'),
    planLinks: z.array(planLinkSchema).max(20).default([]),
    voices: voicesSchema,
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    for (const [promptId, answer] of Object.entries(a.answers)) {
      if (answer.type !== 'factor_list') continue;
      answer.factors.forEach((f, i) => {
        if (seen.has(f.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['answers', promptId, 'factors', i, 'id'],
            message: refusal(R.factorIdsUnique, `Factor id ${f.id} is used twice.`),
            params: { rule: R.factorIdsUnique.id },
          });
        }
        seen.add(f.id);
      });
    }
  });

export type Assessment = z.infer<typeof assessmentSchema>;
export type AssessmentInput = z.input<typeof assessmentSchema>;

export interface PlacedFactor extends Factor {
  /** The factor-list prompt it was recorded under. */
  readonly promptId: string;
}

/** Every risk and protective factor in the assessment, in the instrument's order of answers. */
export function factorsOf(assessment: Pick<Assessment, 'answers'>): PlacedFactor[] {
  return Object.entries(assessment.answers).flatMap(([promptId, answer]) =>
    answer.type === 'factor_list' ? answer.factors.map((f) => ({ ...f, promptId })) : [],
  );
}

export interface PlacedContextRef extends ContextRef {
  /** The prompt it was recorded under. */
  readonly promptId: string;
}

/** Every context record the assessment refers to, with the prompt it was recorded under. */
export function contextRefsOf(assessment: Pick<Assessment, 'answers'>): PlacedContextRef[] {
  return Object.entries(assessment.answers).flatMap(([promptId, answer]) =>
    answer.type === 'context_refs' ? answer.refs.map((r) => ({ ...r, promptId })) : [],
  );
}

/** Every evidence link in the assessment: factors, harm and evidence prompts. */
export function evidenceOf(assessment: Assessment): EvidenceLink[] {
  const links: EvidenceLink[] = factorsOf(assessment).flatMap((f) => f.evidence);
  if (assessment.harm.status !== 'none_identified') links.push(...assessment.harm.evidence);
  for (const answer of Object.values(assessment.answers)) {
    if (answer.type === 'evidence_links') links.push(...answer.links);
  }
  return links;
}

export interface InstrumentCheck {
  readonly ok: boolean;
  readonly problems: Problem[];
  /** Prompts to think again that never block a save and never change the level. */
  readonly warnings: string[];
}

function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false;
  switch (answer.type) {
    case 'text':
    case 'long_text':
      return answer.value.trim().length > 0;
    case 'evidence_links':
      return answer.links.length > 0;
    case 'context_refs':
      return answer.refs.length > 0;
    default:
      return true;
  }
}

/**
 * Checks an assessment's answers against the instrument version it pins: every answer belongs to a
 * prompt of that version with the same answer type and options; required prompts are answered; factors
 * sit in the domain and kind their prompt names; the level is on that version's continuum.
 */
export function validateAgainstInstrument(assessment: Assessment, instrument: Instrument): InstrumentCheck {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const add = (
    rule: { id: string; statement: string; source: string },
    path: PropertyKey[],
    detail: string,
  ) => problems.push({ rule: rule.id, path: pathString(path), message: refusal(rule, detail) });

  if (assessment.instrumentId !== instrument.id || assessment.instrumentVersion !== instrument.version) {
    add(
      R.instrumentPinned,
      ['instrumentVersion'],
      `The assessment pins ${assessment.instrumentId}@${assessment.instrumentVersion} but was checked against ${instrument.id}@${instrument.version}.`,
    );
    return { ok: false, problems, warnings };
  }

  const prompts = promptsById(instrument);
  for (const [promptId, answer] of Object.entries(assessment.answers)) {
    const path = ['answers', promptId];
    const prompt = prompts.get(promptId);
    if (!prompt) {
      add(
        R.answerMatchesPrompt,
        path,
        `There is no prompt "${promptId}" in ${instrument.id}@${instrument.version}.`,
      );
      continue;
    }
    const spec = prompt.answer;
    if (answer.type !== spec.type) {
      add(
        R.answerMatchesPrompt,
        [...path, 'type'],
        `Prompt "${promptId}" takes ${spec.type}, not ${answer.type}.`,
      );
      continue;
    }
    if (
      answer.type === 'choice' &&
      spec.type === 'choice' &&
      !spec.options.some((o) => o.id === answer.value)
    ) {
      add(
        R.answerMatchesPrompt,
        [...path, 'value'],
        `"${answer.value}" is not an option of prompt "${promptId}".`,
      );
    }
    if (answer.type === 'yes_no_unknown' && answer.indicatorRef !== prompt.indicatorRef) {
      add(
        R.answerMatchesPrompt,
        [...path, 'indicatorRef'],
        `Prompt "${promptId}" refers to indicator ${prompt.indicatorRef ?? '(none)'}, not ${answer.indicatorRef ?? '(none)'}.`,
      );
    }
    if (answer.type === 'factor_list' && spec.type === 'factor_list') {
      answer.factors.forEach((f, i) => {
        if (f.kind !== spec.kind) {
          add(
            R.factorInDomain,
            [...path, 'factors', i, 'kind'],
            `Prompt "${promptId}" records ${spec.kind} factors.`,
          );
        }
        if (spec.domain && f.domain !== spec.domain) {
          add(
            R.factorInDomain,
            [...path, 'factors', i, 'domain'],
            `Prompt "${promptId}" records factors in ${spec.domain}, not ${f.domain}.`,
          );
        }
      });
    }
    if (answer.type === 'context_refs' && spec.type === 'context_refs') {
      answer.refs.forEach((ref, i) => {
        if (!(spec.kinds as readonly string[]).includes(ref.kind)) {
          add(
            R.answerMatchesPrompt,
            [...path, 'refs', i, 'kind'],
            `Prompt "${promptId}" links ${spec.kinds.join(' or ')} records, not ${ref.kind}.`,
          );
        }
      });
    }
    if (answer.type === 'voice' && spec.type === 'voice' && spec.whose === 'child') {
      if (answer.voice.status === 'given' && !answer.voice.inTheirOwnWords) {
        add(
          R.childVoiceOwnWords,
          [...path, 'voice', 'inTheirOwnWords'],
          'The child’s view must be in their own words.',
        );
      }
    }
  }

  for (const prompt of prompts.values()) {
    if (prompt.required && !isAnswered(assessment.answers[prompt.id])) {
      add(R.requiredPromptAnswered, ['answers', prompt.id], `"${prompt.text}" is not answered.`);
    }
  }

  const index = levelIndex(instrument, assessment.judgement.level);
  if (index < 0) {
    add(
      R.levelOnContinuum,
      ['judgement', 'level'],
      `"${assessment.judgement.level}" is not a level of ${instrument.id}@${instrument.version} (levels: ${instrument.continuum.levels
        .map((l) => l.id)
        .join(', ')}).`,
    );
  } else if (index === 0 && harmIsSuspectedOrKnown(assessment.harm.status)) {
    warnings.push(
      `Exploitation is recorded as ${assessment.harm.status}, and the level is "${instrument.continuum.levels[0]?.label}". Check that the rationale explains this: a child who is being harmed is a victim (seed 000).`,
    );
  }

  return { ok: problems.length === 0, problems, warnings };
}

export type AssessmentValidation =
  | {
      readonly ok: true;
      readonly assessment: Assessment;
      readonly instrument: Instrument;
      readonly warnings: string[];
    }
  | { readonly ok: false; readonly problems: Problem[] };

/**
 * The whole check for saving an assessment: its shape, that the instrument version it pins exists, and
 * its answers against that version. The level in the result is exactly the level the practitioner chose.
 */
export function validateAssessment(
  input: unknown,
  resolve: InstrumentResolver = getInstrument,
): AssessmentValidation {
  const parsed = assessmentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const assessment = parsed.data;
  const instrument = resolve(assessment.instrumentId, assessment.instrumentVersion);
  if (!instrument) {
    return {
      ok: false,
      problems: [
        {
          rule: R.instrumentVersionExists.id,
          path: 'instrumentVersion',
          message: refusal(
            R.instrumentVersionExists,
            `There is no instrument "${assessment.instrumentId}" version "${assessment.instrumentVersion}".`,
          ),
        },
      ],
    };
  }
  const check = validateAgainstInstrument(assessment, instrument);
  if (!check.ok) return { ok: false, problems: check.problems };
  return { ok: true, assessment, instrument, warnings: check.warnings };
}
