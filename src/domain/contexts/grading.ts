/**
 * How sure we are of a piece of information: the 3×5×2 grading used by police forces in England and
 * Wales (College of Policing, Authorised Professional Practice on intelligence management), which
 * replaced the older 5×5×5 system.
 *
 * - 3: how reliable the SOURCE is (1 reliable, 2 untested, 3 not reliable);
 * - 5: how the source knows the INFORMATION (A known directly … E suspected to be false);
 * - 2: the HANDLING code (P lawful sharing permitted, C lawful sharing permitted subject to conditions).
 *
 * Why a graded scheme: the research notes ask that every link in a map carries "the reliability and
 * source of each piece of information" (anchor-systems §4.3, Leeds peer-mapping guidance) and that
 * names are never "used as fact by other services". The seeds do not name a scheme; 3×5×2 is the one
 * police partners already use, so a police officer's grade can be entered as given and explained to
 * everyone else in plain English.
 *
 * DANGER: changing the confirmation threshold changes which unconfirmed links drop out of children's
 * default views after their review date.
 */
import { z } from 'zod';
import { ruleMessage } from './rules.ts';

export const GRADING_SCHEME = {
  id: '3x5x2',
  name: '3×5×2 intelligence grading',
  source: 'College of Policing, Authorised Professional Practice: Intelligence management (3×5×2 grading)',
} as const;

export const SOURCE_EVALUATIONS = ['1', '2', '3'] as const;
export type SourceEvaluation = (typeof SOURCE_EVALUATIONS)[number];

export const INTELLIGENCE_ASSESSMENTS = ['A', 'B', 'C', 'D', 'E'] as const;
export type IntelligenceAssessment = (typeof INTELLIGENCE_ASSESSMENTS)[number];

