import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_END, GENERATED_START, renderContextsReference } from './docs.ts';
import { evaluateMatching } from './evaluation.ts';

const DOC = fileURLToPath(new URL('../../../docs/contexts.md', import.meta.url));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('docs/contexts.md', () => {
  it('has a reference section generated from the data (UPDATE_DOCS=1 rewrites it)', () => {
    const text = readFileSync(DOC, 'utf8');
    const start = text.indexOf(GENERATED_START);
    const end = text.indexOf(GENERATED_END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const current = text.slice(start, end + GENERATED_END.length);
    const expected = renderContextsReference();
    if (process.env.UPDATE_DOCS && current !== expected) {
      writeFileSync(DOC, text.slice(0, start) + expected + text.slice(end + GENERATED_END.length));
      return;
    }
    expect(current).toBe(expected);
  });

  it('reports the precision and recall the evaluation measures', () => {
    const text = readFileSync(DOC, 'utf8');
    const r = evaluateMatching();
    expect(text).toContain(`| All | ${pct(r.precision)} | ${pct(r.recall)} |`);
    expect(text).toContain(
      `| Persons | ${pct(r.byKind.person.precision)} | ${pct(r.byKind.person.recall)} |`,
    );
    expect(text).toContain(`| Places | ${pct(r.byKind.place.precision)} | ${pct(r.byKind.place.recall)} |`);
    expect(text).toContain(
      `| Vehicles | ${pct(r.byKind.vehicle.precision)} | ${pct(r.byKind.vehicle.recall)} |`,
    );
  });
});
