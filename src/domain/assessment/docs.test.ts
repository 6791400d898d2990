import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHILD_FOCUS_RULES } from '../plans/child-focused-objectives.ts';
import { YOUNG_PERSON_RULES } from '../plans/plain-language.ts';
import { PLAN_RULES, PLAN_SECTION_INFO, PLAN_SECTIONS } from '../plans/schema.ts';
import { CHART_CAPTION } from './chart.ts';
import { INDICATIVE_LABEL } from './indicative.ts';
import { DEFAULT_CONTINUUM } from './instruments/continuum.ts';
import { DEFAULT_REANALYSIS_CONFIG, REANALYSIS_TRIGGERS } from './reanalysis.ts';
import { ASSESSMENT_RULES } from './rules.ts';
import { SIGN_OFF_RULES } from './signoff.ts';

const doc = readFileSync(new URL('../../../docs/assessment.md', import.meta.url), 'utf8');

describe('docs/assessment.md', () => {
  it.each([
    ...Object.values(ASSESSMENT_RULES).map((r) => r.id),
    ...Object.values(SIGN_OFF_RULES).map((r) => r.id),
    ...Object.values(PLAN_RULES).map((r) => r.id),
    ...Object.values(YOUNG_PERSON_RULES).map((r) => r.id),
    ...CHILD_FOCUS_RULES.map((r) => r.id),
    ...PLAN_SECTIONS,
  ])('documents %s', (id) => {
    expect(doc).toContain(`\`${id}\``);
  });

  it('gives each plan section its title', () => {
    for (const key of PLAN_SECTIONS)
      expect(doc).toContain(`| \`${key}\` | ${PLAN_SECTION_INFO[key].title.replace('’', "'")} |`);
  });

  it('states the default timescale of each re-analysis trigger as configured', () => {
    for (const trigger of REANALYSIS_TRIGGERS) {
      const days = DEFAULT_REANALYSIS_CONFIG.triggers[trigger].respondWithinDays;
      const words = days === 0 ? 'on the day' : `${days} day${days === 1 ? '' : 's'}`;
      expect(doc, trigger).toContain(`| \`${trigger}\` | ${words} |`);
    }
  });

  it('quotes the labels that must appear with a count and on the chart, and the continuum', () => {
    expect(doc).toContain(INDICATIVE_LABEL);
    expect(doc).toContain(CHART_CAPTION);
    for (const level of DEFAULT_CONTINUUM.levels)
      expect(doc).toContain(`| \`${level.id}\` | ${level.label} |`);
  });
});
