import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInDefaultView, linkSchema } from '../../src/domain/contexts/index.ts';
import { linksOf } from '../../src/server/contexts/queries.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import {
  type Cast,
  cast,
  counts,
  daysAgo,
  linkBody,
  newChild,
  newContext,
  newLink,
  personBody,
  placeBody,
} from './fixtures.ts';

const today = () => new Date().toISOString().slice(0, 10);

describe(`links, grading and review dates (${describeDatabase()})`, () => {
  let h: Harness;
  let c: Cast;
  let childId: string;
  let personId: string;
  let placeId: string;
  let source: { agencyId: string; authorId: string };

  beforeAll(async () => {
    h = await Harness.start();
    c = await cast(h);
    childId = await newChild(c.cscC);
    personId = await newContext(c.intelC, personBody());
    placeId = await newContext(c.intelC, placeBody());
    source = { agencyId: c.intel.agencyId, authorId: c.intel.id };
  }, 180_000);
  afterAll(() => h?.close());

  const child = () => ({ kind: 'child', id: childId });
  const person = () => ({ kind: 'person_of_concern', id: personId });

  it('refuses a link with no source, a grade outside the scheme and other broken rules, naming the rule (400)', async () => {
    const before = await counts(h);
    const { source: _omit, ...noSource } = linkBody(child(), person(), source);
    const cases: [Record<string, unknown>, string][] = [
      [noSource, 'link.source-required'],
      [linkBody(child(), person(), { agencyId: c.intel.agencyId, authorId: '' }), 'link.source-required'],
      [
        linkBody(child(), person(), source, { grading: { source: '4', intelligence: 'A', handling: 'P' } }),
        'grading.source-evaluation',
      ],
      [
        linkBody(child(), person(), source, { grading: { source: '1', intelligence: 'F', handling: 'P' } }),
        'grading.intelligence-assessment',
      ],
      [
        linkBody(child(), person(), source, { grading: { source: '1', intelligence: 'A', handling: 'C' } }),
        'grading.conditions-required',
      ],
      [
        linkBody(child(), person(), source, { firstSeen: daysAgo(5), lastSeen: daysAgo(9) }),
        'link.seen-order',
      ],
      [
        linkBody(child(), person(), source, { lastSeen: daysAgo(10), reviewDate: '2099-01-01' }),
        'link.review-date-limit',
      ],
      [linkBody(child(), person(), source, { nature: 'lives_at' }), 'link.nature-endpoints'],
      [linkBody(child(), person(), { agencyId: randomUUID(), authorId: c.intel.id }), 'link.source-known'],
      [linkBody(child(), person(), source, { sensitivity: 'top_secret' }), 'link.sensitivity'],
    ];
    for (const [body, rule] of cases) {
      const res = await c.intelC.post('/api/links', body);
      expect(res.status, rule).toBe(400);
      expect(res.json.error.message, rule).toContain(`[${rule}]`);
      expect(res.json.error.fields.length, rule).toBeGreaterThan(0);
    }
    expect(await counts(h)).toEqual(before);
  });

  it('refuses links by people who may not record them (403) and to children they cannot see (404)', async () => {
    const before = await counts(h);
    // A police practitioner may read the child (the front door) but does not carry the case.
    const police = await c.policeC.post('/api/links', linkBody(child(), person(), source));
    expect(police.status).toBe(403);
    // A youth worker with no part in the child's case cannot see the child at all.
    const youth = await c.youthC.post('/api/links', linkBody(child(), person(), source));
    expect(youth.status).toBe(404);
    // A label the person recording could not see themselves.
    await c.managerC.post(`/api/children/${childId}/professionals`, {
      userId: c.csc.id,
      kind: 'lead_worker',
    });
    const label = await c.cscC.post(
      '/api/links',
      linkBody(child(), person(), source, { sensitivity: 'police_intelligence' }),
    );
    expect(label.status).toBe(400);
    expect(label.json.error.message).toContain('[link.sensitivity-visible]');
    expect(await counts(h)).toEqual(before);
  });

  it('drops an unconfirmed link out of the default view after its review date; a confirmed one stays, flagged', async () => {
    const oldChild = await newChild(c.cscC);
    const place = await newContext(
      c.intelC,
      placeBody({ name: 'Lockside arcade', placeKind: 'leisure', postcode: 'ZX1 4AF' }),
    );
    const dates = { firstSeen: daysAgo(300), lastSeen: daysAgo(250) }; // default review: 6 months after last seen, passed
    const unconfirmed = await newLink(
      c.intelC,
      linkBody({ kind: 'child', id: oldChild }, { kind: 'place', id: place }, source, {
        ...dates,
        grading: { source: '2', intelligence: 'C', handling: 'P' },
      }),
    );
    const confirmed = await newLink(
      c.intelC,
      linkBody({ kind: 'child', id: oldChild }, { kind: 'person_of_concern', id: personId }, source, dates),
    );

    const view = await c.intelC.get(`/api/contexts/${place}`);
    expect(view.json.context.links).toEqual([]);
    const all = await c.intelC.get(`/api/contexts/${place}?outOfView=true`);
    const kept = all.json.context.links.find((l: { id: string }) => l.id === unconfirmed);
    expect(kept.view).toMatchObject({ inDefaultView: false, reason: 'unconfirmed_past_review' });
    expect(kept.view.explanation).toMatch(/no longer shown by default/);

    const network = await c.intelC.get(`/api/network?centre=${oldChild}&steps=1`);
    const ids = network.json.links.map((l: { id: string }) => l.id);
    expect(ids).toEqual([confirmed]);
    expect(network.json.links[0].view).toMatchObject({
      inDefaultView: true,
      reviewDue: true,
      reason: 'confirmed',
    });
    const withOld = await c.intelC.get(`/api/network?centre=${oldChild}&steps=1&outOfView=true`);
    expect(withOld.json.links.map((l: { id: string }) => l.id).sort()).toEqual(
      [confirmed, unconfirmed].sort(),
    );

    // A second source confirms it, and it comes back.
    const corroborated = await c.managerC.post(`/api/links/${unconfirmed}/corroborations`, {
      agencyId: c.cscManager.agencyId,
      on: daysAgo(1),
      note: 'Seen there again by the youth outreach team',
    });
    expect(corroborated.status).toBe(200);
    expect(corroborated.json.link.view).toMatchObject({ inDefaultView: true, reason: 'confirmed' });
    const after = await c.intelC.get(`/api/contexts/${place}`);
    expect(after.json.context.links.map((l: { id: string }) => l.id)).toEqual([unconfirmed]);
  });

  it('a new sighting brings an unconfirmed link back with a new review date; a corroboration by the source is refused', async () => {
    const kid = await newChild(c.cscC);
    const id = await newLink(
      c.intelC,
      linkBody({ kind: 'child', id: kid }, { kind: 'place', id: placeId }, source, {
        firstSeen: daysAgo(400),
        lastSeen: daysAgo(300),
        grading: { source: '3', intelligence: 'D', handling: 'P' },
      }),
    );
    expect((await c.intelC.get(`/api/links/${id}`)).json.link.view.inDefaultView).toBe(false);
    const earlier = await c.intelC.post(`/api/links/${id}/sightings`, { lastSeen: daysAgo(350) });
    expect(earlier.status).toBe(400);
    expect(earlier.json.error.message).toContain('[link.sighting-later]');
    const seen = await c.intelC.post(`/api/links/${id}/sightings`, { lastSeen: daysAgo(2) });
    expect(seen.status).toBe(200);
    expect(seen.json.link.view.inDefaultView).toBe(true);
    expect(seen.json.link.reviewDate > today()).toBe(true);
    const self = await c.intelC.post(`/api/links/${id}/corroborations`, {
      agencyId: c.intel.agencyId,
      on: daysAgo(1),
    });
    expect(self.status).toBe(400);
    expect(self.json.error.message).toContain('[link.corroboration-independent]');
  });

  it('a withdrawn link stays on the record with its reason and is never a connection', async () => {
    const kid = await newChild(c.cscC);
    const id = await newLink(c.intelC, linkBody({ kind: 'child', id: kid }, person(), source));
    const res = await c.intelC.post(`/api/links/${id}/withdraw`, {
      reason: 'The sighting was of another young person',
    });
    expect(res.status).toBe(200);
    expect(res.json.link.withdrawn.reason).toMatch(/another young person/);
    expect(res.json.link.view.reason).toBe('withdrawn');
    const network = await c.intelC.get(`/api/network?centre=${kid}&steps=1&outOfView=true`);
    expect(network.json.links).toEqual([]);
    const again = await c.intelC.post(`/api/links/${id}/sightings`, { lastSeen: daysAgo(1) });
    expect(again.status).toBe(409);
    const audit = await h.db.selectFrom('audit_log').select('action').where('record_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['link.created', 'link.withdrawn']));
  });

  it('the SQL default view agrees with the domain’s isInDefaultView, link by link', async () => {
    const kid = await newChild(c.cscC);
    const grades = [
      ['1', 'A'],
      ['1', 'B'],
      ['2', 'B'],
      ['2', 'C'],
      ['3', 'D'],
      ['1', 'E'],
    ] as const;
    const inputs = [];
    for (const [s, i] of grades) {
      for (const lastSeenDays of [10, 200, 400]) {
        const body = linkBody({ kind: 'child', id: kid }, { kind: 'place', id: placeId }, source, {
          firstSeen: daysAgo(lastSeenDays + 5),
          lastSeen: daysAgo(lastSeenDays),
          grading: { source: s, intelligence: i, handling: 'P' },
        });
        inputs.push({ id: await newLink(c.intelC, body), body });
      }
    }
    const viewer = {
      userId: c.intel.id,
      agencyId: c.intel.agencyId,
      agencyType: 'police' as const,
      roles: ['intelligence_officer' as const],
      teamIds: [],
    };
    const shown = new Set((await linksOf(h.db, viewer, kid, today())).map((l) => l.id));
    for (const { id, body } of inputs) {
      const expected = isInDefaultView(linkSchema.parse(body), today());
      expect(
        shown.has(id),
        `${body.grading.source}${body.grading.intelligence} last seen ${body.lastSeen}`,
      ).toBe(expected);
    }
  });

  it('reads one link with its grade explained, audited against the child; 404 for a link out of reach', async () => {
    const kid = await newChild(c.cscC);
    const id = await newLink(
      c.intelC,
      linkBody({ kind: 'child', id: kid }, person(), source, {
        grading: {
          source: '2',
          intelligence: 'B',
          handling: 'C',
          handlingConditions: 'Police and children’s services only',
        },
      }),
    );
    const res = await c.cscC.get(`/api/links/${id}`);
    expect(res.status).toBe(200);
    expect(res.json.link.grading.code).toBe('2B C');
    expect(res.json.link.grading.explanation).toMatch(/untested/);
    expect(res.json.link.grading.handlingConditions).toMatch(/Police and children/);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'child_id'])
      .where('record_id', '=', id)
      .where('action', '=', 'link.read')
      .execute();
    expect(audit).toEqual([{ action: 'link.read', child_id: kid }]);
    expect((await c.youthC.get(`/api/links/${id}`)).status).toBe(404);
    expect((await c.intelC.get(`/api/links/${randomUUID()}`)).status).toBe(404);
    expect((await c.intelC.get('/api/links/not-an-id')).status).toBe(400);
  });
});
