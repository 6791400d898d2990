/** Plans for the plan tests: objectives aimed at the adults and at those causing harm. */
import { daysAhead } from '../children/fixtures.ts';

export function objective(id: string, aim: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    aim,
    owner: { name: 'Priya Fernside', role: 'Lead worker' },
    agency: { name: 'Fernbridge Children’s Services' },
    dueDate: daysAhead(14),
    status: { status: 'not_started' },
    ...overrides,
  };
}

export const disruption = (overrides: Record<string, unknown> = {}) =>
  objective(
    'o-cawn',
    'Police serve a Child Abduction Warning Notice on the man who collects her in the grey car.',
    { owner: { name: 'PC Robin Hale' }, agency: { name: 'Fernbridge Police' }, ...overrides },
  );

export function planBody(overrides: Record<string, unknown> = {}) {
  return {
    reviewDate: daysAhead(28),
    howWeWillKnow: 'She is not collected near school, and she tells us she feels safer.',
    sections: {
      keeping_safe_now: {
        objectives: [objective('o-phone', 'Her worker gives her a phone number she can ring at any hour.')],
      },
      disruption_and_investigation: { objectives: [disruption()] },
      support_and_therapeutic_help: {
        objectives: [
          objective('o-advocate', 'Offer Amelia a specialist worker from Safe Steps, at her pace.', {
            owner: { name: 'Lee Grant' },
            agency: { name: 'Safe Steps' },
          }),
        ],
      },
      young_persons_goals: {
        objectives: [
          objective('g-college', 'I want to go to college to do hair and beauty.', { inTheirOwnWords: true }),
        ],
      },
    },
    ...overrides,
  };
}
