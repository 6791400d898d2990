import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { childBody, createChild, type People, people, snapshot } from './fixtures.ts';

describe(`one child, one record: matching, merge and undo (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let manager: Client;
  let jayden: string;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    jayden = (await createChild(csc, childBody())).id;
    // A different child with a similar name, born years apart, at another school.
    await createChild(
      csc,
      childBody({
        givenName: 'Jaydon',
        familyName: 'Marlowe',
        knownAs: [],
        dateOfBirth: '2014-01-20',
        school: 'St Wren Primary',
        address: { line1: '3 Heron Close', postcode: 'FB9 9ZZ' },
      }),
    );
  });
  afterAll(() => h.close());

  it('finds the true match described with a known-as name and a swapped date, with reasons', async () => {
    const res = await csc.post('/api/children/matches', {
      givenName: 'Jay',
      familyName: 'Marlow',
      dateOfBirth: '2010-03-09',
      postcode: 'FB1 2AA',
    });
    expect(res.status).toBe(200);
    const top = res.json.matches[0];
    expect(top.child.id).toBe(jayden);
    expect(top.strength).toBe('likely');
    expect(top.reasons).toContain("same known-as 'Jay'");
    expect(top.reasons).toContain('date of birth with day and month swapped');
  });

  it('does not propose a different child with a similar name as a likely match', async () => {
    const res = await csc.post('/api/children/matches', {
      givenName: 'Jaydon',
      familyName: 'Marlowe',
      dateOfBirth: '2014-01-20',
    });
    const likely = res.json.matches
      .filter((m: { strength: string }) => m.strength === 'likely')
      .map((m: { child: { id: string } }) => m.child.id);
    expect(likely).not.toContain(jayden);
  });

  it('refuses to create a record while a likely match is unchecked, and saves nothing', async () => {
    const before = await snapshot(h);
    const res = await csc.post('/api/children', childBody({ givenName: 'Jaden' }));
    expect(res.status).toBe(409);
    expect(res.json.error.fields[0].path).toBe('notAMatchOf');
    expect(res.json.error.fields[0].message).toContain(jayden);
    expect(await snapshot(h)).toEqual(before);
  });

  it('merges a duplicate into the kept record and undoes the merge, both audited', async () => {
    const duplicate = await createChild(
      csc,
      childBody({ givenName: 'Jaden', knownAs: [], notAMatchOf: [jayden] }),
    );
    const note = await csc.post(`/api/children/${duplicate.id}/notes`, {
      type: 'contact',
      body: 'Met Jaden at school.',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(note.status).toBe(201);

    const merged = await manager.post(`/api/children/${jayden}/merge`, {
      duplicateId: duplicate.id,
      reason: 'Same child: same date of birth and address.',
    });
    expect(merged.status, merged.text).toBe(201);
    expect(merged.json.child.mergedRecords.map((m: { id: string }) => m.id)).toEqual([duplicate.id]);
    const notes = await csc.get(`/api/children/${jayden}/notes`);
    expect(notes.json.notes.map((n: { body: string }) => n.body)).toContain('Met Jaden at school.');
    const dup = await csc.get(`/api/children/${duplicate.id}`);
    expect(dup.json.child.mergedIntoId).toBe(jayden);
    expect(dup.json.child.permissions.update).toBe(false);
    const search = await csc.get('/api/children?q=Marlow');
    expect(search.json.children.map((c: { id: string }) => c.id)).not.toContain(duplicate.id);

    const undone = await manager.post(`/api/children/${jayden}/merges/${merged.json.mergeId}/undo`, {
      reason: 'Checked with school: two different children.',
    });
    expect(undone.status, undone.text).toBe(200);
    expect(undone.json.child.mergedRecords).toEqual([]);
    const back = await csc.get(`/api/children/${duplicate.id}/notes`);
    expect(back.json.notes.map((n: { body: string }) => n.body)).toContain('Met Jaden at school.');
    const actions = (
      await h.db.selectFrom('audit_log').select('action').where('child_id', '=', jayden).execute()
    ).map((a) => a.action);
    expect(actions).toContain('child.merged');
    expect(actions).toContain('child.merge_undone');
  });

  it('refuses a merge of a record into itself, naming the field, and saves nothing', async () => {
    const before = await snapshot(h);
    const res = await manager.post(`/api/children/${jayden}/merge`, { duplicateId: jayden, reason: 'Oops' });
    expect(res.status).toBe(400);
    expect(res.json.error.fields[0].path).toBe('duplicateId');
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses a merge by a practitioner (403) and changes nothing', async () => {
    const other = await createChild(
      csc,
      childBody({
        givenName: 'Milo',
        familyName: 'Tansley',
        knownAs: [],
        dateOfBirth: '2012-12-12',
        address: { line1: '9 Finch Way', postcode: 'FB4 4BB' },
      }),
    );
    const before = await snapshot(h);
    const res = await csc.post(`/api/children/${jayden}/merge`, {
      duplicateId: other.id,
      reason: 'Same child',
    });
    expect(res.status).toBe(403);
    expect(await snapshot(h)).toEqual(before);
  });
});
