import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type People, people } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { childWithLead, daysAgoAt, episodeBody, hoursAgo, missingSnapshot, returnBody } from './fixtures.ts';

describe(`missing episodes: recording, bad input and what follows (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let manager: Client;
  let police: Client;
  let health: Client;
  let childId: string;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    police = await h.signedIn(p.police);
    health = await h.signedIn(p.health);
    childId = await childWithLead(csc, manager, p.csc, { givenName: 'Kai', familyName: 'Ellery' });
  });
  afterAll(() => h.close());

  it('records an episode: chronology entry, re-analysis task for the lead worker, no triage for a first episode', async () => {
    const before = await missingSnapshot(h);
    const res = await police.post(
      '/api/missing/episodes',
      episodeBody(childId, { reportedAt: daysAgoAt(40), lastSeenAt: undefined }),
    );
    expect(res.status, res.text).toBe(201);
    const { episode, triggers } = res.json;
    expect(episode.childId).toBe(childId);
    expect(episode.configVersion).toBe('2026.1');
    expect(episode.policeRiskGrade).toEqual({ id: 'medium', label: 'Medium risk' });
    expect(episode.clock.state).toBe('not_due_yet');
    expect(triggers.triage).toEqual({ onNextList: false, reasons: [] });

    const entry = await h.db
      .selectFrom('chronology_entries')
      .selectAll()
      .where('id', '=', triggers.chronologyEntryId)
      .executeTakeFirstOrThrow();
    expect(entry.kind).toBe('missing_episode');
    expect(entry.record_type).toBe('missing_episode');
    expect(entry.record_id).toBe(episode.id);
    expect(entry.source_agency_id).toBe(p.police.agencyId);
    expect(entry.author_user_id).toBe(p.police.id);
    // Recorded by the police with their own reference: the police's record.
    expect(entry.verification).toBe('verified');
    expect(entry.title).toBe('Reported missing from home (family or relatives)');

    expect(triggers.reanalysisTask.assignedTo).toEqual({ id: p.csc.id, name: p.csc.name });
    expect(triggers.reanalysisTask.title).toMatch(
      /^Repeat the risk analysis: went missing on \d{1,2} \w{3} \d{4}$/,
    );
    const task = await h.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', triggers.reanalysisTask.id)
      .executeTakeFirstOrThrow();
    expect(task.assigned_to).toBe(p.csc.id);
    expect(task.child_id).toBe(childId);
    expect(task.kind).toBe('missing_reanalysis');

    const after = await missingSnapshot(h);
    expect(after.missing_episodes - before.missing_episodes).toBe(1);
    expect(after.chronology_entries - before.chronology_entries).toBe(1);
    expect(after.tasks - before.tasks).toBe(1);
    expect(after.missing_triage_nominations).toBe(before.missing_triage_nominations);

    // The lead worker sees the task in My work, and the chronology shows the episode.
    const work = await csc.get('/api/my-work');
    expect(work.json.tasks.map((t: { id: string }) => t.id)).toContain(triggers.reanalysisTask.id);
    const chronology = await csc.get(`/api/children/${childId}/chronology`);
    expect(chronology.json.entries.map((e: { kind: string }) => e.kind)).toContain('missing_episode');
  });

  it('an episode reported by someone else enters the chronology as unverified', async () => {
    const res = await csc.post(
      '/api/missing/episodes',
      episodeBody(childId, { reportedAt: daysAgoAt(20), lastSeenAt: undefined }),
    );
    expect(res.status, res.text).toBe(201);
    const entry = await h.db
      .selectFrom('chronology_entries')
      .select(['verification', 'source_agency_id'])
      .where('id', '=', res.json.triggers.chronologyEntryId)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ verification: 'unverified', source_agency_id: p.csc.agencyId });
    expect(res.json.triggers.triage.onNextList).toBe(false);
  });

  it('the third episode in 90 days puts the child on the next MACE triage list', async () => {
    const res = await csc.post('/api/missing/episodes', episodeBody(childId));
    expect(res.status, res.text).toBe(201);
    const { triage } = res.json.triggers;
    expect(triage.onNextList).toBe(true);
    expect(triage.reasons.map((r: { code: string }) => r.code)).toEqual(['repeat_episodes']);
    expect(triage.reasons[0].reason).toMatch(/^Reported missing 3 times in 90 days/);
    const rows = await h.db
      .selectFrom('missing_triage_nominations')
      .selectAll()
      .where('child_id', '=', childId)
      .execute();
    expect(rows.map((r) => [r.episode_id, r.reason_code, r.consumed_at])).toEqual([
      [res.json.episode.id, 'repeat_episodes', null],
    ]);
    expect(rows[0]?.details).toMatchObject({ count: 3, rule: { episodes: 3, withinDays: 90 } });
  });

  it('an episode with harm while missing puts a child on the triage list, even the first one', async () => {
    const other = await childWithLead(csc, manager, p.csc, { givenName: 'Nia', familyName: 'Corran' });
    const res = await csc.post(
      '/api/missing/episodes',
      episodeBody(other, {
        harmWhileMissing: 'suspected',
        harmDetails: 'Came back with injuries she could not explain.',
      }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.json.triggers.triage.reasons.map((r: { code: string }) => r.code)).toEqual([
      'harm_while_missing',
    ]);

    // A crime only known at the return adds a nomination then, once.
    const ret = await csc.post(
      `/api/missing/episodes/${res.json.episode.id}/return`,
      returnBody({ crimeWhileMissing: 'known' }),
    );
    expect(ret.status, ret.text).toBe(200);
    expect(ret.json.triggers.triage.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'crime_while_missing',
      'harm_while_missing',
    ]);
    const again = await csc.post(
      `/api/missing/episodes/${res.json.episode.id}/return`,
      returnBody({
        crimeWhileMissing: 'known',
        safeAndWellCheck: { at: hoursAgo(19), by: { name: 'PC Robin Hale' } },
      }),
    );
    expect(again.status, again.text).toBe(200);
    expect(again.json.episode.safeAndWellCheck.by.name).toBe('PC Robin Hale');
    const n = await h.db
      .selectFrom('missing_triage_nominations')
      .select('reason_code')
      .where('child_id', '=', other)
      .execute();
    expect(n).toHaveLength(2);
  });

  it('records the return: the clock starts, the chronology hears of it, where found and who with are kept', async () => {
    const made = await csc.post('/api/missing/episodes', episodeBody(childId, { reportedAt: hoursAgo(26) }));
    const id = made.json.episode.id;
    const res = await csc.post(`/api/missing/episodes/${id}/return`, returnBody());
    expect(res.status, res.text).toBe(200);
    const e = res.json.episode;
    expect(e.clock.state).toBe('due');
    expect(new Date(e.clock.dueAt).getTime() - new Date(e.returned.at).getTime()).toBe(72 * 3_600_000);
    expect(e.returned.where).toMatchObject({
      kind: 'place',
      role: 'found_at',
      description: 'Bus station, Mill Road',
      contextId: null,
    });
    expect(e.returned.whoWith[0]).toMatchObject({
      kind: 'person',
      role: 'found_with',
      requested: 'not_linked',
    });
    expect(e.durationText).toBe('12 hours');
    const entry = await h.db
      .selectFrom('chronology_entries')
      .select(['title', 'occurred_at'])
      .where('id', '=', res.json.triggers.chronologyEntryId)
      .executeTakeFirstOrThrow();
    expect(entry.title).toBe('Found or returned after being missing for 12 hours');
  });

  describe('bad input is refused naming the field, and leaves nothing behind', () => {
    const refused = async (
      res: {
        status: number;
        text: string;
        json: { error: { code: string; fields: { path: string; message: string }[] } };
      },
      path: string,
      pattern?: RegExp,
    ) => {
      expect(res.status, res.text).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      const field = res.json.error.fields.find((f) => f.path === path);
      expect(field, res.text).toBeTruthy();
      if (pattern) expect(field?.message).toMatch(pattern);
    };

    it('found before reported', async () => {
      const before = await missingSnapshot(h);
      const res = await csc.post(
        '/api/missing/episodes',
        episodeBody(childId, {
          reportedAt: hoursAgo(10),
          returned: { at: hoursAgo(11), how: 'came_back_themselves' },
        }),
      );
      await refused(
        res,
        'returned.at',
        /before reportedAt.*cannot be found or return before being reported missing/,
      );
      expect(await missingSnapshot(h)).toEqual(before);
    });

    it('found before reported, when the return is recorded later', async () => {
      const made = await csc.post(
        '/api/missing/episodes',
        episodeBody(childId, { reportedAt: hoursAgo(5), lastSeenAt: undefined }),
      );
      const before = await missingSnapshot(h);
      const res = await csc.post(
        `/api/missing/episodes/${made.json.episode.id}/return`,
        returnBody({ returned: { at: hoursAgo(6), how: 'found_by_police' } }),
      );
      await refused(res, 'returned.at', /before reportedAt/);
      expect(await missingSnapshot(h)).toEqual(before);
      const row = await h.db
        .selectFrom('missing_episodes')
        .select('returned_at')
        .where('id', '=', made.json.episode.id)
        .executeTakeFirstOrThrow();
      expect(row.returned_at).toBeNull();
    });

    it('other rules: last seen after the report, unknown lists, times without an offset or in the future, unknown ids', async () => {
      const before = await missingSnapshot(h);
      await refused(
        await csc.post(
          '/api/missing/episodes',
          episodeBody(childId, { lastSeenAt: hoursAgo(1), reportedAt: hoursAgo(2) }),
        ),
        'lastSeenAt',
      );
      await refused(
        await csc.post('/api/missing/episodes', episodeBody(childId, { missingFrom: { kind: 'the_park' } })),
        'missingFrom.kind',
      );
      await refused(
        await csc.post('/api/missing/episodes', episodeBody(childId, { policeRiskGrade: 'very_high' })),
        'policeRiskGrade',
      );
      await refused(
        await csc.post('/api/missing/episodes', episodeBody(childId, { reportedAt: '2026-10-25T01:30:00' })),
        'reportedAt',
      );
      await refused(
        await csc.post(
          '/api/missing/episodes',
          episodeBody(childId, {
            reportedAt: new Date(Date.now() + 86_400_000).toISOString(),
            lastSeenAt: undefined,
          }),
        ),
        'reportedAt',
        /in the future/,
      );
      await refused(
        await csc.post(
          '/api/missing/episodes',
          episodeBody(childId, {
            missingFrom: { kind: 'home', placeId: '00000000-0000-4000-8000-000000000001' },
          }),
        ),
        'missingFrom.placeId',
        /there is no place record with this id that you can see/,
      );
      await refused(
        await csc.post(
          '/api/missing/episodes',
          episodeBody(childId, {
            reportedBy: { name: 'Someone', agencyId: '00000000-0000-4000-8000-000000000009' },
          }),
        ),
        'reportedBy.agencyId',
      );
      expect(await missingSnapshot(h)).toEqual(before);
    });
  });

  describe('who may do it', () => {
    it('401 without a session, on every route', async () => {
      const anon = h.client();
      const id = '00000000-0000-4000-8000-000000000001';
      for (const [method, path] of [
        ['GET', '/api/missing/reference'],
        ['POST', '/api/missing/episodes'],
        ['GET', `/api/missing/episodes/${id}`],
        ['POST', `/api/missing/episodes/${id}/return`],
        ['POST', '/api/missing/interviews'],
        ['PUT', `/api/missing/interviews/${id}`],
        ['GET', '/api/missing/interviews'],
        ['GET', `/api/missing/children/${id}`],
        ['GET', '/api/missing/stats'],
      ] as const) {
        const res = await anon.request(method, path, method === 'GET' ? undefined : {});
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    });

    it('someone who may read the child but not record episodes gets 403, and nothing is written', async () => {
      // Intelligence officers read any child's record but do not record missing episodes.
      const intel = await h.signedIn(p.intel);
      const before = await missingSnapshot(h);
      const read = await intel.get(`/api/missing/children/${childId}`);
      expect(read.status, read.text).toBe(200);
      expect(read.json.permissions.recordEpisode).toBe(false);
      const res = await intel.post('/api/missing/episodes', episodeBody(childId));
      expect(res.status, res.text).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
      expect(await missingSnapshot(h)).toEqual(before);
    });

    it('a viewer without a relationship to the child gets 404 and nothing, and nothing is written', async () => {
      const made = await csc.post(
        '/api/missing/episodes',
        episodeBody(childId, { reportedAt: hoursAgo(3), lastSeenAt: undefined }),
      );
      const episodeId = made.json.episode.id;
      const before = await missingSnapshot(h);
      const attempts = [
        await health.post('/api/missing/episodes', episodeBody(childId)),
        await health.get(`/api/missing/children/${childId}`),
        await health.get(`/api/missing/episodes/${episodeId}`),
        await health.post(
          `/api/missing/episodes/${episodeId}/return`,
          returnBody({ returned: { at: hoursAgo(1), how: 'found_by_police' } }),
        ),
      ];
      for (const res of attempts) {
        expect(res.status, res.text).toBe(404);
        expect(res.text).not.toContain('Ellery');
        expect(res.text).not.toContain('Kestrel');
      }
      expect(await missingSnapshot(h)).toEqual(before);
      const denied = await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('actor_user_id', '=', p.health.id)
        .where('action', '=', 'access.denied')
        .execute();
      expect(denied.length).toBeGreaterThanOrEqual(4);
    });
  });
});
