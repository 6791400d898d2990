/**
 * How many indicator guide items were marked as present in an assessment — shown, if at all, only
 * with its label. It is indicative, not predictive (seed 001 §4.4), and nothing reads it to set, suggest,
 * pre-select or limit a level of concern: SERAF showed what happens when "the scores have become
 * everything" (seed 003 §4.18) — children known to be exploited but "not scoring" above mild.
 *
 * DANGER — this module must never export a function from counts to levels. A test checks its exports.
 */
import { type Assessment, factorsOf } from './schema.ts';

export const INDICATIVE_LABEL = 'Indicative only — not a level of concern' as const;

export interface IndicativeCount {
  readonly label: typeof INDICATIVE_LABEL;
  /** Distinct indicator guide items marked present: a "yes" to an indicator prompt, or a risk factor citing one. */
  readonly count: number;
}

export function indicativeCount(assessment: Pick<Assessment, 'answers'>): IndicativeCount {
  const refs = new Set<string>();
  for (const answer of Object.values(assessment.answers)) {
    if (answer.type === 'yes_no_unknown' && answer.value === 'yes' && answer.indicatorRef)
      refs.add(answer.indicatorRef);
  }
  for (const factor of factorsOf(assessment)) {
    if (factor.kind === 'risk' && factor.indicatorRef) refs.add(factor.indicatorRef);
  }
  return { label: INDICATIVE_LABEL, count: refs.size };
}
