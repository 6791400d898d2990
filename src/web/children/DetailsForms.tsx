/**
 * Changing the child's details: one page for each group of details a "Change" link on the details page
 * points at, then the address history, the roles the person holds and the statutory statuses. What the
 * viewer may change comes from the record's `permissions`; a detail the viewer may not see is absent from
 * the record, so it is never offered for changing.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextInput } from '../components/fields.tsx';
import { type FormErrors, useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { type FlashState, FormButtons, SummaryList } from '../components/ui.tsx';
import { type Child, childrenApi, type DetailsInput } from './api.ts';
import {
  Choices,
  DateInput,
  type DateParts,
  datePartsOf,
  EMPTY_DATE,
  FreeText,
  isoDate,
  oneError,
  YesNo,
} from './fields.tsx';
import { formatDate } from './format.ts';
import { ChildFormPage, dateOfBirthText, LabelTag, possessive } from './record.tsx';
import type { CaseReference } from './reference.ts';
import { LABEL_NAMES, SEX_NAMES } from './words.ts';

type Values = Record<string, string>;

interface FieldSpec {
  /** The detail's name in the API, the field's id, and the `path` of its errors. */
  name: keyof DetailsInput;
  label: string;
  hint?: string;
  kind: 'text' | 'free' | 'lines' | 'radios' | 'yesno';
  width?: string;
  options?(reference: CaseReference): { value: string; label: string }[];
}

interface DetailGroup {
  title: string;
  /** What the success banner says changed. */
  changed: string;
  fields: FieldSpec[];
}

const text = (name: keyof DetailsInput, label: string, hint?: string, width?: string): FieldSpec => ({
  name,
  label,
  kind: 'text',
  ...(hint ? { hint } : {}),
  ...(width ? { width } : {}),
});
const free = (name: keyof DetailsInput, label: string, hint?: string): FieldSpec => ({
  name,
  label,
  kind: 'free',
  ...(hint ? { hint } : {}),
});
const inTheirWords = 'In the child’s own words, where you can. Leave it blank if it is not known.';

/** The groups of details, each changed on a page of its own. The key is the page's address. */
export const DETAIL_GROUPS: Record<string, DetailGroup> = {
  name: {
    title: 'Change the name',
    changed: 'Name changed',
    fields: [
      text('givenName', 'First name', undefined, 'govuk-!-width-one-half'),
      text('familyName', 'Last name', undefined, 'govuk-!-width-one-half'),
      {
        name: 'knownAs',
        label: 'Known as (optional)',
        hint: 'Other names, nicknames or spellings the child is known by, one on each line. Up to 10.',
        kind: 'lines',
      },
    ],
  },
  sex: {
    title: 'Change the sex',
    changed: 'Sex changed',
    fields: [
      {
        name: 'sex',
        label: 'Sex',
        kind: 'radios',
        options: () => Object.entries(SEX_NAMES).map(([value, label]) => ({ value, label })),
      },
    ],
  },
  'gender-identity': {
    title: 'Change the gender identity',
    changed: 'Gender identity changed',
    fields: [text('genderIdentity', 'Gender identity', inTheirWords)],
  },
  'sexual-orientation': {
    title: 'Change the sexual orientation',
    changed: 'Sexual orientation changed',
    fields: [text('sexualOrientation', 'Sexual orientation', inTheirWords)],
  },
  ethnicity: {
    title: 'Change the ethnicity',
    changed: 'Ethnicity changed',
    fields: [text('ethnicity', 'Ethnicity', 'As the child or their family describe it.')],
  },
  religion: {
    title: 'Change the religion or belief',
    changed: 'Religion or belief changed',
    fields: [text('religion', 'Religion or belief', inTheirWords)],
  },
  language: {
    title: 'Change the first language',
    changed: 'First language changed',
    fields: [
      text('firstLanguage', 'First language', undefined, 'govuk-!-width-one-half'),
      { name: 'interpreterNeeded', label: 'Does the child need an interpreter?', kind: 'yesno' },
    ],
  },
  disability: {
    title: 'Change the disability',
    changed: 'Disability changed',
    fields: [
      free('disability', 'Disability', 'Any disability, and what helps the child. Leave it blank if none.'),
    ],
  },
  send: {
    title: 'Change special educational needs',
    changed: 'Special educational needs changed',
    fields: [
      free(
        'send',
        'Special educational needs (SEND)',
        'Needs, any education, health and care plan, and the support in place.',
      ),
    ],
  },
  school: {
    title: 'Change the school or setting',
    changed: 'School or setting changed',
    fields: [
      text(
        'school',
        'School, college or other setting',
        'Include alternative provision, a pupil referral unit, or “Not in education”.',
      ),
    ],
  },
  'care-status': {
    title: 'Change the care status',
    changed: 'Care status changed',
    fields: [
      {
        name: 'careStatus',
        label: 'Care status',
        kind: 'radios',
        options: (reference) => reference.careStatuses,
      },
    ],
  },
  'strengths-interests': {
    title: 'Change strengths and interests',
    changed: 'Strengths and interests changed',
    fields: [
      free('strengths', 'Strengths', 'What the child is good at, and who and what helps them.'),
      free('interests', 'Interests', 'What the child enjoys, and would like to do more of.'),
    ],
  },
};

