import { describe, expect, it } from 'vitest';
import { checkObjectiveAim } from '../plans/child-focused-objectives.ts';
import { maceInput } from './fixtures.ts';
import { IMMEDIATE_REFERRAL_KIND, MACE_RULES, statutoryPlanCheck } from './mace.ts';
import { validateAssessment } from './schema.ts';

const child = { childId: 'c-1', name: 'Amy' };

describe('the MACE risk assessment runs alongside the statutory plan', () => {
  it.each([['child_in_need'], ['child_protection'], ['looked_after']] as const)(
    'needs no referral on %s',
    (plan) => {
      const check = statutoryPlanCheck({ ...child, openStatutoryPlans: [plan] });
      expect(check).toEqual({ runsAlongside: [plan], onQualifyingPlan: true, task: null });
    },
  );

  it('runs alongside every qualifying plan the child has', () => {
    const check = statutoryPlanCheck({ ...child, openStatutoryPlans: ['looked_after', 'child_protection'] });
    expect(check.runsAlongside).toEqual(['child_protection', 'looked_after']);
  });
});

describe('a child on the MACE agenda without a statutory plan', () => {
  const check = statutoryPlanCheck({ ...child, openStatutoryPlans: [] });

  it('gets an immediate referral task to Children’s Services, with its wording', () => {
    expect(check.onQualifyingPlan).toBe(false);
    expect(check.task).toMatchObject({
      kind: IMMEDIATE_REFERRAL_KIND,
      childId: 'c-1',
      priority: 'immediate',
      dueInWorkingDays: 0,
      assignTo: 'mace_coordinator',
      title: 'Refer Amy to Children’s Services today',
    });
    expect(check.task?.description).toMatch(
      /^Amy is being discussed at MACE because of concerns about exploitation\./,
    );
    expect(check.task?.description).toMatch(
      /not on a statutory plan: Child in Need \(section 17\), Child Protection or Looked After\./,
    );
    expect(check.task?.description).toMatch(
      /runs alongside the child’s statutory plan; it does not replace it/,
    );
    expect(check.task?.source).toMatch(/seed 004/);
  });

  it('never makes the referral wait for a meeting or a disclosure, and never blames the child', () => {
    expect(check.task?.description).toMatch(/Do not wait for the next MACE meeting or for a disclosure/);
    expect(checkObjectiveAim(check.task?.description ?? '')).toEqual([]);
  });

  it('treats an Early Help plan alone as not enough, as seed 004 lists the plans', () => {
    const early = statutoryPlanCheck({ ...child, openStatutoryPlans: ['early_help'] });
    expect(early.task?.description).toMatch(
      /Amy has Early Help support, which is not one of the plans MACE runs alongside/,
    );
  });

  it('follows the partnership’s list of qualifying plans (data, not code)', () => {
    const rules = { ...MACE_RULES, qualifyingPlans: [...MACE_RULES.qualifyingPlans, 'early_help' as const] };
    expect(statutoryPlanCheck({ ...child, openStatutoryPlans: ['early_help'] }, rules).task).toBeNull();
  });
});

describe('one MACE tool for sexual and criminal exploitation', () => {
  it('records both in one assessment', () => {
    expect(validateAssessment(maceInput()).ok).toBe(true);
    const input = maceInput();
    const split = {
      ...input,
      answers: { ...input.answers, 'mace.exploitation': { type: 'choice' as const, value: 'cse_only_tool' } },
    };
    expect(validateAssessment(split).ok).toBe(false);
  });
});
