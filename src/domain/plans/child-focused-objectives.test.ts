import { describe, expect, it } from 'vitest';
import {
  CHILD_FOCUS_RULES,
  checkObjectiveAim,
  childFocusRuleSchema,
  fillChild,
} from './child-focused-objectives.ts';

describe('the child-focus rules', () => {
  it('are valid against their schema, with unique ids', () => {
    for (const rule of CHILD_FOCUS_RULES) {
      const parsed = childFocusRuleSchema.safeParse(rule);
      expect(parsed.success, `${rule.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
    const ids = CHILD_FOCUS_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('each cite a seed', () => {
    for (const rule of CHILD_FOCUS_RULES) expect(rule.source, rule.id).toMatch(/seed 00\d|PRODUCT/);
  });
});

describe.each(CHILD_FOCUS_RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it.each(rule.examples.flagged)('flags: %s', (aim) => {
    expect(checkObjectiveAim(aim).map((f) => f.ruleId)).toContain(id);
  });

  it.each(rule.examples.clean)('leaves alone: %s', (aim) => {
    expect(checkObjectiveAim(aim).map((f) => f.ruleId)).not.toContain(id);
  });

  it('offers a reframing that gives the work to adults and names the child', () => {
    const finding = checkObjectiveAim(rule.examples.flagged[0] as string, { childName: 'Amy' }).find(
      (f) => f.ruleId === id,
    );
    expect(finding?.reframing).toContain('Amy');
    expect(finding?.reframing).not.toContain('{child}');
    expect(checkObjectiveAim(finding?.reframing ?? '')).toEqual([]);
  });
});

describe('checkObjectiveAim', () => {
  it.each([
    ['reduce her risk-taking', 'risk-taking', 'risk-taking'],
    ['Stop putting herself at risk', 'putting-self-at-risk', 'putting herself'],
    ['Make better choices about friends', 'better-choices', 'Make better choices'],
    ['Stop going missing', 'stop-going-missing', 'Stop going missing'],
  ])('flags "%s" as %s, returning the matched words', (aim, ruleId, matched) => {
    const [finding] = checkObjectiveAim(aim);
    expect(finding).toMatchObject({ ruleId, matched });
    expect(finding?.why.length).toBeGreaterThan(20);
  });

  it('keeps the concern explicit in the reframing', () => {
    const [finding] = checkObjectiveAim('Amy to stop going missing', { childName: 'Amy' });
    expect(finding?.reframing).toBe(
      'Keep Amy safe when missing: agree how Amy can reach a trusted adult, offer a return home interview within 72 hours of each return, and disrupt the people and places Amy goes missing to.',
    );
  });

  it('returns every rule that matched, in the order of the words', () => {
    const findings = checkObjectiveAim(
      'Amy to stop going missing and make better choices to reduce her risk-taking',
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['stop-going-missing', 'better-choices', 'risk-taking']);
  });

  it.each([
    'Issue a Child Abduction Warning Notice to Person A and act on any breach',
    'Police visit the flat weekly and check the licence holder’s records',
    'Keep Amy safe at weekends: her nan collects her from the station',
    'Refer Amy’s mum to parent support',
    'Offer Amy a specialist worker she can meet weekly, at times she chooses',
    'Share information about the car with the neighbouring force',
    'Support Amy before, during and after court, and let her choose how she gives evidence',
  ])('leaves an objective that puts the work on adults alone: %s', (aim) => {
    expect(checkObjectiveAim(aim)).toEqual([]);
  });

  it('says "the child" when no name is given', () => {
    expect(fillChild('{child} is not responsible; keep {child} safe')).toBe(
      'The child is not responsible; keep the child safe',
    );
    expect(fillChild('Keep {child} safe', 'Amy')).toBe('Keep Amy safe');
  });
});
