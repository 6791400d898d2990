/**
 * What a missing episode sets off. Pure functions over records. (The views over many episodes, the
 * child's pattern and the partnership's share, are in views.ts.)
 *
 * - Every episode enters the chronology and makes a re-analysis due: the Risk Analysis Framework is
 *   repeated at significant change, and going missing is named as one (seed 004).
 * - Repeat episodes (the configured rule, 3 in 90 days by default) and episodes where harm or a crime
 *   happened, or is suspected, put the child on the next MACE triage list. Nothing here reads the
 *   police grading: it is the police's operational grading, not a judgement of the child.
 */
import { formatDuration } from './clock.ts';
import { MISSING_CONFIG, type MissingConfig, optionLabel } from './config.ts';
import { daysBetween, formatLondon, formatLondonDate, londonDate } from './london.ts';
import { HARM_ANSWER_NAMES, type HarmAnswer } from './schema.ts';

// ---------------------------------------------------------------------------------------------------
// Duration
// ---------------------------------------------------------------------------------------------------

export interface DurationEpisode {
  reportedAt: Date;
  lastSeenAt?: Date | null;
  returned?: { at: Date } | null;
}

/**
 * How long the child was missing: from when they were last seen (or, if that is not known, reported)
 * to when they were found or returned. Null while they are still missing.
 */
export function episodeDurationMs(episode: DurationEpisode): number | null {
  if (!episode.returned) return null;
  const from = episode.lastSeenAt ?? episode.reportedAt;
  return Math.max(0, episode.returned.at.getTime() - from.getTime());
}

// ---------------------------------------------------------------------------------------------------
// Re-analysis, triage, chronology
// ---------------------------------------------------------------------------------------------------

export interface TriggerEpisode {
  id: string;
  childId?: string;
  reportedAt: Date;
  harmWhileMissing: HarmAnswer;
  crimeWhileMissing: HarmAnswer;
}

export interface ReanalysisDue {
  due: true;
  reason: string;
}

/** Every episode makes a re-analysis due. */
export function reanalysisDue(episode: Pick<TriggerEpisode, 'reportedAt'>): ReanalysisDue {
  return {
    due: true,
    reason:
      `The child was reported missing on ${formatLondonDate(episode.reportedAt)}. Going missing is a ` +
      'significant change in a child’s circumstances, so the risk analysis is repeated (Risk Analysis ' +
      'Framework, seed 004).',
  };
}

export type TriageReason =
  | {
      code: 'repeat_episodes';
      /** The episodes in the window, oldest first, this one last. */
      episodeIds: string[];
      count: number;
      rule: { episodes: number; withinDays: number };
      message: string;
    }
  | { code: 'harm_while_missing' | 'crime_while_missing'; answer: 'known' | 'suspected'; message: string };

/**
 * The episodes counted for the repeat rule: this one and every earlier episode of the same child
 * reported no more than `withinDays` London calendar days before it (so with 90, an episode 90 days
 * earlier counts and one 91 days earlier does not).
 */
export function episodesInWindow<E extends Pick<TriggerEpisode, 'id' | 'childId' | 'reportedAt'>>(
  episode: E,
  childEpisodes: readonly E[],
  withinDays: number,
): E[] {
  const day = londonDate(episode.reportedAt);
  const inWindow = childEpisodes.filter(
    (e) =>
      e.id !== episode.id &&
      (e.childId === undefined || episode.childId === undefined || e.childId === episode.childId) &&
      e.reportedAt.getTime() <= episode.reportedAt.getTime() &&
      daysBetween(londonDate(e.reportedAt), day) <= withinDays,
  );
  return [...inWindow, episode].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
}

/** Why this episode puts the child on the next MACE triage list; empty when it does not. */
export function triageReasons(
  episode: TriggerEpisode,
  childEpisodes: readonly TriggerEpisode[],
  config: Pick<MissingConfig, 'repeatEpisodes'> = MISSING_CONFIG,
): TriageReason[] {
  const reasons: TriageReason[] = [];
  const { episodes: threshold, withinDays } = config.repeatEpisodes;
  const window = episodesInWindow(episode, childEpisodes, withinDays);
  if (window.length >= threshold) {
    reasons.push({
      code: 'repeat_episodes',
      episodeIds: window.map((e) => e.id),
      count: window.length,
      rule: { episodes: threshold, withinDays },
      message:
        `Reported missing ${window.length} times in ${withinDays} days ` +
        `(${window.map((e) => formatLondonDate(e.reportedAt)).join(', ')}). ` +
        `The partnership's rule is ${threshold} or more in ${withinDays} days: repeated episodes are one of ` +
        'the strongest signs that a child is being exploited (seed 002).',
    });
  }
  const harm = episode.harmWhileMissing;
  if (harm === 'known' || harm === 'suspected') {
    reasons.push({
      code: 'harm_while_missing',
      answer: harm,
      message:
        harm === 'known'
          ? 'The child came to harm while missing.'
          : 'It is suspected that the child came to harm while missing.',
    });
  }
  const crime = episode.crimeWhileMissing;
  if (crime === 'known' || crime === 'suspected') {
    reasons.push({
      code: 'crime_while_missing',
      answer: crime,
      message:
        (crime === 'known'
          ? 'A crime happened while the child was missing'
          : 'A crime is suspected to have happened while the child was missing') +
        ': against the child, or one others may have exploited them to commit.',
    });
  }
  return reasons;
}

