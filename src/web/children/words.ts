/**
 * Names for the few values the API sends as codes without a name. The sensitivity label and relationship
 * names come from the access vocabulary itself, so they read the same as the access matrix.
 */
import {
  RELATIONSHIP_KIND_LABELS,
  SENSITIVITY_LABEL_NAMES,
  SENSITIVITY_LABELS,
} from '../../domain/access/types.ts';
import type { Option } from '../api.ts';

export function nameOf(names: Readonly<Record<string, string>>, value: string | null | undefined): string {
  if (!value) return '';
  return names[value] ?? value.replaceAll('_', ' ');
}

export function labelOf(options: readonly Option[] | undefined, value: string | null | undefined): string {
  if (!value) return '';
  return options?.find((option) => option.value === value)?.label ?? value.replaceAll('_', ' ');
}

export const SEX_NAMES: Record<string, string> = { female: 'Female', male: 'Male', not_known: 'Not known' };

export const ONLINE_NAMES: Record<string, string> = {
  yes: 'Yes, there is an online element',
  no: 'No',
  not_known: 'Not known',
};

/** Who gains from the exchange, in the words of the policy definition (seed 004). */
export const GAINER_NAMES: Record<string, string> = {
  child: 'The child (something they need or want)',
  perpetrator: 'The person exploiting the child (money, status or other gain)',
  facilitator: 'A facilitator',
  not_known: 'Not known',
};

export const SETTING_NAMES: Record<string, string> = {
  online: 'Online',
  offline: 'In person',
  both: 'Online and in person',
  not_known: 'Not known',
};

export const CHRONOLOGY_KIND_NAMES: Record<string, string> = {
  referral: 'Referral',
  screening_decision: 'Screening decision',
  note: 'Case note',
  event: 'Significant event',
  statutory_status: 'Statutory status',
  flag: 'Exploitation flag',
  harm_status: 'Harm status',
  closure: 'Closure',
  reopening: 'Reopening',
  allocation: 'Allocation',
  merge: 'Merged records',
  missing_episode: 'Missing episode',
};

export const CASE_STATUS_NAMES: Record<string, string> = {
  open: 'Open',
  closure_requested: 'Open – closure requested, waiting for a manager',
  closed: 'Closed',
};

export const RELATIONSHIP_NAMES: Record<string, string> = RELATIONSHIP_KIND_LABELS;

export const LABEL_NAMES: Record<string, string> = SENSITIVITY_LABEL_NAMES;

/** Every sensitivity label, standard first. The server refuses a label the person may not use on this child. */
export const LABEL_OPTIONS: Option[] = SENSITIVITY_LABELS.map((value) => ({
  value,
  label: SENSITIVITY_LABEL_NAMES[value],
}));
