/**
 * The shape of a lexicon. A partnership's own rules go through this schema before they are used, so
 * a rule with a broken pattern, no source or no example is refused at load time rather than silently
 * never matching.
 */
import { z } from 'zod';
import { PatternError, parsePattern, type WordSets } from './pattern.ts';

export const FAMILIES = [
  'responsibility',
  'consent-relationships',
  'exchange',
  'criminalising',
  'engagement',
  'abolished-terms',
  'adultifying',
  'labelling',
] as const;

export const familySchema = z.enum(FAMILIES);
export type Family = z.infer<typeof familySchema>;

export const FAMILY_TITLES: Record<Family, string> = {
  responsibility: 'Responsibility placed on the child',
  'consent-relationships': 'Consent, and "relationships" with people who exploit',
  exchange: 'Exchange and transaction framing',
  criminalising: 'Criminalising and dehumanising words',
  engagement: '"Engagement" words that put the failure on the child',
  'abolished-terms': 'Terms abolished in law',
  adultifying: 'Adultifying and sexualising words',
  labelling: 'Labels for the child instead of what happened',
};

export const severitySchema = z.enum(['high', 'medium', 'low']);
export type Severity = z.infer<typeof severitySchema>;

/**
 * How negation before a match is treated:
 * - `clause`: a negation earlier in the same clause means the writer rejects the framing
 *   ("she did not consent", "there is no suggestion she was putting herself at risk").
 * - `adjacent`: only a negation directly before the term exempts it ("she is not a child
 *   prostitute, she is a victim"); elsewhere the term is still written down ("no evidence she is a
 *   child prostitute").
 * - `none`: negation never exempts ("not engaging" is itself the blaming phrase).
 */
export const negationSchema = z.enum(['clause', 'adjacent', 'none']);
export type Negation = z.infer<typeof negationSchema>;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const phraseWindowSchema = z
  .object({
    phrases: z.array(z.string().min(1)).min(1),
    /** How many words may separate the phrase from the match. */
    window: z.number().int().min(0).max(12),
  })
  .strict();

const ageContextSchema = z.discriminatedUnion('unknown', [
  z.object({ unknown: z.literal('ignore') }).strict(),
  z.object({ unknown: z.literal('flag'), severity: severitySchema, message: z.string().min(10) }).strict(),
]);

export const ruleContextSchema = z
  .object({
    /** Not flagged when one of these phrases ends within `window` words before the match. */
    exceptBefore: phraseWindowSchema.optional(),
    /** Not flagged when one of these phrases starts within `window` words after the match. */
    exceptAfter: phraseWindowSchema.optional(),
    /** Only flagged when one of these phrases is within `window` words, either side. */
    requireNearby: phraseWindowSchema.optional(),
    /**
     * Only flagged when the sentence shows the other person is an adult, older, exploiting, or much
     * older than the child; never when they are a peer. `unknown` says what to do when nothing shows
     * either.
     */
    age: ageContextSchema.optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    id: z.string().regex(kebab, 'rule ids are kebab-case'),
    family: familySchema,
    severity: severitySchema,
    patterns: z.array(z.string().min(1)).min(1),
    /** Why it matters, in plain English, short enough to read beside a text box. */
    message: z.string().min(10).max(300),
    /** Alternatives that keep the concern explicit. Never a softer word for the same harm. */
    suggestions: z.array(z.string().min(1)).min(1),
    /** The seed or published guidance the rule comes from. */
    source: z.string().min(3),
    negation: negationSchema,
    context: ruleContextSchema.optional(),
    /** Why a contextual or negation decision was made, for the next person to edit the rule. */
    note: z.string().optional(),
    /** Every rule carries sentences it must flag and sentences it must leave alone; tests run them all. */
    examples: z
      .object({
        flagged: z.array(z.string().min(1)).min(1),
        clean: z.array(z.string().min(1)).min(1),
      })
      .strict(),
  })
  .strict();

export type Rule = z.infer<typeof ruleSchema>;
export type RuleContext = z.infer<typeof ruleContextSchema>;

export const lexiconSchema = z
  .object({
    /** Semantic version of the base lexicon; local builds append "+local.<hash>". */
    version: z.string().regex(/^\d+\.\d+\.\d+(?:[+-][0-9A-Za-z.-]+)?$/, 'version must look like 1.2.3'),
    /** Named word lists patterns refer to as @name (inflections, pronouns). */
    sets: z.record(z.string().regex(kebab), z.array(z.string().min(1)).min(1)),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((lexicon, ctx) => {
    const seen = new Set<string>();
    lexicon.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${rule.id}` });
      }
      seen.add(rule.id);
      for (const [where, patterns] of patternLists(rule)) {
        patterns.forEach((pattern, j) => {
          const problem = patternProblem(pattern, lexicon.sets);
          if (problem) ctx.addIssue({ code: 'custom', path: ['rules', i, ...where, j], message: problem });
        });
      }
    });
  });

export type Lexicon = z.infer<typeof lexiconSchema>;

function patternLists(rule: Rule): [path: string[], patterns: string[]][] {
  const lists: [string[], string[]][] = [[['patterns'], rule.patterns]];
  const context = rule.context;
  if (context?.exceptBefore)
    lists.push([['context', 'exceptBefore', 'phrases'], context.exceptBefore.phrases]);
  if (context?.exceptAfter) lists.push([['context', 'exceptAfter', 'phrases'], context.exceptAfter.phrases]);
  if (context?.requireNearby)
    lists.push([['context', 'requireNearby', 'phrases'], context.requireNearby.phrases]);
  return lists;
}

function patternProblem(pattern: string, sets: WordSets): string | undefined {
  try {
    parsePattern(pattern, sets);
    return undefined;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}
