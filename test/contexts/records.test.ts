import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import {
  type Cast,
  cast,
  counts,
  linkBody,
  newChild,
  newContext,
  personBody,
  placeBody,
  yearsAgo,
} from './fixtures.ts';

describe(`context records (${describeDatabase()})`, () => {
  let h: Harness;
  let c: Cast;
  let childId: string;

  beforeAll(async () => {
    h = await Harness.start();
    c = await cast(h);
    childId = await newChild(c.cscC);
  }, 180_000);
  afterAll(() => h?.close());

  it('every route needs a signed-in session (401)', async () => {
    const anonymous = h.client();
    const id = randomUUID();
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/contexts/reference'],
      ['GET', '/api/contexts?q=tee'],
      ['POST', '/api/contexts', personBody()],
      ['POST', '/api/contexts/matches', personBody()],
      ['GET', `/api/contexts/${id}`],
      ['PUT', `/api/contexts/${id}`, personBody()],
      ['PUT', `/api/contexts/${id}/assessment`, { text: null, maceReason: null }],
      ['POST', `/api/contexts/${id}/actions`, {}],
      ['PATCH', `/api/contexts/${id}/actions/${id}`, { status: 'done' }],
      ['POST', '/api/links', {}],
      ['GET', `/api/links/${id}`],
      ['POST', `/api/links/${id}/sightings`, {}],
      ['POST', `/api/links/${id}/corroborations`, {}],
      ['POST', `/api/links/${id}/withdraw`, {}],
      ['GET', `/api/network?centre=${id}`],
      ['GET', '/api/contexts/groups?from=2025-01-01&to=2025-12-31'],
      ['GET', '/api/contexts/merges'],
      ['POST', '/api/contexts/merges', {}],
      ['POST', `/api/contexts/merges/${id}/decision`, {}],
      ['POST', `/api/contexts/merges/${id}/undo`, {}],
    ];
    for (const [method, path, body] of calls) {
      const res = await anonymous.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('records a person of concern with identifiers in normal form, audited', async () => {
    const res = await c.intelC.post(
      '/api/contexts',
      personBody({
        phones: ['+44 (0)7700-900-123'],
        handles: [{ platform: 'instagram', handle: 'https://instagram.com/Tee.Vance' }],
        vehicleRegistrations: ['zx12 abc'],
        addresses: [{ lines: ['3 Heron Court'], postcode: 'zx1 4ab' }],
        description: 'Seen outside Fernbridge Academy at home time in a silver car.',
      }),
    );
    expect(res.status).toBe(201);
    const { context } = res.json;
    expect(context.kind).toBe('person_of_concern');
    expect(context.details.phones).toEqual(['+447700900123']);
    expect(context.details.handles).toEqual([{ platform: 'instagram', handle: '@tee.vance' }]);
    expect(context.details.vehicleRegistrations).toEqual(['ZX12ABC']);
    expect(context.details.addresses[0].postcode).toBe('ZX1 4AB');
    expect(context.permissions).toMatchObject({ edit: true, addLink: true, recordDisruption: true });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('record_id', '=', context.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('context.created');

    const read = await c.intelC.get(`/api/contexts/${context.id}`);
    expect(read.status).toBe(200);
    const reads = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', context.id)
      .where('action', '=', 'context.read')
      .execute();
    expect(reads).toHaveLength(1);
  });

  it('refuses a record that breaks a rule, naming it, and saves nothing (400)', async () => {
    const before = await counts(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'person_of_concern', sensitivity: 'standard' }, 'context.person-identifiable'],
      [placeBody({ postcode: 'not a postcode' }), 'context.postcode'],
      [personBody({ phones: ['07700 9001'] }), 'context.phone'],
      [personBody({ sensitivity: 'secret' }), 'context.sensitivity'],
      [personBody({ dateOfBirth: '1990-01-01', ageYears: 30, ageRecordedOn: '2024-01-01' }), 'context.age'],
    ];
    for (const [body, rule] of cases) {
      const res = await c.intelC.post('/api/contexts', body);
      expect(res.status, rule).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      expect(res.json.error.message, rule).toContain(`[${rule}]`);
    }
    // A label the person could not see themselves.
    const hidden = await c.managerC.post('/api/contexts', personBody({ sensitivity: 'police_intelligence' }));
    expect(hidden.status).toBe(400);
    expect(hidden.json.error.message).toContain('[context.sensitivity-visible]');
    expect(await counts(h)).toEqual(before);
  });

  it('refuses those who may not record contexts (403), saving nothing', async () => {
    const before = await counts(h);
    for (const client of [c.referrerC, c.youthC, c.policeC, c.cscC]) {
      const res = await client.post('/api/contexts', personBody());
      expect(res.status).toBe(403);
    }
    expect((await c.referrerC.get('/api/contexts?q=tyrell')).status).toBe(403);
    expect(await counts(h)).toEqual(before);
  });

  it('a worker carrying a child’s case records a context with its first link to that child', async () => {
    const allocated = await c.managerC.post(`/api/children/${childId}/professionals`, {
      userId: c.csc.id,
      kind: 'lead_worker',
    });
    expect(allocated.status).toBeLessThan(300);
    const res = await c.cscC.post('/api/contexts', {
      ...placeBody({ name: 'Heron Court flats', postcode: 'ZX1 4AD', addressLines: ['Heron Court'] }),
      link: {
        childId,
        nature: 'taken_to',
        firstSeen: yearsAgo(0, 30),
        source: { agencyId: c.csc.agencyId, authorId: c.csc.id },
        grading: { source: '2', intelligence: 'C', handling: 'P' },
        sensitivity: 'standard',
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.context.links).toHaveLength(1);
    expect(res.json.context.links[0].from.id).toBe(childId);
    expect(res.json.context.links[0].view.reason).toBe('unconfirmed_before_review');
  });

  it('a record the viewer may not see does not exist for them (404)', async () => {
    const secret = await newContext(
      c.intelC,
      personBody({ name: 'Marcus Pell', sensitivity: 'police_intelligence', phones: [] }),
    );
    const missing = await c.cscC.get(`/api/contexts/${randomUUID()}`);
    const hidden = await c.cscC.get(`/api/contexts/${secret}`);
    expect(missing.status).toBe(404);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual(missing.json);
    expect((await c.intelC.get(`/api/contexts/${secret}`)).status).toBe(200);
    // Nor is it found by searching or matching.
    const search = await c.managerC.get('/api/contexts?q=marcus%20pell');
    expect(search.json.contexts).toEqual([]);
    const matches = await c.managerC.post(
      '/api/contexts/matches',
      personBody({ name: 'Marcus Pell', phones: [] }),
    );
    expect(matches.json.matches).toEqual([]);
  });

  it('finds records by name, alias, phone, plate and postcode, and proposes likely matches with reasons', async () => {
    const first = await newContext(
      c.intelC,
      personBody({ name: 'Lewis Kettering', aliases: ['Kettle'], phones: ['07700 900456'] }),
    );
    for (const q of ['lewis ketering', 'kettle', '07700900456', '+44 7700 900456']) {
      const res = await c.managerC.get(`/api/contexts?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(
        res.json.contexts.map((x: { id: string }) => x.id),
        q,
      ).toContain(first);
    }
    const res = await c.managerC.post(
      '/api/contexts',
      personBody({ name: 'KETTERING, Lewis', aliases: [], phones: ['+447700900456'] }),
    );
    expect(res.status).toBe(201);
    const match = res.json.matches.find((m: { id: string }) => m.id === first);
    expect(match.strength).toBe('likely');
    expect(match.reasons.join('; ')).toMatch(/same phone number/);
  });

  it('a person of concern who is a child is shown as a child first, with their own record when linked', async () => {
    const sixteen = await c.intelC.post(
      '/api/contexts',
      personBody({ name: 'Rhys Calder', dateOfBirth: yearsAgo(16), phones: [] }),
    );
    expect(sixteen.json.context.roles).toEqual(['child', 'person_of_concern']);
    expect(sixteen.json.context.warnings.map((w: { rule: string }) => w.rule)).toContain(
      'person.child-first',
    );
    const linked = await c.intelC.post(
      '/api/contexts',
      personBody({ name: 'Jay Marlow', dateOfBirth: yearsAgo(16), phones: [], childRecordId: childId }),
    );
    expect(linked.status).toBe(201);
    expect(linked.json.context.roles[0]).toBe('child');
    expect(linked.json.context.childRecord).toMatchObject({ readable: true, id: childId });
    expect(linked.json.context.warnings).toEqual([]);
    const unknown = await c.intelC.post(
      '/api/contexts',
      personBody({ phones: [], childRecordId: randomUUID() }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('[context.child-record]');
  });

  it('changes a record, keeping its kind, and records its assessment and actions for MACE', async () => {
    const id = await newContext(
      c.intelC,
      placeBody({ name: 'Canal towpath', placeKind: 'park', postcode: undefined, addressLines: [] }),
    );
    const changed = await c.intelC.request(
      'PUT',
      `/api/contexts/${id}`,
      placeBody({
        name: 'Canal towpath by the lock',
        placeKind: 'park',
        postcode: undefined,
        addressLines: [],
      }),
    );
    expect(changed.status).toBe(200);
    expect(changed.json.context.name).toBe('Canal towpath by the lock');
    const wrongKind = await c.intelC.request('PUT', `/api/contexts/${id}`, personBody());
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.error.message).toContain('[context.kind-fixed]');

    const assessed = await c.intelC.request('PUT', `/api/contexts/${id}/assessment`, {
      text: 'Older young people gather here after dark; younger children are brought here.',
      maceReason: 'Three children have been found here after missing episodes.',
    });
    expect(assessed.status).toBe(200);
    expect(assessed.json.context.assessment.maceNominatedAt).not.toBeNull();
    const action = await c.intelC.post(`/api/contexts/${id}/actions`, {
      action: 'Ask the canal trust to fix the lighting by the lock',
      ownerName: 'Dana Crowther',
      agencyId: c.intel.agencyId,
      dueDate: yearsAgo(-1),
    });
    expect(action.status).toBe(201);
    const actionId = action.json.context.actions[0].id;
    const done = await c.intelC.patch(`/api/contexts/${id}/actions/${actionId}`, { status: 'done' });
    expect(done.json.context.actions[0].status).toBe('done');
    const bad = await c.intelC.post(`/api/contexts/${id}/actions`, { action: 'x' });
    expect(bad.status).toBe(400);
    expect(
      (
        await c.policeC.post(`/api/contexts/${id}/actions`, {
          action: 'Patrol the towpath',
          ownerName: 'PC Hale',
          agencyId: c.police.agencyId,
          dueDate: yearsAgo(-1),
        })
      ).status,
    ).toBe(403);
  });

  it('serves the reference data with the grading explained', async () => {
    const res = await c.cscC.get('/api/contexts/reference');
    expect(res.status).toBe(200);
    expect(res.json.grading.sourceEvaluations.map((g: { id: string }) => g.id)).toEqual(['1', '2', '3']);
    expect(res.json.sensitivity.find((s: { id: string }) => s.id === 'police_intelligence').usable).toBe(
      false,
    );
    const intel = await c.intelC.get('/api/contexts/reference');
    expect(intel.json.sensitivity.find((s: { id: string }) => s.id === 'police_intelligence').usable).toBe(
      true,
    );
    expect(JSON.stringify(res.json)).not.toMatch(/boyfriend|girlfriend/i);
  });

  it('links a child only through records that exist and are visible', async () => {
    const person = await newContext(c.intelC, personBody({ name: 'Owen Sallis', phones: [] }));
    const res = await c.intelC.post(
      '/api/links',
      linkBody(
        { kind: 'child', id: childId },
        { kind: 'place', id: person },
        { agencyId: c.intel.agencyId, authorId: c.intel.id },
      ),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('[link.endpoint]');
  });
});
