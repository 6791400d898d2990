/**
 * The return interview clock. Pure: the caller passes "now".
 *
 * Two ways of counting, chosen in the configuration:
 * - elapsed hours (the default, 72): real hours from the moment of return. Across a clock change it is
 *   still 72 real hours, so the deadline's wall-clock time is an hour different from the return's.
 * - working days: the end (23:59:59.999 London time) of the Nth working day after the London day of
 *   return, skipping Saturdays, Sundays and the configured bank holidays.
 *
 * The clock measures the offer: statutory guidance asks for an independent interview to be offered
 * within 72 hours of return, and for a decision not to hold one to be recorded.
 */
import { MISSING_CONFIG, type MissingConfig } from './config.ts';
import { addDays, endOfLondonDay, formatLondon, isWeekend, type LocalDate, londonDate } from './london.ts';
import type { InterviewStatus } from './schema.ts';

const HOUR_MS = 3_600_000;

export type ClockState = 'not_due_yet' | 'due' | 'overdue' | 'offered_in_time' | 'offered_late' | 'not_held';

/** What the clock needs from an episode. */
export interface ClockEpisode {
  returned?: { at: Date } | null;
}

/** What the clock needs from a return interview record. */
export interface ClockInterview {
  status: InterviewStatus;
  offer?: { offeredAt: Date } | null;
  notHeldDecision?: { decidedAt: Date; reason?: string | null } | null;
  reason?: string | null;
}

interface ClockBase {
  /** How the deadline is counted, and under which configuration version. */
  basis: MissingConfig['interviewDeadline']['basis'];
  configVersion: string;
  /** One sentence for people: what the clock says, without blame. */
  summary: string;
  /** Things that make the deadline less certain, such as bank holidays not yet configured. */
  warnings: string[];
}

export type ClockStatus =
  | (ClockBase & { state: 'not_due_yet'; dueAt: null })
  | (ClockBase & { state: 'due'; dueAt: Date; remainingMs: number })
  | (ClockBase & { state: 'overdue'; dueAt: Date; overdueMs: number })
  | (ClockBase & { state: 'offered_in_time'; dueAt: Date; offeredAt: Date; remainingMs: number })
  | (ClockBase & { state: 'offered_late'; dueAt: Date; offeredAt: Date; overdueMs: number })
  | (ClockBase & {
      state: 'not_held';
      dueAt: Date;
      outcome: 'not_held' | 'not_possible';
      decidedAt: Date | null;
      reason: string;
    });

type WorkingDayConfig = Pick<MissingConfig, 'bankHolidays'>;

const holidaySets = new WeakMap<WorkingDayConfig['bankHolidays'], Set<string>>();

function holidays(config: WorkingDayConfig): Set<string> {
  let set = holidaySets.get(config.bankHolidays);
  if (!set) {
    set = new Set(config.bankHolidays.dates.map((d) => d.date));
    holidaySets.set(config.bankHolidays, set);
  }
  return set;
}

/** A London calendar day that is neither a weekend nor a configured bank holiday. */
export function isWorkingDay(date: LocalDate, config: WorkingDayConfig = MISSING_CONFIG): boolean {
  return !isWeekend(date) && !holidays(config).has(date);
}

/** The Nth working day after `date` (the day itself never counts). */
export function addWorkingDays(
  date: LocalDate,
  workingDays: number,
  config: WorkingDayConfig = MISSING_CONFIG,
) {
  let day = date;
  let counted = 0;
  while (counted < workingDays) {
    day = addDays(day, 1);
    if (isWorkingDay(day, config)) counted++;
  }
  return day;
}

/** When the return interview must be offered by, for a child found or returned at `returnedAt`. */
export function interviewDueAt(returnedAt: Date, config: MissingConfig = MISSING_CONFIG): Date {
  const deadline = config.interviewDeadline;
  if (deadline.basis === 'elapsed_hours') return new Date(returnedAt.getTime() + deadline.hours * HOUR_MS);
  return endOfLondonDay(addWorkingDays(londonDate(returnedAt), deadline.workingDays, config));
}

/** Warnings about the deadline itself, such as one that falls after the configured bank holidays end. */
export function deadlineWarnings(
  returnedAt: Date,
  dueAt: Date,
  config: MissingConfig = MISSING_CONFIG,
): string[] {
  if (config.interviewDeadline.basis !== 'working_days') return [];
  const last = config.bankHolidays.coversUntil;
  if (londonDate(dueAt) <= last && londonDate(returnedAt) <= last) return [];
  return [
    `Bank holidays are configured only up to ${last}; this deadline may be a day or more early. ` +
      'Add the next bank holidays to the configuration.',
  ];
}

