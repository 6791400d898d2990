import { describe, expect, it } from 'vitest';
import { checkObjectiveAim } from '../../plans/child-focused-objectives.ts';
import { DEFAULT_CONTINUUM } from './continuum.ts';
import { MACE_RISK_ASSESSMENT_2025_1 } from './mace-risk-assessment.ts';
import { RAF_2025_1 } from './raf.ts';
import {
  compareVersions,
  createInstrumentRegistry,
  getInstrument,
  InstrumentError,
  instrumentRegistry,
  latestInstrument,
  SHIPPED_INSTRUMENTS,
} from './registry.ts';
import { type InstrumentInput, instrumentSchema, levelIndex, promptsById } from './schema.ts';

const clone = <T>(v: T): T => structuredClone(v);

describe.each(SHIPPED_INSTRUMENTS.map((i) => [`${i.id}@${i.version}`, i] as const))(
  'shipped instrument %s',
  (_key, raw) => {
    const instrument = instrumentSchema.parse(raw);

    it('is valid against the instrument schema', () => {
      const parsed = instrumentSchema.safeParse(raw);
      expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    });

    it('cites a source', () => {
      expect(instrument.source).toMatch(/seed 00\d/);
    });

    it('is found by exactly its id and version', () => {
      expect(getInstrument(instrument.id, instrument.version)?.title).toBe(instrument.title);
    });

    it('refers to indicator guide items by id only, on yes/no/unknown prompts', () => {
      for (const prompt of promptsById(instrument).values()) {
        if (prompt.indicatorRef) {
          expect(prompt.indicatorRef).toMatch(/^[vsp]-[a-z0-9-]+$/);
          expect(prompt.answer.type).toBe('yes_no_unknown');
          expect(prompt.help, prompt.id).toMatch(/not a score/);
        }
      }
    });

    it('has a risk and a protective factor list', () => {
      const specs = [...promptsById(instrument).values()].map((p) => p.answer);
      expect(specs.some((a) => a.type === 'factor_list' && a.kind === 'risk')).toBe(true);
      expect(specs.some((a) => a.type === 'factor_list' && a.kind === 'protective')).toBe(true);
    });

    it('never puts the responsibility on the child in its own words', () => {
      const strings: string[] = [];
      const walk = (v: unknown) => {
        if (typeof v === 'string') strings.push(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(instrument);
      for (const s of strings) {
        expect(checkObjectiveAim(s), s).toEqual([]);
        expect(s, s).not.toMatch(
          /\b(?:risk[- ]taking|promiscu|prostitut|lifestyle choice|in a relationship with)\b/i,
        );
      }
    });

    it('uses the continuum from the seeds: no significant risk to severe', () => {
      const levels = instrument.continuum.levels;
      expect(levels[0]?.label).toBe('No significant risk');
      expect(levels.at(-1)?.label).toBe('Severe');
      expect(levelIndex(instrument, 'severe')).toBe(levels.length - 1);
      expect(levelIndex(instrument, 'high')).toBe(-1);
    });
  },
);

describe('the RAF', () => {
  const raf = instrumentSchema.parse(RAF_2025_1);

  it('covers each of the three domains with risk and protective factors', () => {
    for (const domain of ['developmental_needs', 'parenting_capacity', 'family_and_environment'] as const) {
      const kinds = [...promptsById(raf).values()]
        .map((p) => p.answer)
        .filter((a) => a.type === 'factor_list' && a.domain === domain)
        .map((a) => (a.type === 'factor_list' ? a.kind : null));
      expect(kinds.sort(), domain).toEqual(['protective', 'risk']);
    }
  });
});

describe('the MACE risk assessment 2025.1', () => {
  const mace = instrumentSchema.parse(MACE_RISK_ASSESSMENT_2025_1);
  const prompts = promptsById(mace);

  it('is one tool for sexual and/or criminal exploitation', () => {
    const spec = prompts.get('mace.exploitation')?.answer;
    expect(spec?.type === 'choice' && spec.options.map((o) => o.id)).toEqual(['sexual', 'criminal', 'both']);
  });

  it('records the statutory plan it runs alongside, including none', () => {
    const spec = prompts.get('mace.statutory_plan')?.answer;
    expect(spec?.type === 'choice' && spec.options.map((o) => o.id)).toContain('none');
  });

  it('asks about connections: persons of concern, places, peers', () => {
    for (const id of ['mace.connections.persons', 'mace.connections.places', 'mace.connections.peers']) {
      expect(prompts.get(id)?.answer.type, id).toBe('long_text');
    }
  });

  it('asks for the young person’s own view of their safety, and tasks to reduce risk', () => {
    expect(prompts.get('mace.young_person.safety')?.answer).toEqual({ type: 'voice', whose: 'child' });
    expect(prompts.get('mace.tasks')?.required).toBe(true);
  });
});

describe('the default continuum', () => {
  it('uses the seeds’ words, and not low/medium/high', () => {
    expect(DEFAULT_CONTINUUM.levels.map((l) => l.label)).toEqual([
      'No significant risk',
      'Mild',
      'Moderate',
      'Significant',
      'Severe',
    ]);
    for (const l of DEFAULT_CONTINUUM.levels) expect(l.label).not.toMatch(/\b(?:low|medium|high)\b/i);
  });
});

describe('the instrument schema refuses scores', () => {
  const withExtra = (mutate: (i: InstrumentInput & Record<string, unknown>) => void) => {
    const copy = clone(RAF_2025_1) as InstrumentInput & Record<string, unknown>;
    mutate(copy);
    return instrumentSchema.safeParse(copy).success;
  };

  it('has nowhere to put weights, points, bands or thresholds', () => {
    expect(withExtra((i) => Object.assign(i, { scoring: { bands: [0, 5, 10] } }))).toBe(false);
    expect(withExtra((i) => Object.assign(i.sections[1]?.prompts[0] ?? {}, { weight: 5 }))).toBe(false);
    expect(withExtra((i) => Object.assign(i.continuum, { thresholds: [6, 11, 16] }))).toBe(false);
    expect(withExtra((i) => Object.assign(i.continuum.levels[0] ?? {}, { minScore: 0 }))).toBe(false);
    expect(withExtra(() => {})).toBe(true);
  });

  it('refuses duplicate prompt ids, and an indicator on a prompt that is not yes/no/unknown', () => {
    expect(
      withExtra((i) => {
        const s = i.sections[1];
        if (s?.prompts[0]) s.prompts.push(clone(s.prompts[0]));
      }),
    ).toBe(false);
    expect(
      withExtra((i) => {
        const p = i.sections[0]?.prompts[1];
        if (p) p.indicatorRef = 's-missing';
      }),
    ).toBe(false);
  });

  it('refuses a continuum with repeated labels or a single level', () => {
    expect(withExtra((i) => i.continuum.levels.splice(1))).toBe(false);
    expect(
      withExtra((i) => {
        const l = i.continuum.levels[1];
        if (l) l.label = 'Severe';
      }),
    ).toBe(false);
  });
});

describe('the registry', () => {
  it('returns undefined for an unknown version or instrument', () => {
    expect(getInstrument('raf', '2025.1')).toBeDefined();
    expect(getInstrument('raf', '2099.1')).toBeUndefined();
    expect(getInstrument('raf', '2025')).toBeUndefined();
    expect(getInstrument('seraf', '2025.1')).toBeUndefined();
  });

  it('finds the latest version for a new assessment', () => {
    const next = { ...clone(RAF_2025_1), version: '2025.10' };
    const registry = createInstrumentRegistry([
      RAF_2025_1,
      next,
      { ...clone(RAF_2025_1), version: '2025.9' },
    ]);
    expect(registry.latest('raf')?.version).toBe('2025.10');
    expect(registry.get('raf', '2025.1')?.version).toBe('2025.1');
    expect(latestInstrument('raf')?.version).toBe('2025.1');
    expect(compareVersions('2025.10', '2025.9')).toBeGreaterThan(0);
  });

  it('freezes every published version, so it cannot be changed in place', () => {
    const raf = getInstrument('raf', '2025.1');
    expect(Object.isFrozen(raf)).toBe(true);
    expect(() => {
      (raf?.continuum.levels[0] as { label: string }).label = 'Low';
    }).toThrow(TypeError);
    expect(instrumentRegistry.get('raf', '2025.1')?.continuum.levels[0]?.label).toBe('No significant risk');
  });

  it('refuses an invalid instrument or the same version twice', () => {
    expect(() => createInstrumentRegistry([{ ...clone(RAF_2025_1), version: 'v2' }])).toThrow(
      InstrumentError,
    );
    expect(() => createInstrumentRegistry([RAF_2025_1, RAF_2025_1])).toThrow(/listed twice/);
  });
});
