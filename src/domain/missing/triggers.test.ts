import { describe, expect, it } from 'vitest';
import type { MissingConfig } from './config.ts';
import type { HarmAnswer } from './schema.ts';
import {
  type ChronologyEpisode,
  chronologyEntry,
  episodesInWindow,
  episodeTriggers,
  reanalysisDue,
  type TriggerEpisode,
  triageReasons,
} from './triggers.ts';

const at = (iso: string) => new Date(iso);

let seq = 0;
function ep(reportedAt: string, overrides: Partial<TriggerEpisode> = {}): TriggerEpisode {
  seq++;
  return {
    id: `e${seq}`,
    childId: 'child-1',
    reportedAt: at(reportedAt),
    harmWhileMissing: 'none_known',
    crimeWhileMissing: 'none_known',
    ...overrides,
  };
}

describe('re-analysis', () => {
  it('is due after every episode, with a reason naming the date and the framework', () => {
    for (const e of [ep('2026-03-28T10:00:00Z'), ep('2026-06-01T23:30:00Z', { harmWhileMissing: 'known' })]) {
      const due = reanalysisDue(e);
      expect(due.due).toBe(true);
      expect(due.reason).toMatch(/Risk Analysis Framework, seed 004/);
    }
    expect(reanalysisDue(ep('2026-06-01T23:30:00Z')).reason).toMatch(/2 Jun 2026/);
  });

  it('is part of what every episode sets off, even when nothing puts the child on the triage list', () => {
    const only = ep('2026-03-28T10:00:00Z');
    const triggers = episodeTriggers(only, [only]);
    expect(triggers.reanalysis.due).toBe(true);
    expect(triggers.triage).toEqual({ onNextList: false, reasons: [] });
  });
});

describe('triage: repeat episodes (3 in 90 days by default)', () => {
  it('2 episodes in the window do not trigger; 3 do', () => {
    const a = ep('2026-02-01T10:00:00Z');
    const b = ep('2026-03-01T10:00:00Z');
    const c = ep('2026-04-01T10:00:00Z');
    expect(triageReasons(b, [a, b])).toEqual([]);
    const reasons = triageReasons(c, [a, b, c]);
    expect(reasons).toEqual([
      {
        code: 'repeat_episodes',
        episodeIds: [a.id, b.id, c.id],
        count: 3,
        rule: { episodes: 3, withinDays: 90 },
        message: expect.stringMatching(
          /^Reported missing 3 times in 90 days \(1 Feb 2026, 1 Mar 2026, 1 Apr 2026\)/,
        ),
      },
    ]);
  });

  it('counts an episode 90 days earlier, not one 91 days earlier', () => {
    const day90 = ep('2026-01-01T10:00:00Z');
    const day91 = ep('2025-12-31T10:00:00Z');
    const middle = ep('2026-02-15T10:00:00Z');
    const current = ep('2026-04-01T10:00:00Z');
    expect(triageReasons(current, [day90, middle, current])[0]?.code).toBe('repeat_episodes');
    expect(triageReasons(current, [day91, middle, current])).toEqual([]);
  });

  it('counts London calendar days, whatever the time of day or the clock change in between', () => {
    const middle = ep('2026-02-15T10:00:00Z');
    // Day 90 late in the evening, the current one early in the morning: fewer than 90×24 hours, still day 90.
    const day90Evening = ep('2026-01-01T20:00:00Z');
    const currentMorning = ep('2026-04-01T06:00:00Z');
    expect(triageReasons(currentMorning, [day90Evening, middle, currentMorning])).toHaveLength(1);
    // Day 91 at 23:30: about 90 days 6 hours elapsed, but day 91 on the calendar, so not counted.
    const day91Late = ep('2025-12-31T23:30:00Z');
    expect(triageReasons(currentMorning, [day91Late, middle, currentMorning])).toEqual([]);
    // 23:30 UTC on 31 March is 00:30 BST on 1 April: the window ends on the London day.
    const currentLondonApril = ep('2026-03-31T23:30:00Z');
    const day90 = ep('2026-01-01T10:00:00Z');
    expect(triageReasons(currentLondonApril, [day90, middle, currentLondonApril])).toHaveLength(1);
  });

  it('only counts episodes up to this one, and only this child’s', () => {
    const a = ep('2026-02-01T10:00:00Z');
    const b = ep('2026-03-01T10:00:00Z');
    const later = ep('2026-03-10T10:00:00Z');
    const otherChild = ep('2026-02-20T10:00:00Z', { childId: 'child-2' });
    expect(triageReasons(b, [a, b, later])).toEqual([]);
    expect(triageReasons(b, [a, b, otherChild])).toEqual([]);
    expect(episodesInWindow(later, [a, b, later, otherChild], 90).map((e) => e.id)).toEqual([
      a.id,
      b.id,
      later.id,
    ]);
  });

  it('includes this episode even when the caller left it out, and never twice', () => {
    const a = ep('2026-02-01T10:00:00Z');
    const b = ep('2026-03-01T10:00:00Z');
    const c = ep('2026-03-05T10:00:00Z');
    expect(triageReasons(c, [a, b])[0]).toMatchObject({ count: 3 });
    expect(triageReasons(c, [a, b, c, c])[0]).toMatchObject({ count: 3 });
  });

  it('follows a partnership’s own rule', () => {
    const config: Pick<MissingConfig, 'repeatEpisodes'> = {
      repeatEpisodes: { episodes: 2, withinDays: 30, source: 'local protocol' },
    };
    const a = ep('2026-03-01T10:00:00Z');
    const b = ep('2026-03-31T10:00:00Z');
    const c = ep('2026-04-01T10:00:00Z');
    expect(triageReasons(b, [a, b], config)[0]).toMatchObject({
      count: 2,
      rule: { episodes: 2, withinDays: 30 },
    });
    expect(triageReasons(c, [a, c], config)).toEqual([]);
  });
});

