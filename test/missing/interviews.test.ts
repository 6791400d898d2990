import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/domain/language/index.ts';
import type { ChildMissing, DueItem, Mention } from '../../src/web/missing/api.ts';
import { type People, people } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { childWithLead, episodeBody, hoursAgo, missingSnapshot, offerBody, returnBody } from './fixtures.ts';

describe(`return interviews: bad input, independence, the network and the list of interviews due (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let manager: Client;
  let health: Client;
  let childId: string;
  let episodeId: string;
  let placementAgency: string;
  let independentAgency: string;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    health = await h.signedIn(p.health);
    placementAgency = await h.agency('voluntary_sector', 'Elm House Residential');
    independentAgency = await h.agency('voluntary_sector', 'Fernbridge Return Interview Service');
    childId = await childWithLead(csc, manager, p.csc, { givenName: 'Leah', familyName: 'Farrow' });
    const made = await csc.post(
      '/api/missing/episodes',
      episodeBody(childId, {
        missingFrom: { kind: 'care_placement', placement: { name: 'Elm House', agencyId: placementAgency } },
      }),
    );
    expect(made.status, made.text).toBe(201);
    episodeId = made.json.episode.id;
    const ret = await csc.post(`/api/missing/episodes/${episodeId}/return`, returnBody());
    expect(ret.status, ret.text).toBe(200);
  });
  afterAll(() => h.close());

  describe('bad input is refused naming the field, and leaves nothing behind', () => {
    const refused = async (body: unknown, path: string, pattern: RegExp) => {
      const before = await missingSnapshot(h);
      const res = await csc.post('/api/missing/interviews', body);
      expect(res.status, res.text).toBe(400);
      const field = res.json.error.fields.find((f: { path: string }) => f.path === path);
      expect(field, res.text).toBeTruthy();
      expect(field.message).toMatch(pattern);
      expect(await missingSnapshot(h)).toEqual(before);
    };

    it('an offer with no offerer', () =>
      refused(
        offerBody(episodeId, { offer: { offeredAt: hoursAgo(10) } }),
        'offer.offeredBy',
        /must say who made it/,
      ));

    it('an interview completed before the return', () =>
      refused(
        offerBody(episodeId, {
          status: 'completed',
          offer: { offeredAt: hoursAgo(25), offeredBy: { name: 'Jess Whitcombe' } },
          completedAt: hoursAgo(21),
        }),
        'completedAt',
        /before the child was found or returned/,
      ));

    it('an offer before the return', () =>
      refused(
        offerBody(episodeId, { offer: { offeredAt: hoursAgo(22), offeredBy: { name: 'Jess Whitcombe' } } }),
        'offer.offeredAt',
        /before the child was found or returned/,
      ));

    it('a decision not to hold one without a reason', () =>
      refused(
        {
          episodeId,
          status: 'not_held',
          notHeldDecision: { decidedAt: hoursAgo(5), decidedBy: { name: 'Morgan Ashdown' } },
        },
        'notHeldDecision.reason',
        /must say why/,
      ));

    it('an interview for a child not yet returned', async () => {
      const made = await csc.post(
        '/api/missing/episodes',
        episodeBody(childId, { reportedAt: hoursAgo(2), lastSeenAt: undefined }),
      );
      await refused(offerBody(made.json.episode.id), 'episodeId', /no return recorded/);
    });

    it('a push factor that is not in the configured list', () =>
      refused(
        offerBody(episodeId, { pushFactors: ['being_difficult'] }),
        'pushFactors.0',
        /not in the configured list of push factors/,
      ));
  });

  it('warns when the offer comes from the placement itself, and still saves it', async () => {
    const res = await csc.post(
      '/api/missing/interviews',
      offerBody(episodeId, {
        offer: {
          offeredAt: hoursAgo(15),
          offeredBy: { name: 'Pat Green', role: 'Registered manager', agencyId: placementAgency },
        },
      }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.json.warnings).toEqual([
      expect.objectContaining({
        who: 'offeredBy',
        code: 'same_agency',
        severity: 'warning',
        message:
          'Pat Green is from the same agency as the placement the child went missing from (Elm House).',
      }),
    ]);
    expect(res.json.warnings[0].why).toMatch(/independent of the placement/);
    expect(res.json.interview.status).toBe('offered');
    expect(res.json.interview.independenceWarnings).toHaveLength(1);
    expect(res.json.clock.state).toBe('offered_in_time');
    const row = await h.db
      .selectFrom('missing_interviews')
      .select(['status', 'offered_at'])
      .where('id', '=', res.json.interview.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('offered');
  });

  it('an independent offer carries no warning; completing it records what was heard and the places and people', async () => {
    const offered = await csc.post(
      '/api/missing/interviews',
      offerBody(episodeId, {
        offer: {
          offeredAt: hoursAgo(12),
          offeredBy: { name: 'Jess Whitcombe', agencyId: independentAgency },
        },
      }),
    );
    expect(offered.status, offered.text).toBe(201);
    expect(offered.json.warnings).toEqual([]);
    const id = offered.json.interview.id;

    const account = 'I stayed at Dee’s flat because he said I owed him for the phone.';
    const completed = await csc.request('PUT', `/api/missing/interviews/${id}`, {
      ...offerBody(episodeId, {
        offer: {
          offeredAt: hoursAgo(12),
          offeredBy: { name: 'Jess Whitcombe', agencyId: independentAgency },
        },
      }),
      status: 'completed',
      completedAt: hoursAgo(2),
      pushFactors: ['placed_far_from_home'],
      pullFactors: ['threats_debt_or_coercion', 'groomed_with_gifts_or_money'],
      childsAccount: account,
      whereTheyWere: [
        {
          link: 'new_place_of_concern',
          name: 'Flat above the Golden Wok',
          address: '3 Mill Road, Fernbridge',
        },
        { link: 'not_linked', description: 'A car park near the station' },
      ],
      whoWith: [
        {
          link: 'new_person_of_concern',
          name: 'Dee',
          description: 'Adult man, about 25, drives a grey hatchback',
        },
      ],
      sharing: [
        {
          with: 'police',
          sharedAt: hoursAgo(1),
          summary: 'Address and description of Dee shared with the missing persons coordinator.',
        },
      ],
    });
    expect(completed.status, completed.text).toBe(200);
    const interview = completed.json.interview;
    expect(interview.status).toBe('completed');
    expect(interview.childsAccount).toBe(account);
    expect(interview.pullFactors.map((f: { id: string }) => f.id)).toEqual([
      'threats_debt_or_coercion',
      'groomed_with_gifts_or_money',
    ]);
    expect(interview.statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'offered',
      'completed',
    ]);
    expect(interview.sharing[0].withName).toBe('Police');
    expect(completed.json.clock.state).toBe('offered_in_time');

    const chronology = await h.db
      .selectFrom('chronology_entries')
      .select(['title', 'summary'])
      .where('record_id', '=', id)
      .execute();
    expect(chronology.map((c) => c.title)).toEqual(['Return interview completed']);
    // The child's own words stay in the interview record; the chronology says what the service did.
    expect(chronology[0]?.summary).not.toContain('owed him');
  });

  it('places and people from the interview and the return appear in the child’s network, ready to link', async () => {
    const res = await csc.get(`/api/missing/children/${childId}`);
    expect(res.status, res.text).toBe(200);
    const places = res.json.network.places.map((m: Mention) => [
      m.role,
      m.requested,
      m.name ?? m.description,
      m.contextId,
    ]);
    expect(places).toEqual(
      expect.arrayContaining([
        ['found_at', 'not_linked', 'Bus station, Mill Road', null],
        ['was_at', 'new_of_concern', 'Flat above the Golden Wok', null],
        ['was_at', 'not_linked', 'A car park near the station', null],
      ]),
    );
    const people_ = res.json.network.people.map((m: Mention) => [
      m.role,
      m.requested,
      m.name ?? m.description,
    ]);
    expect(people_).toEqual(
      expect.arrayContaining([
        ['found_with', 'not_linked', 'An adult man in his twenties, known as "Dee"'],
        ['was_with', 'new_of_concern', 'Dee'],
      ]),
    );
    for (const m of [...res.json.network.places, ...res.json.network.people]) {
      expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(m.episodeId).toBe(episodeId);
    }
    // Each entry is a row with its own id, waiting for the contexts capability to link it.
    const rows = await h.db
      .selectFrom('missing_mentions')
      .select(['kind', 'context_id'])
      .where('child_id', '=', childId)
      .execute();
    expect(rows.length).toBe(5);
    expect(rows.every((r) => r.context_id === null)).toBe(true);

    // The pattern for the chart: durations and where found.
    const point = res.json.pattern.timeline.find(
      (t: ChildMissing['pattern']['timeline'][number]) => t.episodeId === episodeId,
    );
    expect(point.whereFound).toBe('Bus station, Mill Road');
    expect(Math.round(point.durationMs / 60_000)).toBe(12 * 60);
  });

  it('linking a place that does not exist is refused, naming the field', async () => {
    const before = await missingSnapshot(h);
    const res = await csc.post(
      '/api/missing/interviews',
      offerBody(episodeId, {
        whereTheyWere: [{ link: 'existing_place', placeId: '00000000-0000-4000-8000-0000000000aa' }],
      }),
    );
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.fields[0].path).toBe('whereTheyWere.0.placeId');
    expect(res.json.error.fields[0].message).toMatch(/no place record with this id that you can see/);
    expect(await missingSnapshot(h)).toEqual(before);
  });

  it('a decision not to hold one stops the clock, with its reason', async () => {
    const made = await csc.post('/api/missing/episodes', episodeBody(childId, { reportedAt: hoursAgo(30) }));
    const id = made.json.episode.id;
    await csc.post(`/api/missing/episodes/${id}/return`, returnBody());
    const res = await manager.post('/api/missing/interviews', {
      episodeId: id,
      status: 'not_held',
      notHeldDecision: {
        decidedAt: hoursAgo(1),
        decidedBy: { name: 'Morgan Ashdown', role: 'Team manager' },
        reason:
          'Leah had a full interview with the same worker two days ago and asked not to repeat it; the worker will visit tomorrow.',
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.clock.state).toBe('not_held');
    expect(res.json.clock.summary).toMatch(/^Decision recorded not to hold a return interview/);
  });

  it('what the server writes for an episode never blames the child', async () => {
    const entries = await h.db
      .selectFrom('chronology_entries')
      .select(['title', 'summary', 'source'])
      .where('kind', '=', 'missing_episode')
      .execute();
    const tasks = await h.db
      .selectFrom('tasks')
      .select('title')
      .where('kind', '=', 'missing_reanalysis')
      .execute();
    const texts = [...entries.flatMap((e) => [e.title, e.summary, e.source]), ...tasks.map((t) => t.title)];
    expect(texts.length).toBeGreaterThan(4);
    for (const text of texts)
      expect({ text, findings: checkText(text).findings }).toEqual({ text, findings: [] });
  });

  describe('the list of interviews due', () => {
    let otherChild: string;
    let overdueEpisode: string;

    beforeAll(async () => {
      // A child the health practitioner works with, returned 80 hours ago with no offer: overdue.
      otherChild = await childWithLead(csc, manager, p.csc, { givenName: 'Ruby', familyName: 'Tamsett' });
      const allocated = await manager.post(`/api/children/${otherChild}/professionals`, {
        userId: p.health.id,
        kind: 'involved_professional',
      });
      expect(allocated.status, allocated.text).toBe(201);
      const made = await csc.post(
        '/api/missing/episodes',
        episodeBody(otherChild, { reportedAt: hoursAgo(90), lastSeenAt: undefined }),
      );
      overdueEpisode = made.json.episode.id;
      const ret = await csc.post(
        `/api/missing/episodes/${overdueEpisode}/return`,
        returnBody({ returned: { at: hoursAgo(80), how: 'came_back_themselves' } }),
      );
      expect(ret.status, ret.text).toBe(200);
    });

    it('only contains children the viewer may see, with their clocks', async () => {
      const mine = await health.get('/api/missing/interviews');
      expect(mine.status, mine.text).toBe(200);
      expect(mine.json.interviews.map((i: DueItem) => i.child.id)).toEqual([otherChild]);
      const item = mine.json.interviews[0];
      expect(item.clock.state).toBe('overdue');
      expect(item.clock.overdueMs).toBeGreaterThan(7 * 3_600_000);
      expect(item.clock.summary).toMatch(/^Return interview not yet offered: it was due by/);
      expect(item.leadWorker).toEqual({ id: p.csc.id, name: p.csc.name });
      expect(mine.text).not.toContain('Farrow');

      // The front door sees every child; most overdue first. Offered and decided episodes are not listed.
      const all = await csc.get('/api/missing/interviews');
      const episodes = all.json.interviews.map((i: DueItem) => i.episodeId);
      expect(episodes[0]).toBe(overdueEpisode);
      expect(episodes).not.toContain(episodeId);
      expect(all.json.interviews.every((i: DueItem) => ['due', 'overdue'].includes(i.clock.state))).toBe(
        true,
      );

      const carried = await health.get('/api/missing/interviews?scope=mine');
      expect(carried.json.interviews).toEqual([]);
    });

    it('a referrer with no children sees an empty list', async () => {
      const school = await h.signedIn(p.school);
      const res = await school.get('/api/missing/interviews');
      expect(res.status).toBe(200);
      expect(res.json.interviews).toEqual([]);
    });

    it('a viewer without a relationship cannot record an interview for the child: 404, nothing written', async () => {
      const before = await missingSnapshot(h);
      const res = await health.post('/api/missing/interviews', offerBody(episodeId));
      expect(res.status, res.text).toBe(404);
      expect(await missingSnapshot(h)).toEqual(before);
    });
  });
});
