import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, type TestUser } from '../support/harness.ts';
import { completeRaf, rafDraft, rules, snapshot, type World, world } from './helpers.ts';

describe(`manager sign-off and the MACE risk assessment (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let admin: Client;
  let chair: TestUser;
  let otherManager: Client;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    admin = await h.signedIn(await h.user(['administrator'], 'other', { name: 'Robin Admin' }));
    chair = await h.user(['mace_chair'], 'police', { name: 'Aaron Chair' });
    otherManager = await h.signedIn(await h.user(['manager'], 'police', { name: 'Inspector Vale' }));
  });
  afterAll(() => h.close());

  const base = () => `/api/children/${w.childId}/assessments`;

  it('only administrators change the configuration, and each part is checked by its schema', async () => {
    const before = await snapshot(h);
    const body = { signOff: { version: '2025.2', required: true, levels: ['significant', 'severe'] } };
    expect((await h.client().request('PUT', '/api/assessment-settings', body)).status).toBe(401);
    expect((await w.manager.request('PUT', '/api/assessment-settings', body)).status).toBe(403);
    const noReviews = await admin.request('PUT', '/api/assessment-settings', {
      reanalysis: {
        version: '2025.2',
        reviewEveryMonths: 3,
        triggers: {
          missing_episode: { enabled: true, respondWithinDays: 5 },
          address_change: { enabled: true, respondWithinDays: 10 },
          placement_change: { enabled: true, respondWithinDays: 10 },
          new_referral: { enabled: true, respondWithinDays: 5 },
          new_intelligence: { enabled: true, respondWithinDays: 5 },
          new_harm_recorded: { enabled: true, respondWithinDays: 1 },
          review_date: { enabled: false, respondWithinDays: 0 },
        },
      },
    });
    expect(noReviews.status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
    const ok = await admin.request('PUT', '/api/assessment-settings', body);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.signOff).toMatchObject({ required: true, levels: ['significant', 'severe'] });
    expect((await w.csc.get('/api/assessment-settings')).json.signOff.required).toBe(true);
  });

  it('an assessment at a configured level awaits a manager’s sign-off; the author cannot sign it off', async () => {
    const id = await completeRaf(w.csc, w.childId, rafDraft(w.entryId));
    const a = (await w.csc.get(`${base()}/${id}`)).json.assessment;
    expect(a.state).toBe('awaiting_sign_off');
    expect(a.permissions.signOff).toBe(false);
    const asManager = (await w.manager.get(`${base()}/${id}`)).json.assessment;
    expect(asManager.permissions.signOff).toBe(true);

    const before = await snapshot(h);
    expect((await h.client().post(`${base()}/${id}/sign-off`, { decision: 'approved' })).status).toBe(401);
    expect((await w.csc.post(`${base()}/${id}/sign-off`, { decision: 'approved' })).status).toBe(403);
    // A police manager may read the record (front door) but does not sign off children's services' work.
    expect((await otherManager.post(`${base()}/${id}/sign-off`, { decision: 'approved' })).status).toBe(403);
    expect((await w.manager.post(`${base()}/${id}/sign-off`, { decision: 'maybe' })).status).toBe(400);
    const noComment = await w.manager.post(`${base()}/${id}/sign-off`, {
      decision: 'returned',
      comment: ' ',
    });
    expect(noComment.status).toBe(400);
    expect(rules(noComment)).toEqual(['sign-off-return-needs-comment']);
    expect(await snapshot(h)).toEqual(before);

    const returned = await w.manager.post(`${base()}/${id}/sign-off`, {
      decision: 'returned',
      comment: 'Please ask the school for their view before we agree the level.',
    });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.json.assessment.state).toBe('returned_for_more_work');
    expect(returned.json.assessment.signOffs[0].comment).toContain('ask the school');
    // The assessment itself was not changed by the sign-off record.
    expect(returned.json.assessment.judgement.level).toBe('significant');
    expect((await w.manager.post(`${base()}/${id}/sign-off`, { decision: 'approved' })).status).toBe(409);
  });

  it('the manager who completed an assessment cannot sign it off themselves', async () => {
    await w.manager.post(`/api/children/${w.childId}/professionals`, {
      userId: w.p.cscManager.id,
      kind: 'co_worker',
    });
    const id = await completeRaf(w.manager, w.childId, rafDraft(w.entryId));
    const res = await w.manager.post(`${base()}/${id}/sign-off`, { decision: 'approved' });
    expect(res.status).toBe(400);
    expect(rules(res)).toEqual(['sign-off-not-by-author']);
  });

  it('an assessment at a level the configuration does not name needs no sign-off', async () => {
    const draft = rafDraft(w.entryId, {
      judgement: { level: 'moderate', rationale: 'Protective adults are in place.' },
    });
    const id = await completeRaf(w.csc, w.childId, draft);
    const a = (await w.csc.get(`${base()}/${id}`)).json.assessment;
    expect(a.state).toBe('completed');
    expect((await w.manager.post(`${base()}/${id}/sign-off`, { decision: 'approved' })).status).toBe(409);
  });

  it('a MACE risk assessment of a child with no statutory plan makes the immediate referral task, once', async () => {
    const started = await w.csc.post(base(), {
      instrumentId: 'mace-risk-assessment',
      instrumentVersion: '2025.1',
    });
    expect(started.status, started.text).toBe(201);
    const referral = started.json.immediateReferral;
    expect(referral.onQualifyingPlan).toBe(false);
    expect(referral.task).toMatchObject({
      title: 'Refer Amelia to Children’s Services today',
      assignedTo: { id: chair.id, name: 'Aaron Chair' },
      created: true,
    });
    expect(referral.task.description).toContain('Do not wait for the next MACE meeting or for a disclosure');
    const task = await h.db
      .selectFrom('tasks')
      .select(['kind', 'assigned_to', 'status'])
      .where('id', '=', referral.task.id)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({
      kind: 'immediate_referral_to_childrens_services',
      assigned_to: chair.id,
      status: 'open',
    });

    const again = await w.csc.post(base(), {
      instrumentId: 'mace-risk-assessment',
      instrumentVersion: '2025.1',
    });
    expect(again.json.immediateReferral.task).toMatchObject({ id: referral.task.id, created: false });
  });

  it('a MACE risk assessment of a child on a Child in Need plan runs alongside it: no task', async () => {
    const status = await w.manager.post(`/api/children/${w.childId}/statutory-statuses`, {
      status: 'child_in_need',
      startedOn: new Date().toISOString().slice(0, 10),
      reason: 'Assessed as a child in need after the strategy discussion.',
    });
    expect(status.status, status.text).toBe(201);
    const started = await w.csc.post(base(), {
      instrumentId: 'mace-risk-assessment',
      instrumentVersion: '2025.1',
    });
    expect(started.json.immediateReferral).toEqual({
      runsAlongside: ['child_in_need'],
      onQualifyingPlan: true,
      task: null,
    });
    // The MACE risk assessment is completed by the same machinery, against its own instrument.
    const draft = rafDraft(w.entryId);
    const mace = {
      ...draft,
      answers: {
        'mace.exploitation': { type: 'choice', value: 'sexual' },
        'mace.statutory_plan': { type: 'choice', value: 'child_in_need' },
        'mace.risk_factors': {
          type: 'factor_list',
          factors: [
            {
              id: 'm-car',
              kind: 'risk',
              domain: 'family_and_environment',
              description: 'Collected near school by an adult man in a grey car.',
              evidence: [{ chronologyEntryId: w.entryId }],
            },
          ],
        },
        'mace.protective_factors': { type: 'factor_list', factors: [] },
        'mace.tasks': {
          type: 'long_text',
          value: 'Police: warning notice to the driver. School: watch the gate.',
        },
      },
    };
    const id = started.json.id;
    expect((await w.csc.request('PUT', `${base()}/${id}`, mace)).status).toBe(200);
    const done = await w.csc.post(`${base()}/${id}/complete`);
    expect(done.status, done.text).toBe(200);
    expect(done.json.assessment.instrument.id).toBe('mace-risk-assessment');
    expect(done.json.immediateReferral).toMatchObject({ onQualifyingPlan: true, task: null });
    // A RAF is not a MACE assessment: nothing about statutory plans.
    const raf = await w.csc.post(base(), { instrumentId: 'raf', instrumentVersion: '2025.1' });
    expect(raf.json.immediateReferral).toBeNull();
  });
});
