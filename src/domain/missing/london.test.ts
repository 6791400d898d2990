import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfLondonDay,
  formatLondon,
  formatLondonDate,
  isValidLocalDate,
  isWeekend,
  londonDate,
  londonDayLengthHours,
  londonInstant,
  londonOffsetMinutes,
  londonParts,
  parseLocalDate,
  startOfLondonDay,
  weekday,
} from './london.ts';

const at = (iso: string) => new Date(iso);

describe('London offsets and local readings', () => {
  it('is GMT in winter and BST in summer', () => {
    expect(londonOffsetMinutes(at('2026-01-15T12:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2026-07-15T12:00:00Z'))).toBe(60);
  });

  it('changes at 01:00 UTC on the last Sunday of March and of October', () => {
    expect(londonOffsetMinutes(at('2026-03-29T00:59:59.999Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2026-10-25T00:59:59.999Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(0);
  });

  it('reads the wall clock, milliseconds included', () => {
    expect(londonParts(at('2026-07-01T10:20:30.456Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      hour: 11,
      minute: 20,
      second: 30,
      millisecond: 456,
    });
  });

  it('gives the London date, which can differ from the UTC date in summer', () => {
    expect(londonDate(at('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
    expect(londonDate(at('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
    expect(londonDate(at('2026-03-31T23:00:00Z'))).toBe('2026-04-01');
  });

  it('refuses an invalid date', () => {
    expect(() => londonParts(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('local date ↔ instant', () => {
  it('round-trips every hour of both change days', () => {
    for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
      const start = startOfLondonDay(day).getTime();
      const hours = londonDayLengthHours(day);
      for (let h = 0; h < hours; h++) {
        const t = new Date(start + h * 3_600_000);
        expect(londonDate(t)).toBe(day);
      }
      expect(londonDate(new Date(start - 1))).toBe(addDays(day, -1));
      expect(londonDate(new Date(start + hours * 3_600_000))).toBe(addDays(day, 1));
    }
  });

  it('places ordinary times on the right offset', () => {
    expect(londonInstant('2026-01-10', { hour: 9, minute: 30 }).toISOString()).toBe(
      '2026-01-10T09:30:00.000Z',
    );
    expect(londonInstant('2026-07-10', { hour: 9, minute: 30 }).toISOString()).toBe(
      '2026-07-10T08:30:00.000Z',
    );
    expect(londonInstant('2026-07-10', { hour: 0 }).toISOString()).toBe('2026-07-09T23:00:00.000Z');
  });

  it('reads a time in the spring gap as the same minutes after the change', () => {
    // 01:30 on 29 March 2026 never shows on a London clock; 02:30 BST does, at 01:30Z.
    expect(londonInstant('2026-03-29', { hour: 1, minute: 30 }).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(londonInstant('2026-03-29', { hour: 0, minute: 59 }).toISOString()).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(londonInstant('2026-03-29', { hour: 2 }).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('picks the first or second occurrence of a time in the autumn overlap', () => {
    expect(londonInstant('2026-10-25', { hour: 1, minute: 30 }).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(londonInstant('2026-10-25', { hour: 1, minute: 30 }, { ambiguous: 'later' }).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(londonInstant('2026-10-25', { hour: 2 }).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses impossible wall-clock times', () => {
    expect(() => londonInstant('2026-01-01', { hour: 24 })).toThrow(RangeError);
    expect(() => londonInstant('2026-01-01', { hour: 10, minute: 60 })).toThrow(RangeError);
  });

  it('knows where each London day starts and ends, across the changes', () => {
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.999Z');
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-25T23:59:59.999Z');
    expect(londonDayLengthHours('2026-03-29')).toBe(23);
    expect(londonDayLengthHours('2026-10-25')).toBe(25);
    expect(londonDayLengthHours('2026-06-15')).toBe(24);
  });
});

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts calendar days regardless of the clock changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-01-01', '2026-04-01')).toBe(90);
    expect(daysBetween('2026-04-01', '2026-01-01')).toBe(-90);
  });

  it('knows weekdays and weekends', () => {
    expect(weekday('2026-03-28')).toBe(6);
    expect(isWeekend('2026-03-28')).toBe(true);
    expect(isWeekend('2026-03-29')).toBe(true);
    expect(isWeekend('2026-03-30')).toBe(false);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseLocalDate('2026-02-30')).toThrow(/no such date/);
    expect(() => parseLocalDate('2026-2-3')).toThrow(/not a date/);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
    expect(isValidLocalDate('2027-02-29')).toBe(false);
  });
});

describe('formatting for people', () => {
  it('names the zone in force, so a reader sees the clock change', () => {
    expect(formatLondon(at('2026-03-28T10:00:00Z'))).toMatch(/28 Mar 2026.*10:00.*GMT/);
    expect(formatLondon(at('2026-03-31T10:00:00Z'))).toMatch(/31 Mar 2026.*11:00.*BST/);
    expect(formatLondonDate(at('2026-06-01T23:30:00Z'))).toBe('2 Jun 2026');
  });
});
