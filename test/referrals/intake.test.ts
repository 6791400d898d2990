import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, daysAhead, type People, people, referralBody, snapshot } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';

describe(`referral intake (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let school: Client;
  let csc: Client;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    school = await h.signedIn(p.school);
    csc = await h.signedIn(p.csc);
  });
  afterAll(() => h.close());

  it('any signed-in person can refer; ticked prompts become dated, sourced, unverified observations', async () => {
    const res = await school.post(
      '/api/referrals',
      referralBody({
        observations: [
          { indicatorId: 's-unexplained-items', observedOn: daysAgo(3), note: 'New phone and trainers' },
          { indicatorId: 'p-trusted-adult', observedOn: daysAgo(2), source: 'Form tutor' },
        ],
      }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.json.whatToDoNow).toBeNull();
    const id = res.json.referral.id;
    const screener = await csc.get(`/api/referrals/${id}`);
    expect(screener.json.referral.view).toBe('screener');
    const obs = screener.json.referral.observations;
    expect(obs).toHaveLength(2);
    expect(obs[0]).toMatchObject({
      indicatorId: 's-unexplained-items',
      verification: 'unverified',
      source: 'Head of year, Fernbridge Academy',
    });
    expect(obs[1].source).toBe('Form tutor');
    expect(JSON.stringify(screener.json)).not.toMatch(/score/i);
  });

  it('a referral with no prompts ticked is accepted: the guide is never a gate', async () => {
    const res = await school.post('/api/referrals', referralBody({ observations: [] }));
    expect(res.status).toBe(201);
  });

  it('the referral goes ahead without consent only with a reason', async () => {
    const before = await snapshot(h);
    const res = await school.post('/api/referrals', referralBody({ familyKnows: false }));
    expect(res.status).toBe(400);
    expect(res.json.error.fields[0].path).toBe('withoutConsentReason');
    expect(await snapshot(h)).toEqual(before);
    const ok = await school.post(
      '/api/referrals',
      referralBody({
        familyKnows: false,
        withoutConsentReason: 'Telling the family could put Amelia at greater risk.',
      }),
    );
    expect(ok.status).toBe(201);
  });

  it.each([
    ['child.dateOfBirth', { child: { givenName: 'A', familyName: 'B', dateOfBirth: daysAhead(30) } }],
    ['happenedOn', { happenedOn: daysAhead(2) }],
    [
      'observations.0.indicatorId',
      { observations: [{ indicatorId: 'not-a-prompt', observedOn: daysAgo(1) }] },
    ],
    ['harmKinds', { harmKinds: [] }],
    ['narrative', { narrative: '' }],
    ['surprise', { surprise: true }],
  ])('refuses bad input naming %s, and saves nothing', async (path, overrides) => {
    const before = await snapshot(h);
    const res = await school.post('/api/referrals', referralBody(overrides));
    expect(res.status).toBe(400);
    expect(res.json.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(await snapshot(h)).toEqual(before);
  });

  it('a referrer cannot name a child record they may not read (404)', async () => {
    const res = await school.post(
      '/api/referrals',
      referralBody({ child: undefined, childId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(res.status).toBe(404);
  });

  it('someone else’s referral is not found; the queue is for the front door only', async () => {
    const res = await school.post('/api/referrals', referralBody());
    const otherTeacher = await h.signedIn(await h.user(['referrer'], 'education'));
    expect((await otherTeacher.get(`/api/referrals/${res.json.referral.id}`)).status).toBe(404);
    expect((await otherTeacher.get('/api/referrals/queue')).status).toBe(403);
    expect(
      (
        await school.post(`/api/referrals/${res.json.referral.id}/decision`, {
          decision: 'early_help_assessment',
          reasons: 'x',
          feedbackToReferrer: 'y',
        })
      ).status,
    ).toBe(403);
  });

  it('a decision needs the referral linked to a child’s record first', async () => {
    const res = await school.post('/api/referrals', referralBody());
    const before = await snapshot(h);
    const d = await csc.post(`/api/referrals/${res.json.referral.id}/decision`, {
      decision: 'early_help_assessment',
      reasons: 'x',
      feedbackToReferrer: 'y',
    });
    expect(d.status).toBe(409);
    expect(d.json.error.fields[0].path).toBe('childId');
    expect(await snapshot(h)).toEqual(before);
  });

  it('the screener sees proposed matches for the referral and links it; the front door queue shows the wait', async () => {
    const res = await school.post(
      '/api/referrals',
      referralBody({ child: { givenName: 'Zara', familyName: 'Quentin', dateOfBirth: '2012-04-04' } }),
    );
    const matches = await csc.get(`/api/referrals/${res.json.referral.id}/matches`);
    expect(matches.status).toBe(200);
    const linked = await csc.post(`/api/referrals/${res.json.referral.id}/child`, { create: {} });
    expect(linked.status, linked.text).toBe(200);
    expect(linked.json.referral.child.displayName).toBe('Zara Quentin');
    const again = await csc.post(`/api/referrals/${res.json.referral.id}/child`, { create: {} });
    expect(again.status).toBe(409);
    const second = await school.post(
      '/api/referrals',
      referralBody({ child: { givenName: 'Zara', familyName: 'Quentin', dateOfBirth: '2012-04-04' } }),
    );
    const proposed = await csc.get(`/api/referrals/${second.json.referral.id}/matches`);
    expect(proposed.json.matches[0].child.id).toBe(linked.json.referral.child.id);
    expect(proposed.json.matches[0].reasons).toContain('same date of birth');
    const work = await csc.get('/api/my-work');
    const item = work.json.referralsAwaitingDecision.find(
      (r: { id: string }) => r.id === second.json.referral.id,
    );
    expect(item.waiting.overdue).toBe(false);
    expect(typeof item.waiting.decisionDueAt).toBe('string');
  });
});
