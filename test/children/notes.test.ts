import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { childBody, createChild, type People, people, snapshot } from './fixtures.ts';

describe(`case notes (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let police: Client;
  let childId: string;
  const earlier = () => new Date(Date.now() - 3_600_000).toISOString();

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    police = await h.signedIn(p.police);
    childId = (await createChild(csc, childBody({ givenName: 'Esme', familyName: 'Holloway' }))).id;
  });
  afterAll(() => h.close());

  it('a draft is editable by its author and private to them until finalised', async () => {
    const made = await csc.post(`/api/children/${childId}/notes`, {
      type: 'direct_work',
      body: 'Draft text',
      occurredAt: earlier(),
      significant: true,
    });
    expect(made.status).toBe(201);
    const id = made.json.note.id;
    expect(made.json.note.permissions).toEqual({ edit: true, finalise: true, correct: false });
    expect(
      (await police.get(`/api/children/${childId}/notes`)).json.notes.map((n: { id: string }) => n.id),
    ).not.toContain(id);
    const edited = await csc.patch(`/api/children/${childId}/notes/${id}`, {
      body: 'Esme talked about the people she is afraid of at the park.',
    });
    expect(edited.status).toBe(200);
    expect(edited.json.note.versions).toHaveLength(1);

    const final = await csc.post(`/api/children/${childId}/notes/${id}/finalise`, {});
    expect(final.status).toBe(200);
    expect(final.json.note.status).toBe('final');
    expect(
      (await police.get(`/api/children/${childId}/notes`)).json.notes.map((n: { id: string }) => n.id),
    ).toContain(id);

    // Significant: it is on the chronology, unverified, with its source.
    const chronology = await csc.get(`/api/children/${childId}/chronology?kinds=note`);
    const entry = chronology.json.entries.find((e: { record: { id: string } | null }) => e.record?.id === id);
    expect(entry.verification).toBe('unverified');
    expect(entry.source).toMatch(/Case note by Priya Fernside/);
  });

  it('refuses an edit after finalisation, naming the field and the rule, and saves nothing', async () => {
    const made = await csc.post(`/api/children/${childId}/notes`, {
      type: 'contact',
      body: 'Phoned Esme’s carer.',
      occurredAt: earlier(),
    });
    const id = made.json.note.id;
    await csc.post(`/api/children/${childId}/notes/${id}/finalise`, {});
    const before = await snapshot(h);
    const res = await csc.patch(`/api/children/${childId}/notes/${id}`, { body: 'Changed' });
    expect(res.status).toBe(409);
    expect(res.json.error.fields[0].path).toBe('status');
    expect(res.json.error.message).toMatch(/finalised note cannot be edited/);
    expect(await snapshot(h)).toEqual(before);

    const corrected = await csc.post(`/api/children/${childId}/notes/${id}/corrections`, {
      body: 'Phoned Esme’s foster carer.',
      reason: 'Wrong relationship recorded.',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.json.note.body).toBe('Phoned Esme’s foster carer.');
    expect(corrected.json.note.versions.map((v: { body: string }) => v.body)).toEqual([
      'Phoned Esme’s carer.',
      'Phoned Esme’s foster carer.',
    ]);
    expect(corrected.json.note.versions[1].reason).toBe('Wrong relationship recorded.');
  });

  it('refuses a correction without a reason (400) and a note dated after it was recorded (400)', async () => {
    const made = await csc.post(`/api/children/${childId}/notes`, {
      type: 'contact',
      body: 'x',
      occurredAt: earlier(),
    });
    await csc.post(`/api/children/${childId}/notes/${made.json.note.id}/finalise`, {});
    const noReason = await csc.post(`/api/children/${childId}/notes/${made.json.note.id}/corrections`, {
      body: 'y',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.fields[0].path).toBe('reason');
    const before = await snapshot(h);
    const future = await csc.post(`/api/children/${childId}/notes`, {
      type: 'contact',
      body: 'x',
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.json.error.fields[0].path).toBe('occurredAt');
    expect(await snapshot(h)).toEqual(before);
  });

  it('only the author finalises; a label the writer cannot see is refused', async () => {
    const made = await csc.post(`/api/children/${childId}/notes`, {
      type: 'contact',
      body: 'x',
      occurredAt: earlier(),
    });
    // The police practitioner cannot see someone else's draft at all.
    expect(
      (await police.post(`/api/children/${childId}/notes/${made.json.note.id}/finalise`, {})).status,
    ).toBe(404);
    const labelled = await csc.post(`/api/children/${childId}/notes`, {
      type: 'contact',
      body: 'x',
      occurredAt: earlier(),
      sensitivity: 'police_intelligence',
    });
    expect(labelled.status).toBe(400);
    expect(labelled.json.error.fields[0].path).toBe('sensitivity');
  });

  it('a referrer account cannot write notes (404: the record is not theirs to know)', async () => {
    const school = await h.signedIn(p.school);
    const res = await school.post(`/api/children/${childId}/notes`, {
      type: 'contact',
      body: 'x',
      occurredAt: earlier(),
    });
    expect(res.status).toBe(404);
  });
});
