import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { maceDraft, refs, rules, snapshot, type World, world } from './helpers.ts';

/**
 * The MACE risk assessment's connections link context records (mace-risk-assessment@2025.2). People and
 * places are fictional.
 */
describe(`MACE connections linked to context records (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let intel: Client;
  const ids = { person: '', place: '', intelPerson: '' };
  const INTEL_NAME = 'Corvin Ashgrove';

  const base = () => `/api/children/${w.childId}/assessments`;
  const newContext = async (body: Record<string, unknown>) => {
    const res = await intel.post('/api/contexts', body);
    expect(res.status, res.text).toBe(201);
    return res.json.context.id as string;
  };
  const startMace = async (c: Client) => {
    const res = await c.post(base(), { instrumentId: 'mace-risk-assessment', instrumentVersion: '2025.2' });
    expect(res.status, res.text).toBe(201);
    return res.json.id as string;
  };

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    intel = await h.signedIn(w.p.intel);
    ids.person = await newContext({
      kind: 'person_of_concern',
      sensitivity: 'standard',
      name: 'Tyrell Vance',
      aliases: ['Tee'],
    });
    ids.place = await newContext({
      kind: 'place',
      sensitivity: 'standard',
      placeKind: 'takeaway',
      name: 'Kestrel Fried Chicken',
      addressLines: ['14 Wharf Street', 'Fernbridge'],
      postcode: 'ZX1 4AB',
    });
    ids.intelPerson = await newContext({
      kind: 'person_of_concern',
      sensitivity: 'police_intelligence',
      name: INTEL_NAME,
    });
  }, 120_000);
  afterAll(() => h?.close());

  it('new MACE risk assessments start on the newest version, 2025.2; 2025.1 is still published', async () => {
    const history = await w.csc.get(base());
    expect(history.status, history.text).toBe(200);
    expect(history.json.startable).toContainEqual(
      expect.objectContaining({ id: 'mace-risk-assessment', version: '2025.2' }),
    );
    const list = (await w.csc.get('/api/assessment-instruments')).json.instruments as {
      id: string;
      version: string;
      latest: boolean;
    }[];
    const mace = list.filter((i) => i.id === 'mace-risk-assessment').map((i) => [i.version, i.latest]);
    expect(mace.sort()).toEqual([
      ['2025.1', false],
      ['2025.2', true],
    ]);
  });

  it('saves and completes a MACE assessment referring to a place and a person of concern', async () => {
    const id = await startMace(w.csc);
    const body = maceDraft(w.entryId, {
      'mace.connections.persons': refs({
        contextId: ids.person,
        // The kind comes from the record, never from the form.
        kind: 'vehicle',
        note: 'Collects her from school in a grey hatchback.',
      }),
      'mace.connections.places': refs({ contextId: ids.place, kind: 'place' }),
      'mace.connections.not_yet_recorded': {
        type: 'long_text',
        value: 'A second man at the takeaway, not yet identified.',
      },
    });
    const saved = await w.csc.request('PUT', `${base()}/${id}`, body);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.assessment.answers['mace.connections.persons'].refs).toEqual([
      {
        contextId: ids.person,
        kind: 'person_of_concern',
        kindName: 'Person of concern',
        name: 'Tyrell Vance',
        note: 'Collects her from school in a grey hatchback.',
      },
    ]);
    // What was read can be saved back as it is: the names are not stored.
    const again = await w.csc.request('PUT', `${base()}/${id}`, {
      ...body,
      answers: saved.json.assessment.answers,
    });
    expect(again.status, again.text).toBe(200);
    const done = await w.csc.post(`${base()}/${id}/complete`);
    expect(done.status, done.text).toBe(200);
    expect(done.json.assessment.answers['mace.connections.places'].refs).toEqual([
      { contextId: ids.place, kind: 'place', kindName: 'Place', name: 'Kestrel Fried Chicken' },
    ]);
    const row = await h.db
      .selectFrom('assessments')
      .select(['content', 'instrument_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.instrument_version).toBe('2025.2');
    const stored = (row.content as { answers: Record<string, unknown> }).answers;
    expect(stored['mace.connections.persons']).toEqual(
      refs({
        contextId: ids.person,
        kind: 'person_of_concern',
        note: 'Collects her from school in a grey hatchback.',
      }),
    );
    expect(JSON.stringify(row.content)).not.toContain('Tyrell');
  });

  it('refuses an unknown or invisible context, naming the field, and writes nothing', async () => {
    const id = await startMace(w.csc);
    const before = await snapshot(h);
    const content = async () =>
      (await h.db.selectFrom('assessments').select('content').where('id', '=', id).executeTakeFirstOrThrow())
        .content;
    const was = await content();
    const field = 'answers.mace.connections.persons.refs.1.contextId';
    for (const contextId of [ids.intelPerson, randomUUID(), 'Tyrell Vance']) {
      const res = await w.csc.request(
        'PUT',
        `${base()}/${id}`,
        maceDraft(w.entryId, {
          'mace.connections.persons': refs(
            { contextId: ids.person, kind: 'person_of_concern' },
            { contextId, kind: 'person_of_concern' },
          ),
        }),
      );
      expect(res.status, contextId).toBe(400);
      expect(res.json.error.fields).toEqual([{ path: field, message: expect.any(String) }]);
      expect(res.json.error.message).toContain(field);
      expect(rules(res)).toEqual(['context-you-can-see']);
      // The same words for a record that does not exist and one the author may not see.
      expect(res.json.error.message).not.toContain(INTEL_NAME);
    }
    // A record of a kind the prompt does not link.
    const place = await w.csc.request(
      'PUT',
      `${base()}/${id}`,
      maceDraft(w.entryId, {
        'mace.connections.vehicles': refs({ contextId: ids.place, kind: 'vehicle' }),
      }),
    );
    expect(place.status).toBe(400);
    expect(place.json.error.fields[0].path).toBe('answers.mace.connections.vehicles.refs.0.kind');
    expect(await snapshot(h)).toEqual(before);
    expect(await content()).toEqual(was);
  });

  it('a reader without police-intelligence rights does not receive the name of a police-intelligence person of concern', async () => {
    // The police officer named on the child's record links the person police hold intelligence on.
    const id = await startMace(w.police);
    const saved = await w.police.request(
      'PUT',
      `${base()}/${id}`,
      maceDraft(w.entryId, {
        'mace.connections.persons': refs(
          { contextId: ids.intelPerson, kind: 'person_of_concern', note: 'Seen with her at the flat.' },
          { contextId: ids.person, kind: 'person_of_concern' },
        ),
        'mace.connections.places': refs({ contextId: ids.place, kind: 'place' }),
      }),
    );
    expect(saved.status, saved.text).toBe(200);
    expect(
      saved.json.assessment.answers['mace.connections.persons'].refs.map((r: { name: string }) => r.name),
    ).toEqual([INTEL_NAME, 'Tyrell Vance']);
    const done = await w.police.post(`${base()}/${id}/complete`);
    expect(done.status, done.text).toBe(200);

    for (const reader of [w.csc, w.manager]) {
      const res = await reader.get(`${base()}/${id}`);
      expect(res.status, res.text).toBe(200);
      // Dropped, with its note: no name, no kind, no gap to count.
      expect(res.json.assessment.answers['mace.connections.persons'].refs).toEqual([
        {
          contextId: ids.person,
          kind: 'person_of_concern',
          kindName: 'Person of concern',
          name: 'Tyrell Vance',
        },
      ]);
      expect(res.text).not.toContain(INTEL_NAME);
      expect(res.text).not.toContain(ids.intelPerson);
      expect(res.text).not.toContain('Seen with her at the flat');
    }
    const asPolice = await w.police.get(`${base()}/${id}`);
    expect(asPolice.text).toContain(INTEL_NAME);
  });

  it('an assessment pinned to 2025.1 keeps its free text; linked records are refused there', async () => {
    const started = await w.csc.post(base(), {
      instrumentId: 'mace-risk-assessment',
      instrumentVersion: '2025.1',
    });
    const id = started.json.id;
    const draft = maceDraft(w.entryId, {
      'mace.connections.persons': refs({ contextId: ids.person, kind: 'person_of_concern' }),
    });
    expect((await w.csc.request('PUT', `${base()}/${id}`, draft)).status).toBe(200);
    const refused = await w.csc.post(`${base()}/${id}/complete`);
    expect(refused.status).toBe(400);
    expect(rules(refused)).toEqual(['answer-matches-prompt']);
    expect(refused.json.error.fields[0].path).toBe('answers.mace.connections.persons.type');

    const free = maceDraft(w.entryId, {
      'mace.connections.persons': { type: 'long_text', value: 'An adult man in a grey hatchback.' },
    });
    expect((await w.csc.request('PUT', `${base()}/${id}`, free)).status).toBe(200);
    const done = await w.csc.post(`${base()}/${id}/complete`);
    expect(done.status, done.text).toBe(200);
    expect(done.json.assessment.instrument.version).toBe('2025.1');
    expect(done.json.assessment.answers['mace.connections.persons'].value).toContain('grey hatchback');
  });
});
