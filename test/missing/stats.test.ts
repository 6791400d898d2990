import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type People, people } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { childWithLead, episodeBody, hoursAgo, offerBody, returnBody } from './fixtures.ts';

describe(`the partnership share of return interviews offered in time (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let manager: Client;
  let analyst: Client;
  let childId: string;

  /** An episode returned 30 hours ago; offered `offerHoursAgo` ago if given. */
  async function returnedEpisode(opts: { returnedHoursAgo?: number; offerHoursAgo?: number } = {}) {
    const returnedAgo = opts.returnedHoursAgo ?? 30;
    const made = await csc.post(
      '/api/missing/episodes',
      episodeBody(childId, { reportedAt: hoursAgo(returnedAgo + 6), lastSeenAt: undefined }),
    );
    expect(made.status, made.text).toBe(201);
    const id = made.json.episode.id;
    const ret = await csc.post(
      `/api/missing/episodes/${id}/return`,
      returnBody({ returned: { at: hoursAgo(returnedAgo), how: 'came_back_themselves' } }),
    );
    expect(ret.status, ret.text).toBe(200);
    if (opts.offerHoursAgo !== undefined) {
      const offered = await csc.post(
        '/api/missing/interviews',
        offerBody(id, {
          offer: { offeredAt: hoursAgo(opts.offerHoursAgo), offeredBy: { name: 'Jess Whitcombe' } },
        }),
      );
      expect(offered.status, offered.text).toBe(201);
    }
    return id;
  }

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    analyst = await h.signedIn(await h.user(['analyst'], 'other', { name: 'Idris Fenwick' }));
    childId = await childWithLead(csc, manager, p.csc, { givenName: 'Owen', familyName: 'Brackley' });
  });
  afterAll(() => h.close());

  it('suppresses small numbers: fewer than 5 is shown in words and its value is not sent', async () => {
    await returnedEpisode({ offerHoursAgo: 20 });
    await returnedEpisode({ offerHoursAgo: 10 });
    const res = await analyst.get('/api/missing/stats');
    expect(res.status, res.text).toBe(200);
    expect(res.json.numerator).toEqual({ value: null, display: 'fewer than 5', suppressed: true });
    expect(res.json.denominator).toEqual({ value: null, display: 'fewer than 5', suppressed: true });
    expect(res.json.share.suppressed).toBe(true);
    expect(res.json.share.value).toBeNull();
    expect(res.json.threshold).toBe(5);
  });

  it('shows the share once the numbers are large enough', async () => {
    for (let i = 0; i < 4; i++) await returnedEpisode({ offerHoursAgo: 5 });
    const res = await analyst.get('/api/missing/stats');
    expect(res.json.numerator).toEqual({ value: 6, display: '6', suppressed: false });
    expect(res.json.denominator).toEqual({ value: 6, display: '6', suppressed: false });
    expect(res.json.share).toMatchObject({ value: 1, display: '100%', suppressed: false });
  });

  it('withholds the share when the returns not offered in time are few enough to be worked out', async () => {
    await returnedEpisode({ returnedHoursAgo: 80 });
    const res = await analyst.get('/api/missing/stats');
    expect(res.json.denominator).toEqual({ value: 7, display: '7', suppressed: false });
    expect(res.json.numerator.value).toBeNull();
    expect(res.json.share.value).toBeNull();
    expect(res.json.breakdown.notOfferedOverdue).toEqual({
      value: null,
      display: 'fewer than 5',
      suppressed: true,
    });
    expect(res.text).not.toContain('Brackley');
  });

  it('counts only returns in the period asked for', async () => {
    const res = await analyst.get('/api/missing/stats?from=2020-01-01&to=2020-12-31');
    expect(res.status, res.text).toBe(200);
    expect(res.json.denominator.display).toBe('fewer than 5');
    expect(res.json.period).toEqual({ from: '2020-01-01', to: '2020-12-31' });
  });

  it('is for report readers only: a practitioner gets 403', async () => {
    const res = await csc.get('/api/missing/stats');
    expect(res.status).toBe(403);
  });
});
