import { describe, expect, it } from 'vitest';
import type { ClockInterview } from './clock.ts';
import { MISSING_CONFIG, type MissingConfig } from './config.ts';
import { episodeDurationMs } from './triggers.ts';
import { type PatternEpisode, partnershipShare, pattern, suppressCount } from './views.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('pattern of episodes for one child', () => {
  const pe = (
    id: string,
    reportedAt: string,
    returnedAt: string | null,
    where?: { placeId?: string; description?: string },
    kind = 'home',
  ): PatternEpisode => ({
    id,
    reportedAt: at(reportedAt),
    missingFrom: { kind },
    returned: returnedAt ? { at: at(returnedAt), where: where ?? null } : null,
  });

  it('is empty for no episodes', () => {
    expect(pattern([])).toMatchObject({
      count: 0,
      totalDurationMs: 0,
      medianDurationMs: null,
      longest: null,
      byMonth: [],
      whereFound: [],
    });
  });

  it('counts durations over returned episodes only, with median and longest', () => {
    const p = pattern([
      pe('a', '2026-01-10T10:00:00Z', '2026-01-10T12:00:00Z'),
      pe('b', '2026-01-20T10:00:00Z', '2026-01-21T16:00:00Z'),
      pe('c', '2026-03-05T10:00:00Z', '2026-03-05T20:00:00Z'),
      pe('d', '2026-03-30T10:00:00Z', null),
    ]);
    expect(p).toMatchObject({
      count: 4,
      returnedCount: 3,
      stillMissingCount: 1,
      totalDurationMs: 42 * HOUR,
      medianDurationMs: 10 * HOUR,
      longest: { episodeId: 'b', durationMs: 30 * HOUR },
    });
    expect(p.timeline.map((t) => t.episodeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(p.timeline[3]).toMatchObject({ returnedAt: null, durationMs: null });
  });

  it('takes the middle two for an even number of durations', () => {
    const p = pattern([
      pe('a', '2026-01-10T10:00:00Z', '2026-01-10T12:00:00Z'),
      pe('b', '2026-01-11T10:00:00Z', '2026-01-11T14:00:00Z'),
    ]);
    expect(p.medianDurationMs).toBe(3 * HOUR);
  });

  it('measures from when the child was last seen, when known', () => {
    expect(
      episodeDurationMs({
        reportedAt: at('2026-01-10T10:00:00Z'),
        lastSeenAt: at('2026-01-10T07:00:00Z'),
        returned: { at: at('2026-01-10T12:00:00Z') },
      }),
    ).toBe(5 * HOUR);
    expect(episodeDurationMs({ reportedAt: at('2026-01-10T10:00:00Z') })).toBeNull();
  });

  it('groups where the child was found: linked places by id, words regardless of case and spacing', () => {
    const p = pattern([
      pe('a', '2026-01-01T10:00:00Z', '2026-01-01T11:00:00Z', {
        placeId: 'p1',
        description: 'Flat, Mill Road',
      }),
      pe('b', '2026-01-02T10:00:00Z', '2026-01-02T11:00:00Z', { placeId: 'p1' }),
      pe('c', '2026-01-03T10:00:00Z', '2026-01-03T11:00:00Z', { placeId: 'p1' }),
      pe('d', '2026-01-04T10:00:00Z', '2026-01-04T11:00:00Z', { description: 'Bus  station' }),
      pe('e', '2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z', { description: 'bus station' }),
      pe('f', '2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z'),
      pe('g', '2026-01-07T10:00:00Z', null),
    ]);
    expect(p.whereFound).toEqual([
      { key: 'place:p1', label: 'Flat, Mill Road', count: 3 },
      { key: 'text:bus station', label: 'Bus  station', count: 2 },
      { key: 'not_recorded', label: 'Not recorded', count: 1 },
    ]);
  });

  it('groups where the child went missing from, with the configured labels', () => {
    const p = pattern([
      pe('a', '2026-01-01T10:00:00Z', null, undefined, 'care_placement'),
      pe('b', '2026-01-02T10:00:00Z', null, undefined, 'care_placement'),
      pe('c', '2026-01-03T10:00:00Z', null, undefined, 'school'),
    ]);
    expect(p.missingFrom).toEqual([
      { key: 'care_placement', label: MISSING_CONFIG.missingFrom[1]?.label, count: 2 },
      { key: 'school', label: 'School or college', count: 1 },
    ]);
  });

  it('gives every London month from first to last for a timeline, empty months included', () => {
    const p = pattern([
      pe('a', '2025-12-15T10:00:00Z', '2025-12-15T12:00:00Z'),
      pe('b', '2026-02-10T10:00:00Z', '2026-02-10T11:00:00Z'),
      pe('c', '2026-02-20T10:00:00Z', null),
      pe('d', '2026-03-31T23:30:00Z', null), // 00:30 BST on 1 April
    ]);
    expect(p.byMonth).toEqual([
      { month: '2025-12', count: 1, totalDurationMs: 2 * HOUR },
      { month: '2026-01', count: 0, totalDurationMs: 0 },
      { month: '2026-02', count: 2, totalDurationMs: HOUR },
      { month: '2026-03', count: 0, totalDurationMs: 0 },
      { month: '2026-04', count: 1, totalDurationMs: 0 },
    ]);
  });
});

