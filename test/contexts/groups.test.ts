import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import {
  type Cast,
  cast,
  daysAgo,
  linkBody,
  newChild,
  newContext,
  newLink,
  personBody,
  placeBody,
} from './fixtures.ts';

/**
 * Children 1 and 2 were seen with the same person; 2 and 3 spend time at the same takeaway: one group.
 * Child 4 only attends the same school as child 1 (not a connection of concern). Child 5 is linked to a
 * person only by intelligence below the default minimum grade. Children 6 and 7 are joined only through
 * a person held as police intelligence.
 */
describe(`the MACE group view (${describeDatabase()})`, () => {
  let h: Harness;
  let c: Cast;
  const k: Record<string, string> = {};
  const period = `from=${daysAgo(365)}&to=${daysAgo(0)}`;

  beforeAll(async () => {
    h = await Harness.start();
    c = await cast(h);
    const source = { agencyId: c.intel.agencyId, authorId: c.intel.id };
    for (const n of [1, 2, 3, 4, 5, 6, 7]) k[`child${n}`] = await newChild(c.cscC);
    k.person = await newContext(c.intelC, personBody());
    k.takeaway = await newContext(c.intelC, placeBody());
    k.school = await newContext(
      c.intelC,
      placeBody({ name: 'Fernbridge Academy', placeKind: 'school', postcode: 'ZX1 4AG', addressLines: [] }),
    );
    k.rumoured = await newContext(c.intelC, personBody({ name: 'Corey Blythe', aliases: [], phones: [] }));
    k.covert = await newContext(
      c.intelC,
      personBody({ name: 'Covert Subject', aliases: [], phones: [], sensitivity: 'police_intelligence' }),
    );
    const link = (child: string, to: string, kind: string, extra: Record<string, unknown> = {}) =>
      newLink(
        c.intelC,
        linkBody({ kind: 'child', id: k[child] as string }, { kind, id: k[to] as string }, source, extra),
      );
    await link('child1', 'person', 'person_of_concern');
    await link('child2', 'person', 'person_of_concern', {
      source: { agencyId: c.cscManager.agencyId, authorId: c.cscManager.id },
    });
    await link('child2', 'takeaway', 'place');
    await link('child3', 'takeaway', 'place');
    await link('child1', 'school', 'place', { nature: 'attends' });
    await link('child4', 'school', 'place', { nature: 'attends' });
    await link('child5', 'rumoured', 'person_of_concern', {
      grading: { source: '3', intelligence: 'D', handling: 'P' },
    });
    await link('child1', 'rumoured', 'person_of_concern', {
      grading: { source: '3', intelligence: 'D', handling: 'P' },
    });
    await link('child6', 'covert', 'person_of_concern');
    await link('child7', 'covert', 'person_of_concern');
  }, 180_000);
  afterAll(() => h?.close());

  const childSets = (json: { groups: { children: { id: string }[] }[] }) => {
    const byId = Object.fromEntries(Object.entries(k).map(([name, id]) => [id, name]));
    return json.groups.map((g) => g.children.map((ch) => byId[ch.id]).sort());
  };

  it('finds connected groups of children through shared persons, places and peers', async () => {
    const res = await c.intelC.get(`/api/contexts/groups?${period}`);
    expect(res.status).toBe(200);
    expect(childSets(res.json)).toEqual([
      ['child1', 'child2', 'child3'],
      ['child6', 'child7'],
    ]);
    const group = res.json.groups[0];
    expect(group.sharedContexts.map((x: { id: string }) => x.id).sort()).toEqual(
      [k.person, k.takeaway].sort(),
    );
    expect(group.children[0]).toMatchObject({ levelOfConcern: null, openActions: expect.any(Number) });
    expect(group.linkIds).toHaveLength(4);
  });

  it('lowering the minimum grade joins a child linked by weaker intelligence', async () => {
    const res = await c.intelC.get(`/api/contexts/groups?${period}&minSource=3&minIntelligence=D`);
    expect(childSets(res.json)[0]).toEqual(['child1', 'child2', 'child3', 'child5']);
  });

  it('lists the places and persons linked to most children with the caveat and the agencies behind each count', async () => {
    const res = await c.intelC.get(`/api/contexts/groups?${period}`);
    const { mostLinked } = res.json;
    expect(mostLinked.caveat.text).toMatch(/where agencies have looked and recorded, not where harm is/);
    const person = mostLinked.items.find((i: { id: string }) => i.id === k.person);
    expect(person.children).toBe(2);
    expect(person.sourceAgencies.map((a: { id: string }) => a.id).sort()).toEqual(
      [c.intel.agencyId, c.cscManager.agencyId].sort(),
    );
    expect(mostLinked.items.find((i: { id: string }) => i.id === k.school)).toBeUndefined();
  });

  it('never joins children, or counts them, through what the viewer may not see', async () => {
    const res = await c.managerC.get(`/api/contexts/groups?${period}`);
    expect(res.status).toBe(200);
    expect(childSets(res.json)).toEqual([['child1', 'child2', 'child3']]);
    const text = JSON.stringify(res.json);
    expect(text).not.toContain(k.covert);
    expect(text).not.toContain(k.child6);
  });

  it('is for MACE and the front door: others are refused (403); a bad period is refused (400)', async () => {
    expect((await c.youthC.get(`/api/contexts/groups?${period}`)).status).toBe(403);
    expect((await c.referrerC.get(`/api/contexts/groups?${period}`)).status).toBe(403);
    expect((await c.intelC.get('/api/contexts/groups')).status).toBe(400);
    const backwards = await c.intelC.get(`/api/contexts/groups?from=${daysAgo(0)}&to=${daysAgo(10)}`);
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.message).toContain('[groups.period]');
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'context.groups_viewed')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});
