/**
 * Carrying an open action over to a later meeting. It counts as carried over, and keeps the date it was
 * first due, so drift stays visible even when a new date is agreed. Done or cancelled actions stay put.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading, SummaryList } from '../components/ui.tsx';
import { type MeetingSummary, type MeetingView, maceApi, ukDateTime } from './api.ts';
import { onForm, refusal } from './forms.ts';

const FIELDS = { toMeetingId: 'Meeting to carry it to', newDueDate: 'New due date' };

function Form({ view, actionId, later }: { view: MeetingView; actionId: string; later: MeetingSummary[] }) {
  const navigate = useNavigate();
  const { errors, show, hasErrors } = useFormErrors();
  const [to, setTo] = useState('');
  const [due, setDue] = useState('');
  usePageTitle('Carry an action over', hasErrors);
  const action = view.record?.actions.find((a) => a.id === actionId);
  if (!action) return <p className="govuk-body">This action is not on this meeting.</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) {
      show(refusal([{ path: 'toMeetingId', message: 'Choose the meeting to carry the action to' }]), {
        fields: FIELDS,
      });
      return;
    }
    try {
      await maceApi.carryOver(view.id, {
        actionId,
        toMeetingId: to,
        ...(due.trim() ? { newDueDate: due.trim() } : {}),
      });
      navigate(`/meetings/${to}`);
    } catch (error) {
      show(
        onForm(error, (p) => (p in FIELDS ? p : 'toMeetingId')),
        { fields: FIELDS, linkTo: 'toMeetingId' },
      );
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{view.title}</span>
      <h1 className="govuk-heading-l">Carry an action over</h1>
      <SummaryList
        rows={[
          { key: 'Action', value: action.title },
          { key: 'Owner', value: action.owner.name },
          { key: 'Due', value: action.dueDate },
          {
            key: 'Carried over before',
            value: action.carriedOver ? `${action.carriedOver} times` : 'Never',
          },
        ]}
      />
      {later.length === 0 ? (
        <p className="govuk-body">
          There is no later meeting to carry it to. Convene the next meeting first, then carry the action
          over.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <Select
            name="toMeetingId"
            label="Meeting to carry it to"
            labelClassName="govuk-label--s"
            placeholder="Choose a later meeting"
            error={errors.byField.toMeetingId}
            value={to}
            onChange={setTo}
            options={later.map((m) => ({ value: m.id, label: `${m.title}, ${ukDateTime(m.startsAt)}` }))}
          />
          <TextInput
            name="newDueDate"
            label="New due date (optional)"
            hint="For example, 2026-12-31. The date it was first due is kept, so the drift stays visible."
            widthClassName="govuk-input--width-10"
            error={errors.byField.newDueDate}
            value={due}
            onChange={setDue}
          />
          <button type="submit" className="govuk-button">
            Carry the action over
          </button>
        </form>
      )}
    </>
  );
}

export function CarryOver() {
  const { id = '', actionId = '' } = useParams();
  const data = useApiData(() => Promise.all([maceApi.meeting(id), maceApi.meetings()]), [id]);
  return (
    <>
      <BackLink to={`/meetings/${id}`}>Back to the meeting</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (() => {
          const [view, list] = data.data;
          if (!view.record)
            return <p className="govuk-body">Only the chair or coordinator carries actions over.</p>;
          const later = list.meetings
            .filter((m) => m.id !== view.id && m.status !== 'cancelled' && m.startsAt > view.startsAt)
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          return <Form view={view} actionId={actionId} later={later} />;
        })()}
    </>
  );
}
