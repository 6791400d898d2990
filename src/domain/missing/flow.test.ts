/**
 * One journey through the module with records as the API would parse them: the parsed types must fit
 * every function without mapping (the compiler checks that), and the answers must agree.
 */
import { describe, expect, it } from 'vitest';
import { clockStatus, interviewsDue } from './clock.ts';
import { independenceWarning, interviewIndependenceWarnings } from './independence.ts';
import {
  type MissingEpisode,
  missingEpisodeInputSchema,
  type ReturnInterview,
  returnInterviewSchema,
} from './schema.ts';
import { chronologyEntry, episodeTriggers } from './triggers.ts';
import { partnershipShare, pattern } from './views.ts';

const CHILD = '00000000-0000-4000-8000-000000000001';
const PROVIDER = '00000000-0000-4000-8000-0000000000b1';
const INDEPENDENT = '00000000-0000-4000-8000-0000000000a9';

function episode(id: string, reportedAt: string, returnedAt: string | undefined): MissingEpisode {
  const data = missingEpisodeInputSchema.parse({
    childId: CHILD,
    reportedAt,
    reportedBy: { name: 'Sam Carter', role: 'Residential support worker' },
    missingFrom: { kind: 'care_placement', placement: { name: 'Elm House', providerId: PROVIDER } },
    protocolCategory: 'missing',
    policeRiskGrade: 'medium',
    returned: returnedAt
      ? { at: returnedAt, how: 'found_by_police', where: { description: 'Mill Road' } }
      : undefined,
  });
  return { ...data, id };
}

describe('a child who goes missing three times from a placement', () => {
  const episodes = [
    episode('e1', '2026-02-14T21:00:00Z', '2026-02-15T09:00:00Z'),
    episode('e2', '2026-03-20T22:00:00Z', '2026-03-21T07:30:00Z'),
    episode('e3', '2026-03-28T10:00:00Z', '2026-03-29T17:00:00Z'),
  ];
  const e3 = episodes[2] as MissingEpisode;

  const offerFromPlacement: ReturnInterview = {
    ...returnInterviewSchema(undefined, e3).parse({
      episodeId: CHILD,
      status: 'offered',
      offer: {
        offeredAt: '2026-03-30T09:00:00+01:00',
        offeredBy: { name: 'Pat Green', providerId: PROVIDER },
      },
    }),
    id: 'i3',
  };
  const interviews = [
    { ...offerFromPlacement, episodeId: 'e3' },
    {
      ...returnInterviewSchema(undefined, episodes[0]).parse({
        episodeId: CHILD,
        status: 'completed',
        offer: {
          offeredAt: '2026-02-16T10:00:00Z',
          offeredBy: { name: 'Alex Morgan', agencyId: INDEPENDENT },
        },
        completedAt: '2026-02-17T16:00:00Z',
        pushFactors: ['placed_far_from_home'],
        pullFactors: ['groomed_with_gifts_or_money'],
        whereTheyWere: [{ link: 'new_place_of_concern', name: 'Flat above the takeaway' }],
      }),
      id: 'i1',
      episodeId: 'e1',
    },
  ];

  it('puts the child on the next MACE triage list and makes a re-analysis due', () => {
    const triggers = episodeTriggers(e3, episodes);
    expect(triggers.reanalysis.due).toBe(true);
    expect(triggers.triage.onNextList).toBe(true);
    expect(triggers.triage.reasons.map((r) => r.code)).toEqual(['repeat_episodes']);
  });

  it('runs the interview clock and warns that the offer comes from the placement’s provider', () => {
    const interview = interviews[0];
    expect(clockStatus({ ...e3, interview }, new Date('2026-03-30T12:00:00Z'))).toMatchObject({
      state: 'offered_in_time',
    });
    expect(independenceWarning(offerFromPlacement.offer ?? {}, e3)?.code).toBe('same_provider');
    expect(interviewIndependenceWarnings(offerFromPlacement, e3).map((w) => w.who)).toEqual(['offeredBy']);
  });

  it('lists the episode without an offer as overdue', () => {
    const due = interviewsDue(episodes, interviews, new Date('2026-03-30T12:00:00Z'));
    expect(due.map((d) => [d.episodeId, d.clock.state])).toEqual([['e2', 'overdue']]);
  });

  it('feeds the chronology, the child’s pattern and the partnership share', () => {
    expect(chronologyEntry(e3).title).toMatch(/^Reported missing from care placement/);
    const p = pattern(episodes);
    expect(p.count).toBe(3);
    expect(p.whereFound).toEqual([{ key: 'text:mill road', label: 'Mill Road', count: 3 }]);
    const share = partnershipShare(episodes, interviews, { now: new Date('2026-04-30T00:00:00Z') });
    expect(share.denominator.display).toBe('fewer than 5');
  });
});
