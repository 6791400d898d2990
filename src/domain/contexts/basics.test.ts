import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  isIsoDate,
  isoDateSchema,
  maxDate,
  toIsoDate,
} from './dates.ts';
import { ruleMessage, ruleOf, violationsOf } from './rules.ts';
import { jaro, jaroWinkler, tokenNameSimilarity, trigramSimilarity, trigrams } from './similarity.ts';

describe('dates', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(isoDateSchema('r', 'Date').safeParse('2025-02-30').error?.issues[0]?.message).toBe(
      '[r] Date must be a real date like 2025-03-31',
    );
    expect(isoDateSchema('r', 'Date').safeParse(5).error?.issues[0]?.message).toMatch(/^\[r\]/);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-02-20', 12)).toBe('2026-02-20');
  });

  it('adds days, counts days and works out ages', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
    expect(ageOn('2008-06-15', '2025-06-14')).toBe(16);
    expect(ageOn('2008-06-15', '2025-06-15')).toBe(17);
    expect(maxDate('2025-01-01', '2024-12-31')).toBe('2025-01-01');
  });

  it('takes today from a Date or a date string', () => {
    expect(toIsoDate(new Date('2025-06-01T23:30:00Z'))).toBe('2025-06-01');
    expect(toIsoDate('2025-06-01')).toBe('2025-06-01');
    expect(toIsoDate('2025-06-01T10:00:00Z')).toBe('2025-06-01');
    expect(() => toIsoDate('not a date')).toThrow(RangeError);
  });
});

describe('rule messages', () => {
  it('puts the rule first and reads it back', () => {
    expect(ruleMessage('link.source-required', 'x')).toBe('[link.source-required] x');
    expect(ruleOf('[link.source-required] x')).toBe('link.source-required');
    expect(ruleOf('Invalid input')).toBe('schema');
  });

  it('turns a zod error into named violations with paths', () => {
    const schema = z.object({ a: z.object({ b: z.string({ error: ruleMessage('r.b', 'b is required') }) }) });
    const r = schema.safeParse({ a: {} });
    expect(r.error && violationsOf(r.error)).toEqual([
      { rule: 'r.b', path: 'a.b', message: '[r.b] b is required' },
    ]);
  });
});

describe('similarity', () => {
  it('computes Jaro and Jaro–Winkler as published', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('', '')).toBe(0);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });

  it('computes trigram similarity like pg_trgm', () => {
    expect(trigrams('cat')).toEqual(new Set(['  c', ' ca', 'cat', 'at ']));
    expect(trigramSimilarity('word', 'word')).toBe(1);
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(4 / 11, 5);
    expect(trigramSimilarity('', 'x')).toBe(0);
  });

  it('compares names word by word, whatever the order, and weighs single words down', () => {
    expect(tokenNameSimilarity(['zorbin', 'quill'], ['quill', 'zorbin'])).toBe(1);
    expect(tokenNameSimilarity(['zorbin', 'quill'], ['zorbin', 'amos', 'quill'])).toBe(1);
    expect(tokenNameSimilarity(['zorbin', 'quill'], ['marla', 'quill'])).toBeLessThan(0.8);
    expect(tokenNameSimilarity(['jay'], ['jay', 'dee'])).toBeCloseTo(0.9, 5);
    expect(tokenNameSimilarity(['jay'], ['jay'])).toBe(1);
    expect(tokenNameSimilarity([], ['jay'])).toBe(0);
  });
});
