import { describe, expect, it } from 'vitest';
import { matchAt, PatternError, parsePattern } from './pattern.ts';
import { tokenize } from './tokenize.ts';

const sets = { reflexive: ['herself', 'himself'] };

function matches(pattern: string, text: string): string | undefined {
  const compiled = parsePattern(pattern, sets);
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const end = matchAt(compiled, tokens, i, { sentence: tokens[i]?.sentence ?? 0, allowQuoted: true });
    if (end >= 0) return text.slice(tokens[i]?.start, tokens[end - 1]?.end);
  }
  return undefined;
}

describe('pattern language', () => {
  it('matches alternatives, word sets and stems', () => {
    expect(matches('put|puts @reflexive', 'she puts herself')).toBe('puts herself');
    expect(matches('prostitut*', 'a prostitute')).toBe('prostitute');
    expect(matches('prostitut*', 'a prosthetic')).toBeUndefined();
  });

  it('skips up to the allowed number of words in a gap, and no more', () => {
    expect(matches('putting @reflexive ...2 at risk', 'putting herself at risk')).toBe(
      'putting herself at risk',
    );
    expect(matches('putting @reflexive ...2 at risk', 'putting herself very much at risk')).toBe(
      'putting herself very much at risk',
    );
    expect(
      matches('putting @reflexive ...2 at risk', 'putting herself very much more at risk'),
    ).toBeUndefined();
  });

  it('treats a word marked ? as optional', () => {
    expect(matches('as a|an? offender', 'as an offender')).toBe('as an offender');
    expect(matches('as a|an? offender', 'as offender')).toBe('as offender');
  });

  it('matches whole words only', () => {
    expect(matches('runner', 'the frontrunner')).toBeUndefined();
    expect(matches('lac', 'her placement')).toBeUndefined();
  });

  it('stays inside its scope: one sentence, and outside quotes unless allowed', () => {
    const compiled = parsePattern('hard ...1 engage', sets);
    const quotedMiddle = tokenize('hard "to" engage');
    expect(matchAt(compiled, quotedMiddle, 0, { sentence: 0, allowQuoted: false })).toBe(-1);
    expect(matchAt(compiled, quotedMiddle, 0, { sentence: 0, allowQuoted: true })).toBe(3);
    expect(matchAt(compiled, tokenize('hard. To engage'), 0, { sentence: 0, allowQuoted: true })).toBe(-1);
  });

  it('rejects patterns a person could not have meant', () => {
    expect(() => parsePattern('', sets)).toThrow(PatternError);
    expect(() => parsePattern('...2 risk', sets)).toThrow(/gap must follow a word/);
    expect(() => parsePattern('at risk?', sets)).toThrow(/start and end with a required word/);
    expect(() => parsePattern('risk-taking', sets)).toThrow(/two words/);
    expect(() => parsePattern('ri*', sets)).toThrow(/too short/);
    expect(() => parsePattern('@unknown risk', sets)).toThrow(/unknown word set/);
    expect(() => parsePattern('a||b', sets)).toThrow(/empty alternative/);
  });
});
