import { describe, expect, it } from 'vitest';
import { compareAssessments } from './compare.ts';
import { evidence, IDS, parse, rafInput } from './fixtures.ts';
import { RAF_2025_1 } from './instruments/raf.ts';
import { createInstrumentRegistry, SHIPPED_INSTRUMENTS } from './instruments/registry.ts';
import type { InstrumentInput } from './instruments/schema.ts';
import type { Assessment, AssessmentInput } from './schema.ts';

const earlier = parse(rafInput());

/** Three weeks later: one factor gone, one new, one updated, one re-recorded under a new id. */
function laterInput(): AssessmentInput {
  const base = rafInput();
  return {
    ...base,
    id: IDS.laterAssessment,
    completedAt: '2026-03-23T10:00:00Z',
    answers: {
      ...base.answers,
      'dev.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-missing-2',
            kind: 'risk',
            domain: 'developmental_needs',
            description: 'Missing once since the last analysis.',
            indicatorRef: 's-missing',
            evidence: [evidence(1)],
          },
        ],
      },
      'dev.protective_factors': { type: 'factor_list', factors: [] },
      'env.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-person-a',
            kind: 'risk',
            domain: 'family_and_environment',
            description: 'Person A (adult) collects Amy by car; police have confirmed he rents the flat.',
            indicatorRef: 's-older-controlling',
            evidence: [evidence(4, 'verified')],
          },
          {
            id: 'f-online',
            kind: 'risk',
            domain: 'family_and_environment',
            description: 'An unknown account has asked Amy for images.',
            indicatorRef: 's-online',
            evidence: [evidence(5, 'unverified')],
          },
        ],
      },
    },
    judgement: {
      level: 'moderate',
      rationale: 'A CAWN has been served and Amy has not been at the flat for two weeks.',
    },
    harm: {
      status: 'known',
      kinds: ['sexual'],
      description: 'Amy told her tutor what happened at the flat.',
    },
    voices: {
      ...base.voices,
      child: { status: 'not_obtained', reason: 'Amy did not want to talk this week; next visit booked.' },
      agencies: [
        { status: 'given', agency: 'Northfield Academy', view: 'Attendance is back up.' },
        { status: 'given', agency: 'Police', view: 'CAWN served on 12 March.' },
      ],
    },
  };
}
const later = parse(laterInput());

describe('comparing two assessments', () => {
  const c = compareAssessments(earlier, later);

  it('shows factors added, removed and changed in each domain', () => {
    const dev = c.factors.developmental_needs;
    expect(dev.removed.map((f) => f.id)).toEqual(['f-tutor']);
    expect(dev.added).toEqual([]);
    // Re-recorded under a new id but citing the same indicator: matched, and its wording changed.
    expect(dev.changed.map((x) => [x.before.id, x.after.id, x.changed])).toEqual([
      ['f-missing', 'f-missing-2', ['description']],
    ]);

    const env = c.factors.family_and_environment;
    expect(env.added.map((f) => f.id)).toEqual(['f-online']);
    expect(env.changed.map((x) => [x.after.id, x.changed])).toEqual([
      ['f-person-a', ['description', 'verification']],
    ]);

    expect(c.factors.parenting_capacity.unchanged.map((f) => f.id)).toEqual(['f-mum']);
  });

  it('shows the level each practitioner chose, and the rationale of each', () => {
    expect(c.level).toEqual({
      from: { id: 'significant', label: 'Significant', index: 3 },
      to: { id: 'moderate', label: 'Moderate', index: 2 },
      changed: true,
      direction: 'less_concern',
    });
    expect(c.rationale.earlier).toMatch(/no disruption yet/);
    expect(c.rationale.later).toMatch(/CAWN has been served/);
  });

  it('shows what is known about harm changing, apart from the level', () => {
    expect(c.harm).toEqual({ from: 'suspected', to: 'known', changed: true });
  });

  it('shows voices added, no longer heard, and missing with the reason', () => {
    expect(c.voices.added.map((v) => v.who)).toEqual(['Police']);
    expect(c.voices.noLongerHeard.map((v) => v.who)).toEqual(['The child']);
    expect(c.voices.missing.map((v) => [v.who, v.reason])).toEqual([
      ['The child', 'Amy did not want to talk this week; next visit booked.'],
    ]);
  });

  it('puts the assessments in date order whichever way round they are given', () => {
    const reversed = compareAssessments(later, earlier);
    expect(reversed.earlier.id).toBe(earlier.id);
    expect(reversed.later.id).toBe(later.id);
    expect(reversed.factors).toEqual(c.factors);
    expect(c.sameInstrumentVersion).toBe(true);
    expect(c.earlier.completedBy).toBe('Sam Okafor (Children’s Services)');
  });

  it('finds nothing changed between an assessment and itself', () => {
    const same = compareAssessments(earlier, earlier);
    for (const d of Object.values(same.factors)) {
      expect(d.added.length + d.removed.length + d.changed.length).toBe(0);
    }
    expect(same.level.direction).toBe('same');
    expect(same.voices.added).toEqual([]);
  });

  it('does not order levels from different continua', () => {
    const relabelled: InstrumentInput = { ...structuredClone(RAF_2025_1), version: '2025.2' };
    relabelled.continuum = {
      source: 'local',
      levels: [
        { id: 'no_concern', label: 'No concern now', description: 'None.' },
        { id: 'serious_concern', label: 'Serious concern', description: 'Serious.' },
      ],
    };
    const registry = createInstrumentRegistry([...SHIPPED_INSTRUMENTS, relabelled]);
    const newer: Assessment = {
      ...later,
      instrumentVersion: '2025.2',
      judgement: { ...later.judgement, level: 'serious_concern' },
    };
    const cmp = compareAssessments(earlier, newer, registry.get);
    expect(cmp.sameInstrumentVersion).toBe(false);
    expect(cmp.level.to).toEqual({ id: 'serious_concern', label: 'Serious concern', index: 1 });
    expect(cmp.level.direction).toBe('not_comparable');
  });
});
