import { describe, expect, it } from 'vitest';
import {
  atLeast,
  DEFAULT_CONFIRMATION_THRESHOLD,
  explainGrade,
  formatGrade,
  gradingSchema,
  HANDLING_CODE_INFO,
  HANDLING_CODES,
  INTELLIGENCE_ASSESSMENT_INFO,
  INTELLIGENCE_ASSESSMENTS,
  meetsThreshold,
  parseGrade,
  SOURCE_EVALUATION_INFO,
  SOURCE_EVALUATIONS,
} from './grading.ts';
import { ruleOf } from './rules.ts';

const firstRule = (input: unknown) => {
  const r = gradingSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? ruleOf(r.error.issues[0]?.message ?? '') : '';
};

describe('the 3×5×2 scheme', () => {
  it('has 3 source evaluations, 5 intelligence assessments and 2 handling codes, each explained', () => {
    expect(SOURCE_EVALUATIONS).toEqual(['1', '2', '3']);
    expect(INTELLIGENCE_ASSESSMENTS).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(HANDLING_CODES).toEqual(['P', 'C']);
    expect(SOURCE_EVALUATION_INFO['1'].name).toBe('Reliable');
    expect(SOURCE_EVALUATION_INFO['2'].name).toBe('Untested');
    expect(SOURCE_EVALUATION_INFO['3'].name).toBe('Not reliable');
    expect(INTELLIGENCE_ASSESSMENT_INFO.A.name).toBe('Known directly to the source');
    expect(INTELLIGENCE_ASSESSMENT_INFO.B.name).toBe('Known indirectly to the source but corroborated');
    expect(INTELLIGENCE_ASSESSMENT_INFO.C.name).toBe('Known indirectly to the source');
    expect(INTELLIGENCE_ASSESSMENT_INFO.D.name).toBe('Not known');
    expect(INTELLIGENCE_ASSESSMENT_INFO.E.name).toBe('Suspected to be false');
    expect(HANDLING_CODE_INFO.P.name).toBe('Lawful sharing permitted');
    expect(HANDLING_CODE_INFO.C.name).toBe('Lawful sharing permitted subject to conditions');
    for (const info of [
      ...Object.values(SOURCE_EVALUATION_INFO),
      ...Object.values(INTELLIGENCE_ASSESSMENT_INFO),
      ...Object.values(HANDLING_CODE_INFO),
    ]) {
      expect(info.explanation.length).toBeGreaterThan(20);
    }
  });

  it('accepts every grade in the scheme', () => {
    for (const source of SOURCE_EVALUATIONS) {
      for (const intelligence of INTELLIGENCE_ASSESSMENTS) {
        expect(gradingSchema.safeParse({ source, intelligence, handling: 'P' }).success).toBe(true);
        expect(
          gradingSchema.safeParse({
            source,
            intelligence,
            handling: 'C',
            handlingConditions: 'Police and CSC only',
          }).success,
        ).toBe(true);
      }
    }
  });

  it('refuses grades outside the scheme, naming the rule', () => {
    expect(firstRule({ source: '4', intelligence: 'A', handling: 'P' })).toBe('grading.source-evaluation');
    expect(firstRule({ source: 'A', intelligence: '1', handling: 'P' })).toBe('grading.source-evaluation');
    expect(firstRule({ source: '1', intelligence: 'F', handling: 'P' })).toBe(
      'grading.intelligence-assessment',
    );
    expect(firstRule({ source: '1', intelligence: 'A', handling: '5' })).toBe('grading.handling-code');
    expect(firstRule(undefined)).toBe('grading.required');
    const r = gradingSchema.safeParse({ source: '5', intelligence: 'A', handling: 'P' });
    expect(r.error?.issues[0]?.message).toMatch(/must be one of 1, 2, 3 in the 3×5×2 scheme; got "5"/);
  });

  it('needs the conditions with handling code C, and only with C', () => {
    expect(firstRule({ source: '1', intelligence: 'A', handling: 'C' })).toBe('grading.conditions-required');
    expect(firstRule({ source: '1', intelligence: 'A', handling: 'P', handlingConditions: 'x' })).toBe(
      'grading.conditions-only-with-c',
    );
  });

  it('formats, parses and explains grades', () => {
    expect(formatGrade({ source: '1', intelligence: 'B', handling: 'P' })).toBe('1B P');
    expect(parseGrade('1B P')).toEqual({ source: '1', intelligence: 'B', handling: 'P' });
    expect(parseGrade('2-c-c')).toEqual({ source: '2', intelligence: 'C', handling: 'C' });
    expect(parseGrade('nonsense')).toBeNull();
    expect(explainGrade({ source: '2', intelligence: 'C', handling: 'P' })).toBe(
      '2C P: source untested; known indirectly to the source; lawful sharing permitted.',
    );
  });

  it('counts a reliable source who saw it, or was told it and it was corroborated, as confirmed', () => {
    expect(DEFAULT_CONFIRMATION_THRESHOLD).toEqual({
      sourceEvaluations: ['1'],
      intelligenceAssessments: ['A', 'B'],
    });
    expect(meetsThreshold({ source: '1', intelligence: 'A' })).toBe(true);
    expect(meetsThreshold({ source: '1', intelligence: 'B' })).toBe(true);
    expect(meetsThreshold({ source: '1', intelligence: 'C' })).toBe(false);
    expect(meetsThreshold({ source: '2', intelligence: 'A' })).toBe(false);
    expect(
      meetsThreshold(
        { source: '2', intelligence: 'A' },
        { sourceEvaluations: ['1', '2'], intelligenceAssessments: ['A'] },
      ),
    ).toBe(true);
  });

  it('compares a grade with a minimum', () => {
    const min = { source: '2', intelligence: 'C' } as const;
    expect(atLeast({ source: '1', intelligence: 'A' }, min)).toBe(true);
    expect(atLeast({ source: '2', intelligence: 'C' }, min)).toBe(true);
    expect(atLeast({ source: '3', intelligence: 'A' }, min)).toBe(false);
    expect(atLeast({ source: '1', intelligence: 'D' }, min)).toBe(false);
  });
});
