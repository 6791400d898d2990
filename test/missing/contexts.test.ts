/**
 * Missing episodes and the contexts capability: a place or person named in a return or an interview can
 * be an existing place or person of concern the recorder may see, checked before anything is written,
 * shown only to those who may see the record, and recorded as a graded link on the child's network.
 * People and places are fictional (Fernbridge).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type People, people } from '../children/fixtures.ts';
import { newContext, personBody, placeBody } from '../contexts/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { childWithLead, episodeBody, hoursAgo, missingSnapshot, offerBody } from './fixtures.ts';

// biome-ignore lint/suspicious/noExplicitAny: the assertions check the API's JSON
type Json = any;
const UNKNOWN = '00000000-0000-4000-8000-0000000000ab';

describe(`missing episodes linked to places and persons of concern (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let manager: Client;
  let police: Client;
  let intel: Client;
  let health: Client;
  let childId: string;
  let takeaway: string;
  let adult: string;
  let covertFlat: string;
  let episodeId: string;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    police = await h.signedIn(p.police);
    intel = await h.signedIn(p.intel);
    health = await h.signedIn(p.health);
    childId = await childWithLead(csc, manager, p.csc, { givenName: 'Remy', familyName: 'Castleton' });
    for (const [user, kind] of [
      [p.police, 'involved_professional'],
      [p.health, 'involved_professional'],
    ] as const) {
      const res = await manager.post(`/api/children/${childId}/professionals`, { userId: user.id, kind });
      expect(res.status, res.text).toBe(201);
    }
    takeaway = await newContext(intel, placeBody());
    adult = await newContext(intel, personBody({ name: 'Tyrell Vance' }));
    // Police intelligence on a place: seen by police staff, and nobody else.
    covertFlat = await newContext(
      intel,
      placeBody({
        name: 'Flat 3, Quarry Lane',
        placeKind: 'home',
        addressLines: ['Flat 3', '9 Quarry Lane', 'Fernbridge'],
        postcode: 'ZX2 9QL',
        sensitivity: 'police_intelligence',
      }),
    );
  }, 180_000);
  afterAll(() => h?.close());

  const episode = (overrides: Record<string, unknown> = {}) =>
    episodeBody(childId, {
      reportedAt: hoursAgo(40),
      lastSeenAt: hoursAgo(42),
      returned: {
        at: hoursAgo(20),
        how: 'found_by_police',
        where: { placeId: takeaway, description: 'Behind the takeaway on Wharf Street' },
        whoWith: [{ personId: adult, description: 'The man the child calls "Tee"' }],
      },
      ...overrides,
    });

  it('records where the child was found and who with as existing records, named for the viewer', async () => {
    const res = await csc.post('/api/missing/episodes', episode());
    expect(res.status, res.text).toBe(201);
    episodeId = res.json.episode.id;
    const { returned } = res.json.episode;
    expect(returned.where).toMatchObject({
      requested: 'existing',
      contextId: takeaway,
      context: { id: takeaway, kind: 'place', name: 'Kestrel Fried Chicken' },
      description: 'Behind the takeaway on Wharf Street',
      contextLinkId: null,
    });
    expect(returned.whoWith).toHaveLength(1);
    expect(returned.whoWith[0]).toMatchObject({
      contextId: adult,
      context: { id: adult, kind: 'person_of_concern', name: 'Tyrell Vance' },
    });
    const rows = await h.db
      .selectFrom('missing_mentions')
      .select(['role', 'requested', 'context_id', 'linked_by'])
      .where('episode_id', '=', episodeId)
      .orderBy('role')
      .execute();
    expect(rows).toEqual([
      { role: 'found_at', requested: 'existing', context_id: takeaway, linked_by: p.csc.id },
      { role: 'found_with', requested: 'existing', context_id: adult, linked_by: p.csc.id },
    ]);
    // The child's page lists them in the network, with the record's name.
    const child = await csc.get(`/api/missing/children/${childId}`);
    expect(child.json.network.places.map((m: Json) => m.context?.name)).toEqual(['Kestrel Fried Chicken']);
    expect(child.json.network.people.map((m: Json) => m.context?.name)).toEqual(['Tyrell Vance']);
  });

  it('refuses an unknown id, a record of the wrong kind and one the recorder may not see, naming the field; nothing is saved', async () => {
    const before = await missingSnapshot(h);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { missingFrom: { kind: 'home', placeId: UNKNOWN } },
        'missingFrom.placeId',
        /no place record with this id that you can see/,
      ],
      [
        {
          returned: { at: hoursAgo(20), how: 'found_by_police', where: { placeId: adult }, whoWith: [] },
        },
        'returned.where.placeId',
        /this record is a person of concern, not a place/,
      ],
      [
        {
          returned: {
            at: hoursAgo(20),
            how: 'found_by_police',
            whoWith: [{ personId: takeaway, description: 'Someone at the takeaway' }],
          },
        },
        'returned.whoWith.0.personId',
        /this record is a place, not a person of concern/,
      ],
      [
        {
          returned: { at: hoursAgo(20), how: 'found_by_police', where: { placeId: covertFlat }, whoWith: [] },
        },
        'returned.where.placeId',
        // The same words as for an id that does not exist: nothing says the record is there.
        /no place record with this id that you can see/,
      ],
    ];
    for (const [overrides, path, message] of cases) {
      const res = await csc.post('/api/missing/episodes', episode(overrides));
      expect(res.status, res.text).toBe(400);
      expect(res.json.error.fields.map((f: Json) => f.path)).toEqual([path]);
      expect(res.json.error.fields[0].message).toMatch(message);
    }
    const interview = await csc.post(
      '/api/missing/interviews',
      offerBody(episodeId, {
        whereTheyWere: [{ link: 'existing_place', placeId: covertFlat }],
        whoWith: [{ link: 'existing_person', personId: UNKNOWN }],
      }),
    );
    expect(interview.status, interview.text).toBe(400);
    expect(interview.json.error.fields.map((f: Json) => f.path)).toEqual([
      'whereTheyWere.0.placeId',
      'whoWith.0.personId',
    ]);
    expect(await missingSnapshot(h)).toEqual(before);
  });

  it('shows a linked record only to those who may see it: the words stay, the record does not', async () => {
    // Police staff may see the police-intelligence place, and record that the child was found there.
    const res = await police.post(
      '/api/missing/episodes',
      episode({
        returned: {
          at: hoursAgo(20),
          how: 'found_by_police',
          where: { placeId: covertFlat, description: 'A flat on Quarry Lane' },
          whoWith: [],
        },
      }),
    );
    expect(res.status, res.text).toBe(201);
    const id = res.json.episode.id;
    expect(res.json.episode.returned.where.context.name).toBe('Flat 3, Quarry Lane');

    const seen = await csc.get(`/api/missing/episodes/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.episode.returned.where).toMatchObject({
      requested: 'existing',
      contextId: null,
      context: null,
      description: 'A flat on Quarry Lane',
    });
    expect(seen.text).not.toContain(covertFlat);
    expect(seen.text).not.toContain('Flat 3, Quarry Lane');
    const child = await csc.get(`/api/missing/children/${childId}`);
    expect(child.text).not.toContain('Flat 3, Quarry Lane');
    expect(child.text).not.toContain(covertFlat);

    // Correcting the return without it keeps the entry they could not see.
    const corrected = await csc.post(`/api/missing/episodes/${id}/return`, {
      returned: {
        at: hoursAgo(20),
        how: 'found_by_police',
        where: { description: 'Near Quarry Lane' },
        whoWith: [],
      },
    });
    expect(corrected.status, corrected.text).toBe(200);
    const kept = await h.db
      .selectFrom('missing_mentions')
      .select(['context_id', 'description'])
      .where('episode_id', '=', id)
      .orderBy('position')
      .execute();
    expect(kept).toEqual([
      { context_id: null, description: 'Near Quarry Lane' },
      { context_id: covertFlat, description: 'A flat on Quarry Lane' },
    ]);
  });

  it('keeps linked entries when an interview is saved again, without copies', async () => {
    const body = offerBody(episodeId, {
      status: 'completed',
      completedAt: hoursAgo(2),
      offer: {
        offeredAt: hoursAgo(10),
        offeredBy: { name: 'Jess Whitcombe', role: 'Return interview worker' },
      },
      whereTheyWere: [
        { link: 'existing_place', placeId: takeaway, note: 'Given food there most evenings' },
        { link: 'not_linked', description: 'A car park near the ring road' },
      ],
      whoWith: [{ link: 'existing_person', personId: adult }],
    });
    const made = await csc.post('/api/missing/interviews', body);
    expect(made.status, made.text).toBe(201);
    const interview = made.json.interview;
    expect(interview.whereTheyWere.map((m: Json) => [m.requested, m.context?.name ?? m.description])).toEqual(
      [
        ['existing', 'Kestrel Fried Chicken'],
        ['not_linked', 'A car park near the ring road'],
      ],
    );
    expect(interview.whereTheyWere[0].note).toBe('Given food there most evenings');
    const linkedId = interview.whereTheyWere[0].id;

    const again = await csc.request('PUT', `/api/missing/interviews/${interview.id}`, {
      ...body,
      whereTheyWere: [
        { link: 'existing_place', placeId: takeaway, note: 'Given food and phone credit there' },
      ],
    });
    expect(again.status, again.text).toBe(200);
    expect(again.json.interview.whereTheyWere.map((m: Json) => [m.id, m.note])).toEqual([
      [linkedId, 'Given food and phone credit there'],
    ]);
    expect(again.json.interview.whoWith.map((m: Json) => m.contextId)).toEqual([adult]);
  });

  it('records where the child was found as a graded link on their network, once', async () => {
    const read = await csc.get(`/api/missing/episodes/${episodeId}`);
    const found = read.json.episode.returned.where;
    const interviewPlace = read.json.episode.interviews[0].whereTheyWere[0];
    // Before the link, a health practitioner on the case cannot see the place at all.
    const before = await health.get(`/api/missing/episodes/${episodeId}`);
    expect(before.json.episode.returned.where.context).toBeNull();

    const res = await csc.post(`/api/missing/mentions/${found.id}/link`, {
      grading: { source: '1', intelligence: 'A', handling: 'P' },
    });
    expect(res.status, res.text).toBe(201);
    const { linkId } = res.json;
    expect(res.json.episode.returned.where.contextLinkId).toBe(linkId);
    const link = await h.db
      .selectFrom('context_links')
      .selectAll()
      .where('id', '=', linkId)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({
      from_child_id: childId,
      to_context_id: takeaway,
      nature: 'found_at',
      source_agency_id: p.csc.agencyId,
      source_author_id: p.csc.id,
      source_reference: 'Missing episode record in Lantern',
      grade_source: '1',
      grade_intelligence: 'A',
      sensitivity: 'standard',
    });
    expect(String(link.first_seen)).toBe(String(link.last_seen));
    const viaContexts = await csc.get(`/api/links/${linkId}`);
    expect(viaContexts.status, viaContexts.text).toBe(200);
    // Now the place is on the child's network, the health practitioner on the case sees it too.
    const after = await health.get(`/api/missing/episodes/${episodeId}`);
    expect(after.json.episode.returned.where.context?.name).toBe('Kestrel Fried Chicken');

    const twice = await csc.post(`/api/missing/mentions/${found.id}/link`, {
      grading: { source: '1', intelligence: 'A', handling: 'P' },
    });
    expect(twice.status).toBe(409);

    // A place the child was at needs to say how they were there.
    const noNature = await csc.post(`/api/missing/mentions/${interviewPlace.id}/link`, {
      grading: { source: '2', intelligence: 'C', handling: 'P' },
    });
    expect(noNature.status, noNature.text).toBe(400);
    expect(noNature.json.error.fields[0].path).toBe('nature');
    const stayed = await csc.post(`/api/missing/mentions/${interviewPlace.id}/link`, {
      nature: 'stayed_at',
      grading: { source: '2', intelligence: 'C', handling: 'P' },
    });
    expect(stayed.status, stayed.text).toBe(201);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['missing.mention_linked', 'link.created'])
      .execute();
    expect(audit.filter((a) => a.action === 'missing.mention_linked')).toHaveLength(2);
  });

  it('refuses to record a link from an entry in words only, or for someone with no access to the child', async () => {
    const words = await h.db
      .selectFrom('missing_mentions')
      .select('id')
      .where('context_id', 'is', null)
      .where('child_id', '=', childId)
      .executeTakeFirstOrThrow();
    const res = await csc.post(`/api/missing/mentions/${words.id}/link`, {
      grading: { source: '1', intelligence: 'A', handling: 'P' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields[0].path).toBe('mentionId');
    const stranger = await h.signedIn(p.housing);
    const hidden = await stranger.post(`/api/missing/mentions/${words.id}/link`, {
      grading: { source: '1', intelligence: 'A', handling: 'P' },
    });
    expect(hidden.status).toBe(404);
  });
});
