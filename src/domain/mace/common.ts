/**
 * Small pieces shared by the meeting rules: field schemas, the refusal shape, dates as people read
 * them, and lists in words. Nothing here knows about meetings.
 */
import { z } from 'zod';
import {
  daysBetween,
  formatLondon,
  formatLondonDate,
  type LocalDate,
  londonDate,
} from '../missing/london.ts';

export { daysBetween, formatLondon, formatLondonDate, type LocalDate, londonDate };

/**
 * An error for a field that is missing: names the field and says why the rule exists, so the person
 * filling in the form knows what to do. A present but malformed value keeps zod's own message.
 */
export function required(field: string, why: string, otherwise?: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `${field} is required: ${why}` : otherwise,
  };
}

export const uuid = z.uuid({ message: 'must be a valid id' });

export const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();

/** An instant with an explicit offset, parsed to a UTC Date (a time without one is ambiguous). */
export const instant = z.iso
  .datetime({ offset: true, message: 'must be a date and time with an offset, like 2026-03-28T10:00:00Z' })
  .transform((s) => new Date(s));

export const DATE_FORMAT = 'must be a date like 2026-03-31';
export const ID_FORMAT = 'must be a valid id';

/** A calendar day, as due dates are: "due on 31 March" means by the end of that London day. */
export const isoDate = z.iso.date({ message: DATE_FORMAT });

/** Someone named in a meeting record: a name and, where known, their account and agency. */
export const personRefShape = {
  name: text(200),
  role: optionalText(200),
  personId: uuid.optional(),
  agencyId: uuid.optional(),
};
export const personRef = z.strictObject(personRefShape);
export type PersonRef = z.output<typeof personRef>;

/** Why something was refused: a code for the program, the field it concerns, and words for people. */
export interface Refusal {
  readonly code: string;
  readonly field?: string;
  readonly message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function refuse(code: string, message: string, field?: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: field === undefined ? { code, message } : { code, field, message } };
}

/** "a, b and c" */
export function listInWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** "1 action", "3 actions" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Whole London calendar days from `from`'s day to `to`'s day. */
export function londonDaysBetween(from: Date, to: Date): number {
  return daysBetween(londonDate(from), londonDate(to));
}

/** "28 Mar 2026" for a YYYY-MM-DD day, without moving it through a time zone. */
export function formatLocalDate(date: LocalDate): string {
  return formatLondonDate(new Date(`${date}T12:00:00Z`));
}

/** a < b, for two valid Dates only: a time that failed its own format check is already reported. */
export function isBefore(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date && a.getTime() < b.getTime();
}

/** A real calendar day written YYYY-MM-DD. */
export function isoDateString(value: unknown): value is LocalDate {
  return isoDate.safeParse(value).success;
}
