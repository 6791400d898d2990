import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type ClockInterview,
  clockStatus,
  formatDuration,
  interviewDueAt,
  interviewForEpisode,
  interviewsDue,
  isWorkingDay,
} from './clock.ts';
import { MISSING_CONFIG, type MissingConfig } from './config.ts';
import { londonParts } from './london.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

const workingDays = (n: number): MissingConfig => ({
  ...MISSING_CONFIG,
  version: 'test-working-days',
  interviewDeadline: { basis: 'working_days', workingDays: n, source: 'test' },
});
const hours = (n: number): MissingConfig => ({
  ...MISSING_CONFIG,
  interviewDeadline: { basis: 'elapsed_hours', hours: n, source: 'test' },
});

describe('72 elapsed hours across the clock changes', () => {
  it('spring: a return on Saturday 28 March 2026 at 10:00 GMT is due 72 real hours later, at 11:00 BST', () => {
    const returnedAt = at('2026-03-28T10:00:00Z');
    const dueAt = interviewDueAt(returnedAt);
    expect(dueAt.toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(dueAt.getTime() - returnedAt.getTime()).toBe(72 * HOUR);
    expect(londonParts(returnedAt).hour).toBe(10);
    expect(londonParts(dueAt).hour).toBe(11);
  });

  it('autumn: a return on Saturday 24 October 2026 at 11:00 BST is due 72 real hours later, at 10:00 GMT', () => {
    const returnedAt = at('2026-10-24T10:00:00Z');
    const dueAt = interviewDueAt(returnedAt);
    expect(dueAt.toISOString()).toBe('2026-10-27T10:00:00.000Z');
    expect(dueAt.getTime() - returnedAt.getTime()).toBe(72 * HOUR);
    expect(londonParts(returnedAt).hour).toBe(11);
    expect(londonParts(dueAt).hour).toBe(10);
  });

  it('a return inside the repeated autumn hour is still 72 real hours', () => {
    const first = at('2026-10-25T00:30:00Z'); // 01:30 BST
    const second = at('2026-10-25T01:30:00Z'); // 01:30 GMT, an hour later
    expect(interviewDueAt(second).getTime() - interviewDueAt(first).getTime()).toBe(HOUR);
  });

  it('the remaining time counts real hours through the change', () => {
    const clock = clockStatus(
      { returned: { at: at('2026-03-28T10:00:00Z') } },
      at('2026-03-29T10:00:00Z'), // 24 real hours later, though the wall clock shows 11:00
    );
    expect(clock).toMatchObject({ state: 'due', remainingMs: 48 * HOUR });
  });

  it('honours a configured number of hours', () => {
    expect(interviewDueAt(at('2026-01-05T09:00:00Z'), hours(48)).toISOString()).toBe(
      '2026-01-07T09:00:00.000Z',
    );
  });
});

describe('working days on the London calendar', () => {
  const due = (returned: string, n = 3) => interviewDueAt(at(returned), workingDays(n)).toISOString();

  it('knows weekends and bank holidays are not working days', () => {
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day, substitute
  });

  it('counts from the day after the day of return', () => {
    expect(addWorkingDays('2026-06-01', 1)).toBe('2026-06-02');
    expect(addWorkingDays('2026-06-05', 1)).toBe('2026-06-08'); // Friday → Monday
    expect(addWorkingDays('2026-06-06', 1)).toBe('2026-06-08'); // Saturday → Monday
  });

  it('ends at the end of the third working day, skipping the weekend', () => {
    // Friday 5 June → Mon 8, Tue 9, Wed 10: due by the end of Wednesday (23:59:59.999 BST).
    expect(due('2026-06-05T15:00:00Z')).toBe('2026-06-10T22:59:59.999Z');
    // A return on the Saturday or Sunday gives the same deadline.
    expect(due('2026-06-06T15:00:00Z')).toBe('2026-06-10T22:59:59.999Z');
    expect(due('2026-06-07T15:00:00Z')).toBe('2026-06-10T22:59:59.999Z');
  });

  it('uses the London day of return, not the UTC day', () => {
    // 23:30 UTC on Monday 1 June is 00:30 BST on Tuesday 2 June: Wed 3, Thu 4, Fri 5.
    expect(due('2026-06-01T23:30:00Z')).toBe('2026-06-05T22:59:59.999Z');
    expect(due('2026-06-01T22:59:00Z')).toBe('2026-06-04T22:59:59.999Z');
  });

  it('skips Easter (Good Friday and Easter Monday 2026)', () => {
    // Thursday 2 April → Tue 7, Wed 8, Thu 9 April.
    expect(due('2026-04-02T12:00:00Z')).toBe('2026-04-09T22:59:59.999Z');
    // Easter 2027 falls across the clock change: Thursday 25 March (GMT) → Tue 30, Wed 31 March, Thu 1 April (BST).
    expect(due('2027-03-25T12:00:00Z')).toBe('2027-04-01T22:59:59.999Z');
  });

  it('skips Christmas and New Year, substitute days included', () => {
    // Wednesday 23 Dec 2026 → Thu 24 (1); 25, 26–27 weekend, 28 substitute Boxing Day; Tue 29 (2), Wed 30 (3).
    expect(due('2026-12-23T12:00:00Z')).toBe('2026-12-30T23:59:59.999Z');
    // Thursday 23 Dec 2027 → Fri 24 (1); 27 and 28 are substitutes; Wed 29 (2), Thu 30 (3).
    expect(due('2027-12-23T12:00:00Z')).toBe('2027-12-30T23:59:59.999Z');
    // Friday 31 Dec 2027 → Monday 3 Jan 2028 is the New Year substitute: Tue 4, Wed 5, Thu 6.
    expect(due('2027-12-31T12:00:00Z')).toBe('2028-01-06T23:59:59.999Z');
  });

  it('is right across the spring change weekend', () => {
    // Friday 27 March 2026 (GMT) → Mon 30, Tue 31 March, Wed 1 April, all BST.
    expect(due('2026-03-27T18:00:00Z')).toBe('2026-04-01T22:59:59.999Z');
  });

  it('is right across the autumn change weekend, including a return in the small hours', () => {
    // 23:30 UTC on Saturday 24 October is 00:30 BST on Sunday 25th → Mon 26, Tue 27, Wed 28 (GMT).
    expect(due('2026-10-24T23:30:00Z')).toBe('2026-10-28T23:59:59.999Z');
    // Friday 23 October (BST) → Mon 26, Tue 27, Wed 28.
    expect(due('2026-10-23T12:00:00Z')).toBe('2026-10-28T23:59:59.999Z');
  });

  it('warns when the deadline falls after the configured bank holidays end', () => {
    const clock = clockStatus(
      { returned: { at: at('2028-12-29T12:00:00Z') } },
      at('2028-12-29T13:00:00Z'),
      workingDays(3),
    );
    expect(clock.warnings).toEqual([expect.stringMatching(/configured only up to 2028-12-31/)]);
    const inside = clockStatus(
      { returned: { at: at('2028-12-20T12:00:00Z') } },
      at('2028-12-20T13:00:00Z'),
      workingDays(3),
    );
    expect(inside.warnings).toEqual([]);
    const hoursClock = clockStatus(
      { returned: { at: at('2029-06-01T12:00:00Z') } },
      at('2029-06-01T13:00:00Z'),
    );
    expect(hoursClock.warnings).toEqual([]);
  });
});

describe('clock states', () => {
  const returnedAt = at('2026-03-28T10:00:00Z');
  const dueAt = at('2026-03-31T10:00:00Z');
  const episode = (interview?: ClockInterview) => ({ returned: { at: returnedAt }, interview });
  const offer = (iso: string): ClockInterview => ({ status: 'offered', offer: { offeredAt: at(iso) } });

  it('has not started while the child is still missing', () => {
    const clock = clockStatus({ returned: null }, at('2026-03-28T12:00:00Z'));
    expect(clock).toMatchObject({ state: 'not_due_yet', dueAt: null });
    expect(clock.summary).toMatch(/starts when they are/);
  });

  it('is due, with the time left, until the deadline (inclusive)', () => {
    expect(clockStatus(episode(), at('2026-03-28T12:00:00Z'))).toMatchObject({
      state: 'due',
      dueAt,
      remainingMs: 70 * HOUR,
    });
    expect(clockStatus(episode(), dueAt)).toMatchObject({ state: 'due', remainingMs: 0 });
  });

  it('is overdue one millisecond after, with how long', () => {
    expect(clockStatus(episode(), new Date(dueAt.getTime() + 1))).toMatchObject({
      state: 'overdue',
      overdueMs: 1,
    });
    const clock = clockStatus(episode(), at('2026-04-01T15:00:00Z'));
    expect(clock).toMatchObject({ state: 'overdue', overdueMs: 29 * HOUR });
    expect(clock.summary).toMatch(/not yet offered: it was due by .*, 1 day 5 hours ago/);
  });

  it('is offered in time up to and including the deadline, late after it, whatever "now" is', () => {
    expect(clockStatus(episode(offer('2026-03-31T10:00:00Z')), at('2026-05-01T00:00:00Z'))).toMatchObject({
      state: 'offered_in_time',
      remainingMs: 0,
    });
    expect(clockStatus(episode(offer('2026-03-30T10:00:00Z')), at('2026-05-01T00:00:00Z'))).toMatchObject({
      state: 'offered_in_time',
      remainingMs: 24 * HOUR,
    });
    const late = clockStatus(episode(offer('2026-03-31T14:00:00Z')), at('2026-05-01T00:00:00Z'));
    expect(late).toMatchObject({ state: 'offered_late', overdueMs: 4 * HOUR });
    expect(late.summary).toMatch(/4 hours after the deadline/);
  });

  it('keeps the offer as the answer when the child then declines or it becomes impossible', () => {
    const declined: ClockInterview = {
      status: 'declined',
      offer: { offeredAt: at('2026-03-29T10:00:00Z') },
      reason: 'r',
    };
    expect(clockStatus(episode(declined), at('2026-04-10T00:00:00Z')).state).toBe('offered_in_time');
    const impossible: ClockInterview = {
      status: 'not_possible',
      offer: { offeredAt: at('2026-04-02T10:00:00Z') },
      reason: 'Missing again',
    };
    expect(clockStatus(episode(impossible), at('2026-04-10T00:00:00Z')).state).toBe('offered_late');
  });

  it('stops at a recorded decision not to hold one, with the reason', () => {
    const clock = clockStatus(
      episode({
        status: 'not_held',
        notHeldDecision: { decidedAt: at('2026-03-29T09:00:00Z'), reason: 'Joint police interview agreed' },
      }),
      at('2026-04-10T00:00:00Z'),
    );
    expect(clock).toMatchObject({
      state: 'not_held',
      outcome: 'not_held',
      reason: 'Joint police interview agreed',
      decidedAt: at('2026-03-29T09:00:00Z'),
      dueAt,
    });
    expect(clock.summary).toMatch(/Decision recorded not to hold .*Joint police interview agreed/);
  });

  it('stops at "not possible" with no offer, with the reason', () => {
    const clock = clockStatus(
      episode({ status: 'not_possible', reason: 'Moved out of area' }),
      at('2026-04-10T00:00:00Z'),
    );
    expect(clock).toMatchObject({ state: 'not_held', outcome: 'not_possible', reason: 'Moved out of area' });
  });

  it('records the configuration it used', () => {
    expect(clockStatus(episode(), at('2026-03-28T12:00:00Z'), workingDays(3))).toMatchObject({
      basis: 'working_days',
      configVersion: 'test-working-days',
    });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, 'less than a minute'],
    [59_999, 'less than a minute'],
    [60_000, '1 minute'],
    [90 * 60_000, '1 hour 30 minutes'],
    [2 * HOUR, '2 hours'],
    [24 * HOUR, '1 day'],
    [(48 + 3) * HOUR + 20 * 60_000, '2 days 3 hours'],
    [-5 * HOUR, '5 hours'],
  ])('%i ms reads "%s"', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });
});

