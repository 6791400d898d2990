/**
 * `docs/missing.md` ends with tables generated from the configuration, below a hand-written
 * explanation. This test fails when they are out of date. To regenerate them:
 *
 *   UPDATE_DOCS=1 npx vitest run src/domain/missing
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MISSING_CONFIG } from './config.ts';
import { renderMissingConfig } from './docs.ts';

const DOC = new URL('../../../docs/missing.md', import.meta.url);
const BEGIN =
  '<!-- BEGIN GENERATED MISSING CONFIGURATION: do not edit by hand; see src/domain/missing/docs.test.ts -->';
const END = '<!-- END GENERATED MISSING CONFIGURATION -->';

function generatedPart(doc: string): string | undefined {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start + BEGIN.length, end).trim();
}

describe('docs/missing.md', () => {
  it('matches the configuration', () => {
    const rendered = renderMissingConfig().trim();
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
      'docs/missing.md is out of date. Run: UPDATE_DOCS=1 npx vitest run src/domain/missing',
    ).toBe(rendered);
  });

  it('renders every entry of the configuration', () => {
    const rendered = renderMissingConfig();
    const c = MISSING_CONFIG;
    for (const id of [
      ...c.policeRiskGrades.grades.map((o) => o.id),
      ...c.protocolCategories.categories.map((o) => o.id),
      ...c.missingFrom.map((o) => o.id),
      ...c.howReturned.map((o) => o.id),
      ...c.pushFactors.map((o) => o.id),
      ...c.pullFactors.map((o) => o.id),
    ]) {
      expect(rendered).toContain(`\`${id}\``);
    }
    for (const h of c.bankHolidays.dates) expect(rendered).toContain(`| ${h.date} | ${h.name} |`);
    expect(rendered).toContain('72 elapsed hours');
  });

  it('describes a working-days deadline', () => {
    const rendered = renderMissingConfig({
      ...MISSING_CONFIG,
      interviewDeadline: { basis: 'working_days', workingDays: 3, source: 'local protocol' },
    });
    expect(rendered).toContain('the end of working day 3 after the day of return (London)');
  });
});
