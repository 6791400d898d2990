/**
 * The views over many episodes: one child's pattern (for a timeline chart) and the partnership's share
 * of return interviews offered within the deadline, with small numbers suppressed. Pure functions.
 */
import { type ClockEpisode, type ClockInterview, clockStatus, interviewForEpisode } from './clock.ts';
import { MISSING_CONFIG, type MissingConfig, optionLabel } from './config.ts';
import { londonDate } from './london.ts';
import { type DurationEpisode, episodeDurationMs } from './triggers.ts';

export interface PatternEpisode extends DurationEpisode {
  id: string;
  missingFrom: { kind: string };
  returned?: { at: Date; where?: { placeId?: string | null; description?: string | null } | null } | null;
}

export interface CountedGroup {
  key: string;
  label: string;
  count: number;
}

export interface EpisodePattern {
  count: number;
  returnedCount: number;
  stillMissingCount: number;
  /** Over returned episodes only. */
  totalDurationMs: number;
  medianDurationMs: number | null;
  longest: { episodeId: string; durationMs: number } | null;
  /** Where the child was found, most frequent first: linked places by id, others by their words. */
  whereFound: CountedGroup[];
  missingFrom: CountedGroup[];
  /** Every London month from the first episode to the last, empty months included, for a timeline. */
  byMonth: { month: string; count: number; totalDurationMs: number }[];
  timeline: { episodeId: string; reportedAt: Date; returnedAt: Date | null; durationMs: number | null }[];
}