describe('the view of interviews due and overdue', () => {
  const e = (id: string, returned: string | null) => ({
    id,
    childId: `child-${id}`,
    returned: returned ? { at: at(returned) } : null,
  });

  it('lists returns waiting for an offer or decision, most urgent first', () => {
    const episodes = [
      e('a', '2026-03-28T10:00:00Z'), // overdue at now
      e('b', '2026-03-30T10:00:00Z'), // due
      e('c', null), // still missing
      e('d', '2026-03-29T10:00:00Z'), // offered
      e('f', '2026-03-29T11:00:00Z'), // not held
      e('g', '2026-03-27T10:00:00Z'), // overdue, the most
    ];
    const interviews = [
      { episodeId: 'd', status: 'offered' as const, offer: { offeredAt: at('2026-03-30T09:00:00Z') } },
      {
        episodeId: 'f',
        status: 'not_held' as const,
        notHeldDecision: { decidedAt: at('2026-03-30T09:00:00Z'), reason: 'r' },
      },
    ];
    const list = interviewsDue(episodes, interviews, at('2026-03-31T12:00:00Z'));
    expect(list.map((c) => [c.episodeId, c.clock.state])).toEqual([
      ['g', 'overdue'],
      ['a', 'overdue'],
      ['b', 'due'],
    ]);
    expect(list[0]?.childId).toBe('child-g');
  });

  it('takes the earliest offer when an episode has more than one record', () => {
    const records = [
      { episodeId: 'x', status: 'not_possible' as const, reason: 'r' },
      { episodeId: 'x', status: 'offered' as const, offer: { offeredAt: at('2026-03-30T10:00:00Z') } },
      { episodeId: 'x', status: 'offered' as const, offer: { offeredAt: at('2026-03-29T10:00:00Z') } },
      { episodeId: 'y', status: 'offered' as const, offer: { offeredAt: at('2026-03-28T10:00:00Z') } },
    ];
    expect(interviewForEpisode('x', records)).toBe(records[2]);
    expect(interviewForEpisode('z', records)).toBeNull();
    expect(interviewForEpisode('x', [records[0] as (typeof records)[number]])).toBe(records[0]);
  });
});
