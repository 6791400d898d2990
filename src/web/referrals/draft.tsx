/**
 * The referral being written: kept in memory while the referrer moves between the questions, and sent in
 * one request from the check-your-answers page. Nothing is saved until then, and nothing is checked here:
 * the server says what is missing, and each error is shown on the question it belongs to.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ApiError } from '../api.ts';
import { type DateParts, EMPTY_DATE, isoDate } from '../children/fields.tsx';
import { type FormErrors, useFormErrors } from '../components/form.ts';
import type { Match, Referral, ReferralInput, WhatToDoNow } from './api.ts';

export interface ChildDescription {
  givenName: string;
  familyName: string;
  knownAs: string;
  dateOfBirth: DateParts;
  estimatedAge: string;
  sex: string;
  school: string;
  address: string;
  postcode: string;
}

export interface ObservationDraft {
  observedOn: DateParts;
  note: string;
}

export interface Draft {
  immediateDanger: boolean | undefined;
  child: ChildDescription;
  /** An existing record the referrer picked from the likely matches the server proposed. */
  existingChild: Match['child'] | null;
  /** The matches the server proposed for the description, if it offered any. */
  matches: Match[] | null;
  narrative: string;
  seenOrHeardBy: string;
  happenedOn: DateParts;
  harmKinds: string[];
  onlineElement: string;
  /** Ticked indicator prompts, in the order of the guide. */
  prompts: string[];
  observations: Record<string, ObservationDraft>;
  childKnows: boolean | undefined;
  familyKnows: boolean | undefined;
  withoutConsentReason: string;
}

export const EMPTY_DRAFT: Draft = {
  immediateDanger: undefined,
  child: {
    givenName: '',
    familyName: '',
    knownAs: '',
    dateOfBirth: EMPTY_DATE,
    estimatedAge: '',
    sex: '',
    school: '',
    address: '',
    postcode: '',
  },
  existingChild: null,
  matches: null,
  narrative: '',
  seenOrHeardBy: '',
  happenedOn: EMPTY_DATE,
  harmKinds: [],
  onlineElement: '',
  prompts: [],
  observations: {},
  childKnows: undefined,
  familyKnows: undefined,
  withoutConsentReason: '',
};

export type Step =
  | ''
  | 'immediate-danger'
  | 'child'
  | 'matches'
  | 'what-happened'
  | 'harm'
  | 'prompts'
  | 'consent';

export const stepPath = (step: Step) => (step ? `/referrals/new/${step}` : '/referrals/new');

/** Each field the server may name, the question it is on, and how it is called there. */
const FIELDS: Record<string, { step: Step; label: string }> = {
  immediateDanger: { step: '', label: 'Whether the child is in immediate danger' },
  childId: { step: 'matches', label: 'The child’s record' },
  'child.givenName': { step: 'child', label: 'First name' },
  'child.familyName': { step: 'child', label: 'Last name' },
  'child.knownAs': { step: 'child', label: 'Other names they are known by' },
  'child.dateOfBirth': { step: 'child', label: 'Date of birth' },
  'child.estimatedAge': { step: 'child', label: 'Approximate age' },
  'child.sex': { step: 'child', label: 'Sex' },
  'child.school': { step: 'child', label: 'School or college' },
  'child.address': { step: 'child', label: 'Address' },
  'child.postcode': { step: 'child', label: 'Postcode' },
  child: { step: 'child', label: 'About the child' },
  narrative: { step: 'what-happened', label: 'What has been seen or heard' },
  seenOrHeardBy: { step: 'what-happened', label: 'Who saw or heard it' },
  happenedOn: { step: 'what-happened', label: 'When it happened' },
  harmKinds: { step: 'harm', label: 'Kind of harm' },
  onlineElement: { step: 'harm', label: 'Whether there is an online element' },
  childKnows: { step: 'consent', label: 'Whether the child knows' },
  familyKnows: { step: 'consent', label: 'Whether the family knows' },
  withoutConsentReason: { step: 'consent', label: 'Why you are referring without them knowing' },
};

function fieldKeys(draft: Draft): string[] {
  const keys = Object.keys(FIELDS);
  for (const id of draft.prompts) keys.push(`observations.${id}.observedOn`, `observations.${id}.note`);
  return keys;
}

export function fieldStep(field: string): Step {
  if (field.startsWith('observations.')) return 'prompts';
  return FIELDS[field]?.step ?? 'child';
}

function fieldLabels(draft: Draft, promptText: (id: string) => string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, { label }] of Object.entries(FIELDS)) labels[key] = label;
  for (const id of draft.prompts) {
    labels[`observations.${id}.observedOn`] = `When you noticed “${promptText(id)}”`;
    labels[`observations.${id}.note`] = `What you noticed about “${promptText(id)}”`;
  }
  return labels;
}

/**
 * The server names fields by their place in the request (`observations.2.observedOn`,
 * `child.knownAs.0`); the form names them by the question on the page (`observations.s-missing.observedOn`,
 * `child.knownAs`).
 */
