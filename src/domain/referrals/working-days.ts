/**
 * Working-day arithmetic on the partnership's local calendar. Pure: the caller passes "now".
 *
 * A deadline of N working days runs from the moment of receipt on a working day, or from the start of
 * the next working day when something arrives at a weekend or on a bank holiday, and lands on the same
 * local clock time N working days later.
 */
import type { Timescales } from './timescales.ts';

const DAY_MS = 86_400_000;

interface LocalDate {
  y: number;
  m: number;
  d: number;
}

function partsIn(timeZone: string, instant: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour'),
    min: get('minute'),
    s: get('second'),
  };
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(timeZone: string, instant: Date): string {
  const p = partsIn(timeZone, instant);
  return iso(p);
}

function iso({ y, m, d }: LocalDate): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isWorkingDay(scales: Pick<Timescales, 'nonWorkingDates'>, date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !scales.nonWorkingDates.includes(date);
}

/** The instant at which a local wall-clock time occurs (handles the clocks changing). */
function instantOf(timeZone: string, date: LocalDate, h: number, min: number, s: number): Date {
  const guess = Date.UTC(date.y, date.m - 1, date.d, h, min, s);
  // The zone's offset at the guessed instant; one correction is enough outside the changeover hour.
  const p = partsIn(timeZone, new Date(guess));
  const offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - guess;
  return new Date(guess - offset);
}

/** When something received at `from` is due, `workingDays` working days later. */
export function addWorkingDays(scales: Timescales, from: Date, workingDays: number): Date {
  const p = partsIn(scales.timeZone, from);
  let date: LocalDate = { y: p.y, m: p.m, d: p.d };
  let clock = { h: p.h, min: p.min, s: p.s };
  if (!isWorkingDay(scales, iso(date))) {
    // The clock starts at the beginning of the next working day.
    do date = addDays(date, 1);
    while (!isWorkingDay(scales, iso(date)));
    clock = { h: 0, min: 0, s: 0 };
  }
  let remaining = workingDays;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(scales, iso(date))) remaining--;
  }
  return instantOf(scales.timeZone, date, clock.h, clock.min, clock.s);
}

/** Whole working days between two instants (0 on the day of receipt). */
export function workingDaysBetween(scales: Timescales, from: Date, to: Date): number {
  if (to <= from) return 0;
  const start = partsIn(scales.timeZone, from);
  const endIso = localDate(scales.timeZone, to);
  let date: LocalDate = { y: start.y, m: start.m, d: start.d };
  let count = 0;
  for (let i = 0; i < 3660 && iso(date) < endIso; i++) {
    date = addDays(date, 1);
    if (isWorkingDay(scales, iso(date))) count++;
  }
  return count;
}
