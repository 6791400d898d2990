import { describe, expect, it } from 'vitest';
import {
  BANNED_CLOSURE_WORDS,
  CLOSURE_REASON_NAMES,
  CLOSURE_REASONS,
  HARM_STATUSES,
  NOT_YET_ENGAGED,
  NOT_YET_ENGAGED_NAME,
} from './case-record.ts';
import { ageOn, CHILD_FIELD_LABELS, estimatedDateOfBirth } from './record.ts';

describe('closure reasons', () => {
  const texts = CLOSURE_REASONS.flatMap((r) => [r.replaceAll('_', ' '), CLOSURE_REASON_NAMES[r]]).map((t) =>
    t.toLowerCase(),
  );

  it.each(BANNED_CLOSURE_WORDS)('never contain "%s"', (word) => {
    for (const text of texts) expect(text).not.toContain(word);
  });

  it('do not include the keep-open option, which is not a closure', () => {
    expect(CLOSURE_REASONS as readonly string[]).not.toContain(NOT_YET_ENGAGED);
    expect(NOT_YET_ENGAGED_NAME).toBe('Services have not yet found a way to engage');
  });
});

describe('harm status', () => {
  it('is suspected or known, never a risk level', () => {
    expect(HARM_STATUSES).toEqual(['suspected', 'known']);
  });
});

describe('record fields', () => {
  it('labels equality fields as special category', () => {
    for (const f of ['ethnicity', 'religion', 'sexualOrientation', 'genderIdentity'] as const) {
      expect(CHILD_FIELD_LABELS[f]).toBe('special_category');
    }
  });
  it('computes age on a date, before and after the birthday', () => {
    expect(ageOn('2010-09-03', '2025-09-02')).toBe(14);
    expect(ageOn('2010-09-03', '2025-09-03')).toBe(15);
  });
  it('estimates a date of birth from an age', () => {
    expect(ageOn(estimatedDateOfBirth(14, '2025-06-01'), '2025-06-01')).toBe(14);
  });
});