/** "2 days 3 hours", "45 minutes", "less than a minute": durations people read. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  if (totalMinutes < 1) return 'less than a minute';
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (days) parts.push(unit(days, 'day'));
  if (hours) parts.push(unit(hours, 'hour'));
  // Minutes matter when the deadline is close; beside days they are noise.
  if (minutes && !days) parts.push(unit(minutes, 'minute'));
  return parts.join(' ');
}

/**
 * Where the return interview clock stands for one episode at `now`.
 *
 * An offer, once made, fixes the answer (in time or late) whatever happened next. Without an offer, a
 * recorded decision not to hold one, or a recorded reason it was not possible, stops the clock as
 * `not_held`. Otherwise the clock runs: `due` until the deadline, `overdue` after it.
 */
export function clockStatus(
  episode: ClockEpisode & { interview?: ClockInterview | null },
  now: Date,
  config: MissingConfig = MISSING_CONFIG,
): ClockStatus {
  const base = { basis: config.interviewDeadline.basis, configVersion: config.version };
  const returnedAt = episode.returned?.at;
  if (!returnedAt) {
    return {
      ...base,
      state: 'not_due_yet',
      dueAt: null,
      warnings: [],
      summary:
        'The child has not been found or returned yet. The return interview clock starts when they are.',
    };
  }
  const dueAt = interviewDueAt(returnedAt, config);
  const warnings = deadlineWarnings(returnedAt, dueAt, config);
  const due = formatLondon(dueAt);
  const interview = episode.interview;

  const offeredAt = interview?.offer?.offeredAt;
  if (offeredAt) {
    const diff = dueAt.getTime() - offeredAt.getTime();
    if (diff >= 0) {
      return {
        ...base,
        state: 'offered_in_time',
        dueAt,
        offeredAt,
        remainingMs: diff,
        warnings,
        summary: `Offered ${formatLondon(offeredAt)}, within the deadline (${due}).`,
      };
    }
    return {
      ...base,
      state: 'offered_late',
      dueAt,
      offeredAt,
      overdueMs: -diff,
      warnings,
      summary: `Offered ${formatLondon(offeredAt)}, ${formatDuration(-diff)} after the deadline (${due}).`,
    };
  }

  if (interview?.status === 'not_held' || interview?.status === 'not_possible') {
    const notHeld = interview.status === 'not_held';
    const reason = (notHeld ? interview.notHeldDecision?.reason : interview.reason) ?? '';
    const decidedAt = notHeld ? (interview.notHeldDecision?.decidedAt ?? null) : null;
    return {
      ...base,
      state: 'not_held',
      dueAt,
      outcome: notHeld ? 'not_held' : 'not_possible',
      decidedAt,
      reason,
      warnings,
      summary: notHeld
        ? `Decision recorded not to hold a return interview${decidedAt ? ` (${formatLondon(decidedAt)})` : ''}: ${reason}`
        : `A return interview was not possible: ${reason}`,
    };
  }

  const remaining = dueAt.getTime() - now.getTime();
  if (remaining >= 0) {
    return {
      ...base,
      state: 'due',
      dueAt,
      remainingMs: remaining,
      warnings,
      summary: `Return interview to be offered by ${due} (${formatDuration(remaining)} left).`,
    };
  }
  return {
    ...base,
    state: 'overdue',
    dueAt,
    overdueMs: -remaining,
    warnings,
    summary: `Return interview not yet offered: it was due by ${due}, ${formatDuration(-remaining)} ago.`,
  };
}

/**
 * The interview record that speaks for an episode when there is more than one: the one with the
 * earliest offer or, if none was offered, the last one given (callers pass records oldest first).
 */
export function interviewForEpisode<I extends ClockInterview & { episodeId: string }>(
  episodeId: string,
  interviews: readonly I[],
): I | null {
  const mine = interviews.filter((i) => i.episodeId === episodeId);
  const offered = mine
    .filter((i) => i.offer?.offeredAt)
    .sort((a, b) => (a.offer?.offeredAt.getTime() ?? 0) - (b.offer?.offeredAt.getTime() ?? 0));
  return offered[0] ?? mine[mine.length - 1] ?? null;
}

export interface EpisodeClock {
  episodeId: string;
  childId: string;
  clock: ClockStatus;
}

/**
 * The view of interviews due and overdue: every returned episode still waiting for an offer or a
 * decision, soonest deadline first (so the most overdue lead).
 */
export function interviewsDue(
  episodes: readonly (ClockEpisode & { id: string; childId: string })[],
  interviews: readonly (ClockInterview & { episodeId: string })[],
  now: Date,
  config: MissingConfig = MISSING_CONFIG,
): EpisodeClock[] {
  return episodes
    .map((e) => ({
      episodeId: e.id,
      childId: e.childId,
      clock: clockStatus({ ...e, interview: interviewForEpisode(e.id, interviews) }, now, config),
    }))
    .filter((c) => c.clock.state === 'due' || c.clock.state === 'overdue')
    .sort((a, b) => (a.clock.dueAt?.getTime() ?? 0) - (b.clock.dueAt?.getTime() ?? 0));
}
