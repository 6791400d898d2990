import { formatDateTime } from '../components/format.ts';

const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const londonDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "2011-05-14" → "14 May 2011". A calendar date has no time zone, so it is read and written in UTC. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const when = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(when.getTime()) ? value : dayMonthYear.format(when);
}

/** A moment, as the day it fell on in the UK. */
export function formatDay(iso: string): string {
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? iso : londonDate.format(when);
}

/**
 * When something happened. Events recorded with a date but no time are stored at midnight UTC (the
 * server does this for a referral's "happened on"): those are shown as a date alone, not "at 12am".
 */
export function formatWhen(iso: string): string {
  if (/T00:00(:00(\.0+)?)?(Z|\+00:00)$/.test(iso)) return formatDate(iso.slice(0, 10));
  return formatDateTime(iso);
}

/** Today's date in the UK, as YYYY-MM-DD. */
export function todayInUk(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return parts;
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/**
 * A deadline. One falling exactly at midnight is the end of the day before ("by the end of 23 November
 * 2026"), as GOV.UK style has it, rather than "at 12am" on a day the person no longer has.
 */
export function formatDeadline(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  if (londonClock.format(when) === '00:00')
    return `the end of ${londonDate.format(new Date(when.getTime() - 1))}`;
  return formatDateTime(iso);
}
