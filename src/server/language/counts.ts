/**
 * Learning, not blame: how often each rule flags words, and how often a suggestion is taken up, per
 * team and ISO week. Counters only — never the text, never who wrote it — so the numbers can be used
 * for training without turning into a score for a named practitioner.
 */
import { type Kysely, sql } from 'kysely';
import type { Lexicon } from '../../domain/language/index.ts';
import type { DB } from '../db/schema.ts';
import { invalid } from '../errors.ts';
import type { SignedInUser } from '../http/access.ts';

/** Where a person's counts go: their first team, or their agency when they are in no team. */
export interface CountingUnit {
  agencyId: string;
  teamId: string | null;
}

export function countingUnitOf(user: SignedInUser): CountingUnit {
  return { agencyId: user.agency.id, teamId: user.teams[0]?.id ?? null };
}

// Weeks are counted in the partnership's own time, so a note written late on a Sunday evening in
// summer belongs to that week, not the next.
const TIME_ZONE = 'Europe/London';
const DAY = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant, in UK time. */
export function ukDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);
const dateOf = (utc: Date) => utc.toISOString().slice(0, 10);

/** The Monday starting the ISO week of a date. */
export function weekStartOf(date: string): string {
  const day = asUtc(date);
  const isoDay = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  return dateOf(new Date(day.getTime() - (isoDay - 1) * DAY));
}

/** ISO 8601 week name of the week starting on this Monday: `2025-W03`. */
export function isoWeekName(monday: string): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(asUtc(monday).getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const firstThursday = asUtc(`${year}-01-01`);
  while (firstThursday.getUTCDay() !== 4) firstThursday.setUTCDate(firstThursday.getUTCDate() + 1);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function addWeeks(monday: string, weeks: number): string {
  return dateOf(new Date(asUtc(monday).getTime() + weeks * 7 * DAY));
}

/** Adds to the counters of one unit in the current week: one statement, rows in a fixed order. */
async function bump(
  db: Kysely<DB>,
  unit: CountingUnit,
  ruleIds: readonly string[],
  column: 'flagged' | 'accepted',
) {
  if (ruleIds.length === 0) return;
  const perRule = new Map<string, number>();
  for (const id of ruleIds) perRule.set(id, (perRule.get(id) ?? 0) + 1);
  const weekStart = weekStartOf(ukDate(new Date()));
  // Sorted, so two requests adding to the same rows lock them in the same order and cannot deadlock.
  const values = [...perRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule_id, n]) => ({
      agency_id: unit.agencyId,
      team_id: unit.teamId,
      week_start: weekStart,
      rule_id,
      flagged: column === 'flagged' ? n : 0,
      accepted: column === 'accepted' ? n : 0,
    }));
  await db
    .insertInto('language_counts')
    .values(values)
    .onConflict((oc) =>
      oc.constraint('language_counts_key').doUpdateSet((eb) => ({
        [column]: eb(eb.ref(`language_counts.${column}`), '+', eb.ref(`excluded.${column}`)),
      })),
    )
    .execute();
}

export function countFlagged(db: Kysely<DB>, unit: CountingUnit, ruleIds: readonly string[]) {
  return bump(db, unit, ruleIds, 'flagged');
}

export function countAccepted(db: Kysely<DB>, unit: CountingUnit, ruleId: string) {
  return bump(db, unit, [ruleId], 'accepted');
}

/** The longest period the statistics cover in one answer. */
const MAX_WEEKS = 106;
const DEFAULT_WEEKS = 12;

export function statsRange(query: { from?: string | undefined; to?: string | undefined }) {
  const to = weekStartOf(query.to ?? ukDate(new Date()));
  const from = weekStartOf(query.from ?? addWeeks(to, -(DEFAULT_WEEKS - 1)));
  if (from > to) throw invalid('from', 'must be on or before to');
  const weeks: { week: string; weekStart: string }[] = [];
  for (let monday = from; monday <= to; monday = addWeeks(monday, 1)) {
    weeks.push({ week: isoWeekName(monday), weekStart: monday });
    if (weeks.length > MAX_WEEKS) throw invalid('from', `the period can be at most ${MAX_WEEKS} weeks`);
  }
  return { from, to, weeks };
}

/** Counts by team, week and rule. Names of agencies and teams only: there is no person to name. */
export async function languageStats(
  db: Kysely<DB>,
  lexicon: Lexicon,
  query: { from?: string | undefined; to?: string | undefined },
) {
  const { from, to, weeks } = statsRange(query);
  const rows = await db
    .selectFrom('language_counts as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .select([
      'a.id as agency_id',
      'a.name as agency_name',
      't.id as team_id',
      't.name as team_name',
      sql<string>`to_char(c.week_start, 'YYYY-MM-DD')`.as('week_start'),
      'c.rule_id',
      'c.flagged',
      'c.accepted',
    ])
    .where('c.week_start', '>=', from)
    .where('c.week_start', '<=', to)
    .orderBy('c.week_start')
    .orderBy('a.name')
    .orderBy('t.name')
    .orderBy('c.rule_id')
    .execute();
  const families = new Map(lexicon.rules.map((r) => [r.id, r.family]));
  return {
    from,
    to,
    weeks,
    rows: rows.map((r) => ({
      agency: { id: r.agency_id, name: r.agency_name },
      team: r.team_id && r.team_name ? { id: r.team_id, name: r.team_name } : null,
      week: isoWeekName(r.week_start),
      weekStart: r.week_start,
      ruleId: r.rule_id,
      family: families.get(r.rule_id) ?? null,
      flagged: Number(r.flagged),
      accepted: Number(r.accepted),
    })),
  };
}
