/**
 * The shape of an instrument: versioned data a partnership can change without code (PRODUCT §3
 * "Knowledge is data"; STYLE 13). Every shipped instrument is parsed by this schema when the registry
 * loads, so a broken instrument is refused before anyone can assess a child with it.
 *
 * DANGER — there is deliberately no place here for scores, weights, points, bands or thresholds: the
 * objects are strict, so an instrument that tries to add them is refused. A level of concern is the
 * practitioner's judgement (seed 001 §4.3: tools "not developed or tested enough to warrant scoring,
 * rating or categorisation of children"; seed 003 on SERAF: the scores "have become everything").
 */
import { z } from 'zod';
import { CONTEXT_KINDS } from '../../contexts/kinds.ts';
import { ASSESSMENT_DOMAINS, FACTOR_KINDS } from '../vocabulary.ts';

const slug = /^[a-z][a-z0-9_]*$/;
const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Prompt ids are dotted slugs: `dev.risk_factors`. */
const promptId = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;
/** Versions are `YYYY.N`, like the indicator guide and timescales. */
export const VERSION_PATTERN = /^\d{4}\.\d+$/;
/**
 * Indicator guide item ids, referred to by id only: the guide lives with referrals and is versioned on
 * its own, so an instrument never imports it.
 */
const indicatorId = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const words = (max: number) => z.string().trim().min(1).max(max);

export const ANSWER_TYPES = [
  'text',
  'long_text',
  'yes_no_unknown',
  'choice',
  'factor_list',
  'voice',
  'evidence_links',
  'context_refs',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const choiceOptionSchema = z.strictObject({ id: z.string().regex(slug), label: words(300) });

export const answerSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('long_text') }),
  z.strictObject({ type: z.literal('yes_no_unknown') }),
  z.strictObject({
    type: z.literal('choice'),
    options: z
      .array(choiceOptionSchema)
      .min(2)
      .refine((o) => new Set(o.map((x) => x.id)).size === o.length, 'option ids must be unique'),
  }),
  z.strictObject({
    type: z.literal('factor_list'),
    kind: z.enum(FACTOR_KINDS),
    /** When set, every factor recorded here belongs to this domain; otherwise the practitioner chooses. */
    domain: z.enum(ASSESSMENT_DOMAINS).optional(),
    /** Indicator guide items offered as suggestions when adding a factor (never ticked automatically). */
    suggestedIndicatorRefs: z.array(z.string().regex(indicatorId)).optional(),
  }),
  z.strictObject({ type: z.literal('voice'), whose: z.enum(['child', 'parent_carer', 'agency']) }),
  z.strictObject({ type: z.literal('evidence_links') }),
  z.strictObject({
    type: z.literal('context_refs'),
    /**
     * The kinds of context record (src/domain/contexts) this prompt links: persons of concern, places,
     * peer groups, online spaces, vehicles, businesses. A reference, never a copy: the record stays in
     * Contexts, and each reader sees it only if they may see that record.
     */
    kinds: z
      .array(z.enum(CONTEXT_KINDS))
      .min(1)
      .refine((k) => new Set(k).size === k.length, 'each kind once'),
  }),
]);
export type AnswerSpec = z.infer<typeof answerSpecSchema>;

export const promptSchema = z
  .strictObject({
    id: z.string().regex(promptId),
    text: words(500),
    /** Guidance shown with the prompt, with its source. */
    help: words(2000).optional(),
    answer: answerSpecSchema,
    /** The indicator guide item this prompt asks about, by id. */
    indicatorRef: z.string().regex(indicatorId).optional(),
    required: z.boolean().default(false),
  })
  .refine((p) => p.indicatorRef === undefined || p.answer.type === 'yes_no_unknown', {
    error: 'only a yes/no/unknown prompt refers to a single indicator guide item',
    path: ['indicatorRef'],
  });
export type Prompt = z.infer<typeof promptSchema>;

export const sectionSchema = z.strictObject({
  id: z.string().regex(slug),
  title: words(200),
  intro: words(2000).optional(),
  /** The RAF domain this section covers, if any. */
  domain: z.enum(ASSESSMENT_DOMAINS).optional(),
  prompts: z.array(promptSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const continuumLevelSchema = z.strictObject({
  id: z.string().regex(slug),
  label: words(100),
  /** A plain description of the level, to help practitioners use the words consistently. */
  description: words(1000),
});

/**
 * The continuum on which a practitioner places their judgement, lowest concern first. Labels are
 * configuration; a new set of labels is a new instrument version, so old assessments keep theirs.
 */
export const continuumSchema = z
  .strictObject({
    source: words(500),
    levels: z.array(continuumLevelSchema).min(2).max(10),
  })
  .refine((c) => new Set(c.levels.map((l) => l.id)).size === c.levels.length, 'level ids must be unique')
  .refine(
    (c) => new Set(c.levels.map((l) => l.label.toLowerCase())).size === c.levels.length,
    'level labels must be unique',
  );
export type Continuum = z.infer<typeof continuumSchema>;

/** The guidance shown with the parts of the judgement every instrument shares. */
export const judgementGuidanceSchema = z.strictObject({
  analysis: words(2000),
  balance: words(2000),
  level: words(2000),
  harm: words(2000),
  needsToChange: words(2000),
});

export const instrumentSchema = z
  .strictObject({
    id: z.string().regex(kebab),
    version: z.string().regex(VERSION_PATTERN),
    title: words(200),
    /** Where the instrument comes from: seed file and section. */
    source: words(1000),
    purpose: words(2000),
    continuum: continuumSchema,
    judgementGuidance: judgementGuidanceSchema,
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((instrument, ctx) => {
    const sectionIds = new Set<string>();
    const promptIds = new Set<string>();
    instrument.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate section id ${section.id}`,
          path: ['sections', s, 'id'],
        });
      }
      sectionIds.add(section.id);
      section.prompts.forEach((prompt, p) => {
        const path = ['sections', s, 'prompts', p];
        if (promptIds.has(prompt.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate prompt id ${prompt.id}`,
            path: [...path, 'id'],
          });
        }
        promptIds.add(prompt.id);
        const answer = prompt.answer;
        if (
          answer.type === 'factor_list' &&
          section.domain &&
          answer.domain &&
          answer.domain !== section.domain
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `prompt ${prompt.id} names domain ${answer.domain} inside the ${section.domain} section`,
            path: [...path, 'answer', 'domain'],
          });
        }
      });
    });
  });

export type Instrument = z.infer<typeof instrumentSchema>;
/** What an instrument data file is written as (defaults not yet applied). */
export type InstrumentInput = z.input<typeof instrumentSchema>;
export type ContinuumInput = z.input<typeof continuumSchema>;

/** All prompts of an instrument, in order, keyed by id. */
export function promptsById(instrument: Instrument): ReadonlyMap<string, Prompt> {
  return new Map(instrument.sections.flatMap((s) => s.prompts.map((p) => [p.id, p] as const)));
}

/** The position of a level on the instrument's continuum (0 = lowest concern), or -1. */
export function levelIndex(instrument: Instrument, levelId: string): number {
  return instrument.continuum.levels.findIndex((l) => l.id === levelId);
}
