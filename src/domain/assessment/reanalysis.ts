/**
 * When a risk analysis must be done again. The RAF "is repeated at milestones such as reviews of the
 * child's plan, and at times when significant change occurs in the child's circumstances, e.g. episodes
 * of the child going missing, change in family circumstances, new and emerging evidence" (seed 004).
 * Assessments done once and never updated are a known failure (seed 001 §3.5, Ofsted 2015: "rarely
 * updating written assessments when new information came to light").
 *
 * Triggers and cadence are data. The seeds give no timescales and local ones vary (seed 003 §10), so the
 * defaults below are a starting point a partnership changes in its configuration, not in code.
 */
import { z } from 'zod';
import { VERSION_PATTERN } from './instruments/schema.ts';

export const REANALYSIS_TRIGGERS = [
  'missing_episode',
  'address_change',
  'placement_change',
  'new_referral',
  'new_intelligence',
  'new_harm_recorded',
  'review_date',
] as const;
export type ReanalysisTrigger = (typeof REANALYSIS_TRIGGERS)[number];

export interface TriggerInfo {
  readonly label: string;
  readonly source: string;
}

export const REANALYSIS_TRIGGER_INFO = {
  missing_episode: {
    label: 'The child went missing',
    source: 'seed 004, RAF ("episodes of the child going missing"); seed 002 (missing as a sign of harm)',
  },
  address_change: {
    label: 'The child’s address changed',
    source: 'seed 004, RAF ("change in family circumstances")',
  },
  placement_change: {
    label: 'The child’s placement changed',
    source: 'seed 004, RAF ("change in family circumstances"); seed 003 Rec 19 (placements)',
  },
  new_referral: {
    label: 'A new referral was received',
    source: 'seed 004, RAF ("new and emerging evidence")',
  },
  new_intelligence: {
    label: 'New intelligence was recorded',
    source:
      'seed 004, RAF ("new and emerging evidence"); seed 001 §5.1 (soft intelligence gathered and consolidated)',
  },
  new_harm_recorded: {
    label: 'New harm was recorded',
    source: 'seed 004, RAF ("significant change"); PRODUCT §3 "Harm already happening is not risk"',
  },
  review_date: {
    label: 'A review date was reached',
    source: 'seed 004, RAF ("milestones such as reviews of the child’s plan")',
  },
} as const satisfies Record<ReanalysisTrigger, TriggerInfo>;

const triggerSettingSchema = z.strictObject({
  enabled: z.boolean(),
  /** Days from the event to when the new analysis should be complete. */
  respondWithinDays: z.number().int().min(0).max(90),
});

export const reanalysisConfigSchema = z
  .strictObject({
    version: z.string().regex(VERSION_PATTERN),
    /** The review cadence when no level-specific one applies. */
    reviewEveryMonths: z.number().int().min(1).max(24),
    /** A shorter or longer cadence for a level of concern, by level id. */
    reviewEveryMonthsByLevel: z.record(z.string(), z.number().int().min(1).max(24)).default({}),
    triggers: z.record(z.enum(REANALYSIS_TRIGGERS), triggerSettingSchema),
  })
  .refine((c) => c.triggers.review_date.enabled, {
    error: 'review dates cannot be switched off: without them, drift is invisible (PRODUCT §2, step 8)',
    path: ['triggers', 'review_date', 'enabled'],
  });

export type ReanalysisConfig = z.infer<typeof reanalysisConfigSchema>;

export const DEFAULT_REANALYSIS_CONFIG: ReanalysisConfig = reanalysisConfigSchema.parse({
  version: '2025.1',
  reviewEveryMonths: 3,
  reviewEveryMonthsByLevel: { significant: 1, severe: 1 },
  triggers: {
    missing_episode: { enabled: true, respondWithinDays: 5 },
    address_change: { enabled: true, respondWithinDays: 10 },
    placement_change: { enabled: true, respondWithinDays: 10 },
    new_referral: { enabled: true, respondWithinDays: 5 },
    new_intelligence: { enabled: true, respondWithinDays: 5 },
    new_harm_recorded: { enabled: true, respondWithinDays: 1 },
    review_date: { enabled: true, respondWithinDays: 0 },
  },
});

