import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Problem } from '../assessment/rules.ts';
import { planInput } from './fixtures.ts';
import {
  OBJECTIVE_STATUSES,
  type objectiveSchema,
  objectivesOf,
  PLAN_SECTION_INFO,
  PLAN_SECTIONS,
  type PlanInput,
  type PlanValidation,
  validatePlan,
} from './schema.ts';

type Sections = PlanInput['sections'];

function problems(result: PlanValidation): Problem[] {
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.problems;
}

function refusedBy(input: unknown, rule: string, path?: string): Problem {
  const found = problems(validatePlan(input)).find(
    (p) => p.rule === rule && (path === undefined || p.path === path),
  );
  expect(
    found,
    `expected ${rule} at ${path ?? '(any)'}: ${JSON.stringify(validatePlan(input))}`,
  ).toBeDefined();
  const problem = found as Problem;
  if (rule !== 'shape') expect(problem.message).toContain(`[${rule}]`);
  return problem;
}

const withSections = (sections: Partial<Sections>, over: Partial<PlanInput> = {}) => {
  const base = planInput(over);
  return { ...base, sections: { ...base.sections, ...sections } };
};

type ObjectiveInput = z.input<typeof objectiveSchema> & { inTheirOwnWords?: boolean };

const objective = (aim: string, over: Record<string, unknown> = {}): ObjectiveInput =>
  ({
    id: `o-${aim.length}`,
    aim,
    owner: { name: 'Sam Okafor' },
    agency: { name: 'Children’s Services' },
    dueDate: '2026-04-01',
    status: { status: 'not_started' },
    ...over,
  }) as ObjectiveInput;

describe('a safety and support plan', () => {
  it('is accepted with every section, objectives owned, placed with an agency, dated and with a status', () => {
    const result = validatePlan(planInput());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) {
      expect(objectivesOf(result.plan)).toHaveLength(8);
      expect(result.advisories).toEqual([]);
    }
  });

  it('has every section the seeds ask for, each with its purpose and source', () => {
    expect(PLAN_SECTIONS).toEqual([
      'keeping_safe_now',
      'disruption_and_investigation',
      'support_and_therapeutic_help',
      'family',
      'education',
      'health',
      'criminal_justice_support',
      'other_children_affected',
      'young_persons_goals',
    ]);
    for (const key of PLAN_SECTIONS) expect(PLAN_SECTION_INFO[key].source, key).toMatch(/seed 00\d/);
  });

  it('refuses a plan missing a section', () => {
    const { education: _e, ...rest } = planInput().sections;
    refusedBy({ ...planInput(), sections: rest }, 'shape', 'sections.education');
  });

  it.each(['owner', 'agency', 'dueDate', 'status'])('refuses an objective without its %s', (field) => {
    const o: Record<string, unknown> = { ...objective('Visit Amy at her nan’s every week') };
    delete o[field];
    expect(validatePlan(withSections({ education: { objectives: [o] } } as Partial<Sections>)).ok).toBe(
      false,
    );
  });

  it('knows four statuses, and "no longer needed" needs a reason', () => {
    expect(OBJECTIVE_STATUSES).toEqual(['not_started', 'in_progress', 'done', 'no_longer_needed']);
    const bad = objective('Visit Amy at her nan’s every week', {
      status: { status: 'no_longer_needed', reason: 'n/a' },
    });
    refusedBy(
      withSections({ education: { objectives: [bad] } } as Partial<Sections>),
      'objective-no-longer-needed-reason',
    );
    const done = objective('Visit Amy at her nan’s every week', { status: { status: 'done' } });
    expect(validatePlan(withSections({ education: { objectives: [done] } } as Partial<Sections>)).ok).toBe(
      false,
    );
  });

  it('refuses the same objective id twice', () => {
    const a = objective('Visit Amy at her nan’s every week', { id: 'o-1' });
    refusedBy(
      withSections({ education: { objectives: [a] }, health: { objectives: [a] } } as Partial<Sections>),
      'objective-ids-unique',
    );
  });
});

