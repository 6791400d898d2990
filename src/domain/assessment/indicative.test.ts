import { describe, expect, it } from 'vitest';
import * as chart from './chart.ts';
import * as compare from './compare.ts';
import { parse, rafInput } from './fixtures.ts';
import * as indicative from './indicative.ts';
import { INDICATIVE_LABEL, indicativeCount } from './indicative.ts';
import * as registry from './instruments/registry.ts';
import * as instrumentSchema from './instruments/schema.ts';
import * as mace from './mace.ts';
import * as reanalysis from './reanalysis.ts';
import type { AssessmentInput } from './schema.ts';
import * as schema from './schema.ts';
import { validateAgainstInstrument, validateAssessment } from './schema.ts';
import * as signoff from './signoff.ts';
import * as voices from './voices.ts';

/** A small deterministic generator, so the property tests are repeatable. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const raf = registry.getInstrument('raf', '2025.1') as NonNullable<ReturnType<typeof registry.getInstrument>>;
const indicatorPrompts = raf.sections.flatMap((s) => s.prompts).filter((p) => p.indicatorRef);
const levels = raf.continuum.levels.map((l) => l.id);

/** An assessment with the given indicator answers and the given level, otherwise the fixture. */
function assessmentWith(ticks: Record<string, 'yes' | 'no' | 'unknown'>, level: string): AssessmentInput {
  const base = rafInput();
  const answers = { ...base.answers };
  for (const p of indicatorPrompts) {
    answers[p.id] = { type: 'yes_no_unknown', value: ticks[p.id] ?? 'unknown', indicatorRef: p.indicatorRef };
  }
  // Factors citing indicators are counted too; keep them out so the ticks alone set the count here.
  answers['dev.risk_factors'] = { type: 'factor_list', factors: [] };
  answers['env.risk_factors'] = { type: 'factor_list', factors: [] };
  return {
    ...base,
    answers,
    harm: { status: 'none_identified' },
    judgement: { level, rationale: `The practitioner’s reasons for ${level}.` },
  };
}

describe('indicativeCount', () => {
  it('counts distinct indicator items marked present, labelled as indicative only', () => {
    // s-missing (ticked and cited by a factor) and s-older-controlling (cited); the protective p-trusted-adult is not counted.
    expect(indicativeCount(parse(rafInput()))).toEqual({
      label: 'Indicative only — not a level of concern',
      count: 2,
    });
  });

  it('returns only the label and the count: nothing that looks like a level', () => {
    expect(Object.keys(indicativeCount(parse(rafInput()))).sort()).toEqual(['count', 'label']);
    expect(INDICATIVE_LABEL).toMatch(/^Indicative only/);
  });
});

describe('no score decides', () => {
  it('the indicative module exports no function from counts to levels', () => {
    expect(Object.keys(indicative).sort()).toEqual(['INDICATIVE_LABEL', 'indicativeCount']);
  });

  it('no assessment module exports anything that maps scores, counts or bands to a level', () => {
    const modules = {
      chart,
      compare,
      indicative,
      registry,
      instrumentSchema,
      mace,
      reanalysis,
      schema,
      signoff,
      voices,
    };
    const suspicious =
      /score|band|points|threshold|weight|tally|(?:count|tick).*level|level.*(?:from|for).*(?:count|tick)|suggest.*level/i;
    for (const [name, mod] of Object.entries(modules)) {
      for (const [key, value] of Object.entries(mod)) {
        if (typeof value === 'function') expect(key, `${name}.${key}`).not.toMatch(suspicious);
      }
    }
  });

  it('keeps exactly the level the practitioner chose, whatever the count (200 random assessments)', () => {
    const random = mulberry32(20260302);
    const seen = new Map<number, Set<string>>();
    for (let i = 0; i < 200; i++) {
      const ticks: Record<string, 'yes' | 'no' | 'unknown'> = {};
      for (const p of indicatorPrompts) {
        const r = random();
        ticks[p.id] = r < 0.4 ? 'yes' : r < 0.8 ? 'no' : 'unknown';
      }
      const level = levels[Math.floor(random() * levels.length)] as string;
      const result = validateAssessment(assessmentWith(ticks, level));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) continue;
      expect(result.assessment.judgement.level).toBe(level);
      const { count } = indicativeCount(result.assessment);
      expect(count).toBe(Object.values(ticks).filter((t) => t === 'yes').length);
      if (!seen.has(count)) seen.set(count, new Set());
      seen.get(count)?.add(level);
    }
    // The same count went with different levels: the count does not pin the level.
    expect([...seen.values()].some((s) => s.size > 1)).toBe(true);
  });

  it('accepts every level at the highest and at the lowest count, without a prompt to change it', () => {
    const allYes = Object.fromEntries(indicatorPrompts.map((p) => [p.id, 'yes' as const]));
    for (const ticks of [allYes, {}]) {
      for (const level of levels) {
        const result = validateAssessment(assessmentWith(ticks, level));
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.assessment.judgement.level).toBe(level);
          expect(result.warnings).toEqual([]);
          expect(validateAgainstInstrument(result.assessment, raf).warnings).toEqual([]);
        }
      }
    }
  });
});