/** A detail is offered for changing only when the viewer can see it: hidden details are absent. */
export function canSee(child: Child, field: string): boolean {
  return field in child;
}

function initialValue(child: Child, field: FieldSpec): string {
  const value = (child as unknown as Record<string, unknown>)[field.name];
  if (field.kind === 'lines') return Array.isArray(value) ? value.join('\n') : '';
  if (field.kind === 'yesno') return value === true ? 'yes' : value === false ? 'no' : '';
  return typeof value === 'string' ? value : '';
}

function bodyOf(fields: FieldSpec[], values: Values): DetailsInput {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name] ?? '';
    if (field.kind === 'lines') {
      body[field.name] = value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } else if (field.kind === 'yesno') {
      body[field.name] = value === '' ? undefined : value === 'yes';
    } else if (field.kind === 'radios') {
      body[field.name] = value || undefined;
    } else if (field.name === 'givenName' || field.name === 'familyName') {
      // A name cannot be cleared: the server says so against the field.
      body[field.name] = value;
    } else {
      body[field.name] = value.trim() || null;
    }
  }
  return body as DetailsInput;
}

function Heading({ child, title }: { child: Child; title: string }) {
  return (
    <>
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}

function NotAllowed({ child, title, children }: { child: Child; title: string; children: ReactNode }) {
  return (
    <>
      <Heading child={child} title={title} />
      <p className="govuk-body">{children}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/children/${child.id}/details`}>
          Back to {possessive(child.displayName)} details
        </Link>
      </p>
    </>
  );
}

const detailsPage = (id: string) => `/children/${id}/details`;
const backToDetails = (id: string) => ({ to: detailsPage(id), text: 'Back to details' });

function useSubmit(child: Child) {
  const navigate = useNavigate();
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const run = async (save: () => Promise<unknown>, heading: string, fields: Record<string, string>) => {
    if (working) return;
    setWorking(true);
    try {
      await save();
      const state: FlashState = { flash: { success: true, heading } };
      navigate(detailsPage(child.id), { state });
    } catch (error) {
      show(error, { fields });
      setWorking(false);
    }
  };
  return { working, errors, hasErrors, run };
}

function EditDetailsForm({
  child,
  reference,
  group,
}: {
  child: Child;
  reference: CaseReference;
  group: DetailGroup;
}) {
  const fields = group.fields.filter((field) => canSee(child, field.name));
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(fields.map((field) => [field.name, initialValue(child, field)])),
  );
  const { working, errors, hasErrors, run } = useSubmit(child);
  usePageTitle(group.title, hasErrors);
  const set = (name: string) => (value: string) => setValues((previous) => ({ ...previous, [name]: value }));

  if (!child.permissions.update)
    return (
      <NotAllowed child={child} title={group.title}>
        You cannot change {possessive(child.displayName)} details.
      </NotAllowed>
    );
  if (fields.length === 0)
    return (
      <NotAllowed child={child} title={group.title}>
        This detail carries a label you do not have, so you cannot see or change it.
      </NotAllowed>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => childrenApi.update(child.id, bodyOf(fields, values)),
      group.changed,
      Object.fromEntries(fields.map((field) => [field.name, field.label])),
    );
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading child={child} title={group.title} />
      <form noValidate onSubmit={submit}>
        {fields.map((field) => {
          const label = child.fieldLabels[field.name];
          const labelled =
            label && label !== 'standard' ? (
              <>
                {field.hint ? `${field.hint} ` : ''}Only people who may see {LABEL_NAMES[label] ?? label}{' '}
                information on this record can see this.
              </>
            ) : (
              field.hint
            );
          const labelText = (
            <>
              {field.label} <LabelTag label={label} />
            </>
          );
          const value = values[field.name] ?? '';
          const error = errors.byField[field.name];
          switch (field.kind) {
            case 'text':
              return (
                <TextInput
                  key={field.name}
                  name={field.name}
                  label={labelText}
                  labelClassName="govuk-label--s"
                  hint={labelled}
                  error={error}
                  value={value}
                  onChange={set(field.name)}
                  {...(field.width ? { widthClassName: field.width } : {})}
                />
              );
            case 'free':
              return (
                <FreeText
                  key={field.name}
                  name={field.name}
                  field={`child.${field.name}`}
                  label={labelText}
                  labelClassName="govuk-label--s"
                  hint={labelled}
                  error={error}
                  value={value}
                  onChange={set(field.name)}
                  childAge={child.age}
                />
              );
            case 'lines':
              return (
                <div
                  key={field.name}
                  className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}
                >
                  <label className="govuk-label govuk-label--s" htmlFor={field.name}>
                    {field.label}
                  </label>
                  <div className="govuk-hint" id={`${field.name}-hint`}>
                    {field.hint}
                  </div>
                  {error && (
                    <p id={`${field.name}-error`} className="govuk-error-message">
                      <span className="govuk-visually-hidden">Error:</span> {error}
                    </p>
                  )}
                  <textarea
                    className={`govuk-textarea govuk-!-width-one-half${error ? ' govuk-textarea--error' : ''}`}
                    id={field.name}
                    name={field.name}
                    rows={4}
                    value={value}
                    onChange={(event) => set(field.name)(event.target.value)}
                    aria-describedby={`${field.name}-hint${error ? ` ${field.name}-error` : ''}`}
                  />
                </div>
              );
            case 'radios':
              return (
                <Choices
                  key={field.name}
                  type="radio"
                  name={field.name}
                  legend={labelText}
                  hint={labelled}
                  error={error}
                  options={(field.options?.(reference) ?? []).map((option) => ({ ...option }))}
                  values={value ? [value] : []}
                  onChange={(chosen) => set(field.name)(chosen[0] ?? '')}
                />
              );
            case 'yesno':
              return (
                <YesNo
                  key={field.name}
                  name={field.name}
                  legend={labelText}
                  hint={labelled}
                  error={error}
                  value={value === '' ? undefined : value === 'yes'}
                  onChange={(yes) => set(field.name)(yes ? 'yes' : 'no')}
                />
              );
            default:
              return null;
          }
        })}
        <FormButtons working={working} text="Save" cancelTo={detailsPage(child.id)} />
      </form>
    </>
  );
}

type DobKind = 'known' | 'estimated' | 'not_known';

function DateOfBirthForm({ child }: { child: Child }) {
  const title = 'Change the date of birth';
  const [kind, setKind] = useState<DobKind | ''>(
    child.dateOfBirth === null ? 'not_known' : child.dateOfBirthEstimated ? 'estimated' : 'known',
  );
  const [date, setDate] = useState<DateParts>(
    child.dateOfBirth && !child.dateOfBirthEstimated ? datePartsOf(child.dateOfBirth) : EMPTY_DATE,
  );
  const [age, setAge] = useState(child.dateOfBirthEstimated && child.age !== null ? String(child.age) : '');
  const [missing, setMissing] = useState<FormErrors | null>(null);
  const { working, errors: serverErrors, run } = useSubmit(child);
  const errors = missing ?? serverErrors;
  usePageTitle(title, errors.summary.length > 0);

  if (!child.permissions.update)
    return (
      <NotAllowed child={child} title={title}>
        You cannot change {possessive(child.displayName)} details.
      </NotAllowed>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let body: DetailsInput;
    if (kind === 'estimated') {
      if (!/^\d{1,2}$/.test(age.trim())) {
        setMissing(
          oneError('estimatedAge', 'Enter the estimated age in whole years, like 14', errors.version),
        );
        return;
      }
      body = { estimatedAge: Number(age.trim()) };
    } else if (kind === 'known') {
      body = { dateOfBirth: isoDate(date) ?? '', dateOfBirthEstimated: false };
    } else {
      body = { dateOfBirth: null, dateOfBirthEstimated: false };
    }
    setMissing(null);
    void run(() => childrenApi.update(child.id, body), 'Date of birth changed', {
      dobKind: 'Date of birth',
      dateOfBirth: 'Date of birth',
      estimatedAge: 'Estimated age',
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading child={child} title={title} />
      <p className="govuk-body">Recorded now: {dateOfBirthText(child)}.</p>
      <form noValidate onSubmit={submit}>
        <Choices
          type="radio"
          name="dobKind"
          legend="Do you know the child’s date of birth?"
          error={errors.byField.dobKind}
          values={kind ? [kind] : []}
          onChange={(chosen) => setKind((chosen[0] ?? '') as DobKind | '')}
          options={[
            {
              value: 'known',
              label: 'Yes, I know the date of birth',
              conditional: (
                <DateInput
                  name="dateOfBirth"
                  legend="Date of birth"
                  hint="For example, 27 3 2011"
                  error={errors.byField.dateOfBirth}
                  value={date}
                  onChange={setDate}
                />
              ),
            },
            {
              value: 'estimated',
              label: 'No, but I can estimate the child’s age',
              hint: 'Lantern records an estimated date of birth, shown as estimated.',
              conditional: (
                <TextInput
                  name="estimatedAge"
                  label="Estimated age in years"
                  error={errors.byField.estimatedAge}
                  value={age}
                  onChange={setAge}
                  inputMode="numeric"
                  widthClassName="govuk-input--width-2"
                />
              ),
            },
            { value: 'not_known', label: 'No, the date of birth and age are not known' },
          ]}
        />
        <FormButtons working={working} text="Save" cancelTo={detailsPage(child.id)} />
      </form>
    </>
  );
}

/** `/children/:id/details/:group`: change one group of the child's details. */
export function EditDetails() {
  const { group: key = '' } = useParams();
  const group = DETAIL_GROUPS[key];
  const title = key === 'date-of-birth' ? 'Change the date of birth' : (group?.title ?? 'Page not found');
  usePageTitle(title);
  return (
    <ChildFormPage title={title} back={backToDetails}>
      {(child, reference) =>
        key === 'date-of-birth' ? (
          <DateOfBirthForm child={child} />
        ) : group ? (
          <EditDetailsForm child={child} reference={reference} group={group} />
        ) : (
          <NotAllowed child={child} title="Page not found">
            There is no such detail to change.
          </NotAllowed>
        )
      }
    </ChildFormPage>
  );
}

function AddAddressForm({ child }: { child: Child }) {
  const title = 'Add an address';
  const [line1, setLine1] = useState('');
  const [town, setTown] = useState('');
  const [postcode, setPostcode] = useState('');
  const [from, setFrom] = useState<DateParts>(EMPTY_DATE);
  const [to, setTo] = useState<DateParts>(EMPTY_DATE);
  const { working, errors, hasErrors, run } = useSubmit(child);
  usePageTitle(title, hasErrors);
  if (!child.permissions.update)
    return (
      <NotAllowed child={child} title={title}>
        You cannot change {possessive(child.displayName)} details.
      </NotAllowed>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const toDate = isoDate(to);
    void run(
      () =>
        childrenApi.addAddress(child.id, {
          line1,
          town: town.trim() || null,
          postcode: postcode.trim() || null,
          fromDate: isoDate(from) ?? null,
          toDate: toDate ?? null,
        }),
      toDate ? 'Previous address added' : 'Address added: it is now the current address',
      {
        line1: 'Address line 1',
        town: 'Town or city',
        postcode: 'Postcode',
        fromDate: 'Date the child started living here',
        toDate: 'Date the child stopped living here',
      },
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading child={child} title={title} />
      <p className="govuk-body">
        A new current address ends the previous one; earlier addresses stay in the history.
      </p>
      <form noValidate onSubmit={submit}>
        <TextInput
          name="line1"
          label="Address line 1"
          hint="Or a description, like “Willow House children’s home” or “No fixed address”."
          error={errors.byField.line1}
          value={line1}
          onChange={setLine1}
          autoComplete="off"
        />
        <TextInput
          name="town"
          label="Town or city (optional)"
          error={errors.byField.town}
          value={town}
          onChange={setTown}
          widthClassName="govuk-!-width-two-thirds"
        />
        <TextInput
          name="postcode"
          label="Postcode (optional)"
          error={errors.byField.postcode}
          value={postcode}
          onChange={setPostcode}
          widthClassName="govuk-input--width-10"
        />
        <DateInput
          name="fromDate"
          legend="When did the child start living here? (optional)"
          hint="For example, 3 9 2025"
          error={errors.byField.fromDate}
          value={from}
          onChange={setFrom}
        />
        <DateInput
          name="toDate"
          legend="When did the child stop living here? (optional)"
          hint="Leave this blank if the child lives here now."
          error={errors.byField.toDate}
          value={to}
          onChange={setTo}
        />
        <FormButtons working={working} text="Add the address" cancelTo={detailsPage(child.id)} />
      </form>
    </>
  );
}

export function AddAddress() {
  usePageTitle('Add an address');
  return (
    <ChildFormPage title="Add an address" back={backToDetails}>
      {(child) => <AddAddressForm child={child} />}
    </ChildFormPage>
  );
}

function AddRoleForm({ child, reference }: { child: Child; reference: CaseReference }) {
  const title = 'Add a role';
  const held = new Set(child.roles.map((role) => role.role));
  const options = reference.personRoles.filter(
    (option) => option.value !== 'child' && !held.has(option.value),
  );
  const [role, setRole] = useState('');
  const [note, setNote] = useState('');
  const { working, errors, hasErrors, run } = useSubmit(child);
  usePageTitle(title, hasErrors);
  if (!child.permissions.update)
    return (
      <NotAllowed child={child} title={title}>
        You cannot change {possessive(child.displayName)} record.
      </NotAllowed>
    );
  if (options.length === 0)
    return (
      <NotAllowed child={child} title={title}>
        {child.displayName} already holds every role a record can hold.
      </NotAllowed>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => childrenApi.addRole(child.id, { role: role || undefined, note: note.trim() || null }),
      'Role added',
      { role: 'Role', note: 'Note' },
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading child={child} title={title} />
      <div className="govuk-inset-text">
        {child.displayName} is a child first. The safeguarding role always stays first on the record: a child
        who has harmed another child, often because they were exploited themselves, is still a child to be
        protected.
      </div>
      <form noValidate onSubmit={submit}>
        <Choices
          type="radio"
          name="role"
          legend="Which other role does this person hold?"
          error={errors.byField.role}
          options={options.map((option) => ({ value: option.value, label: option.label }))}
          values={role ? [role] : []}
          onChange={(chosen) => setRole(chosen[0] ?? '')}
        />
        <FreeText
          name="note"
          field="child.role.note"
          label="Note (optional)"
          labelClassName="govuk-label--s"
          hint="Who this is for and why, with its source. Describe what was done to the child as well as what they did."
          error={errors.byField.note}
          value={note}
          onChange={setNote}
          childAge={child.age}
        />
        <FormButtons working={working} text="Add the role" cancelTo={detailsPage(child.id)} />
      </form>
    </>
  );
}

export function AddRole() {
  usePageTitle('Add a role');
  return (
    <ChildFormPage title="Add a role" back={backToDetails}>
      {(child, reference) => <AddRoleForm child={child} reference={reference} />}
    </ChildFormPage>
  );
}

function StartStatusForm({ child, reference }: { child: Child; reference: CaseReference }) {
  const title = 'Add a statutory status';
  const current = new Set(child.statutoryStatus.current.map((status) => status.status));
  const [status, setStatus] = useState('');
  const [startedOn, setStartedOn] = useState<DateParts>(EMPTY_DATE);
  const [reason, setReason] = useState('');
  const { working, errors, hasErrors, run } = useSubmit(child);
  usePageTitle(title, hasErrors);
  if (!child.permissions.update)
    return (
      <NotAllowed child={child} title={title}>
        You cannot change {possessive(child.displayName)} record.
      </NotAllowed>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        childrenApi.startStatus(child.id, {
          status: status || undefined,
          startedOn: isoDate(startedOn),
          reason,
        }),
      'Statutory status added',
      { status: 'Statutory status', startedOn: 'Start date', reason: 'Reason' },
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading child={child} title={title} />
      <form noValidate onSubmit={submit}>
        <Choices
          type="radio"
          name="status"
          legend="Which statutory status?"
          hint="A status that is already current must be ended before it can start again."
          error={errors.byField.status}
          options={reference.statutoryStatuses.map((option) => ({
            value: option.value,
            label: option.label,
            ...(current.has(option.value) ? { hint: 'Current now' } : {}),
          }))}
          values={status ? [status] : []}
          onChange={(chosen) => setStatus(chosen[0] ?? '')}
        />
        <DateInput
          name="startedOn"
          legend="When did it start?"
          hint="For example, 14 10 2025"
          error={errors.byField.startedOn}
          value={startedOn}
          onChange={setStartedOn}
        />
        <FreeText
          name="reason"
          field="child.statutoryStatus.reason"
          label="Reason"
          labelClassName="govuk-label--s"
          hint="For example, the decision of the child protection conference, and who made it."
          error={errors.byField.reason}
          value={reason}
          onChange={setReason}
          childAge={child.age}
        />
        <FormButtons working={working} text="Add the status" cancelTo={detailsPage(child.id)} />
      </form>
    </>
  );
}

export function StartStatus() {
  usePageTitle('Add a statutory status');
  return (
    <ChildFormPage title="Add a statutory status" back={backToDetails}>
      {(child, reference) => <StartStatusForm child={child} reference={reference} />}
    </ChildFormPage>
  );
}

function EndStatusForm({ child, statusId }: { child: Child; statusId: string }) {
  const status = child.statutoryStatus.current.find((s) => s.id === statusId);
  const title = status ? `End ${status.name}` : 'End a statutory status';
  const [endedOn, setEndedOn] = useState<DateParts>(EMPTY_DATE);
  const [reason, setReason] = useState('');
  const { working, errors, hasErrors, run } = useSubmit(child);
  usePageTitle(title, hasErrors);
  if (!child.permissions.update)
    return (
      <NotAllowed child={child} title={title}>
        You cannot change {possessive(child.displayName)} record.
      </NotAllowed>
    );
  if (!status)
    return (
      <NotAllowed child={child} title={title}>
        This status is not current: it may already have ended.
      </NotAllowed>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => childrenApi.endStatus(child.id, status.id, { endedOn: isoDate(endedOn), reason }),
      `${status.name} ended`,
      { endedOn: 'End date', reason: 'Reason' },
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading child={child} title={title} />
      <SummaryList
        rows={[
          { key: 'Status', value: status.name },
          { key: 'Started', value: formatDate(status.startedOn) },
        ]}
      />
      <form noValidate onSubmit={submit}>
        <DateInput
          name="endedOn"
          legend="When did it end?"
          hint="For example, 2 11 2025"
          error={errors.byField.endedOn}
          value={endedOn}
          onChange={setEndedOn}
        />
        <FreeText
          name="reason"
          field="child.statutoryStatus.endReason"
          label="Reason"
          labelClassName="govuk-label--s"
          hint="Why it ended, and what support continues."
          error={errors.byField.reason}
          value={reason}
          onChange={setReason}
          childAge={child.age}
        />
        <FormButtons working={working} text="End the status" cancelTo={detailsPage(child.id)} />
      </form>
    </>
  );
}

export function EndStatus() {
  const { statusId = '' } = useParams();
  usePageTitle('End a statutory status');
  return (
    <ChildFormPage title="End a statutory status" back={backToDetails}>
      {(child) => <EndStatusForm child={child} statusId={statusId} />}
    </ChildFormPage>
  );
}
