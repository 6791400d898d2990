/**
 * Test data for plans: synthetic, about a fictional child ("Amy"). Used by the tests beside the code.
 */
import { uuid } from '../assessment/fixtures.ts';
import type { PlanInput } from './schema.ts';

export const PLAN_ID = uuid(40);
export const CHILD_ID = uuid(1);

const sam = { owner: { name: 'Sam Okafor', role: 'Lead worker' }, agency: { name: 'Children’s Services' } };
const police = { owner: { name: 'DC Priya Shah' }, agency: { name: 'Police' } };

export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    id: PLAN_ID,
    childId: CHILD_ID,
    version: 1,
    harmStatus: 'suspected',
    assessmentId: uuid(5),
    reviewDate: '2026-06-01',
    howWeWillKnow:
      'Amy is not found at the flat; Person A has no contact with her; Amy says she feels safer.',
    updatedAt: '2026-03-03T09:00:00Z',
    sections: {
      keeping_safe_now: {
        objectives: [
          {
            id: 'o-safe-missing',
            aim: 'Keep Amy safe when missing: agree how she can reach her mum or Sam at any hour, and offer a return home interview after each missing episode',
            ...sam,
            dueDate: '2026-03-14',
            status: { status: 'in_progress' },
          },
        ],
      },
      disruption_and_investigation: {
        objectives: [
          {
            id: 'o-cawn',
            aim: 'Issue a CAWN to Person A and act on any breach',
            ...police,
            dueDate: '2026-03-10',
            status: { status: 'not_started' },
          },
          {
            id: 'o-flat',
            aim: 'Disrupt the use of the flat: licensing and housing checks, police visits',
            ...police,
            dueDate: '2026-03-31',
            status: { status: 'not_started' },
            shareWithYoungPerson: true,
          },
        ],
      },
      support_and_therapeutic_help: {
        objectives: [
          {
            id: 'o-worker',
            aim: 'Offer Amy a specialist worker she can meet weekly, at times and places she chooses',
            owner: { name: 'Lee Grant' },
            agency: { name: 'Safe Steps (voluntary sector)' },
            dueDate: '2026-03-20',
            status: { status: 'done', doneOn: '2026-03-05' },
          },
        ],
      },
      family: {
        objectives: [
          {
            id: 'o-parent-support',
            aim: 'Refer Amy’s mum to parent support, separately from Amy’s support',
            ...sam,
            dueDate: '2026-03-20',
            status: { status: 'not_started' },
          },
        ],
      },
      education: { objectives: [] },
      health: {
        objectives: [
          {
            id: 'o-camhs',
            aim: 'Refer to CAMHS if Amy wants it',
            ...sam,
            dueDate: '2026-04-01',
            status: {
              status: 'no_longer_needed',
              reason: 'Amy already sees the school counsellor and wants to keep that.',
            },
          },
        ],
      },
      criminal_justice_support: { objectives: [] },
      other_children_affected: {
        objectives: [
          {
            id: 'o-other-children',
            aim: 'Identify other children seen at the flat (Child B, Child C) and contact their schools',
            ...police,
            dueDate: '2026-03-31',
            status: { status: 'not_started' },
          },
        ],
      },
      young_persons_goals: {
        objectives: [
          {
            id: 'g-college',
            aim: 'I want to go to college to do hair and beauty.',
            inTheirOwnWords: true,
            ...sam,
            dueDate: '2026-05-01',
            status: { status: 'not_started' },
          },
        ],
      },
    },
    ...overrides,
  };
}
