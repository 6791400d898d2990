import { describe, expect, it } from 'vitest';
import { rulesFor } from './eligibility.ts';
import {
  type DisruptionMeasure,
  MEASURE_BY_ID,
  MEASURE_IDS,
  MEASURES,
  measure,
  whoCanApply,
} from './measures.ts';

const ALL = MEASURES as readonly DisruptionMeasure[];

describe('disruption measures', () => {
  it('has one entry per id, in order', () => {
    expect(ALL.map((m) => m.id)).toEqual([...MEASURE_IDS]);
    expect(MEASURE_BY_ID.size).toBe(MEASURE_IDS.length);
    expect(() => measure('nonsense' as never)).toThrow(RangeError);
  });

  it('covers every measure the issue lists', () => {
    const names = ALL.map((m) => m.name).join('\n');
    for (const name of [
      'Child Abduction Warning Notice',
      'Sexual Harm Prevention Order',
      'Sexual Risk Order',
      'Slavery and Trafficking Prevention Order',
      'Slavery and Trafficking Risk Order',
      'National Referral Mechanism',
      'Criminal Behaviour Order',
      'Notification order',
      'Non-molestation order',
      'Exclusion order',
      'Wardship',
      'closure',
      'Hotel and B&B',
      'Licensing review',
      'Increased police attention',
      'online platform',
    ]) {
      expect(names).toMatch(new RegExp(name.replace(/[&]/g, '\\$&'), 'i'));
    }
  });

  it.each(ALL.map((m) => [m.id, m] as const))(
    '%s is described from seed 004 Appendix 2, with sources',
    (_id, m) => {
      expect(m.source).toMatch(/^Seed 004 Appendix 2, "/);
      expect(m.purpose.length).toBeGreaterThan(40);
      expect(m.applicants.length).toBeGreaterThan(0);
      expect(m.against.length).toBeGreaterThan(0);
      for (const fact of [
        m.applicantsSource,
        m.legalBasis.source,
        m.typicalDuration.source,
        m.breachSource,
      ]) {
        expect(fact.length).toBeGreaterThan(10);
      }
      expect(m.legalBasis.text.length).toBeGreaterThan(5);
      expect(m.typicalDuration.text.length).toBeGreaterThan(5);
      // A fact not taken from Appendix 2 says so.
      if (!/Appendix 2/.test(m.legalBasis.source)) expect(m.legalBasis.source).toMatch(/Not stated/);
      if (m.durationLimits)
        expect(m.durationLimits.minMonths ?? m.durationLimits.maxMonths).toBeGreaterThan(0);
      if (!m.recordsBreaches) expect(m.breachIsOffence).toBe(false);
      expect(rulesFor(m.id).length).toBeGreaterThan(0);
    },
  );

  it('takes the key facts from Appendix 2', () => {
    expect(measure('cawn')).toMatchObject({
      applicants: ['police'],
      breachIsOffence: false,
      namedChildren: 'required',
    });
    expect(measure('shpo').applicants).toEqual(['police', 'national_crime_agency']);
    expect(measure('stpo').applicants).toEqual(['police', 'national_crime_agency', 'immigration_officer']);
    expect(measure('shpo').breachIsOffence).toBe(true);
    expect(measure('sro').breachIsOffence).toBe(true);
    expect(measure('non_molestation_order').breachIsOffence).toBe(true);
    expect(measure('wardship_injunction').applicants).toEqual(['local_authority']);
    expect(measure('premises_closure').against).toEqual(['place', 'business']);
    expect(measure('nrm_referral').against).toEqual(['none']);
    expect(measure('online_platform_referral').against).toEqual(['online_space']);
    expect(measure('hotel_information_request').durationLimits).toMatchObject({
      maxMonths: 6,
      enforcement: 'refuse',
    });
  });

  it('says who can apply: police, the local authority, both, or others', () => {
    expect(whoCanApply(measure('cawn'))).toBe('police');
    expect(whoCanApply(measure('wardship_injunction'))).toBe('local_authority');
    expect(whoCanApply(measure('premises_closure'))).toBe('both');
    expect(whoCanApply(measure('criminal_behaviour_order'))).toBe('other');
  });

  it('never describes a measure in terms that blame the child', () => {
    const text = ALL.flatMap((m) => [m.name, m.purpose]).join('\n');
    expect(text).not.toMatch(
      /\b(relationship|boyfriend|girlfriend|consent|prostitut|risky behaviour|choice)\b/i,
    );
  });
});
