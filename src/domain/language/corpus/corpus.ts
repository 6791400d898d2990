/**
 * The evaluation corpus: fictional case-note sentences written for Lantern, each labelled with the
 * rule ids it should trigger (or none). It is separate from the examples inside each rule so that it
 * measures the lexicon on text the rules were not written against, including hard negatives: quoted
 * speech, negation, peers of the same age, words that contain a flagged word, and correct professional
 * use of sensitive words.
 *
 * All names, places and events are invented (the fictional town is Fernbridge).
 */
import type { Finding } from '../match.ts';
import { blindEntries } from './blind.ts';
import { cleanEntries } from './clean.ts';
import { flaggedEntries } from './flagged.ts';

export interface CorpusEntry {
  text: string;
  /** Rule ids that must be found, each at least once. Empty for a sentence that must stay clean. */
  expect: readonly string[];
  /** What the entry tests, where it is not obvious. */
  note?: string;
}

/** Written alongside the rules. */
export const tunedCorpus: readonly CorpusEntry[] = [...flaggedEntries, ...cleanEntries];
/** Written afterwards and not tuned against: see blind.ts. */
export const blindCorpus: readonly CorpusEntry[] = blindEntries;
export const corpus: readonly CorpusEntry[] = [...tunedCorpus, ...blindCorpus];

export interface RuleCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Evaluation {
  entries: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  perRule: Map<string, RuleCounts>;
  misses: { text: string; missing: string[]; unexpected: string[] }[];
}

/**
 * Scores findings per (sentence, rule) pair: a rule found in a sentence that expects it is a true
 * positive, however many times it is found; a rule found where it is not expected is a false
 * positive; an expected rule not found is a false negative.
 */
export function evaluate(
  entries: readonly CorpusEntry[],
  check: (text: string) => readonly Pick<Finding, 'ruleId'>[],
): Evaluation {
  const perRule = new Map<string, RuleCounts>();
  const counts = (id: string): RuleCounts => {
    let c = perRule.get(id);
    if (!c) {
      c = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
      perRule.set(id, c);
    }
    return c;
  };
  const misses: Evaluation['misses'] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const entry of entries) {
    const found = new Set(check(entry.text).map((f) => f.ruleId));
    const expected = new Set(entry.expect);
    const missing = [...expected].filter((id) => !found.has(id));
    const unexpected = [...found].filter((id) => !expected.has(id));
    for (const id of found) {
      if (expected.has(id)) {
        tp++;
        counts(id).truePositives++;
      }
    }
    for (const id of unexpected) {
      fp++;
      counts(id).falsePositives++;
    }
    for (const id of missing) {
      fn++;
      counts(id).falseNegatives++;
    }
    if (missing.length > 0 || unexpected.length > 0) misses.push({ text: entry.text, missing, unexpected });
  }
  return {
    entries: entries.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    perRule,
    misses,
  };
}