const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const reanalysisEventSchema = z.strictObject({
  trigger: z.enum(REANALYSIS_TRIGGERS),
  /** When it happened (a review date: when it is set for). */
  at: DateOrDateTime,
  /** The record it came from: a missing episode, a referral, a chronology entry. */
  ref: z.string().max(200).optional(),
  summary: z.string().max(500).optional(),
});
export type ReanalysisEvent = z.infer<typeof reanalysisEventSchema>;

/** What `reanalysisDue` needs from the last assessment (a full assessment will do). */
export interface LastAnalysis {
  readonly id: string;
  readonly completedAt: string;
  readonly judgement: { readonly level: string };
}

export interface ReanalysisReason {
  readonly trigger: ReanalysisTrigger;
  readonly label: string;
  /** When the event happened (for the cadence: when the review date fell). */
  readonly at: string;
  /** When the new analysis should be complete because of it. */
  readonly dueBy: string;
  readonly ref?: string;
  readonly summary?: string;
}

export interface ReanalysisStatus {
  readonly due: boolean;
  /** Due, and the earliest deadline has passed. */
  readonly overdue: boolean;
  /** When due: the earliest deadline among the reasons. Otherwise: when it next falls due. */
  readonly dueAt: string;
  /** The review date set by the cadence from the last analysis and its level. */
  readonly nextScheduledReview: string;
  readonly reasons: ReanalysisReason[];
}

const DAY = 86_400_000;

function toDate(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** Calendar months later, kept within the month (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

/** The review cadence in months for a level of concern. */
export function reviewCadenceMonths(
  level: string,
  config: ReanalysisConfig = DEFAULT_REANALYSIS_CONFIG,
): number {
  return config.reviewEveryMonthsByLevel[level] ?? config.reviewEveryMonths;
}

/**
 * Whether a new analysis is due since `last`, and why. Events at or before the last analysis were
 * already considered in it; events dated after `now` are not counted yet, except review dates, which
 * set when the analysis next falls due.
 */
export function reanalysisDue(
  last: LastAnalysis,
  events: readonly ReanalysisEvent[],
  now: Date,
  config: ReanalysisConfig = DEFAULT_REANALYSIS_CONFIG,
): ReanalysisStatus {
  const completed = toDate(last.completedAt);
  const months = reviewCadenceMonths(last.judgement.level, config);
  const scheduled = addMonths(completed, months);
  const reasons: ReanalysisReason[] = [];
  const upcoming: Date[] = [scheduled];
  const within = (trigger: ReanalysisTrigger, at: Date) =>
    new Date(at.getTime() + config.triggers[trigger].respondWithinDays * DAY);

  if (now.getTime() >= scheduled.getTime()) {
    reasons.push({
      trigger: 'review_date',
      label: `${REANALYSIS_TRIGGER_INFO.review_date.label} (every ${months} month${months === 1 ? '' : 's'} after the last analysis)`,
      at: scheduled.toISOString(),
      dueBy: within('review_date', scheduled).toISOString(),
    });
  }

  for (const event of events) {
    if (!config.triggers[event.trigger].enabled) continue;
    const at = toDate(event.at);
    if (at.getTime() <= completed.getTime()) continue;
    if (at.getTime() > now.getTime()) {
      if (event.trigger === 'review_date') upcoming.push(at);
      continue;
    }
    reasons.push({
      trigger: event.trigger,
      label: REANALYSIS_TRIGGER_INFO[event.trigger].label,
      at: at.toISOString(),
      dueBy: within(event.trigger, at).toISOString(),
      ...(event.ref !== undefined ? { ref: event.ref } : {}),
      ...(event.summary !== undefined ? { summary: event.summary } : {}),
    });
  }

  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  reasons.sort((a, b) => cmp(a.dueBy, b.dueBy) || cmp(a.at, b.at));
  const due = reasons.length > 0;
  const dueAt = due
    ? (reasons[0] as ReanalysisReason).dueBy
    : new Date(Math.min(...upcoming.map((d) => d.getTime()))).toISOString();
  return {
    due,
    overdue: due && now.getTime() > toDate(dueAt).getTime(),
    dueAt,
    nextScheduledReview: scheduled.toISOString(),
    reasons,
  };
}
