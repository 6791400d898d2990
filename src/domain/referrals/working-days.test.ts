import { describe, expect, it } from 'vitest';
import { DECISION_RULES, SCREENING_DECISIONS } from './decisions.ts';
import { TIMESCALES } from './timescales.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('working days (Europe/London)', () => {
  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay(TIMESCALES, '2025-11-22')).toBe(false); // Saturday
    expect(isWorkingDay(TIMESCALES, '2025-12-25')).toBe(false);
    expect(isWorkingDay(TIMESCALES, '2025-11-24')).toBe(true);
  });

  it('one working day after Tuesday 10:00 is Wednesday 10:00', () => {
    expect(addWorkingDays(TIMESCALES, new Date('2025-11-18T10:00:00Z'), 1).toISOString()).toBe(
      '2025-11-19T10:00:00.000Z',
    );
  });

  it('one working day after Friday afternoon is Monday afternoon', () => {
    expect(addWorkingDays(TIMESCALES, new Date('2025-11-21T15:30:00Z'), 1).toISOString()).toBe(
      '2025-11-24T15:30:00.000Z',
    );
  });

  it('a referral on Saturday is due at the end of Monday', () => {
    expect(addWorkingDays(TIMESCALES, new Date('2025-11-22T12:00:00Z'), 1).toISOString()).toBe(
      '2025-11-25T00:00:00.000Z',
    );
  });

  it('keeps local clock time across the clocks going forward', () => {
    // Friday 28 March 2025 09:00 GMT → Monday 31 March 09:00 BST (08:00Z)
    expect(addWorkingDays(TIMESCALES, new Date('2025-03-28T09:00:00Z'), 1).toISOString()).toBe(
      '2025-03-31T08:00:00.000Z',
    );
  });

  it('skips Christmas and Boxing Day', () => {
    expect(addWorkingDays(TIMESCALES, new Date('2025-12-24T11:00:00Z'), 1).toISOString()).toBe(
      '2025-12-29T11:00:00.000Z',
    );
  });

  it('counts whole working days waited', () => {
    expect(
      workingDaysBetween(TIMESCALES, new Date('2025-11-21T10:00:00Z'), new Date('2025-11-24T09:00:00Z')),
    ).toBe(1);
    expect(
      workingDaysBetween(TIMESCALES, new Date('2025-11-18T10:00:00Z'), new Date('2025-11-18T17:00:00Z')),
    ).toBe(0);
  });
});

describe('screening decisions', () => {
  it('every decision has a name, a meaning for the referrer and follow-on tasks', () => {
    for (const d of SCREENING_DECISIONS) {
      expect(DECISION_RULES[d].name).toBeTruthy();
      expect(DECISION_RULES[d].outcomeForReferrer).toBeTruthy();
      expect(DECISION_RULES[d].tasks.length).toBeGreaterThan(0);
    }
  });
  it('sets a statutory status only where the decision itself confers one', () => {
    expect(DECISION_RULES.early_help_assessment.setsStatus).toBe('early_help');
    expect(DECISION_RULES.childrens_services_assessment.setsStatus).toBe('child_in_need');
    expect(DECISION_RULES.no_further_action.setsStatus).toBeNull();
    expect(DECISION_RULES.no_further_action.requiresAdvice).toBe(true);
  });
});
