import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAF_2025_1, SHIPPED_INSTRUMENTS } from '../../src/domain/assessment/index.ts';
import { syncInstruments } from '../../src/server/assessment/instruments.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import { completeRaf, rafDraft, rules, type World, world } from './helpers.ts';

/** A new version of the RAF with other words for the levels and one prompt fewer. */
const RAF_2025_2 = {
  ...RAF_2025_1,
  version: '2025.2',
  continuum: {
    ...RAF_2025_1.continuum,
    levels: RAF_2025_1.continuum.levels.map((l) => ({ ...l, label: `${l.label} concern` })),
  },
  sections: RAF_2025_1.sections.map((s) => ({
    ...s,
    prompts: s.prompts.filter((p) => p.id !== 'dev.missing'),
  })),
};

describe(`instrument versions are pinned (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let oldId: string;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    oldId = await completeRaf(w.csc, w.childId, rafDraft(w.entryId));
  });
  afterAll(() => h.close());

  it('publishes the shipped instruments once: starting again changes nothing', async () => {
    expect(await syncInstruments(h.db)).toEqual({ published: [] });
    const rows = await h.db
      .selectFrom('assessment_instruments')
      .select(['instrument_id', 'version'])
      .execute();
    expect(rows.map((r) => `${r.instrument_id}@${r.version}`).sort()).toEqual([
      'mace-risk-assessment@2025.1',
      'mace-risk-assessment@2025.2',
      'raf@2025.1',
    ]);
  });

  it('a new version never changes an assessment made with the old one', async () => {
    expect(await syncInstruments(h.db, [...SHIPPED_INSTRUMENTS, RAF_2025_2])).toEqual({
      published: ['raf@2025.2'],
    });
    const old = (await w.csc.get(`/api/children/${w.childId}/assessments/${oldId}`)).json.assessment;
    expect(old.instrument.version).toBe('2025.1');
    expect(old.judgement.levelLabel).toBe('Significant');
    expect(old.answers['dev.missing']).toEqual({
      type: 'yes_no_unknown',
      value: 'yes',
      indicatorRef: 's-missing',
    });
    const published = await w.csc.get('/api/assessment-instruments/raf/2025.1');
    expect(published.json.instrument.continuum.levels[3].label).toBe('Significant');
    const list = (await w.csc.get('/api/assessment-instruments')).json.instruments;
    expect(
      list.find((i: { version: string; id: string }) => i.id === 'raf' && i.version === '2025.1').latest,
    ).toBe(false);
    expect(
      list.find((i: { version: string; id: string }) => i.id === 'raf' && i.version === '2025.2').latest,
    ).toBe(true);
    const history = (await w.csc.get(`/api/children/${w.childId}/assessments`)).json;
    expect(history.startable).toEqual(
      expect.arrayContaining([{ id: 'raf', version: '2025.2', title: 'Risk Analysis Framework' }]),
    );

    // A new assessment against the new version is checked against that version only.
    const started = await w.csc.post(`/api/children/${w.childId}/assessments`, {
      instrumentId: 'raf',
      instrumentVersion: '2025.2',
    });
    expect(started.status).toBe(201);
    const id = started.json.id;
    const saved = await w.csc.request(
      'PUT',
      `/api/children/${w.childId}/assessments/${id}`,
      rafDraft(w.entryId),
    );
    expect(saved.status).toBe(200);
    const refused = await w.csc.post(`/api/children/${w.childId}/assessments/${id}/complete`);
    expect(refused.status).toBe(400);
    expect(rules(refused)).toEqual(['answer-matches-prompt']);
    expect(refused.json.error.message).toContain('There is no prompt "dev.missing" in raf@2025.2');
    const draft = rafDraft(w.entryId);
    const { 'dev.missing': _gone, ...answers } = draft.answers;
    expect(
      (await w.csc.request('PUT', `/api/children/${w.childId}/assessments/${id}`, { ...draft, answers }))
        .status,
    ).toBe(200);
    const done = await w.csc.post(`/api/children/${w.childId}/assessments/${id}/complete`);
    expect(done.status, done.text).toBe(200);
    expect(done.json.assessment.judgement.levelLabel).toBe('Significant concern');

    // Both stay on the chart, each with the words of its own version.
    const chart = (await w.csc.get(`/api/children/${w.childId}/assessments/chart`)).json;
    expect(chart.points.map((p: { levelLabel: string }) => p.levelLabel)).toEqual([
      'Significant',
      'Significant concern',
    ]);
  });

  it('refuses a changed definition under a version already published, and the table refuses edits', async () => {
    const changed = { ...RAF_2025_1, title: 'Risk Analysis Framework (edited)' };
    await expect(syncInstruments(h.db, [changed, RAF_2025_2])).rejects.toThrow(
      /raf@2025\.1 has changed since it was published/,
    );
    await expect(
      h.db
        .updateTable('assessment_instruments')
        .set({ title: 'Edited' })
        .where('instrument_id', '=', 'raf')
        .execute(),
    ).rejects.toThrow(/never changed or removed/);
    await expect(
      h.db.deleteFrom('assessment_instruments').where('version', '=', '2025.2').execute(),
    ).rejects.toThrow(/never changed or removed/);
  });

  it('an assessment against a version that was never published cannot be stored at all', async () => {
    await expect(
      h.db
        .insertInto('assessments')
        .values({
          child_id: w.childId,
          instrument_id: 'raf',
          instrument_version: '2030.1',
          created_by: w.p.csc.id,
          created_agency_id: w.p.csc.agencyId,
        })
        .execute(),
    ).rejects.toThrow();
  });
});
