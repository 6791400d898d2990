import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_END, GENERATED_START } from '../contexts/docs.ts';
import { renderDisruptionReference } from './docs.ts';
import { ELIGIBILITY_RULES } from './eligibility.ts';
import { type DisruptionMeasure, MEASURES } from './measures.ts';

const DOC = fileURLToPath(new URL('../../../docs/disruption.md', import.meta.url));

describe('docs/disruption.md', () => {
  it('has a reference section generated from the data (UPDATE_DOCS=1 rewrites it)', () => {
    const text = readFileSync(DOC, 'utf8');
    const start = text.indexOf(GENERATED_START);
    const end = text.indexOf(GENERATED_END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const current = text.slice(start, end + GENERATED_END.length);
    const expected = renderDisruptionReference();
    if (process.env.UPDATE_DOCS && current !== expected) {
      writeFileSync(DOC, text.slice(0, start) + expected + text.slice(end + GENERATED_END.length));
      return;
    }
    expect(current).toBe(expected);
  });

  it('lists every measure and every rule with its citation', () => {
    const reference = renderDisruptionReference();
    for (const m of MEASURES as readonly DisruptionMeasure[])
      expect(reference).toContain(`### ${m.name} (\`${m.id}\`)`);
    for (const r of ELIGIBILITY_RULES) expect(reference).toContain(`| \`${r.id}\` |`);
    expect(reference).not.toMatch(/\{subject\./);
  });
});
