import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { completeRaf, rafDraft, rules, snapshot, type World, world } from './helpers.ts';

describe(`assessments: start, save, complete, read (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let unrelated: Client;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    unrelated = await h.signedIn(await h.user(['practitioner'], 'housing', { name: 'Ash Penfold' }));
  });
  afterAll(() => h.close());

  const base = () => `/api/children/${w.childId}/assessments`;

  it('lists the published instruments and serves one version with its sections and prompts', async () => {
    expect((await h.client().get('/api/assessment-instruments')).status).toBe(401);
    const list = await w.csc.get('/api/assessment-instruments');
    expect(list.status).toBe(200);
    expect(list.json.instruments.map((i: { id: string; version: string }) => `${i.id}@${i.version}`)).toEqual(
      expect.arrayContaining(['raf@2025.1', 'mace-risk-assessment@2025.1']),
    );
    const raf = await w.csc.get('/api/assessment-instruments/raf/2025.1');
    expect(raf.status).toBe(200);
    expect(raf.json.instrument.sections.map((s: { id: string }) => s.id)).toContain('developmental_needs');
    expect(JSON.stringify(raf.json.instrument)).not.toMatch(/"(score|weight|points|band|threshold)"/i);
    expect((await w.csc.get('/api/assessment-instruments/raf/1999.1')).status).toBe(404);
  });

  it('refuses to start against an instrument version that does not exist, naming the rule, and keeps nothing', async () => {
    const before = await snapshot(h);
    const res = await w.csc.post(base(), { instrumentId: 'raf', instrumentVersion: '2099.9' });
    expect(res.status).toBe(400);
    expect(rules(res)).toEqual(['instrument-version-exists']);
    expect(res.json.error.message).toContain('[instrument-version-exists]');
    expect(res.json.error.fields[0].path).toBe('instrumentVersion');
    expect((await w.csc.post(base(), { instrumentId: 'raf' })).status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
  });

  it('starts an assessment only for people named on the child’s record', async () => {
    const before = await snapshot(h);
    const body = { instrumentId: 'raf', instrumentVersion: '2025.1' };
    expect((await h.client().post(base(), body)).status).toBe(401);
    // A housing practitioner with no relationship: the child does not exist for them.
    expect((await unrelated.post(base(), body)).status).toBe(404);
    // A children's services manager can read every child (front door) but is not named on this one.
    expect((await w.manager.post(base(), body)).status).toBe(403);
    expect(await snapshot(h)).toEqual(before);
  });

  it('completes a Risk Analysis Framework and keeps it pinned, with the level the practitioner chose', async () => {
    const id = await completeRaf(w.csc, w.childId, rafDraft(w.entryId));
    const res = await w.csc.get(`${base()}/${id}`);
    expect(res.status).toBe(200);
    const a = res.json.assessment;
    expect(a.status).toBe('completed');
    expect(a.state).toBe('completed');
    expect(a.instrument).toMatchObject({ id: 'raf', version: '2025.1', title: 'Risk Analysis Framework' });
    expect(a.judgement).toEqual({
      level: 'significant',
      levelLabel: 'Significant',
      rationale: 'An adult is targeting her and there is no disruption yet.',
    });
    expect(a.completedBy.name).toBe('Priya Fernside');
    // Evidence source and verification come from the chronology, and unverified stays marked.
    const factor = a.answers['dev.risk_factors'].factors[0];
    expect(factor.evidence[0].verification).toBe('unverified');
    expect(factor.evidence[0].source.by).toBe('Head of year, Fernbridge Academy');
    expect(factor.evidenceSummary).toBe('Unverified: 1 of 1 not verified');
    expect(a.evidence[w.entryId].title).toBe('Seen getting into a grey car near school');
    // The missing voice is shown with its reason; the involved police agency with no view is listed too.
    expect(a.missingVoices).toEqual(
      expect.arrayContaining([
        { who: 'The child', whose: 'child', reason: expect.stringContaining('did not want to talk') },
        { who: 'Test police', whose: 'agency', reason: null },
      ]),
    );
    expect(a.indicative).toEqual({ label: 'Indicative only — not a level of concern', count: 2 });
    expect(a.permissions).toEqual({ edit: false, complete: false, signOff: false, startFromThis: true });

    const chronology = await w.csc.get(`/api/children/${w.childId}/chronology`);
    const entry = chronology.json.entries.find((e: { record: { id: string } | null }) => e.record?.id === id);
    expect(entry.title).toBe('Risk Analysis Framework completed');
    expect(entry.summary).toContain('Significant');
    expect(entry.summary).toContain('not a score');

    // Completed means kept as it was.
    const change = await w.csc.request('PUT', `${base()}/${id}`, rafDraft(w.entryId));
    expect(change.status).toBe(409);
    await expect(
      h.db.updateTable('assessments').set({ level: 'mild' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/kept as it was/);
  });

  it('refuses a level without a rationale, naming the rule, and leaves the draft as it was', async () => {
    const started = await w.csc.post(base(), { instrumentId: 'raf', instrumentVersion: '2025.1' });
    const id = started.json.id;
    for (const rationale of ['', '   ', 'see above', 'n/a']) {
      const body = rafDraft(w.entryId, { judgement: { level: 'moderate', rationale } });
      expect((await w.csc.request('PUT', `${base()}/${id}`, body)).status).toBe(200);
      const before = await snapshot(h);
      const res = await w.csc.post(`${base()}/${id}/complete`);
      expect(res.status, rationale).toBe(400);
      expect(rules(res)).toEqual(['level-needs-rationale']);
      expect(res.json.error.fields[0].path).toBe('judgement.rationale');
      expect(await snapshot(h)).toEqual(before);
    }
    const row = await h.db
      .selectFrom('assessments')
      .select(['status', 'level'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ status: 'draft', level: null });
  });

  it('never sets a level from ticks: many indicators marked and no level is refused, the count stays apart', async () => {
    const started = await w.csc.post(base(), { instrumentId: 'raf', instrumentVersion: '2025.1' });
    const id = started.json.id;
    const ticks = Object.fromEntries(
      [
        ['dev.prior_abuse', 'v-prior-abuse'],
        ['dev.disability', 'v-disability'],
        ['dev.wellbeing', 's-self-harm'],
        ['dev.education', 'v-education'],
        ['dev.missing', 's-missing'],
        ['dev.substances', 's-substances'],
        ['dev.online', 's-online'],
        ['env.unsafe_home', 'v-unsafe-home'],
        ['env.controlling_adults', 's-older-controlling'],
      ].map(([prompt, ref]) => [prompt, { type: 'yes_no_unknown', value: 'yes', indicatorRef: ref }]),
    );
    const draft = rafDraft(w.entryId);
    const body = {
      ...draft,
      answers: { ...draft.answers, ...ticks },
      judgement: { rationale: 'Ticks only.' },
    };
    const saved = await w.csc.request('PUT', `${base()}/${id}`, body);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.assessment.judgement.level).toBeNull();
    // Nine distinct indicator items: the risk factor cites one of the ticked items again.
    expect(saved.json.assessment.indicative).toEqual({
      label: 'Indicative only — not a level of concern',
      count: 9,
    });
    const res = await w.csc.post(`${base()}/${id}/complete`);
    expect(res.status).toBe(400);
    expect(rules(res)).toEqual(['level-required']);

    // With the lowest level chosen the level stays exactly as chosen, whatever was ticked.
    const lowest = {
      ...body,
      judgement: { level: 'mild', rationale: 'Her mum and tutor protect her well now.' },
    };
    expect((await w.csc.request('PUT', `${base()}/${id}`, lowest)).status).toBe(200);
    const done = await w.csc.post(`${base()}/${id}/complete`);
    expect(done.status, done.text).toBe(200);
    expect(done.json.assessment.judgement.level).toBe('mild');
    expect(done.json.assessment.indicative.count).toBe(9);
  });

  it('a new analysis starts from a completed one with its factors (same ids) and no level chosen', async () => {
    const history = await w.csc.get(base());
    const source = history.json.assessments.find((a: { status: string }) => a.status === 'completed');
    const res = await w.csc.post(base(), {
      instrumentId: 'raf',
      instrumentVersion: '2025.1',
      copyFrom: source.id,
    });
    expect(res.status, res.text).toBe(201);
    const draft = (await w.csc.get(`${base()}/${res.json.id}`)).json.assessment;
    expect(draft.answers['dev.risk_factors'].factors[0].id).toBe('f-car');
    expect(draft.judgement.level).toBeNull();
    expect(draft.voices).toBeNull();
    expect(draft.permissions.edit).toBe(true);
    // What the API presents can be saved back as it is.
    const roundTrip = await w.csc.request('PUT', `${base()}/${res.json.id}`, { answers: draft.answers });
    expect(roundTrip.status, roundTrip.text).toBe(200);
    expect(roundTrip.json.assessment.answers['dev.risk_factors'].factors[0]).toMatchObject({
      id: 'f-car',
      label: 'standard',
    });
    // Only the person who started a draft changes it.
    const other = await w.police.request('PUT', `${base()}/${res.json.id}`, rafDraft(w.entryId));
    expect(other.status).toBe(403);
  });

  it('evidence must be on this child’s record and visible; labelled evidence makes a labelled factor', async () => {
    const started = await w.csc.post(base(), { instrumentId: 'raf', instrumentVersion: '2025.1' });
    const id = started.json.id;
    const before = await snapshot(h);
    // The lead worker (children's services) cannot see police intelligence: it is not on the record for them.
    const hidden = rafDraft(w.intelEntryId);
    const res = await w.csc.request('PUT', `${base()}/${id}`, hidden);
    expect(res.status).toBe(400);
    expect(rules(res)).toEqual(['evidence-on-record']);
    expect(await snapshot(h)).toEqual(before);

    // The police officer named on the record records a factor resting on intelligence: it must carry the label.
    const policeDraft = await w.police.post(base(), { instrumentId: 'raf', instrumentVersion: '2025.1' });
    const pid = policeDraft.json.id;
    const body = rafDraft(w.entryId);
    const answers = {
      ...body.answers,
      'env.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-flat',
            kind: 'risk',
            domain: 'family_and_environment',
            description: 'The car is linked to a flat on Quarry Lane.',
            evidence: [{ chronologyEntryId: w.intelEntryId }],
          },
        ],
      },
    };
    const unlabelled = await w.police.request('PUT', `${base()}/${pid}`, { ...body, answers });
    expect(unlabelled.status).toBe(400);
    expect(rules(unlabelled)).toEqual(['factor-label-covers-evidence']);
    // A label nobody on the police side can see here is refused too.
    const wrong = await w.police.request('PUT', `${base()}/${pid}`, {
      ...body,
      answers,
      labels: { 'factor:f-flat': 'sexual_health' },
    });
    expect(wrong.status).toBe(400);
    expect(rules(wrong)).toEqual(['label-you-can-see']);
    const labelled = { ...body, answers, labels: { 'factor:f-flat': 'police_intelligence' } };
    expect((await w.police.request('PUT', `${base()}/${pid}`, labelled)).status).toBe(200);
    const done = await w.police.post(`${base()}/${pid}/complete`);
    expect(done.status, done.text).toBe(200);
    expect(done.json.assessment.answers['env.risk_factors'].factors[0].label).toBe('police_intelligence');

    // The lead worker sees the assessment without the labelled factor, and without a trace of it.
    const seen = await w.csc.get(`${base()}/${pid}`);
    expect(seen.status).toBe(200);
    expect(seen.json.assessment.answers['env.risk_factors'].factors).toEqual([]);
    expect(JSON.stringify(seen.json)).not.toContain('Quarry Lane');
    expect(JSON.stringify(seen.json)).not.toContain(w.intelEntryId);
  });

  it('lists the history newest first, compares two assessments and charts the level as judgement', async () => {
    expect((await h.client().get(base())).status).toBe(401);
    expect((await unrelated.get(base())).status).toBe(404);
    const history = await w.csc.get(base());
    expect(history.status).toBe(200);
    const completed = history.json.assessments.filter((a: { status: string }) => a.status === 'completed');
    expect(completed.length).toBeGreaterThanOrEqual(2);
    expect(history.json.permissions.start).toBe(true);
    expect(history.json.startable.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['raf', 'mace-risk-assessment']),
    );
    // Newest first: the oldest completed is the first analysis; compare it with the "mild" one.
    const earlier = completed.at(-1);
    const later = completed.find((a: { levelLabel: string }) => a.levelLabel === 'Mild');
    expect(earlier.levelLabel).toBe('Significant');

    const compare = await w.csc.get(`${base()}/compare?a=${later.id}&b=${earlier.id}`);
    expect(compare.status, compare.text).toBe(200);
    const c = compare.json.comparison;
    expect(c.earlier.id).toBe(earlier.id);
    expect(c.later.id).toBe(later.id);
    expect(c.level.from.label).toBe('Significant');
    expect(c.level.to.label).toBe('Mild');
    expect(c.level.direction).toBe('less_concern');
    expect(c.rationale.earlier).toContain('no disruption yet');
    expect(c.factors.developmental_needs.unchanged.map((f: { id: string }) => f.id)).toContain('f-car');
    expect((await w.csc.get(`${base()}/compare?a=${later.id}&b=${later.id}`)).status).toBe(400);
    expect((await w.csc.get(`${base()}/compare?a=${later.id}`)).status).toBe(400);
    expect((await unrelated.get(`${base()}/compare?a=${later.id}&b=${earlier.id}`)).status).toBe(404);

    const chart = await w.csc.get(`${base()}/chart`);
    expect(chart.status).toBe(200);
    expect(chart.json.caption).toBe('Professional judgement, not a score');
    expect(chart.json.points.length).toBe(completed.length);
    expect(chart.json.points[0]).toMatchObject({ levelLabel: 'Significant', harm: 'suspected' });
    expect(JSON.stringify(chart.json)).not.toMatch(/"(count|score|indicative)"/i);
    expect((await unrelated.get(`${base()}/chart`)).status).toBe(404);

    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', w.childId)
      .where('action', 'in', [
        'assessment.history_read',
        'assessment.compared',
        'assessment.chart_read',
        'assessment.read',
      ])
      .execute();
    expect(new Set(audit.map((a) => a.action)).size).toBe(4);
  });
});