/** A chronology entry for the episode, ready for the chronology service to store with its kind. */
export interface ChronologyDraft {
  recordType: 'missing_episode';
  recordId: string;
  occurredAt: Date;
  title: string;
  summary: string;
  source: string;
}

export interface ChronologyEpisode extends TriggerEpisode, DurationEpisode {
  reportedBy: { name: string; role?: string | null };
  missingFrom: { kind: string; description?: string | null; placement?: { name?: string | null } | null };
  protocolCategory: string;
  policeReference?: string | null;
  policeRiskGrade?: string | null;
  returned?: { at: Date; how: string; where?: { description?: string | null } | null } | null;
  safeAndWellCheck?: { at: Date } | null;
}

export function chronologyEntry(
  episode: ChronologyEpisode,
  config: MissingConfig = MISSING_CONFIG,
): ChronologyDraft {
  const from = optionLabel(config.missingFrom, episode.missingFrom.kind);
  const category = optionLabel(config.protocolCategories.categories, episode.protocolCategory);
  const reporter = episode.reportedBy.role
    ? `${episode.reportedBy.name} (${episode.reportedBy.role})`
    : episode.reportedBy.name;
  const place = episode.missingFrom.placement?.name ?? episode.missingFrom.description;
  const lines = [
    `Reported missing from ${from.toLowerCase()}${place ? `, ${place}` : ''}, at ${formatLondon(episode.reportedAt)}, ` +
      `by ${reporter}. Recorded as "${category}" under the local protocol.`,
  ];
  if (episode.policeReference || episode.policeRiskGrade) {
    const grade = episode.policeRiskGrade
      ? `; police grading at report: ${optionLabel(config.policeRiskGrades.grades, episode.policeRiskGrade)} (the police's grading)`
      : '';
    lines.push(`Police reference ${episode.policeReference ?? 'not yet given'}${grade}.`);
  }
  if (episode.returned) {
    const duration = episodeDurationMs(episode);
    const where = episode.returned.where?.description ? ` at ${episode.returned.where.description}` : '';
    lines.push(
      `Found or returned ${formatLondon(episode.returned.at)}${where} ` +
        `(${optionLabel(config.howReturned, episode.returned.how).toLowerCase()}), ` +
        `after ${formatDuration(duration ?? 0)}.`,
    );
  } else {
    lines.push('Not yet found or returned.');
  }
  lines.push(
    `Harm while missing: ${HARM_ANSWER_NAMES[episode.harmWhileMissing].toLowerCase()}. ` +
      `Crime while missing: ${HARM_ANSWER_NAMES[episode.crimeWhileMissing].toLowerCase()}.`,
  );
  if (episode.safeAndWellCheck)
    lines.push(`Police safe and well check: ${formatLondon(episode.safeAndWellCheck.at)}.`);
  return {
    recordType: 'missing_episode',
    recordId: episode.id,
    occurredAt: episode.reportedAt,
    title: `Reported missing from ${from.toLowerCase()}`,
    summary: lines.join(' '),
    source: `Missing episode report by ${reporter}`,
  };
}

export interface EpisodeTriggers {
  reanalysis: ReanalysisDue;
  triage: { onNextList: boolean; reasons: TriageReason[] };
}

/** Everything one episode sets off, given all the child's episodes. */
export function episodeTriggers(
  episode: TriggerEpisode,
  childEpisodes: readonly TriggerEpisode[],
  config: Pick<MissingConfig, 'repeatEpisodes'> = MISSING_CONFIG,
): EpisodeTriggers {
  const reasons = triageReasons(episode, childEpisodes, config);
  return { reanalysis: reanalysisDue(episode), triage: { onNextList: reasons.length > 0, reasons } };
}