function countGroups(items: { key: string; label: string }[]): CountedGroup[] {
  const groups = new Map<string, CountedGroup>();
  for (const { key, label } of items) {
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { key, label, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** One child's pattern of episodes. */
export function pattern(
  episodes: readonly PatternEpisode[],
  config: Pick<MissingConfig, 'missingFrom'> = MISSING_CONFIG,
): EpisodePattern {
  const sorted = [...episodes].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const timeline = sorted.map((e) => ({
    episodeId: e.id,
    reportedAt: e.reportedAt,
    returnedAt: e.returned?.at ?? null,
    durationMs: episodeDurationMs(e),
  }));
  const durations = timeline.flatMap((t) => (t.durationMs === null ? [] : [t.durationMs]));
  let longest: EpisodePattern['longest'] = null;
  for (const t of timeline) {
    if (t.durationMs !== null && (!longest || t.durationMs > longest.durationMs)) {
      longest = { episodeId: t.episodeId, durationMs: t.durationMs };
    }
  }

  const whereFound = countGroups(
    sorted.flatMap((e) => {
      if (!e.returned) return [];
      const where = e.returned.where;
      const words = where?.description?.trim();
      if (where?.placeId) return [{ key: `place:${where.placeId}`, label: words || 'A linked place' }];
      if (words) return [{ key: `text:${words.toLowerCase().replace(/\s+/g, ' ')}`, label: words }];
      return [{ key: 'not_recorded', label: 'Not recorded' }];
    }),
  );
  const missingFrom = countGroups(
    sorted.map((e) => ({
      key: e.missingFrom.kind,
      label: optionLabel(config.missingFrom, e.missingFrom.kind),
    })),
  );

  const byMonth: EpisodePattern['byMonth'] = [];
  const first = timeline[0];
  const last = timeline[timeline.length - 1];
  if (first && last) {
    const end = londonDate(last.reportedAt).slice(0, 7);
    for (let month = londonDate(first.reportedAt).slice(0, 7); month <= end; month = nextMonth(month)) {
      const inMonth = timeline.filter((t) => londonDate(t.reportedAt).startsWith(month));
      byMonth.push({
        month,
        count: inMonth.length,
        totalDurationMs: inMonth.reduce((sum, t) => sum + (t.durationMs ?? 0), 0),
      });
    }
  }

  return {
    count: sorted.length,
    returnedCount: durations.length,
    stillMissingCount: sorted.length - durations.length,
    totalDurationMs: durations.reduce((a, b) => a + b, 0),
    medianDurationMs: median(durations),
    longest,
    whereFound,
    missingFrom,
    byMonth,
    timeline,
  };
}

/** A count as it may be shown: small numbers are replaced by words. */
export interface SuppressedCount {
  /** Null when suppressed, so a presenter cannot leak what it was never given. */
  value: number | null;
  display: string;
  suppressed: boolean;
}

export function suppressCount(n: number, threshold: number): SuppressedCount {
  return n < threshold
    ? { value: null, display: `fewer than ${threshold}`, suppressed: true }
    : { value: n, display: String(n), suppressed: false };
}

export interface PartnershipShare {
  threshold: number;
  configVersion: string;
  /** Episodes whose interview was offered by the deadline. */
  numerator: SuppressedCount;
  /** Returned episodes whose clock has finished: offered (in time or late), decided not to hold, or overdue. */
  denominator: SuppressedCount;
  share: { value: number | null; display: string; suppressed: boolean };
  breakdown: {
    offeredInTime: SuppressedCount;
    offeredLate: SuppressedCount;
    notOfferedOverdue: SuppressedCount;
    notHeld: SuppressedCount;
  };
  /** Returned episodes still inside their deadline with no offer yet: not counted either way. */
  pending: SuppressedCount;
  note: string;
}

/**
 * The share of return interviews offered within the deadline, for the partnership.
 *
 * Counts below `suppressBelow` (default 5) are shown as "fewer than 5", and the share is withheld when
 * it would let someone work out a small number: when the numerator or denominator is small, or when
 * the episodes not offered in time are fewer than the threshold (in which case the numerator is
 * withheld too, since denominator minus numerator would reveal them).
 */
export function partnershipShare(
  episodes: readonly (ClockEpisode & { id: string })[],
  interviews: readonly (ClockInterview & { episodeId: string })[],
  options: { now: Date; config?: MissingConfig; suppressBelow?: number },
): PartnershipShare {
  const config = options.config ?? MISSING_CONFIG;
  const threshold = options.suppressBelow ?? 5;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError('suppressBelow must be a whole number ≥ 1');

  const tally = { offered_in_time: 0, offered_late: 0, overdue: 0, not_held: 0, due: 0 };
  for (const episode of episodes) {
    if (!episode.returned) continue;
    const clock = clockStatus(
      { ...episode, interview: interviewForEpisode(episode.id, interviews) },
      options.now,
      config,
    );
    if (clock.state !== 'not_due_yet') tally[clock.state]++;
  }
  const numerator = tally.offered_in_time;
  const denominator = tally.offered_in_time + tally.offered_late + tally.overdue + tally.not_held;
  const complement = denominator - numerator;
  const revealsComplement = complement > 0 && complement < threshold;

  const shownNumerator: SuppressedCount =
    revealsComplement && numerator >= threshold
      ? { value: null, display: 'not shown, to protect a small number', suppressed: true }
      : suppressCount(numerator, threshold);
  const shownDenominator = suppressCount(denominator, threshold);
  const shareHidden = shownNumerator.suppressed || shownDenominator.suppressed || revealsComplement;
  const share = shareHidden
    ? { value: null, display: 'not shown, to protect small numbers', suppressed: true }
    : {
        value: numerator / denominator,
        display: `${Math.round((numerator / denominator) * 100)}%`,
        suppressed: false,
      };

  const deadline = config.interviewDeadline;
  const deadlineWords =
    deadline.basis === 'elapsed_hours' ? `${deadline.hours} hours` : `${deadline.workingDays} working days`;
  return {
    threshold,
    configVersion: config.version,
    numerator: shownNumerator,
    denominator: shownDenominator,
    share,
    breakdown: {
      offeredInTime: suppressCount(tally.offered_in_time, threshold),
      offeredLate: suppressCount(tally.offered_late, threshold),
      notOfferedOverdue: suppressCount(tally.overdue, threshold),
      notHeld: suppressCount(tally.not_held, threshold),
    },
    pending: suppressCount(tally.due, threshold),
    note:
      `Return interviews offered within ${deadlineWords} of the child's return, out of every return whose ` +
      'deadline has passed or that has an offer or a recorded decision. A decision not to hold one counts ' +
      `as not offered. Numbers below ${threshold} are not shown.`,
  };
}
