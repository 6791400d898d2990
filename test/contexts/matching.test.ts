/**
 * Matching through the database: the domain's evaluation set (records with known duplicates) is stored
 * as context records, and every record is matched as it would be when entered — candidates fetched by
 * SQL (exact identifiers and trigram similarity), scored by the domain. The candidate query must not
 * lose what the domain alone would find: precision and recall are printed beside the domain's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/access/types.ts';
import {
  type ContextRecord,
  evaluateMatching,
  generateEvaluationSet,
  type MatchCandidate,
  normaliseHandle,
  normalisePhone,
  normalisePostcode,
} from '../../src/domain/contexts/index.ts';
import { findContextMatches } from '../../src/server/contexts/matching.ts';
import { insertContext } from '../../src/server/contexts/store.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness, type TestUser } from '../support/harness.ts';

const compact = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** A record of the evaluation set as the context record the application would have stored. */
function asRecord(c: MatchCandidate): ContextRecord {
  const sensitivity = 'standard' as const;
  if (c.kind === 'person') {
    return {
      kind: 'person_of_concern',
      sensitivity,
      ...(c.name ? { name: c.name } : {}),
      aliases: [...(c.aliases ?? [])],
      ...(c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {}),
      ...(c.ageYears != null && c.ageRecordedOn
        ? { ageYears: c.ageYears, ageRecordedOn: c.ageRecordedOn }
        : {}),
      phones: (c.phones ?? []).flatMap((p) => {
        const n = normalisePhone(p);
        return n.ok ? [{ number: n.value, uk: n.uk }] : [];
      }),
      handles: (c.handles ?? []).flatMap((h) => {
        const n = normaliseHandle(h.platform, h.handle);
        return n.ok ? [{ platform: h.platform, handle: n.value, display: n.display }] : [];
      }),
      // As seen: a misread plate is kept as written (the form offers the correction; the matcher allows for it).
      vehicleRegistrations: (c.vehicles ?? []).map(compact),
      addresses: (c.postcodes ?? []).flatMap((pc) => {
        const n = normalisePostcode(pc);
        return n.ok ? [{ lines: ['Address on file'], postcode: n.value }] : [];
      }),
    } as ContextRecord;
  }
  if (c.kind === 'place') {
    const pc = c.postcode ? normalisePostcode(c.postcode) : null;
    return {
      kind: 'place',
      sensitivity,
      placeKind: 'other',
      ...(c.name ? { name: c.name } : {}),
      addressLines: [...(c.addressLines ?? [])],
      ...(pc?.ok ? { postcode: pc.value } : {}),
      ...(c.coordinates ? { coordinates: c.coordinates } : {}),
    } as ContextRecord;
  }
  return {
    kind: 'vehicle',
    sensitivity,
    registration: compact(c.registration),
    ...(c.make ? { make: c.make } : {}),
    ...(c.colour ? { colour: c.colour } : {}),
  } as ContextRecord;
}

describe(`matching through the database (${describeDatabase()})`, () => {
  let h: Harness;
  let intel: TestUser;
  const set = generateEvaluationSet();
  const idOf = new Map<string, string>();
  const evaluationIdOf = new Map<string, string>();

  beforeAll(async () => {
    h = await Harness.start();
    intel = await h.user(['intelligence_officer'], 'police');
    await h.db.transaction().execute(async (trx) => {
      for (const c of set.records) {
        const id = await insertContext(trx, {
          record: asRecord(c),
          userId: intel.id,
          agencyId: intel.agencyId,
        });
        idOf.set(c.id, id);
        evaluationIdOf.set(id, c.id);
      }
    });
  }, 180_000);
  afterAll(() => h?.close());

  it('keeps the precision and recall of the domain’s matching on the evaluation set', async () => {
    const viewer: Viewer = {
      userId: intel.id,
      agencyId: intel.agencyId,
      agencyType: 'police',
      roles: ['intelligence_officer'],
      teamIds: [],
    };
    const proposed = new Set<string>();
    for (const c of set.records) {
      const self = idOf.get(c.id) as string;
      for (const m of await findContextMatches(h.db, viewer, asRecord(c), self)) {
        const other = evaluationIdOf.get(m.id) as string;
        proposed.add([c.id, other].sort().join('|'));
      }
    }
    let tp = 0;
    let fp = 0;
    for (const pair of proposed) {
      const [a, b] = pair.split('|') as [string, string];
      if (set.entityOf.get(a) === set.entityOf.get(b)) tp++;
      else fp++;
    }
    const byEntity = new Map<string, number>();
    for (const entity of set.entityOf.values()) byEntity.set(entity, (byEntity.get(entity) ?? 0) + 1);
    const duplicatePairs = [...byEntity.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
    const precision = tp / (tp + fp);
    const recall = tp / duplicatePairs;
    const domain = evaluateMatching(set);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `Matching through ${describeDatabase()}: precision ${pct(precision)}, recall ${pct(recall)} ` +
        `(${tp} of ${duplicatePairs} duplicate pairs, ${fp} wrong proposals); ` +
        `the domain alone: precision ${pct(domain.precision)}, recall ${pct(domain.recall)}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
    // The candidate query may miss at most a few of the pairs the domain would find.
    expect(recall).toBeGreaterThanOrEqual(domain.recall - 0.03);
  }, 300_000);
});