describe('disruption and investigation', () => {
  it.each(['suspected', 'known'] as const)('is required, never empty, when harm is %s', (harmStatus) => {
    const p = refusedBy(
      withSections({ disruption_and_investigation: { objectives: [] } }, { harmStatus }),
      'disruption-required-when-harm',
      'sections.disruption_and_investigation.objectives',
    );
    expect(p.message).toMatch(/seed 001 §5\.1/);
    expect(p.message).toMatch(/seed 000 key theme 4/);
    expect(p.message).toMatch(/does not wait for a disclosure/);
  });

  it('does not count objectives that are no longer needed', () => {
    const stale = objective('Issue a CAWN to Person A', {
      status: { status: 'no_longer_needed', reason: 'Person A is in custody.' },
    });
    refusedBy(
      withSections({ disruption_and_investigation: { objectives: [stale] } }, { harmStatus: 'known' }),
      'disruption-required-when-harm',
    );
  });

  it('counts a disruption objective that is done', () => {
    const done = objective('Issue a CAWN to Person A', { status: { status: 'done', doneOn: '2026-03-12' } });
    expect(
      validatePlan(
        withSections({ disruption_and_investigation: { objectives: [done] } }, { harmStatus: 'known' }),
      ).ok,
    ).toBe(true);
  });

  it('may be empty when no exploitation is identified', () => {
    expect(
      validatePlan(
        withSections({ disruption_and_investigation: { objectives: [] } }, { harmStatus: 'none_identified' }),
      ).ok,
    ).toBe(true);
  });
});

describe('objectives aimed at the child’s behaviour', () => {
  it.each([
    ['keeping_safe_now', 'Reduce Amy’s risk-taking behaviour', 'risk-taking'],
    [
      'support_and_therapeutic_help',
      'Work with Amy so she stops putting herself at risk',
      'putting-self-at-risk',
    ],
    ['education', 'Amy to make better choices about who she spends time with', 'better-choices'],
    ['keeping_safe_now', 'Amy to stop going missing', 'stop-going-missing'],
    ['disruption_and_investigation', 'Amy to stop associating with Person A', 'stop-contact'],
  ] as const)('are refused in %s: "%s"', (section, aim, childFocusRule) => {
    const base = planInput();
    const input = withSections({
      [section]: { objectives: [...(base.sections[section].objectives ?? []), objective(aim)] },
    });
    const p = refusedBy(input, 'objective-not-aimed-at-child');
    expect(p.path).toMatch(new RegExp(`^sections\\.${section}\\.objectives\\.\\d+\\.aim$`));
    expect(p.message).toContain(`(${childFocusRule})`);
    expect(p.message).toMatch(/Try: /);
  });

  it('keeps a young person’s own goal in their words, with an advisory instead of a refusal', () => {
    const goal = objective('I want to stop going missing so my mum stops worrying.', {
      inTheirOwnWords: true,
      id: 'g-2',
    });
    const base = planInput();
    const input = withSections({
      young_persons_goals: { objectives: [...(base.sections.young_persons_goals.objectives ?? []), goal] },
    });
    const result = validatePlan(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.sections.young_persons_goals.objectives[1]?.aim).toBe(goal.aim);
      expect(result.advisories).toHaveLength(1);
      expect(result.advisories[0]?.message).toMatch(/kept in their words/);
      expect(result.advisories[0]?.message).toMatch(/Keep the child safe when missing/);
    }
  });

  it('refuses the same words in the goals section when they are not the young person’s own', () => {
    const goal = objective('Amy to stop going missing', { inTheirOwnWords: false, id: 'g-3' });
    refusedBy(withSections({ young_persons_goals: { objectives: [goal] } }), 'objective-not-aimed-at-child');
  });
});
