/**
 * Local dates and times in London, from UTC instants and back, without a date library.
 *
 * Every instant Lantern stores is UTC; people read and count days on the London calendar. Between them
 * sit the clock changes: the last Sunday of March has no 01:00–01:59 (clocks go forward to 02:00 BST),
 * and the last Sunday of October has that hour twice (01:00–01:59 BST, then again in GMT). Midnight
 * always exists exactly once in London, so "the start of a local day" is always well defined.
 *
 * The offsets come from the runtime's time-zone database through Intl.DateTimeFormat, so a change in
 * the law on summer time reaches Lantern with a Node.js update rather than a code change.
 */

export const LONDON = 'Europe/London';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A calendar date as YYYY-MM-DD. */
export type LocalDate = string;

export interface LondonParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The London wall-clock reading of an instant. */
export function londonParts(instant: Date): LondonParts {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('londonParts: invalid date');
  const parts = formatter.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    // Intl has no sub-second part here; London offsets are whole minutes, so UTC's milliseconds carry over.
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** London's offset from UTC at an instant, in minutes: 0 in GMT, 60 in BST. */
export function londonOffsetMinutes(instant: Date): number {
  const p = londonParts(instant);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((wall - instant.getTime()) / MINUTE_MS);
}

/** The London calendar date of an instant. */
export function londonDate(instant: Date): LocalDate {
  const p = londonParts(instant);
  return formatDate(p.year, p.month, p.day);
}

function formatDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD, refusing dates that do not exist (2026-02-30). */
export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a date like 2026-03-28: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return { year, month, day };
}

export function isValidLocalDate(date: string): boolean {
  try {
    parseLocalDate(date);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date `days` days after (or before, if negative) a date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const t = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). Clock changes do not matter. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function weekday(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export interface WallTime {
  hour: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

/**
 * The instant at which a London wall-clock time occurs.
 *
 * - In the hour the clocks go back the time occurs twice: `ambiguous: 'earlier'` (the default) gives the
 *   first, in BST; `'later'` gives the second, in GMT.
 * - In the hour the clocks go forward the time never occurs: it is read as the time the same number of
 *   minutes after the change (01:30 becomes 02:30 BST), which is what a clock that was not changed
 *   would have shown.
 */
export function londonInstant(
  date: LocalDate,
  time: WallTime = { hour: 0 },
  options: { ambiguous?: 'earlier' | 'later' } = {},
): Date {
  const { year, month, day } = parseLocalDate(date);
  const { hour, minute = 0, second = 0, millisecond = 0 } = time;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    throw new RangeError(`not a wall-clock time: ${hour}:${minute}:${second}`);
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // The offsets in force a day either side bracket any change on this date (London changes at most
  // once a day), so the answer is wall minus one of them.
  const offsets = [
    ...new Set([londonOffsetMinutes(new Date(wall - DAY_MS)), londonOffsetMinutes(new Date(wall + DAY_MS))]),
  ];
  const matches = offsets
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((t) => {
      const p = londonParts(new Date(t));
      return (
        formatDate(p.year, p.month, p.day) === date &&
        p.hour === hour &&
        p.minute === minute &&
        p.second === second
      );
    })
    .sort((a, b) => a - b);
  const first = matches[0];
  const last = matches[matches.length - 1];
  if (first !== undefined && last !== undefined) {
    return new Date(options.ambiguous === 'later' ? last : first);
  }
  // In the spring gap: use the offset from before the change.
  return new Date(wall - londonOffsetMinutes(new Date(wall - DAY_MS)) * MINUTE_MS);
}

/** The instant a London calendar day begins (local midnight). */
export function startOfLondonDay(date: LocalDate): Date {
  return londonInstant(date, { hour: 0 });
}

/** The last millisecond of a London calendar day: the instant before the next local midnight. */
export function endOfLondonDay(date: LocalDate): Date {
  return new Date(startOfLondonDay(addDays(date, 1)).getTime() - 1);
}

/** Length of a London calendar day in hours: 24, or 23 and 25 on the days the clocks change. */
export function londonDayLengthHours(date: LocalDate): number {
  return (startOfLondonDay(addDays(date, 1)).getTime() - startOfLondonDay(date).getTime()) / 3_600_000;
}

const displayFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** "Sat, 28 Mar 2026, 10:00 GMT": for messages and reasons people read. */
export function formatLondon(instant: Date): string {
  return displayFormatter.format(instant);
}

const dateFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "28 Mar 2026": the London date of an instant, for messages. */
export function formatLondonDate(instant: Date): string {
  return dateFormatter.format(instant);
}
