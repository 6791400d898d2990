import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { type FlashState, Loading } from '../components/ui.tsx';
import { childrenApi } from './api.ts';
import { Choices, type DateParts, DateTimeInput, EMPTY_DATE, FreeText, isoDateTime } from './fields.tsx';
import { formatWhen } from './format.ts';
import { ChildFormPage, LabelTag, VerificationTag } from './record.tsx';
import { LABEL_OPTIONS } from './words.ts';

const ENTRY_FIELDS = {
  occurredAt: 'When it happened',
  title: 'What happened, in a few words',
  summary: 'What happened',
  source: 'Where this comes from',
  verification: 'Verification',
  sensitivity: 'Label',
};

export function AddChronologyEntry() {
  const navigate = useNavigate();
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [time, setTime] = useState('');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [source, setSource] = useState('');
  const [verification, setVerification] = useState('unverified');
  const [sensitivity, setSensitivity] = useState('standard');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Add a significant event', hasErrors);

  return (
    <ChildFormPage
      title="Add a significant event"
      back={(id) => ({ to: `/children/${id}/chronology`, text: 'Back to the chronology' })}
    >
      {(child, reference) => {
        const submit = async (event: FormEvent) => {
          event.preventDefault();
          if (working) return;
          setWorking(true);
          try {
            await childrenApi.addEntry(child.id, {
              occurredAt: isoDateTime(date, time),
              title,
              summary,
              source,
              verification,
              sensitivity,
            });
            const state: FlashState = {
              flash: { success: true, heading: 'The event has been added to the chronology' },
            };
            navigate(`/children/${child.id}/chronology`, { state });
          } catch (error) {
            show(error, { fields: ENTRY_FIELDS });
            setWorking(false);
          }
        };
        return (
          <>
            <ErrorSummary errors={errors} />
            <span className="govuk-caption-l">{child.displayName}</span>
            <h1 className="govuk-heading-l">Add a significant event</h1>
            <form noValidate onSubmit={(event) => void submit(event)}>
              <DateTimeInput
                name="occurredAt"
                legend="When did it happen?"
                hint="For example, 27 3 2025."
                date={date}
                time={time}
                onDateChange={setDate}
                onTimeChange={setTime}
                error={errors.byField.occurredAt}
              />
              <TextInput
                name="title"
                label="What happened, in a few words"
                labelClassName="govuk-label--s"
                hint="For example, ‘Reported missing from home overnight’."
                value={title}
                onChange={setTitle}
                error={errors.byField.title}
              />
              <FreeText
                name="summary"
                label="What happened"
                hint="Say what happened and what was done to the child, by whom. Keep to what is known."
                value={summary}
                onChange={setSummary}
                childAge={child.age}
                field="chronology.summary"
                error={errors.byField.summary}
              />
              <TextInput
                name="source"
                label="Where does this come from?"
                labelClassName="govuk-label--s"
                hint="Who said it, and how you know. For example, ‘PC Hale, Fernbridge Police, by phone’."
                value={source}
                onChange={setSource}
                error={errors.byField.source}
              />
              <Choices
                type="radio"
                name="verification"
                legend="Has it been verified?"
                hint="Only say verified if you have checked it. Unverified information is marked wherever it is shown."
                options={(reference.verificationStatuses ?? []).map((option) => ({
                  value: option.value,
                  label: option.label,
                }))}
                values={[verification]}
                onChange={(values) => setVerification(values[0] ?? 'unverified')}
                error={errors.byField.verification}
                small
              />
              <Select
                name="sensitivity"
                label="Label"
                labelClassName="govuk-label--s"
                hint="Labelled information is shown only to people entitled to see it. You can use a label only if you can see information with that label yourself."
                options={LABEL_OPTIONS}
                value={sensitivity}
                onChange={setSensitivity}
                error={errors.byField.sensitivity}
              />
              <div className="govuk-button-group">
                <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
                  Add to the chronology
                </button>
                <Link className="govuk-link" to={`/children/${child.id}/chronology`}>
                  Cancel
                </Link>
              </div>
            </form>
          </>
        );
      }}
    </ChildFormPage>
  );
}

export function ChangeVerification() {
  const { id = '', entryId = '' } = useParams();
  const navigate = useNavigate();
  const chronology = useApiData(() => childrenApi.chronology(id, {}), [id]);
  const entry = chronology.data?.entries.find((e) => e.id === entryId);
  const [verification, setVerification] = useState('');
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Change verification', hasErrors);

  return (
    <ChildFormPage
      title="Change verification"
      back={(childId) => ({ to: `/children/${childId}/chronology`, text: 'Back to the chronology' })}
    >
      {(child, reference) => {
        if (!entry) {
          return (
            <>
              <h1 className="govuk-heading-l">Change verification</h1>
              {chronology.state === 'loading' ? (
                <Loading />
              ) : (
                <p className="govuk-body">We could not find that entry in the chronology you can see.</p>
              )}
            </>
          );
        }
        const chosen = verification || entry.verification;
        const submit = async (event: FormEvent) => {
          event.preventDefault();
          if (working) return;
          setWorking(true);
          try {
            await childrenApi.setVerification(child.id, entry.id, { verification: chosen, reason });
            const state: FlashState = { flash: { success: true, heading: 'Verification changed' } };
            navigate(`/children/${child.id}/chronology`, { state });
          } catch (error) {
            show(error, { fields: { verification: 'Verification', reason: 'Reason' } });
            setWorking(false);
          }
        };
        return (
          <>
            <ErrorSummary errors={errors} />
            <span className="govuk-caption-l">{child.displayName}</span>
            <h1 className="govuk-heading-l">Change verification</h1>
            <div className="govuk-inset-text">
              <strong>{entry.title}</strong>
              <span className="govuk-!-display-block">{formatWhen(entry.occurredAt)}</span>
              <span className="govuk-!-display-block">Source: {entry.source}</span>
              <span className="lantern-tags">
                <VerificationTag verification={entry.verification} name={entry.verificationName} />
                <LabelTag label={entry.sensitivity} />
              </span>
            </div>
            <form noValidate onSubmit={(event) => void submit(event)}>
              <Choices
                type="radio"
                name="verification"
                legend="Is this verified?"
                options={reference.verificationStatuses.map((o) => ({ value: o.value, label: o.label }))}
                values={[chosen]}
                onChange={(values) => setVerification(values[0] ?? '')}
                error={errors.byField.verification}
              />
              <FreeText
                name="reason"
                label="How do you know?"
                hint="For example, who confirmed it, or why it is disputed."
                value={reason}
                onChange={setReason}
                error={errors.byField.reason}
              />
              <div className="govuk-button-group">
                <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
                  Save
                </button>
                <Link className="govuk-link" to={`/children/${child.id}/chronology`}>
                  Cancel
                </Link>
              </div>
            </form>
          </>
        );
      }}
    </ChildFormPage>
  );
}