describe('triage: harm or crime while missing', () => {
  it.each([
    ['known', 'The child came to harm while missing.'],
    ['suspected', 'It is suspected that the child came to harm while missing.'],
  ] as const)('harm "%s" puts the child on the list', (answer, message) => {
    const e = ep('2026-03-28T10:00:00Z', { harmWhileMissing: answer });
    expect(triageReasons(e, [e])).toEqual([{ code: 'harm_while_missing', answer, message }]);
    expect(episodeTriggers(e, [e]).triage.onNextList).toBe(true);
  });

  it.each(['known', 'suspected'] as const)(
    'crime "%s" puts the child on the list, without criminalising them',
    (answer) => {
      const e = ep('2026-03-28T10:00:00Z', { crimeWhileMissing: answer });
      const [reason] = triageReasons(e, [e]);
      expect(reason).toMatchObject({ code: 'crime_while_missing', answer });
      expect(reason?.message).toMatch(/against the child, or one others may have exploited them to commit/);
    },
  );

  it.each(['none_known', 'not_known_yet'] as HarmAnswer[])('"%s" does not', (answer) => {
    const e = ep('2026-03-28T10:00:00Z', { harmWhileMissing: answer, crimeWhileMissing: answer });
    expect(triageReasons(e, [e])).toEqual([]);
  });

  it('gives every reason that applies', () => {
    const a = ep('2026-02-01T10:00:00Z');
    const b = ep('2026-03-01T10:00:00Z');
    const c = ep('2026-03-20T10:00:00Z', { harmWhileMissing: 'known', crimeWhileMissing: 'suspected' });
    expect(triageReasons(c, [a, b, c]).map((r) => r.code)).toEqual([
      'repeat_episodes',
      'harm_while_missing',
      'crime_while_missing',
    ]);
  });
});

describe('chronology entry', () => {
  const base: ChronologyEpisode = {
    id: 'ep-1',
    childId: 'child-1',
    reportedAt: at('2026-03-28T10:00:00Z'),
    lastSeenAt: at('2026-03-28T08:00:00Z'),
    reportedBy: { name: 'Sam Carter', role: 'Residential support worker' },
    missingFrom: { kind: 'care_placement', placement: { name: 'Elm House' } },
    protocolCategory: 'missing',
    policeReference: 'MP/2026/0042',
    policeRiskGrade: 'medium',
    returned: { at: at('2026-03-29T17:00:00Z'), how: 'found_by_police', where: { description: 'Mill Road' } },
    harmWhileMissing: 'suspected',
    crimeWhileMissing: 'not_known_yet',
    safeAndWellCheck: { at: at('2026-03-29T18:30:00Z') },
  };

  it('records the episode with its source, dated when the child was reported missing', () => {
    const entry = chronologyEntry(base);
    expect(entry).toMatchObject({
      recordType: 'missing_episode',
      recordId: 'ep-1',
      occurredAt: base.reportedAt,
      title: 'Reported missing from care placement (foster, residential or supported accommodation)',
      source: 'Missing episode report by Sam Carter (Residential support worker)',
    });
    expect(entry.summary).toMatch(/, Elm House, at Sat, 28 Mar 2026, 10:00 GMT, by Sam Carter/);
    expect(entry.summary).toMatch(/police grading at report: Medium risk \(the police's grading\)/);
    expect(entry.summary).toMatch(
      /Found or returned .* at Mill Road \(found by police\), after 1 day 9 hours\./,
    );
    expect(entry.summary).toMatch(/Harm while missing: suspected\. Crime while missing: not known yet\./);
    expect(entry.summary).toMatch(/Police safe and well check/);
  });

  it('says when the child has not been found yet', () => {
    const entry = chronologyEntry({ ...base, returned: null, safeAndWellCheck: null, policeRiskGrade: null });
    expect(entry.summary).toMatch(/Not yet found or returned\./);
    expect(entry.summary).not.toMatch(/grading/);
  });
});
