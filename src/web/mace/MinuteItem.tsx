/**
 * Minuting one agenda item, live in the meeting: the shareable minute, a restricted minute with its
 * label, a decision and an action with its owner and due date. The server checks the whole record:
 * a shareable minute that quotes restricted text, or an action without an owner or due date, is refused
 * and the reason is shown against the field.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { type MeetingRecord, type MeetingView, maceApi } from './api.ts';

const FIELDS = {
  minutes: 'Shareable minute',
  restricted: 'Restricted minute',
  decisions: 'Decision',
  'action.title': 'Action',
  'action.owner': 'Owner',
  'action.dueDate': 'Due date',
  actions: 'Action',
};

const LABELS = [
  { value: 'police_intelligence', label: 'Police intelligence' },
  { value: 'health', label: 'Health' },
  { value: 'third_party', label: 'Third-party information' },
  { value: 'special_category', label: 'Special category' },
];

/** The server's paths in the whole record, as the fields of this form; its field names become the labels. */
function onThisForm(error: ApiError): ApiError {
  const field = (path: string) =>
    path
      .replace(
        /^actions\.\d+\.(title|owner|dueDate|agencyId).*$/,
        (_m, f: string) => `action.${f === 'agencyId' ? 'owner' : f}`,
      )
      .replace(/^(minutes|decisions)\..*$/, '$1');
  const fields = error.fields.map((f) => ({
    path: field(f.path),
    message: f.message.replace(/^[A-Za-z]+(\[\d+\])?(\.[A-Za-z]+)* (?=(is|must|was|are) )/, ''),
  }));
  return new ApiError(error.status, error.code, error.message, fields);
}

function MinuteForm({ view, itemId }: { view: MeetingView; itemId: string }) {
  const record = view.record as MeetingRecord;
  const item = record.agenda.find((a) => a.id === itemId);
  const minute = record.minutes.find((m) => m.itemId === itemId);
  const navigate = useNavigate();
  const { errors, show, hasErrors } = useFormErrors();
  const [shareable, setShareable] = useState(minute?.shareable ?? '');
  const [restricted, setRestricted] = useState('');
  const [label, setLabel] = useState('police_intelligence');
  const [decision, setDecision] = useState('');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  usePageTitle(`Minute: ${item?.heading ?? 'item'}`, hasErrors);
  if (!item) return <p className="govuk-body">This item is not on the agenda.</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const others = record.minutes.filter((m) => m.itemId !== itemId);
    const restrictedParts = [
      ...(minute?.restricted ?? []),
      ...(restricted.trim() ? [{ text: restricted, sensitivity: label }] : []),
    ];
    const invitee = record.invitations.find((i) => i.id === owner);
    const next: MeetingRecord = {
      ...record,
      minutes: [...others, { itemId, shareable, restricted: restrictedParts }],
      decisions: [...record.decisions, ...(decision.trim() ? [{ itemId, text: decision }] : [])],
      actions: [
        ...record.actions,
        ...(title.trim()
          ? [
              {
                itemId,
                title,
                ...(invitee ? { owner: invitee.person, agencyId: invitee.agencyId } : {}),
                ...(dueDate ? { dueDate } : {}),
              } as MeetingRecord['actions'][number],
            ]
          : []),
      ],
    };
    try {
      await maceApi.save(view.id, view.title, next);
      navigate(`/meetings/${view.id}`);
    } catch (error) {
      show(error instanceof ApiError ? onThisForm(error) : error, { fields: FIELDS });
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{view.title}</span>
      <h1 className="govuk-heading-l">Minute: {item.heading}</h1>
      <form onSubmit={submit} noValidate>
        <TextAreaWithAssistant
          name="minutes"
          field="meeting.minutes.shareable"
          label="Shareable minute"
          hint="What every agency at the meeting may read. Do not repeat restricted information here."
          error={errors.byField.minutes}
          value={shareable}
          onChange={setShareable}
        />
        <TextAreaWithAssistant
          name="restricted"
          field="meeting.minutes.restricted"
          label="Restricted minute (optional)"
          hint="Kept out of the copies of anyone who may not see it."
          error={errors.byField.restricted}
          value={restricted}
          onChange={setRestricted}
        />
        <Select
          name="restrictedLabel"
          label="Label of the restricted minute"
          value={label}
          onChange={setLabel}
          options={LABELS}
        />
        <TextAreaWithAssistant
          name="decisions"
          field="meeting.decisions"
          label="Decision (optional)"
          error={errors.byField.decisions}
          value={decision}
          onChange={setDecision}
        />
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            Add an action (optional)
          </legend>
          <TextInput
            name="action.title"
            label="What is to be done"
            error={errors.byField['action.title'] ?? errors.byField.actions}
            value={title}
            onChange={setTitle}
          />
          <Select
            name="action.owner"
            label="Owner"
            placeholder="Choose who will do it"
            error={errors.byField['action.owner']}
            value={owner}
            onChange={setOwner}
            options={record.invitations.map((i) => ({
              value: i.id,
              label: `${i.person.name}, ${i.agencyName ?? i.agencyType}`,
            }))}
          />
          <TextInput
            name="action.dueDate"
            label="Due date"
            hint="For example, 2026-03-31"
            widthClassName="govuk-input--width-10"
            error={errors.byField['action.dueDate']}
            value={dueDate}
            onChange={setDueDate}
          />
        </fieldset>
        <button type="submit" className="govuk-button">
          Save the minute
        </button>
      </form>
    </>
  );
}

export function MinuteItem() {
  const { id = '', itemId = '' } = useParams();
  const data = useApiData(() => maceApi.meeting(id), [id]);
  return (
    <>
      <BackLink to={`/meetings/${id}`}>Back to the meeting</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (data.data.record ? (
          <MinuteForm view={data.data} itemId={itemId} />
        ) : (
          <p className="govuk-body">Only the chair minutes the meeting.</p>
        ))}
    </>
  );
}
