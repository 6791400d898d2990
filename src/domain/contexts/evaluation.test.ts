import { describe, expect, it } from 'vitest';
import { evaluateMatching, generateEvaluationSet, seededRandom } from './evaluation.ts';
import type { PersonSubject, PlaceSubject, VehicleSubject } from './matching.ts';
import { normalisePostcode, normaliseUkPhone } from './normalise.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('the generated evaluation set', () => {
  const set = generateEvaluationSet();

  it('is repeatable from its seed, and differs between seeds', () => {
    expect(generateEvaluationSet().records).toEqual(set.records);
    expect(generateEvaluationSet({ seed: 7 }).records).not.toEqual(set.records);
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('holds people, places and vehicles, with known duplicates of each', () => {
    for (const kind of ['person', 'place', 'vehicle'] as const) {
      const ids = set.records.filter((r) => r.kind === kind).map((r) => set.entityOf.get(r.id));
      expect(ids.length).toBeGreaterThan(100);
      expect(new Set(ids).size).toBeLessThan(ids.length);
    }
  });

  it('uses only fictional identifiers: drama phone numbers, unallocated postcodes, Z plates', () => {
    for (const r of set.records) {
      if (r.kind === 'person') {
        const p = r as PersonSubject;
        for (const phone of p.phones ?? []) {
          const n = normaliseUkPhone(phone);
          expect(n.ok && n.value.startsWith('+447700900')).toBe(true);
        }
        for (const pc of p.postcodes ?? [])
          expect(normalisePostcode(pc)).toMatchObject({ ok: true, area: expect.stringMatching(/^Z[XY]$/) });
      }
      if (r.kind === 'place') {
        const pc = (r as PlaceSubject).postcode;
        if (pc)
          expect(normalisePostcode(pc)).toMatchObject({ ok: true, area: expect.stringMatching(/^Z[XY]$/) });
      }
      if (r.kind === 'vehicle') expect((r as VehicleSubject).registration.toUpperCase()).toMatch(/^Z/);
    }
  });
});

describe('matching quality', () => {
  it('proposes duplicates with precision ≥ 0.9 and recall ≥ 0.85 on the generated set', () => {
    const result = evaluateMatching(generateEvaluationSet());
    console.info(
      `matching: precision ${pct(result.precision)}, recall ${pct(result.recall)} ` +
        `(${result.truePositives} found, ${result.falsePositives} wrongly proposed, ${result.falseNegatives} missed, ` +
        `${result.pairs} pairs)\n` +
        Object.entries(result.byKind)
          .map(([k, q]) => `  ${k}: precision ${pct(q.precision)}, recall ${pct(q.recall)}`)
          .join('\n'),
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
    for (const q of Object.values(result.byKind)) {
      expect(q.precision).toBeGreaterThanOrEqual(0.85);
      expect(q.recall).toBeGreaterThanOrEqual(0.85);
    }
  });

  it.each([1, 2, 3])('holds on another generated set (seed %i)', (seed) => {
    const result = evaluateMatching(generateEvaluationSet({ seed }));
    console.info(`matching, seed ${seed}: precision ${pct(result.precision)}, recall ${pct(result.recall)}`);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('counts mistakes both ways on a tiny set', () => {
    const result = evaluateMatching({
      seed: 0,
      records: [
        { kind: 'vehicle', id: 'a', registration: 'ZX12 ABC' },
        { kind: 'vehicle', id: 'b', registration: 'zx12abc' },
        { kind: 'vehicle', id: 'c', registration: 'ZY99 XYZ' },
        { kind: 'vehicle', id: 'd', registration: 'ZX12ABC' },
      ],
      entityOf: new Map([
        ['a', 'car1'],
        ['b', 'car1'],
        ['c', 'car1'],
        ['d', 'car2'],
      ]),
    });
    expect(result.byKind.vehicle).toMatchObject({
      pairs: 6,
      truePositives: 1,
      falsePositives: 2,
      falseNegatives: 2,
    });
    expect(result.examples.falsePositives).toHaveLength(2);
    expect(result.precision).toBeCloseTo(1 / 3, 5);
    expect(result.recall).toBeCloseTo(1 / 3, 5);
  });
});
