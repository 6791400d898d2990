/**
 * `docs/access-matrix.md` is generated from the rule tables, below a hand-written explanation.
 * This test fails when the document is out of date. To regenerate it:
 *
 *   UPDATE_DOCS=1 npx vitest run src/domain/access
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from './actions.ts';
import { renderAccessMatrix } from './matrix.ts';
import { AGENCY_TYPE_LABELS, ROLE_LABELS, SENSITIVITY_LABELS } from './types.ts';

const DOC = new URL('../../../docs/access-matrix.md', import.meta.url);
const BEGIN =
  '<!-- BEGIN GENERATED ACCESS MATRIX: do not edit by hand; see src/domain/access/matrix.test.ts -->';
const END = '<!-- END GENERATED ACCESS MATRIX -->';

function generatedPart(doc: string): string | undefined {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start + BEGIN.length, end).trim();
}

describe('docs/access-matrix.md', () => {
  it('matches the rule tables', () => {
    const rendered = renderAccessMatrix().trim();
    if (process.env.UPDATE_DOCS === '1') {
      // Keep the hand-written explanation above the marker; replace everything from the marker down.
      const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
      const start = doc.indexOf(BEGIN);
      const head = start >= 0 ? doc.slice(0, start) : `${doc.trimEnd()}\n\n`;
      writeFileSync(DOC, `${head}${BEGIN}\n\n${rendered}\n\n${END}\n`);
    }
    const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    expect(
      generatedPart(current),
      'The access matrix is out of date. Run: UPDATE_DOCS=1 npx vitest run src/domain/access',
    ).toBe(rendered);
  });

  it('renders every action, role, agency type and label', () => {
    const rendered = renderAccessMatrix();
    const names = [
      ...ACTIONS.map((action) => `\`${action}\``),
      ...Object.values(ROLE_LABELS),
      ...Object.values(AGENCY_TYPE_LABELS),
      ...SENSITIVITY_LABELS.map((label) => `(\`${label}\`)`),
    ];
    for (const name of names) expect(rendered).toContain(name);
  });
});