export const HANDLING_CODES = ['P', 'C'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export interface GradeExplanation {
  readonly name: string;
  /** Plain English for the UI. */
  readonly explanation: string;
}

export const SOURCE_EVALUATION_INFO = {
  '1': {
    name: 'Reliable',
    explanation:
      'The source has been right before, or there is no reason to doubt them: for example a professional who saw it themselves, or a record such as CCTV or a vehicle check.',
  },
  '2': {
    name: 'Untested',
    explanation:
      'We do not yet know how reliable the source is: a first-time caller, a new informant, an anonymous report. Not a sign that it is wrong.',
  },
  '3': {
    name: 'Not reliable',
    explanation:
      'There are reasons to doubt the source: they have given wrong information before, or may have a reason to mislead.',
  },
} as const satisfies Record<SourceEvaluation, GradeExplanation>;

export const INTELLIGENCE_ASSESSMENT_INFO = {
  A: {
    name: 'Known directly to the source',
    explanation: 'The source saw or heard it themselves.',
  },
  B: {
    name: 'Known indirectly to the source but corroborated',
    explanation: 'The source was told it, and something else backs it up (another source, a record, CCTV).',
  },
  C: {
    name: 'Known indirectly to the source',
    explanation:
      'The source was told it by someone else and nothing yet backs it up: treat it as unverified.',
  },
  D: {
    name: 'Not known',
    explanation: 'We cannot tell how the source knows this.',
  },
  E: {
    name: 'Suspected to be false',
    explanation:
      'There is reason to think it is untrue or malicious. It is kept for the record but never shown as a connection by default.',
  },
} as const satisfies Record<IntelligenceAssessment, GradeExplanation>;

export const HANDLING_CODE_INFO = {
  P: {
    name: 'Lawful sharing permitted',
    explanation: 'May be shared with partners who need it for safeguarding, under the usual rules.',
  },
  C: {
    name: 'Lawful sharing permitted subject to conditions',
    explanation:
      'May be shared only under the conditions written with it (for example: not with the family; police and children\u2019s services only). The conditions travel with the information.',
  },
} as const satisfies Record<HandlingCode, GradeExplanation>;

const enumError = (rule: string, what: string, allowed: readonly string[]) => (issue: { input?: unknown }) =>
  ruleMessage(
    rule,
    `${what} must be one of ${allowed.join(', ')} in the 3×5×2 scheme; got ${JSON.stringify(issue.input ?? null)}`,
  );

export const sourceEvaluationSchema = z.enum(SOURCE_EVALUATIONS, {
  error: enumError('grading.source-evaluation', 'The source evaluation', SOURCE_EVALUATIONS),
});
export const intelligenceAssessmentSchema = z.enum(INTELLIGENCE_ASSESSMENTS, {
  error: enumError(
    'grading.intelligence-assessment',
    'The intelligence assessment',
    INTELLIGENCE_ASSESSMENTS,
  ),
});
export const handlingCodeSchema = z.enum(HANDLING_CODES, {
  error: enumError('grading.handling-code', 'The handling code', HANDLING_CODES),
});

export const gradingSchema = z
  .object(
    {
      source: sourceEvaluationSchema,
      intelligence: intelligenceAssessmentSchema,
      handling: handlingCodeSchema,
      /** Required with handling code C: the conditions that travel with the information. */
      handlingConditions: z.string().trim().max(1000).optional(),
    },
    {
      error: ruleMessage(
        'grading.required',
        'Every link needs a grading (3×5×2: source, intelligence, handling)',
      ),
    },
  )
  .strict()
  .superRefine((g, ctx) => {
    if (g.handling === 'C' && !g.handlingConditions) {
      ctx.addIssue({
        code: 'custom',
        path: ['handlingConditions'],
        message: ruleMessage(
          'grading.conditions-required',
          'Handling code C (sharing subject to conditions) needs the conditions written down',
        ),
      });
    }
    if (g.handling === 'P' && g.handlingConditions) {
      ctx.addIssue({
        code: 'custom',
        path: ['handlingConditions'],
        message: ruleMessage(
          'grading.conditions-only-with-c',
          'Conditions belong with handling code C; with P the information may be shared without conditions',
        ),
      });
    }
  });

export type Grading = z.infer<typeof gradingSchema>;

/** "1B P", the way police write a grade. */
export function formatGrade(g: Pick<Grading, 'source' | 'intelligence' | 'handling'>): string {
  return `${g.source}${g.intelligence} ${g.handling}`;
}

/** Reads "1B P", "1bp", "2-C-C": the conditions of a C grade are added separately. */
export function parseGrade(text: string): { source: string; intelligence: string; handling: string } | null {
  const m = /^\s*([0-9])\s*[-/ ]?\s*([a-z])\s*[-/ ]?\s*([a-z])\s*$/i.exec(text);
  if (!m) return null;
  return {
    source: m[1] as string,
    intelligence: (m[2] as string).toUpperCase(),
    handling: (m[3] as string).toUpperCase(),
  };
}

/** The grading in plain English, for a tooltip or a pack. */
export function explainGrade(g: Pick<Grading, 'source' | 'intelligence' | 'handling'>): string {
  const s = SOURCE_EVALUATION_INFO[g.source];
  const i = INTELLIGENCE_ASSESSMENT_INFO[g.intelligence];
  const h = HANDLING_CODE_INFO[g.handling];
  return `${formatGrade(g)}: source ${s.name.toLowerCase()}; ${i.name.toLowerCase()}; ${h.name.toLowerCase()}.`;
}

/**
 * Which grades count as confirmed on their own. A link below this must be confirmed by a second,
 * independent source, or it drops out of default views after its review date.
 */
export interface ConfirmationThreshold {
  readonly sourceEvaluations: readonly SourceEvaluation[];
  readonly intelligenceAssessments: readonly IntelligenceAssessment[];
}

export const DEFAULT_CONFIRMATION_THRESHOLD: ConfirmationThreshold = {
  // A reliable source who saw it, or was told it and it was corroborated.
  sourceEvaluations: ['1'],
  intelligenceAssessments: ['A', 'B'],
};

export function meetsThreshold(
  g: Pick<Grading, 'source' | 'intelligence'>,
  threshold: ConfirmationThreshold = DEFAULT_CONFIRMATION_THRESHOLD,
): boolean {
  return (
    threshold.sourceEvaluations.includes(g.source) &&
    threshold.intelligenceAssessments.includes(g.intelligence)
  );
}

/**
 * A minimum grade for views such as the MACE group view: the source no worse than `source`, the
 * intelligence no worse than `intelligence` (1 is better than 3, A better than E).
 */
export interface MinimumGrade {
  readonly source: SourceEvaluation;
  readonly intelligence: IntelligenceAssessment;
}

export function atLeast(g: Pick<Grading, 'source' | 'intelligence'>, min: MinimumGrade): boolean {
  return g.source <= min.source && g.intelligence <= min.intelligence;
}
