import { describe, expect, it } from 'vitest';
import { IDS, parse, rafInput } from './fixtures.ts';
import { problemsFromZod } from './rules.ts';
import {
  assessmentState,
  DEFAULT_SIGN_OFF_CONFIG,
  type SignOff,
  type SignOffConfig,
  signOffConfigSchema,
  signOffRequired,
  signOffSchema,
  validateSignOff,
} from './signoff.ts';

const assessment = parse(rafInput());
const required: SignOffConfig = { version: '2025.1', required: true };
const manager = { userId: IDS.manager, name: 'Team manager' };
const approved: SignOff = {
  assessmentId: assessment.id,
  decision: 'approved',
  by: manager,
  at: '2026-03-03T09:00:00Z',
};

describe('manager sign-off', () => {
  it('is not asked for unless the partnership’s configuration asks for it', () => {
    expect(signOffRequired(assessment)).toBe(false);
    expect(assessmentState(assessment, [], DEFAULT_SIGN_OFF_CONFIG)).toBe('completed');
  });

  it('can be asked for some instruments, levels or harm only', () => {
    expect(signOffRequired(assessment, required)).toBe(true);
    expect(signOffRequired(assessment, { ...required, instrumentIds: ['mace-risk-assessment'] })).toBe(false);
    expect(signOffRequired(assessment, { ...required, levels: ['significant', 'severe'] })).toBe(true);
    expect(signOffRequired(assessment, { ...required, harm: ['known'] })).toBe(false);
    expect(signOffConfigSchema.safeParse({ ...required, harm: ['high'] }).success).toBe(false);
  });

  it('moves from awaiting to signed off, or returned; the latest decision counts', () => {
    expect(assessmentState(assessment, [], required)).toBe('awaiting_sign_off');
    expect(assessmentState(assessment, [approved], required)).toBe('signed_off');
    const returned: SignOff = {
      ...approved,
      decision: 'returned',
      comment: 'Add the school’s view.',
      at: '2026-03-02T12:00:00Z',
    };
    expect(assessmentState(assessment, [approved, returned], required)).toBe('signed_off');
    expect(
      assessmentState(assessment, [{ ...returned, at: '2026-03-04T09:00:00Z' }, approved], required),
    ).toBe('returned_for_more_work');
  });

  it('needs a comment to return an assessment, naming the rule', () => {
    const parsed = signOffSchema.safeParse({ ...approved, decision: 'returned', comment: ' ' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(problemsFromZod(parsed.error)[0]?.rule).toBe('sign-off-return-needs-comment');
  });

  it('cannot be given by the person who completed the assessment, or before it was completed', () => {
    expect(validateSignOff(assessment, approved)).toEqual([]);
    expect(
      validateSignOff(assessment, { ...approved, by: { userId: IDS.worker, name: 'Sam Okafor' } })[0]?.rule,
    ).toBe('sign-off-not-by-author');
    expect(validateSignOff(assessment, { ...approved, at: '2026-03-01T09:00:00Z' })[0]?.rule).toBe(
      'sign-off-after-completion',
    );
  });
});