describe('partnership share of interviews offered within the deadline', () => {
  const now = at('2026-06-30T12:00:00Z');
  type Kind = 'in_time' | 'late' | 'overdue' | 'not_held' | 'pending' | 'still_missing';

  function build(counts: Partial<Record<Kind, number>>) {
    const episodes: { id: string; returned: { at: Date } | null }[] = [];
    const interviews: (ClockInterview & { episodeId: string })[] = [];
    let n = 0;
    for (const [kind, count] of Object.entries(counts) as [Kind, number][]) {
      for (let i = 0; i < count; i++) {
        const id = `${kind}-${n++}`;
        const returnedAt = kind === 'pending' ? at('2026-06-29T12:00:00Z') : at('2026-06-01T12:00:00Z');
        episodes.push({ id, returned: kind === 'still_missing' ? null : { at: returnedAt } });
        if (kind === 'in_time') {
          interviews.push({
            episodeId: id,
            status: 'offered',
            offer: { offeredAt: at('2026-06-02T12:00:00Z') },
          });
        }
        if (kind === 'late') {
          interviews.push({
            episodeId: id,
            status: 'offered',
            offer: { offeredAt: at('2026-06-10T12:00:00Z') },
          });
        }
        if (kind === 'not_held') {
          interviews.push({
            episodeId: id,
            status: 'not_held',
            notHeldDecision: { decidedAt: at('2026-06-02T12:00:00Z'), reason: 'r' },
          });
        }
      }
    }
    return { episodes, interviews };
  }

  it('shows the share with its numerator and denominator when every number is large enough', () => {
    const { episodes, interviews } = build({ in_time: 15, late: 5 });
    const share = partnershipShare(episodes, interviews, { now });
    expect(share.numerator).toEqual({ value: 15, display: '15', suppressed: false });
    expect(share.denominator).toEqual({ value: 20, display: '20', suppressed: false });
    expect(share.share).toEqual({ value: 0.75, display: '75%', suppressed: false });
    expect(share.breakdown.offeredLate).toEqual({ value: 5, display: '5', suppressed: false });
    expect(share.note).toMatch(/within 72 hours/);
  });

  it('counts a decision not to hold one, and an overdue offer, as not offered in time; leaves out pending and still missing', () => {
    const { episodes, interviews } = build({
      in_time: 10,
      overdue: 5,
      not_held: 5,
      pending: 7,
      still_missing: 3,
    });
    const share = partnershipShare(episodes, interviews, { now });
    expect(share.denominator.value).toBe(20);
    expect(share.share.display).toBe('50%');
    expect(share.breakdown.notOfferedOverdue.value).toBe(5);
    expect(share.breakdown.notHeld.value).toBe(5);
    expect(share.pending.value).toBe(7);
  });

  it('shows 4 as "fewer than 5" and withholds the share; 5 is shown', () => {
    const shareOf = (counts: Partial<Record<Kind, number>>) => {
      const { episodes, interviews } = build(counts);
      return partnershipShare(episodes, interviews, { now });
    };
    const four = shareOf({ in_time: 4, late: 6 });
    expect(four.numerator).toEqual({ value: null, display: 'fewer than 5', suppressed: true });
    expect(four.share).toMatchObject({ value: null, suppressed: true });
    expect(four.denominator.display).toBe('10');
    const five = shareOf({ in_time: 5, late: 5 });
    expect(five.numerator.display).toBe('5');
    expect(five.share.display).toBe('50%');
  });

  it('withholds a small denominator', () => {
    const { episodes, interviews } = build({ in_time: 4 });
    const share = partnershipShare(episodes, interviews, { now });
    expect(share.denominator).toEqual({ value: null, display: 'fewer than 5', suppressed: true });
    expect(share.share.suppressed).toBe(true);
  });

  it('withholds the numerator and the share when they would reveal a small number not offered in time', () => {
    const { episodes, interviews } = build({ in_time: 18, late: 2 });
    const share = partnershipShare(episodes, interviews, { now });
    expect(share.denominator.display).toBe('20');
    expect(share.numerator).toEqual({
      value: null,
      display: 'not shown, to protect a small number',
      suppressed: true,
    });
    expect(share.share.suppressed).toBe(true);
    expect(share.breakdown.offeredLate.display).toBe('fewer than 5');
  });

  it('shows 100% when every interview was offered in time', () => {
    const { episodes, interviews } = build({ in_time: 6 });
    expect(partnershipShare(episodes, interviews, { now }).share.display).toBe('100%');
  });

  it('takes the threshold as a parameter', () => {
    const { episodes, interviews } = build({ in_time: 4, late: 3 });
    const share = partnershipShare(episodes, interviews, { now, suppressBelow: 3 });
    expect(share.threshold).toBe(3);
    expect(share.share.display).toBe('57%');
    expect(partnershipShare(episodes, interviews, { now, suppressBelow: 10 }).denominator.display).toBe(
      'fewer than 10',
    );
    expect(() => partnershipShare(episodes, interviews, { now, suppressBelow: 0 })).toThrow(RangeError);
    expect(() => partnershipShare(episodes, interviews, { now, suppressBelow: 2.5 })).toThrow(RangeError);
  });

  it('uses the configured deadline', () => {
    const { episodes, interviews } = build({ in_time: 5, late: 5 });
    const config: MissingConfig = {
      ...MISSING_CONFIG,
      version: 'long',
      interviewDeadline: { basis: 'elapsed_hours', hours: 24 * 14, source: 'test' },
    };
    const share = partnershipShare(episodes, interviews, { now, config });
    expect(share.numerator.value).toBe(10);
    expect(share.configVersion).toBe('long');
    expect(share.note).toMatch(/within 336 hours/);
  });

  it('handles no episodes', () => {
    const share = partnershipShare([], [], { now });
    expect(share.denominator.display).toBe('fewer than 5');
    expect(share.share.value).toBeNull();
  });

  it('suppressCount works at its boundary', () => {
    expect(suppressCount(4, 5).suppressed).toBe(true);
    expect(suppressCount(5, 5)).toEqual({ value: 5, display: '5', suppressed: false });
    expect(suppressCount(0, 5).display).toBe('fewer than 5');
  });
});
