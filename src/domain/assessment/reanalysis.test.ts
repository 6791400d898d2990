import { describe, expect, it } from 'vitest';
import {
  addMonths,
  DEFAULT_REANALYSIS_CONFIG,
  REANALYSIS_TRIGGER_INFO,
  REANALYSIS_TRIGGERS,
  type ReanalysisConfig,
  type ReanalysisEvent,
  reanalysisConfigSchema,
  reanalysisDue,
  reviewCadenceMonths,
} from './reanalysis.ts';

const last = { id: 'a1', completedAt: '2026-03-02T10:00:00.000Z', judgement: { level: 'moderate' } };
const at = (iso: string) => new Date(iso);

describe('the review cadence', () => {
  it('is not due before the review date, and says when it will be', () => {
    const status = reanalysisDue(last, [], at('2026-04-01T00:00:00Z'));
    expect(status).toEqual({
      due: false,
      overdue: false,
      dueAt: '2026-06-02T10:00:00.000Z',
      nextScheduledReview: '2026-06-02T10:00:00.000Z',
      reasons: [],
    });
  });

  it('is due on the review date and overdue after it', () => {
    const onTheDay = reanalysisDue(last, [], at('2026-06-02T10:00:00Z'));
    expect(onTheDay.due).toBe(true);
    expect(onTheDay.overdue).toBe(false);
    expect(onTheDay.reasons.map((r) => r.trigger)).toEqual(['review_date']);
    expect(onTheDay.reasons[0]?.label).toMatch(/every 3 months/);
    expect(reanalysisDue(last, [], at('2026-06-03T00:00:00Z')).overdue).toBe(true);
  });

  it('follows the level of concern where the configuration says so (data, not code)', () => {
    expect(reviewCadenceMonths('moderate')).toBe(3);
    expect(reviewCadenceMonths('severe')).toBe(1);
    const severe = reanalysisDue({ ...last, judgement: { level: 'severe' } }, [], at('2026-04-02T10:00:00Z'));
    expect(severe.due).toBe(true);
    expect(severe.reasons[0]?.label).toMatch(/every 1 month /);

    const monthly: ReanalysisConfig = {
      ...DEFAULT_REANALYSIS_CONFIG,
      reviewEveryMonths: 1,
      reviewEveryMonthsByLevel: {},
    };
    expect(reanalysisDue(last, [], at('2026-04-02T10:00:00Z'), monthly).due).toBe(true);
  });

  it('counts months on the calendar, within the month', () => {
    expect(addMonths(new Date('2026-01-31T09:00:00Z'), 1).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T09:00:00Z'), 1).toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(addMonths(new Date('2026-11-15T09:00:00Z'), 3).toISOString()).toBe('2027-02-15T09:00:00.000Z');
  });

  it('moves the due date earlier for a scheduled plan review, and is due when it comes', () => {
    const review: ReanalysisEvent = { trigger: 'review_date', at: '2026-04-20', ref: 'plan-review-1' };
    const before = reanalysisDue(last, [review], at('2026-04-01T00:00:00Z'));
    expect(before.due).toBe(false);
    expect(before.dueAt).toBe('2026-04-20T00:00:00.000Z');
    const onIt = reanalysisDue(last, [review], at('2026-04-20T08:00:00Z'));
    expect(onIt.due).toBe(true);
    expect(onIt.reasons[0]).toMatchObject({ trigger: 'review_date', ref: 'plan-review-1' });
  });
});

describe.each(REANALYSIS_TRIGGERS.filter((t) => t !== 'review_date'))('the %s trigger', (trigger) => {
  const days = DEFAULT_REANALYSIS_CONFIG.triggers[trigger].respondWithinDays;
  const event: ReanalysisEvent = {
    trigger,
    at: '2026-03-10T22:00:00Z',
    ref: `ref-${trigger}`,
    summary: 'Recorded in the chronology',
  };

  it('makes a re-analysis due, with its reason and deadline', () => {
    const status = reanalysisDue(last, [event], at('2026-03-11T09:00:00Z'));
    expect(status.due).toBe(true);
    expect(status.reasons).toEqual([
      {
        trigger,
        label: REANALYSIS_TRIGGER_INFO[trigger].label,
        at: '2026-03-10T22:00:00.000Z',
        dueBy: new Date(Date.parse('2026-03-10T22:00:00Z') + days * 86_400_000).toISOString(),
        ref: `ref-${trigger}`,
        summary: 'Recorded in the chronology',
      },
    ]);
    expect(status.dueAt).toBe(status.reasons[0]?.dueBy);
  });

  it('is overdue once its deadline has passed', () => {
    const after = new Date(Date.parse('2026-03-10T22:00:00Z') + (days + 1) * 86_400_000);
    expect(reanalysisDue(last, [event], after).overdue).toBe(true);
  });

  it('does not count when it happened before the last analysis (it was already considered)', () => {
    expect(reanalysisDue(last, [{ ...event, at: '2026-03-01' }], at('2026-03-11T09:00:00Z')).due).toBe(false);
  });

  it('does not count when the partnership has switched it off', () => {
    const config: ReanalysisConfig = {
      ...DEFAULT_REANALYSIS_CONFIG,
      triggers: {
        ...DEFAULT_REANALYSIS_CONFIG.triggers,
        [trigger]: { enabled: false, respondWithinDays: days },
      },
    };
    expect(reanalysisDue(last, [event], at('2026-03-11T09:00:00Z'), config).due).toBe(false);
  });

  it('has a label and a source', () => {
    expect(REANALYSIS_TRIGGER_INFO[trigger].source).toMatch(/seed 00\d/);
  });
});

describe('several reasons', () => {
  it('are listed by deadline, and the earliest sets when the analysis is due', () => {
    const events: ReanalysisEvent[] = [
      { trigger: 'address_change', at: '2026-03-05' },
      { trigger: 'new_harm_recorded', at: '2026-03-12T12:00:00Z' },
      { trigger: 'missing_episode', at: '2026-03-06T01:00:00Z' },
    ];
    const status = reanalysisDue(last, events, at('2026-03-12T13:00:00Z'));
    expect(status.reasons.map((r) => r.trigger)).toEqual([
      'missing_episode',
      'new_harm_recorded',
      'address_change',
    ]);
    expect(status.dueAt).toBe('2026-03-11T01:00:00.000Z');
    expect(status.overdue).toBe(true);
  });

  it('ignores events dated in the future', () => {
    expect(
      reanalysisDue(last, [{ trigger: 'new_referral', at: '2026-05-01' }], at('2026-03-12T00:00:00Z')).due,
    ).toBe(false);
  });
});

describe('the configuration', () => {
  it('validates, with every trigger configured', () => {
    expect(reanalysisConfigSchema.safeParse(DEFAULT_REANALYSIS_CONFIG).success).toBe(true);
    const { missing_episode: _m, ...fewer } = DEFAULT_REANALYSIS_CONFIG.triggers;
    expect(reanalysisConfigSchema.safeParse({ ...DEFAULT_REANALYSIS_CONFIG, triggers: fewer }).success).toBe(
      false,
    );
  });

  it('cannot switch review dates off', () => {
    const off = {
      ...DEFAULT_REANALYSIS_CONFIG,
      triggers: {
        ...DEFAULT_REANALYSIS_CONFIG.triggers,
        review_date: { enabled: false, respondWithinDays: 0 },
      },
    };
    const parsed = reanalysisConfigSchema.safeParse(off);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/drift/);
  });
});
