/**
 * Precision and recall of matching on a generated set with known duplicates (evaluation-set.ts):
 * every pair of records of the same kind is scored, and what matching proposes is compared with the
 * truth.
 */
import { type EvaluationSet, generateEvaluationSet } from './evaluation-set.ts';
import {
  CONTEXT_MATCH_RULES,
  type MatchRules,
  type MatchSubject,
  prepare,
  scorePrepared,
  strengthOf,
} from './matching.ts';

export {
  type EvaluationOptions,
  type EvaluationSet,
  generateEvaluationSet,
  seededRandom,
} from './evaluation-set.ts';

export interface PairOutcome {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

export interface MatchingQuality {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface MatchingEvaluation extends MatchingQuality {
  byKind: Record<MatchSubject['kind'], MatchingQuality>;
  /** A few of each kind of mistake, for tuning. */
  examples: { falsePositives: PairOutcome[]; falseNegatives: PairOutcome[] };
}

function quality(tp: number, fp: number, fn: number, pairs: number): MatchingQuality {
  return {
    pairs,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/**
 * Scores every pair of records of the same kind and compares what matching proposes (a "possible" or
 * "likely" match) with the truth. Precision: of the pairs proposed, how many are duplicates. Recall: of
 * the duplicate pairs, how many are proposed.
 */
export function evaluateMatching(
  set: EvaluationSet = generateEvaluationSet(),
  rules: MatchRules = CONTEXT_MATCH_RULES,
): MatchingEvaluation {
  const kinds = ['person', 'place', 'vehicle'] as const;
  const counts = Object.fromEntries(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0, pairs: 0 }])) as Record<
    MatchSubject['kind'],
    { tp: number; fp: number; fn: number; pairs: number }
  >;
  const examples: MatchingEvaluation['examples'] = { falsePositives: [], falseNegatives: [] };
  const prepared = set.records.map((r) => ({ id: r.id, kind: r.kind, p: prepare(r) }));
  for (let i = 0; i < prepared.length; i++) {
    const a = prepared[i] as (typeof prepared)[number];
    for (let j = i + 1; j < prepared.length; j++) {
      const b = prepared[j] as (typeof prepared)[number];
      if (a.kind !== b.kind) continue;
      const scored = scorePrepared(a.p, b.p, rules);
      if (!scored) continue;
      const c = counts[a.kind];
      c.pairs++;
      const proposed = strengthOf(a.kind, scored.score, rules) !== null;
      const duplicate = set.entityOf.get(a.id) === set.entityOf.get(b.id);
      const outcome = { a: a.id, b: b.id, score: scored.score, reasons: scored.reasons };
      if (proposed && duplicate) c.tp++;
      else if (proposed) {
        c.fp++;
        if (examples.falsePositives.length < 10) examples.falsePositives.push(outcome);
      } else if (duplicate) {
        c.fn++;
        if (examples.falseNegatives.length < 10) examples.falseNegatives.push(outcome);
      }
    }
  }
  const total = kinds.reduce(
    (t, k) => ({
      tp: t.tp + counts[k].tp,
      fp: t.fp + counts[k].fp,
      fn: t.fn + counts[k].fn,
      pairs: t.pairs + counts[k].pairs,
    }),
    { tp: 0, fp: 0, fn: 0, pairs: 0 },
  );
  return {
    ...quality(total.tp, total.fp, total.fn, total.pairs),
    byKind: Object.fromEntries(
      kinds.map((k) => [k, quality(counts[k].tp, counts[k].fp, counts[k].fn, counts[k].pairs)]),
    ) as Record<MatchSubject['kind'], MatchingQuality>,
    examples,
  };
}
