import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planBody } from '../plans/helpers.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { completeRaf, rafDraft, snapshot, type World, world } from './helpers.ts';

/**
 * Every assessment and plan route, by who calls it: nobody signed in (401), someone for whom the child
 * does not exist (404), someone who may read the record but not do this (403), a malformed request (400)
 * and the person whose work it is (success). A refused call leaves the database as it was.
 */
describe(`access to assessments and plans, route by route (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let unrelated: Client;
  let reader: Client;
  let assessmentId: string;
  let draftId: string;
  let planId: string;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    unrelated = await h.signedIn(await h.user(['practitioner'], 'housing', { name: 'Ash Penfold' }));
    // Children's services front door: may read any child, is named on none.
    reader = await h.signedIn(await h.user(['practitioner'], 'childrens_social_care', { name: 'Bo Screen' }));
    const draft = rafDraft(w.entryId);
    assessmentId = await completeRaf(w.csc, w.childId, {
      ...draft,
      voices: {
        ...draft.voices,
        agencies: [
          {
            status: 'given',
            agency: 'Fernbridge Sexual Health',
            view: 'Seen at the clinic twice with an older man.',
          },
          { status: 'given', agency: 'Fernbridge Academy', view: 'Attendance has dropped since half term.' },
        ],
      },
      labels: { 'voice:agency:0': 'health' },
    });
    draftId = (
      await w.csc.post(`/api/children/${w.childId}/assessments`, {
        instrumentId: 'raf',
        instrumentVersion: '2025.1',
      })
    ).json.id;
    planId = (await w.csc.post(`/api/children/${w.childId}/plans`, planBody())).json.plan.id;
  });
  afterAll(() => h.close());

  const child = () => `/api/children/${w.childId}`;
  const NOT_A_CHILD = '00000000-0000-4000-8000-0000000000aa';

  it('refuses everything to nobody, and hides the child from people with no relationship', async () => {
    const before = await snapshot(h);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/assessment-instruments'],
      ['GET', '/api/assessment-instruments/raf/2025.1'],
      ['GET', '/api/assessment-reference'],
      ['GET', '/api/assessment-settings'],
      ['GET', `${child()}/assessments`],
      ['GET', `${child()}/assessments/chart`],
      ['GET', `${child()}/assessments/${assessmentId}`],
      ['PUT', `${child()}/assessments/${draftId}`, rafDraft(w.entryId)],
      ['POST', `${child()}/assessments/${draftId}/complete`, {}],
      ['GET', `${child()}/reanalysis`],
      ['GET', `${child()}/plans`],
      ['GET', `${child()}/plans/${planId}`],
      ['PUT', `${child()}/plans/${planId}`, planBody()],
      ['GET', `${child()}/plans/${planId}/plain-language`],
      ['POST', `${child()}/plans/${planId}/plain-language`, {}],
    ];
    for (const [method, path, body] of routes) {
      const anonymous = await h.client().request(method, path, body);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      if (path.startsWith('/api/children/')) {
        const stranger = await unrelated.request(method, path, body);
        expect(stranger.status, `${method} ${path}`).toBe(404);
      }
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('lets someone who may read the record read, but not write, and refuses malformed requests', async () => {
    const before = await snapshot(h);
    expect((await reader.get(`${child()}/assessments/${assessmentId}`)).status).toBe(200);
    expect((await reader.get(`${child()}/plans/${planId}`)).status).toBe(200);
    expect((await reader.get(`${child()}/reanalysis`)).status).toBe(200);
    const history = (await reader.get(`${child()}/assessments`)).json;
    expect(history.permissions.start).toBe(false);
    expect(history.assessments.every((a: { permissions: { edit: boolean } }) => !a.permissions.edit)).toBe(
      true,
    );
    expect(
      (await reader.request('PUT', `${child()}/assessments/${draftId}`, rafDraft(w.entryId))).status,
    ).toBe(403);
    expect((await reader.post(`${child()}/assessments/${draftId}/complete`)).status).toBe(403);
    expect((await reader.request('PUT', `${child()}/plans/${planId}`, planBody())).status).toBe(403);
    expect((await reader.post(`${child()}/plans/${planId}/plain-language`)).status).toBe(403);

    expect((await w.csc.get('/api/children/not-an-id/assessments')).status).toBe(400);
    expect((await w.csc.get(`/api/children/${NOT_A_CHILD}/assessments`)).status).toBe(404);
    expect((await w.csc.get(`${child()}/assessments/${NOT_A_CHILD}`)).status).toBe(404);
    expect(
      (await w.csc.request('PUT', `${child()}/assessments/${draftId}`, { answers: 'all of them' })).status,
    ).toBe(400);
    expect((await w.csc.request('PUT', `${child()}/assessments/${draftId}`, { score: 12 })).status).toBe(400);
    expect((await w.csc.post(`${child()}/assessments/${NOT_A_CHILD}/complete`)).status).toBe(404);
    expect((await w.csc.request('PUT', `${child()}/plans/${planId}`, { sections: {} })).status).toBe(400);
    expect((await w.csc.get(`${child()}/plans/${NOT_A_CHILD}`)).status).toBe(404);
    expect((await w.csc.get(`${child()}/plans/${planId}?version=99`)).status).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });

  it('shows a labelled voice only to those who may see its label', async () => {
    const lead = (await w.csc.get(`${child()}/assessments/${assessmentId}`)).json.assessment;
    expect(lead.voices.agencies.map((a: { agency: string; label: string }) => [a.agency, a.label])).toEqual([
      ['Fernbridge Sexual Health', 'health'],
      ['Fernbridge Academy', 'standard'],
    ]);
    // The police officer named on the record may read the assessment, but not health information.
    const police = (await w.police.get(`${child()}/assessments/${assessmentId}`)).json.assessment;
    expect(police.voices.agencies.map((a: { agency: string }) => a.agency)).toEqual(['Fernbridge Academy']);
    expect(JSON.stringify(police)).not.toContain('clinic');
  });

  it('the reference words, settings and instruments are there for everyone signed in', async () => {
    const reference = await reader.get('/api/assessment-reference');
    expect(reference.status).toBe(200);
    expect(reference.json.chartCaption).toBe('Professional judgement, not a score');
    expect(reference.json.indicativeLabel).toBe('Indicative only — not a level of concern');
    expect(reference.json.planRules.map((r: { id: string }) => r.id)).toContain(
      'disruption-required-when-harm',
    );
    expect(reference.json.planSections).toHaveLength(9);
    expect((await reader.get('/api/assessment-settings')).json.reanalysis.reviewEveryMonths).toBe(3);
  });
});
