/**
 * The rules an assessment is checked against, as data with their sources. A refusal always names its
 * rule, so a practitioner (and the person who reads the audit trail later) can see which principle
 * stopped the save and where it comes from.
 */
import type { z } from 'zod';

export interface Rule {
  /** Stable id, quoted in every refusal message. */
  readonly id: string;
  /** The rule in one sentence, in plain words. */
  readonly statement: string;
  /** Where the rule comes from: seed file and section, or the product brief. */
  readonly source: string;
}

export const ASSESSMENT_RULES = {
  instrumentVersionExists: {
    id: 'instrument-version-exists',
    statement:
      'An assessment is made against a published version of an instrument, and pins that version for ever; a version that does not exist cannot be used.',
    source: 'PRODUCT §3 "Knowledge is data"; seed 003 Rec 1 (versioned assessment templates)',
  },
  instrumentPinned: {
    id: 'instrument-pinned',
    statement: 'An assessment is only checked against the instrument version it pins, never a newer one.',
    source: 'PRODUCT §3 "Knowledge is data"',
  },
  answerMatchesPrompt: {
    id: 'answer-matches-prompt',
    statement:
      'Every answer belongs to a prompt of the pinned instrument version and has that prompt’s answer type and options.',
    source: 'PRODUCT §3 "Knowledge is data"',
  },
  requiredPromptAnswered: {
    id: 'required-prompt-answered',
    statement: 'Prompts the instrument marks as required are answered.',
    source: 'seed 004 RAF',
  },
  levelRequired: {
    id: 'level-required',
    statement:
      'A completed assessment records the practitioner’s judgement of what the risk means for this child, on the continuum from no significant risk to severe.',
    source: 'seed 004, "Risk Analysis Framework"',
  },
  levelNeedsRationale: {
    id: 'level-needs-rationale',
    statement:
      'A level of concern is a practitioner’s judgement and needs a written rationale; it is never derived from a score or a count of indicators.',
    source: 'PRODUCT §3 "Judgement, not scores"; seed 003 Rec 6; seed 001 §4.3; seed 000 key theme 6',
  },
  levelOnContinuum: {
    id: 'level-on-continuum',
    statement: 'The level chosen is one of the levels of the continuum of the pinned instrument version.',
    source: 'seed 004, "Risk Analysis Framework"',
  },
  analysisWritten: {
    id: 'analysis-written',
    statement:
      'The analysis, the balance between risk and protection and what needs to change are written in the practitioner’s own words.',
    source: 'seed 004 RAF; seed 001 §4.2 ("not a list or a tick-box exercise")',
  },
  factorInDomain: {
    id: 'factor-in-domain',
    statement:
      'Each risk or protective factor sits in one of the three domains (child’s developmental needs, parenting capacity, family and environmental factors) and, where the prompt names a domain and a kind, in that domain and of that kind.',
    source: 'seed 004, "Risk Analysis Framework"',
  },
  factorHasEvidence: {
    id: 'factor-has-evidence',
    statement:
      'Every factor links the chronology entries it rests on, each with its source and whether it is verified, unverified or disputed.',
    source: 'PRODUCT §3 "Every claim has a source"; seed 000 §4.1 (the "selling sex for drugs" lesson)',
  },
  factorIdsUnique: {
    id: 'factor-ids-unique',
    statement:
      'Each factor has its own id within the assessment, so it can be followed from one analysis to the next.',
    source: 'seed 001 §3.5 ("used in subsequent assessments to compare progress")',
  },
  harmDescribed: {
    id: 'harm-described',
    statement:
      'When exploitation is suspected or known, the assessment says which kind and what is suspected or known; no disclosure is needed to record it.',
    source:
      'PRODUCT §3 "Harm already happening is not risk" and "No disclosure required"; seed 000 key theme 6',
  },
  missingVoiceReason: {
    id: 'missing-voice-reason',
    statement: 'A voice that was not obtained is shown as missing, with the reason it was not obtained.',
    source:
      'seed 004, "How to respond" (wishes and feelings, views of parents and carers); PRODUCT §3 "Young person at the centre"',
  },
  childVoiceOwnWords: {
    id: 'child-voice-own-words',
    statement:
      'The child’s wishes and feelings are recorded in their own words, quoted and marked as theirs, never paraphrased; a practitioner’s observations go in the context note.',
    source: 'seed 001 §3.5 (wishes and feelings); seed 002 "Young people want… to be heard"; PRODUCT §3',
  },
  parentsCarersConsidered: {
    id: 'parents-carers-considered',
    statement:
      'The views of parents or carers are recorded, or the reason they were not obtained (including that it was not safe to ask).',
    source: 'seed 004, "Working with families"',
  },
} as const satisfies Record<string, Rule>;

export type AssessmentRuleKey = keyof typeof ASSESSMENT_RULES;

/** The refusal message for a rule: the rule id first, then what went wrong, the rule and its source. */
export function refusal(rule: Rule, detail?: string): string {
  return `[${rule.id}] ${detail ? `${detail} ` : ''}${rule.statement} (${rule.source})`;
}

/** One reason an input was refused, in the shape the API reports field errors. */
export interface Problem {
  readonly rule: string;
  /** Dotted path of the field, e.g. `judgement.rationale`; empty for the whole record. */
  readonly path: string;
  readonly message: string;
}

/** Rule id used for plain shape errors (a missing field, a wrong type) that no domain rule covers. */
export const SHAPE_RULE = 'shape';

export function pathString(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

const RULE_PREFIX = /^\[([a-z0-9-]+)\]/;

/**
 * Zod issues as problems. A custom issue carries its rule in `params.rule`; any other issue whose
 * message was made by `refusal` names its rule in the message prefix.
 */
export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const params = issue.code === 'custom' ? (issue.params as { rule?: unknown } | undefined) : undefined;
    const fromMessage = RULE_PREFIX.exec(issue.message)?.[1];
    const rule = typeof params?.rule === 'string' ? params.rule : (fromMessage ?? SHAPE_RULE);
    return { rule, path: pathString(issue.path), message: issue.message };
  });
}
