/**
 * `docs/mace.md` ends with tables generated from the configuration, below a hand-written explanation.
 * This test fails when they are out of date. To regenerate them:
 *
 *   UPDATE_DOCS=1 npx vitest run src/domain/mace
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEETING_TYPES, MEETINGS_CONFIG, STATUTORY_PLANS, TRIAGE_RULES } from './config.ts';
import { renderMeetingsConfig } from './docs.ts';

const DOC = new URL('../../../docs/mace.md', import.meta.url);
const BEGIN =
  '<!-- BEGIN GENERATED MEETINGS CONFIGURATION: do not edit by hand; see src/domain/mace/docs.test.ts -->';
const END = '<!-- END GENERATED MEETINGS CONFIGURATION -->';

function generatedPart(doc: string): string | undefined {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start + BEGIN.length, end).trim();
}

describe('docs/mace.md', () => {
  it('matches the configuration', () => {
    const rendered = renderMeetingsConfig().trim();
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
      'docs/mace.md is out of date. Run: UPDATE_DOCS=1 npx vitest run src/domain/mace',
    ).toBe(rendered);
  });

  it('renders every meeting type, rule, basis, reason and plan', () => {
    const rendered = renderMeetingsConfig();
    const c = MEETINGS_CONFIG;
    for (const type of MEETING_TYPES) expect(rendered).toContain(`(\`${type}\`)`);
    for (const rule of TRIAGE_RULES) expect(rendered).toContain(`\`${rule}\``);
    for (const id of [
      ...c.triage.levelsOfConcern.map((o) => o.id),
      ...c.lawfulBases.map((o) => o.id),
      ...c.participation.notInvitedReasons.map((o) => o.id),
      ...c.participation.toldOutcomeHow.map((o) => o.id),
      ...STATUTORY_PLANS,
    ]) {
      expect(rendered).toContain(`\`${id}\``);
    }
    expect(rendered).toContain('3 or more episodes in 90 days, at least one since the last triage');
    expect(rendered).toContain('6 or more consecutive words');
  });

  it('shows a rule the partnership has turned off', () => {
    const config = structuredClone(MEETINGS_CONFIG);
    config.triage.rules.new_links.enabled = false;
    config.triage.rules.missing_episodes.requireEpisodeSinceLastTriage = false;
    const rendered = renderMeetingsConfig(config);
    expect(rendered).toContain('Off (A context linked to 1 or more children since the last triage)');
    expect(rendered).toContain('| 3 or more episodes in 90 days |');
  });
});
