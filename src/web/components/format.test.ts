import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format.ts';

describe('formatDateTime', () => {
  it('writes dates and times the GOV.UK way, in UK time', () => {
    expect(formatDateTime('2026-03-14T14:35:00Z')).toBe('14 March 2026 at 2:35pm');
    // British Summer Time
    expect(formatDateTime('2026-07-01T08:00:00Z')).toBe('1 July 2026 at 9am');
  });

  it('leaves something that is not a date as it is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
