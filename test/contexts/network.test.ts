import { randomUUID } from 'node:crypto';
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
 * The graph the tests walk:
 *
 *   childA —seen with— Tee —seen with— childB —spends time at— Takeaway
 *                       |
 *                drives or uses— Vehicle
 */
describe(`the network view (${describeDatabase()})`, () => {
  let h: Harness;
  let c: Cast;
  let source: { agencyId: string; authorId: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await Harness.start();
    c = await cast(h);
    source = { agencyId: c.intel.agencyId, authorId: c.intel.id };
    ids.childA = await newChild(c.cscC);
    ids.childB = await newChild(c.cscC);
    ids.tee = await newContext(c.intelC, personBody());
    ids.takeaway = await newContext(c.intelC, placeBody());
    ids.vehicle = await newContext(c.intelC, {
      kind: 'vehicle',
      sensitivity: 'standard',
      registration: 'ZX12 ABC',
      make: 'Ford',
      colour: 'silver',
    });
    await newLink(
      c.intelC,
      linkBody({ kind: 'child', id: ids.childA }, { kind: 'person_of_concern', id: ids.tee }, source),
    );
    await newLink(
      c.intelC,
      linkBody({ kind: 'child', id: ids.childB }, { kind: 'person_of_concern', id: ids.tee }, source, {
        grading: { source: '2', intelligence: 'B', handling: 'P' },
        firstSeen: daysAgo(400),
        lastSeen: daysAgo(100),
      }),
    );
    await newLink(
      c.intelC,
      linkBody({ kind: 'child', id: ids.childB }, { kind: 'place', id: ids.takeaway }, source),
    );
    await newLink(
      c.intelC,
      linkBody({ kind: 'person_of_concern', id: ids.tee }, { kind: 'vehicle', id: ids.vehicle }, source, {
        nature: 'drives_or_uses',
      }),
    );
  }, 180_000);
  afterAll(() => h?.close());

  const names = (res: { json: { nodes: { id: string }[] } }) => {
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return res.json.nodes.map((n) => byId[n.id]).sort();
  };

  it('walks N steps from a child', async () => {
    const one = await c.intelC.get(`/api/network?centre=${ids.childA}&steps=1`);
    expect(one.status).toBe(200);
    expect(names(one)).toEqual(['childA', 'tee']);
    const two = await c.intelC.get(`/api/network?centre=${ids.childA}&steps=2`);
    expect(names(two)).toEqual(['childA', 'childB', 'tee', 'vehicle']);
    expect(two.json.links).toHaveLength(3);
    const three = await c.intelC.get(`/api/network?centre=${ids.childA}`.concat('&steps=3'));
    expect(names(three)).toEqual(['childA', 'childB', 'takeaway', 'tee', 'vehicle']);
    const depth = Object.fromEntries(
      three.json.nodes.map((n: { id: string; depth: number }) => [n.id, n.depth]),
    );
    expect(depth[ids.takeaway as string]).toBe(3);
    expect(three.json.nodes.find((n: { isCentre: boolean }) => n.isCentre).id).toBe(ids.childA);
  });

  it('walks from a person of concern or a place, and filters by kind, grade and date', async () => {
    const fromTee = await c.intelC.get(`/api/network?centre=${ids.tee}&steps=1`);
    expect(names(fromTee)).toEqual(['childA', 'childB', 'tee', 'vehicle']);
    const fromPlace = await c.intelC.get(`/api/network?centre=${ids.takeaway}&steps=2`);
    expect(names(fromPlace)).toEqual(['childB', 'takeaway', 'tee']);
    const noVehicles = await c.intelC.get(
      `/api/network?centre=${ids.tee}&steps=1&kinds=child,person_of_concern,place`,
    );
    expect(names(noVehicles)).toEqual(['childA', 'childB', 'tee']);
    const reliable = await c.intelC.get(
      `/api/network?centre=${ids.tee}&steps=1&minSource=1&minIntelligence=A`,
    );
    expect(names(reliable)).toEqual(['childA', 'tee', 'vehicle']);
    const recent = await c.intelC.get(`/api/network?centre=${ids.tee}&steps=1&from=${daysAgo(50)}`);
    expect(names(recent)).toEqual(['childA', 'tee', 'vehicle']);
    const old = await c.intelC.get(`/api/network?centre=${ids.tee}&steps=1&to=${daysAgo(200)}`);
    expect(names(old)).toEqual(['childB', 'tee']);
  });

  it('refuses bad filters (400), unknown or unseen centres (404), and those with no part in a child (403/404)', async () => {
    for (const q of ['steps=4', 'steps=0', 'kinds=dragon', 'minSource=4', 'from=yesterday']) {
      const res = await c.intelC.get(`/api/network?centre=${ids.childA}&${q}`);
      expect(res.status, q).toBe(400);
    }
    const backwards = await c.intelC.get(
      `/api/network?centre=${ids.childA}&from=${daysAgo(1)}&to=${daysAgo(10)}`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.message).toContain('[network.period]');
    expect((await c.intelC.get('/api/network')).status).toBe(400);
    expect((await c.intelC.get(`/api/network?centre=${randomUUID()}`)).status).toBe(404);
    expect((await c.youthC.get(`/api/network?centre=${ids.childA}`)).status).toBe(404);
    expect((await c.referrerC.get(`/api/network?centre=${ids.tee}`)).status).toBe(404);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'child_id'])
      .where('action', '=', 'context.network_viewed')
      .where('child_id', '=', ids.childA as string)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('hides police intelligence from a viewer without the right, leaving no node, link, gap or count', async () => {
    /**
     * Two clusters with the same shape. In X, a person of concern held as police intelligence is linked
     * to the centre child and joins a second child to it; a link to a place is itself labelled police
     * intelligence. In Y, those never existed. A children's social care practitioner must get the same
     * answer for both.
     */
    const build = async (withHidden: boolean) => {
      const k: Record<string, string> = {};
      k.centre = await newChild(c.cscC);
      k.other = await newChild(c.cscC);
      k.person = await newContext(c.intelC, personBody({ name: 'Deano Hartley', aliases: [], phones: [] }));
      k.place = await newContext(
        c.intelC,
        placeBody({ name: 'Wharf car park', placeKind: 'car_park', postcode: undefined, addressLines: [] }),
      );
      await newLink(
        c.intelC,
        linkBody({ kind: 'child', id: k.centre }, { kind: 'person_of_concern', id: k.person }, source),
      );
      await newLink(
        c.intelC,
        linkBody({ kind: 'person_of_concern', id: k.person }, { kind: 'place', id: k.place }, source),
      );
      if (withHidden) {
        k.hidden = await newContext(
          c.intelC,
          personBody({ name: 'Covert Subject', aliases: [], phones: [], sensitivity: 'police_intelligence' }),
        );
        await newLink(
          c.intelC,
          linkBody({ kind: 'child', id: k.centre }, { kind: 'person_of_concern', id: k.hidden }, source),
        );
        await newLink(
          c.intelC,
          linkBody({ kind: 'child', id: k.other }, { kind: 'person_of_concern', id: k.hidden }, source),
        );
        await newLink(
          c.intelC,
          linkBody({ kind: 'person_of_concern', id: k.hidden }, { kind: 'place', id: k.place }, source),
        );
        k.secretPlace = await newContext(
          c.intelC,
          placeBody({
            name: 'Flat 2, Heron Court',
            placeKind: 'home',
            postcode: undefined,
            addressLines: [],
          }),
        );
        await newLink(
          c.intelC,
          linkBody({ kind: 'child', id: k.centre }, { kind: 'place', id: k.secretPlace }, source, {
            sensitivity: 'police_intelligence',
            nature: 'taken_to',
          }),
        );
      }
      return k;
    };
    const x = await build(true);
    const y = await build(false);

    /** The response with ids and children's names replaced by their part in the cluster. */
    const normalise = (json: unknown, k: Record<string, string>, childNames: Record<string, string>) => {
      let text = JSON.stringify(json);
      for (const [part, id] of Object.entries(k)) text = text.replaceAll(id, `<${part}>`);
      for (const [part, name] of Object.entries(childNames)) text = text.replaceAll(name, `<${part} name>`);
      const parsed = JSON.parse(text);
      // Link ids differ between the clusters; their order and count must not.
      for (const l of parsed.links) l.id = '<link>';
      return parsed;
    };
    const childName = async (id: string) => {
      const row = await h.db
        .selectFrom('people')
        .select(['given_name', 'family_name'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return `${row.given_name} ${row.family_name}`;
    };
    const names = async (k: Record<string, string>) => ({
      centre: await childName(k.centre as string),
      other: await childName(k.other as string),
    });

    for (const steps of [1, 2, 3]) {
      const seenX = await c.cscC.get(`/api/network?centre=${x.centre}&steps=${steps}`);
      const seenY = await c.cscC.get(`/api/network?centre=${y.centre}&steps=${steps}`);
      expect(seenX.status).toBe(200);
      expect(seenX.json.nodes).toHaveLength(steps === 1 ? 2 : 3);
      const text = JSON.stringify(seenX.json);
      expect(text).not.toContain(x.hidden);
      expect(text).not.toContain(x.secretPlace);
      expect(text).not.toContain('Covert Subject');
      expect(text).not.toContain(x.other); // reachable only through the hidden person
      expect(normalise(seenX.json, x, await names(x))).toEqual(normalise(seenY.json, y, await names(y)));
    }
    // The police intelligence officer sees all of it.
    const intel = await c.intelC.get(`/api/network?centre=${x.centre}&steps=2`);
    const seen = intel.json.nodes.map((n: { id: string }) => n.id);
    expect(seen).toEqual(expect.arrayContaining([x.hidden, x.secretPlace, x.other]));
    // Centred on the hidden person, it does not exist for the practitioner.
    const hidden = await c.cscC.get(`/api/network?centre=${x.hidden}`);
    const nowhere = await c.cscC.get(`/api/network?centre=${randomUUID()}`);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual(nowhere.json);
  });
});
