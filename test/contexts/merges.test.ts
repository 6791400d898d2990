import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import { type Cast, cast, counts, linkBody, newChild, newContext, newLink, personBody } from './fixtures.ts';

describe(`merging records across agencies (${describeDatabase()})`, () => {
  let h: Harness;
  let c: Cast;
  let childId: string;
  let police: string;
  let social: string;
  let linkId: string;

  beforeAll(async () => {
    h = await Harness.start();
    c = await cast(h);
    childId = await newChild(c.cscC);
    // The same person, recorded by the police and by children's social care with different spellings.
    police = await newContext(
      c.intelC,
      personBody({ name: 'Tyrell Vance', aliases: ['Tee'], phones: ['07700 900321'] }),
    );
    social = await newContext(
      c.managerC,
      personBody({ name: 'VANCE, Tyrel', aliases: ['T'], phones: ['+44 7700 900321'] }),
    );
    linkId = await newLink(
      c.managerC,
      linkBody(
        { kind: 'child', id: childId },
        { kind: 'person_of_concern', id: social },
        { agencyId: c.cscManager.agencyId, authorId: c.cscManager.id },
      ),
    );
  }, 180_000);
  afterAll(() => h?.close());

  const actions = async (recordId: string) =>
    (
      await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', recordId)
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);

  it('proposal → confirm → undo, each audited, with the links moved and moved back', async () => {
    const proposed = await c.managerC.post('/api/contexts/merges', {
      keepId: police,
      mergeId: social,
      reason: 'Same phone, same car',
    });
    expect(proposed.status).toBe(201);
    const merge = proposed.json.merge;
    expect(merge.status).toBe('proposed');
    expect(merge.reasons.join('; ')).toMatch(/same phone number/);
    expect(merge.reasons).toContain('Proposed because: Same phone, same car');
    // Proposing is not merging.
    expect((await c.intelC.get(`/api/contexts/${social}`)).json.context.mergedInto).toBeNull();
    const again = await c.intelC.post('/api/contexts/merges', { keepId: social, mergeId: police });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('[merge.already-proposed]');

    const confirmed = await c.intelC.post(`/api/contexts/merges/${merge.id}/decision`, {
      decision: 'confirm',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.merge).toMatchObject({
      status: 'confirmed',
      decidedBy: 'Dana Crowther',
      undone: null,
    });
    const merged = await c.intelC.get(`/api/contexts/${social}`);
    expect(merged.json.context.mergedInto).toBe(police);
    expect(merged.json.context.permissions.edit).toBe(false);
    const kept = await c.intelC.get(`/api/contexts/${police}`);
    expect(kept.json.context.links.map((l: { id: string }) => l.id)).toEqual([linkId]);
    const network = await c.intelC.get(`/api/network?centre=${childId}&steps=1`);
    expect(network.json.nodes.map((n: { id: string }) => n.id).sort()).toEqual([childId, police].sort());
    // The merged record's identifiers now find the kept one.
    const search = await c.intelC.get('/api/contexts?q=vance%20tyrel');
    expect(search.json.contexts.map((x: { id: string }) => x.id)).toEqual([police]);
    const twice = await c.intelC.post(`/api/contexts/merges/${merge.id}/decision`, { decision: 'confirm' });
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toContain('[merge.already-decided]');

    const undone = await c.intelC.post(`/api/contexts/merges/${merge.id}/undo`, {
      reason: 'Two brothers who share a phone',
    });
    expect(undone.status).toBe(200);
    expect(undone.json.merge.undone).toMatchObject({
      by: 'Dana Crowther',
      reason: 'Two brothers who share a phone',
    });
    expect(
      (await c.intelC.get(`/api/contexts/${social}`)).json.context.links.map((l: { id: string }) => l.id),
    ).toEqual([linkId]);
    expect((await c.intelC.get(`/api/contexts/${police}`)).json.context.links).toEqual([]);
    const undoAgain = await c.intelC.post(`/api/contexts/merges/${merge.id}/undo`, { reason: 'again' });
    expect(undoAgain.status).toBe(409);
    expect(undoAgain.json.error.message).toContain('[merge.undo-confirmed]');

    expect(await actions(merge.id)).toEqual([
      'context.merge_proposed',
      'context.merge_confirmed',
      'context.merge_undone',
    ]);
  });

  it('a rejection needs its reason, and the same pair is not proposed again without new information', async () => {
    const a = await newContext(
      c.intelC,
      personBody({ name: 'Lee Ashby', aliases: [], phones: ['07700 900654'] }),
    );
    const b = await newContext(
      c.intelC,
      personBody({ name: 'Lee Ashby', aliases: [], phones: ['07700 900654'] }),
    );
    const { json } = await c.intelC.post('/api/contexts/merges', { keepId: a, mergeId: b });
    const noReason = await c.intelC.post(`/api/contexts/merges/${json.merge.id}/decision`, {
      decision: 'reject',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toContain('[merge.rejection-reason]');
    const rejected = await c.intelC.post(`/api/contexts/merges/${json.merge.id}/decision`, {
      decision: 'reject',
      reason: 'Father and son',
    });
    expect(rejected.json.merge.status).toBe('rejected');
    const repeat = await c.intelC.post('/api/contexts/merges', { keepId: b, mergeId: a });
    expect(repeat.status).toBe(409);
    expect(repeat.json.error.message).toContain('[merge.rejected-before]');
    const withNews = await c.intelC.post('/api/contexts/merges', {
      keepId: b,
      mergeId: a,
      newInformation: 'Same date of birth on the PNC',
    });
    expect(withNews.status).toBe(201);
    const samePerson = await c.intelC.post('/api/contexts/merges', { keepId: a, mergeId: a });
    expect(samePerson.status).toBe(400);
  });

  it('refuses a merge across records the person cannot see, exactly as if they did not exist, saving nothing', async () => {
    const hidden = await newContext(
      c.intelC,
      personBody({ name: 'Tyrell Vance', sensitivity: 'police_intelligence', phones: ['07700 900321'] }),
    );
    const before = await counts(h);
    const across = await c.managerC.post('/api/contexts/merges', { keepId: social, mergeId: hidden });
    const nowhere = await c.managerC.post('/api/contexts/merges', { keepId: social, mergeId: randomUUID() });
    expect(across.status).toBe(404);
    expect(across.json.error.message).toContain('[merge.records-visible]');
    expect(across.json).toEqual(nowhere.json);
    expect(await counts(h)).toEqual(before);
    // Nor is the hidden record offered as a match.
    const matches = await c.managerC.post(
      '/api/contexts/matches',
      personBody({ name: 'Tyrell Vance', phones: ['07700 900321'] }),
    );
    expect(matches.json.matches.map((m: { id: string }) => m.id)).not.toContain(hidden);
  });

  it('only someone with context.manage in their own right decides a merge (403); 401 and 400 as usual', async () => {
    const a = await newContext(
      c.managerC,
      personBody({ name: 'Kai Rowntree', aliases: [], phones: ['07700 900777'] }),
    );
    const b = await newContext(
      c.managerC,
      personBody({ name: 'Kai Rowntree', aliases: [], phones: ['07700 900777'] }),
    );
    const { json } = await c.managerC.post('/api/contexts/merges', { keepId: a, mergeId: b });
    expect(
      (await c.policeC.post(`/api/contexts/merges/${json.merge.id}/decision`, { decision: 'confirm' }))
        .status,
    ).toBe(403);
    expect((await c.referrerC.post('/api/contexts/merges', { keepId: a, mergeId: b })).status).toBe(404);
    expect((await h.client().post('/api/contexts/merges', { keepId: a, mergeId: b })).status).toBe(401);
    expect((await c.managerC.post('/api/contexts/merges', { keepId: a })).status).toBe(400);
    const list = await c.managerC.get('/api/contexts/merges?status=proposed');
    expect(list.json.merges.map((m: { id: string }) => m.id)).toContain(json.merge.id);
  });
});
