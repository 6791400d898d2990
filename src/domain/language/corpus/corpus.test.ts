import { describe, expect, it } from 'vitest';
import { checkText } from '../check.ts';
import { baseLexicon } from '../lexicon.ts';
import { blindCorpus, corpus, evaluate, tunedCorpus } from './corpus.ts';

const check = (text: string) => checkText(text).findings;
const ruleIds = new Set(baseLexicon.rules.map((r) => r.id));

describe('the evaluation corpus', () => {
  it('has at least 250 sentences, with hard negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(250);
    expect(corpus.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(100);
  });

  it('labels sentences only with rules that exist', () => {
    for (const entry of corpus) for (const id of entry.expect) expect(ruleIds, entry.text).toContain(id);
  });

  it('exercises every rule at least once', () => {
    const labelled = new Set(corpus.flatMap((e) => e.expect));
    expect([...ruleIds].filter((id) => !labelled.has(id))).toEqual([]);
  });

  it('includes quoted speech in straight and curly quotes among the clean sentences', () => {
    const clean = corpus.filter((e) => e.expect.length === 0).map((e) => e.text);
    for (const mark of ['"', '“', '‘', "'"])
      expect(
        clean.some((t) => t.includes(mark)),
        mark,
      ).toBe(true);
  });

  it('meets the quality targets: precision ≥ 0.95 and recall ≥ 0.90', () => {
    const result = evaluate(corpus, check);
    expect(result.precision, JSON.stringify(result.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(result.recall, JSON.stringify(result.misses, null, 1)).toBeGreaterThanOrEqual(0.9);
  });

  it('meets the targets on the tuned and the later batch separately', () => {
    for (const part of [tunedCorpus, blindCorpus]) {
      const result = evaluate(part, check);
      expect(result.precision).toBeGreaterThanOrEqual(0.95);
      expect(result.recall).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('evaluate', () => {
  it('counts true and false positives and false negatives per rule', () => {
    const result = evaluate(
      [
        { text: 'a', expect: ['x'] },
        { text: 'b', expect: [] },
        { text: 'c', expect: ['y'] },
      ],
      (text) => (text === 'a' ? [{ ruleId: 'x' }, { ruleId: 'x' }] : text === 'b' ? [{ ruleId: 'x' }] : []),
    );
    expect(result).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(result.perRule.get('x')).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 0 });
    expect(result.perRule.get('y')).toEqual({ truePositives: 0, falsePositives: 0, falseNegatives: 1 });
  });
});
