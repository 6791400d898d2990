/** The plan editor's state, and the body the API takes. */

import type { Plan } from '../assessment/api.ts';
import { newId } from '../assessment/form-state.ts';
import { type DateParts, datePartsOf, EMPTY_DATE, isoDate } from '../children/fields.tsx';

export const SECTION_KEYS = [
  'keeping_safe_now',
  'disruption_and_investigation',
  'support_and_therapeutic_help',
  'family',
  'education',
  'health',
  'criminal_justice_support',
  'other_children_affected',
  'young_persons_goals',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface ObjectiveState {
  id: string;
  aim: string;
  /** A professional around the child (their user id), or `someone-else`. */
  ownerChoice: string;
  ownerName: string;
  ownerUserId: string;
  ownerRole: string;
  agencyName: string;
  due: DateParts;
  status: string;
  doneOn: DateParts;
  reason: string;
  share: string;
  label: string;
  inTheirOwnWords: boolean;
}

export interface PlanState {
  reviewDate: DateParts;
  howWeWillKnow: string;
  sections: Record<SectionKey, { objectives: ObjectiveState[]; notes: string }>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const rec = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

export function newObjective(): ObjectiveState {
  return {
    id: newId('o'),
    aim: '',
    ownerChoice: '',
    ownerName: '',
    ownerUserId: '',
    ownerRole: '',
    agencyName: '',
    due: EMPTY_DATE,
    status: 'not_started',
    doneOn: EMPTY_DATE,
    reason: '',
    share: '',
    label: 'standard',
    inTheirOwnWords: false,
  };
}

export function emptyPlan(): PlanState {
  return {
    reviewDate: EMPTY_DATE,
    howWeWillKnow: '',
    sections: Object.fromEntries(
      SECTION_KEYS.map((k) => [k, { objectives: [] as ObjectiveState[], notes: '' }]),
    ) as unknown as PlanState['sections'],
  };
}

export function planState(plan: Plan): PlanState {
  const state = emptyPlan();
  state.reviewDate = datePartsOf(plan.reviewDate);
  state.howWeWillKnow = plan.howWeWillKnow ?? '';
  for (const section of plan.sections) {
    const key = section.key as SectionKey;
    if (!state.sections[key]) continue;
    state.sections[key] = {
      notes: section.notes ?? '',
      objectives: section.objectives.map((o) => {
        const owner = rec(o.owner);
        const status = rec(o.status);
        return {
          id: str(o.id),
          aim: str(o.aim),
          ownerChoice: str(owner.userId) || (str(owner.name) ? 'someone-else' : ''),
          ownerName: str(owner.name),
          ownerUserId: str(owner.userId),
          ownerRole: str(owner.role),
          agencyName: str(rec(o.agency).name),
          due: datePartsOf(str(o.dueDate)),
          status: str(status.status),
          doneOn: datePartsOf(str(status.doneOn)),
          reason: str(status.reason),
          share: o.shareWithYoungPerson === true ? 'yes' : o.shareWithYoungPerson === false ? 'no' : '',
          label: str(o.label) || 'standard',
          inTheirOwnWords: o.inTheirOwnWords === true,
        };
      }),
    };
  }
  return state;
}

function objectiveBody(o: ObjectiveState, goal: boolean) {
  const status =
    o.status === 'done'
      ? { status: 'done', doneOn: isoDate(o.doneOn) }
      : o.status === 'no_longer_needed'
        ? { status: 'no_longer_needed', reason: o.reason }
        : { status: o.status || 'not_started' };
  return {
    id: o.id,
    aim: o.aim,
    owner: {
      name: o.ownerName,
      ...(o.ownerUserId ? { userId: o.ownerUserId } : {}),
      ...(o.ownerRole ? { role: o.ownerRole } : {}),
    },
    agency: { name: o.agencyName },
    dueDate: isoDate(o.due),
    status,
    ...(o.share ? { shareWithYoungPerson: o.share === 'yes' } : {}),
    ...(goal ? { inTheirOwnWords: o.inTheirOwnWords } : {}),
  };
}

export function planBody(state: PlanState, expectedVersion?: number) {
  const labels: Record<string, string> = {};
  const sections = Object.fromEntries(
    SECTION_KEYS.map((key) => {
      const section = state.sections[key];
      for (const o of section.objectives) if (o.label !== 'standard') labels[o.id] = o.label;
      return [
        key,
        {
          objectives: section.objectives.map((o) => objectiveBody(o, key === 'young_persons_goals')),
          ...(section.notes.trim() ? { notes: section.notes } : {}),
        },
      ];
    }),
  );
  return {
    reviewDate: isoDate(state.reviewDate) ?? '',
    ...(state.howWeWillKnow.trim() ? { howWeWillKnow: state.howWeWillKnow } : {}),
    sections,
    labels,
    ...(expectedVersion ? { expectedVersion } : {}),
  };
}

/** Every field of the editor, in page order, with its label (errors are shown against the nearest one). */
export function planFields(state: PlanState, titles: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = { reviewDate: 'Review date', howWeWillKnow: 'How we will know' };
  for (const key of SECTION_KEYS) {
    fields[`sections.${key}.objectives`] = titles[key] ?? key;
    state.sections[key].objectives.forEach((_, i) => {
      const p = `sections.${key}.objectives.${i}`;
      fields[`${p}.aim`] = 'The aim';
      fields[`${p}.owner`] = 'Owner';
      fields[`${p}.agency`] = 'Agency';
      fields[`${p}.dueDate`] = 'Due date';
      fields[`${p}.status`] = 'Status';
    });
  }
  fields.labels = 'Label';
  return fields;
}
