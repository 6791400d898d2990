import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime } from './fields.tsx';
import { formatDate, formatDeadline, formatWhen } from './format.ts';

describe('dates on the case record', () => {
  it('writes a calendar date without moving it across a time zone', () => {
    expect(formatDate('2011-05-14')).toBe('14 May 2011');
    expect(formatDate(null)).toBe('');
  });

  it('shows an event recorded without a time as a date alone', () => {
    expect(formatWhen('2026-11-21T00:00:00.000Z')).toBe('21 November 2026');
    expect(formatWhen('2026-03-14T14:35:00Z')).toBe('14 March 2026 at 2:35pm');
  });

  it('writes a deadline at midnight as the end of the day before', () => {
    expect(formatDeadline('2026-11-24T00:00:00.000Z')).toBe('the end of 23 November 2026');
    expect(formatDeadline('2026-11-24T15:00:00.000Z')).toBe('24 November 2026 at 3pm');
  });
});

describe('date fields', () => {
  it('sends what was typed as YYYY-MM-DD, and nothing when nothing was typed', () => {
    expect(isoDate({ day: '9', month: '3', year: '2012' })).toBe('2012-03-09');
    expect(isoDate({ day: '', month: '', year: '' })).toBeUndefined();
    // Not a real date: sent as typed, for the server to say so.
    expect(isoDate({ day: '31', month: '2', year: '2012' })).toBe('2012-02-31');
  });

  it('records a date without a time as the server records a date-only event', () => {
    expect(isoDateTime({ day: '21', month: '11', year: '2026' }, '')).toBe('2026-11-21T00:00:00.000Z');
    expect(isoDateTime({ day: '', month: '', year: '' }, '')).toBeUndefined();
    const withTime = isoDateTime({ day: '21', month: '11', year: '2026' }, '2:30pm');
    expect(new Date(withTime ?? '').getHours()).toBe(14);
  });
});