function onTheForm(error: unknown, draft: Draft): unknown {
  if (!(error instanceof ApiError)) return error;
  const keys = fieldKeys(draft);
  const fields = error.fields.map((field) => {
    let path = field.path.replace(/^observations\.(\d+)/, (whole, index: string) => {
      const id = draft.prompts[Number(index)];
      return id ? `observations.${id}` : whole;
    });
    const key = keys
      .filter((candidate) => path === candidate || path.startsWith(`${candidate}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (key) path = key;
    return { ...field, path };
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

const splitNames = (text: string) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
const blankAsAbsent = (text: string) => (text.trim() ? text.trim() : undefined);

/** The request body. A choice not made is sent as absent, so the server can say it is needed. */
export function requestBody(draft: Draft): ReferralInput {
  const c = draft.child;
  const age = c.estimatedAge.trim();
  const body: Record<string, unknown> = {
    immediateDanger: draft.immediateDanger,
    narrative: draft.narrative,
    seenOrHeardBy: draft.seenOrHeardBy,
    happenedOn: isoDate(draft.happenedOn),
    harmKinds: draft.harmKinds,
    onlineElement: draft.onlineElement || undefined,
    childKnows: draft.childKnows,
    familyKnows: draft.familyKnows,
    withoutConsentReason: blankAsAbsent(draft.withoutConsentReason),
    observations: draft.prompts.map((id) => {
      const observation = draft.observations[id];
      return {
        indicatorId: id,
        // A prompt ticked without its own date was noticed with what is described above.
        observedOn: isoDate(observation?.observedOn ?? EMPTY_DATE) ?? isoDate(draft.happenedOn),
        note: blankAsAbsent(observation?.note ?? ''),
      };
    }),
  };
  if (draft.existingChild) {
    body.childId = draft.existingChild.id;
  } else {
    body.child = {
      givenName: c.givenName,
      familyName: c.familyName,
      knownAs: splitNames(c.knownAs),
      dateOfBirth: isoDate(c.dateOfBirth),
      estimatedAge: age === '' ? undefined : Number.isInteger(Number(age)) ? Number(age) : age,
      sex: c.sex || undefined,
      school: blankAsAbsent(c.school),
      address: blankAsAbsent(c.address),
      postcode: blankAsAbsent(c.postcode),
    };
  }
  return body as ReferralInput;
}

/** What the matching endpoint takes: the identity part of the description. */
export function matchBody(child: ChildDescription): Record<string, unknown> {
  const age = child.estimatedAge.trim();
  return {
    givenName: child.givenName,
    familyName: child.familyName,
    knownAs: splitNames(child.knownAs),
    dateOfBirth: isoDate(child.dateOfBirth),
    estimatedAge: age === '' ? undefined : Number.isInteger(Number(age)) ? Number(age) : age,
    sex: child.sex || undefined,
    school: blankAsAbsent(child.school),
    postcode: blankAsAbsent(child.postcode),
  };
}

export interface Sent {
  referral: Referral;
  whatToDoNow: WhatToDoNow | null;
}

interface DraftValue {
  draft: Draft;
  update(change: Partial<Draft>): void;
  updateChild(change: Partial<ChildDescription>): void;
  /** The server's errors from the last attempt to send, by field. */
  errors: FormErrors;
  /** The errors that belong on one question. */
  errorsFor(step: Step): FormErrors;
  /** The person has answered a question again: its old errors no longer apply. */
  clearStep(step: Step): void;
  showSendError(error: unknown, promptText: (id: string) => string): void;
  sent: Sent | null;
  setSent(sent: Sent): void;
  reset(): void;
}

const DraftContext = createContext<DraftValue | null>(null);

export function useDraft(): DraftValue {
  const value = useContext(DraftContext);
  if (!value) throw new Error('useDraft must be used inside <DraftProvider>');
  return value;
}

export function DraftProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [sent, setSent] = useState<Sent | null>(null);
  const [cleared, setCleared] = useState<Step[]>([]);
  const { errors, show, clear } = useFormErrors();

  const update = useCallback((change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change })), []);
  const updateChild = useCallback(
    (change: Partial<ChildDescription>) => setDraft((d) => ({ ...d, child: { ...d.child, ...change } })),
    [],
  );

  const errorsFor = useCallback(
    (step: Step): FormErrors => {
      if (cleared.includes(step)) return { summary: [], byField: {}, version: errors.version };
      const byField: Record<string, string> = {};
      for (const [field, text] of Object.entries(errors.byField))
        if (fieldStep(field) === step) byField[field] = text;
      return {
        summary: errors.summary.filter((item) => item.field && fieldStep(item.field) === step),
        byField,
        version: errors.version,
      };
    },
    [errors, cleared],
  );

  const clearStep = useCallback((step: Step) => setCleared((steps) => [...steps, step]), []);

  const showSendError = useCallback(
    (error: unknown, promptText: (id: string) => string) => {
      setCleared([]);
      show(onTheForm(error, draft), { fields: fieldLabels(draft, promptText) });
    },
    [draft, show],
  );

  const reset = useCallback(() => {
    setDraft(EMPTY_DRAFT);
    setSent(null);
    setCleared([]);
    clear();
  }, [clear]);

  const value = useMemo<DraftValue>(
    () => ({ draft, update, updateChild, errors, errorsFor, clearStep, showSendError, sent, setSent, reset }),
    [draft, update, updateChild, errors, errorsFor, clearStep, showSendError, sent, reset],
  );
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}
