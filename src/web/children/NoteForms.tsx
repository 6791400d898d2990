import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import type { FlashState } from '../components/ui.tsx';
import { type Child, childrenApi, type Note } from './api.ts';
import {
  Choices,
  type DateParts,
  DateTimeInput,
  datePartsOf,
  EMPTY_DATE,
  FreeText,
  isoDateTime,
} from './fields.tsx';
import { NoteFrame } from './Notes.tsx';
import { ChildFormPage } from './record.tsx';
import type { CaseReference } from './reference.ts';
import { LABEL_OPTIONS } from './words.ts';

const NOTE_FIELDS = {
  type: 'Kind of note',
  occurredAt: 'When it happened',
  body: 'The note',
  significant: 'Significant event',
  sensitivity: 'Label',
};

/** Writing a new note, or changing a draft: the same questions. */
function NoteForm({ child, reference, note }: { child: Child; reference: CaseReference; note?: Note }) {
  const navigate = useNavigate();
  const [type, setType] = useState(note?.type ?? '');
  const [date, setDate] = useState<DateParts>(note ? datePartsOf(note.occurredAt) : EMPTY_DATE);
  const [time, setTime] = useState('');
  const [body, setBody] = useState(note?.body ?? '');
  const [significant, setSignificant] = useState(note?.significant ?? false);
  const [sensitivity, setSensitivity] = useState(note?.sensitivity ?? 'standard');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const title = note ? 'Change your draft note' : 'Add a case note';
  usePageTitle(title, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    const occurredAt = isoDateTime(date, time);
    try {
      const fields = { type: type || undefined, body, sensitivity, significant };
      const saved = note
        ? await childrenApi.editNote(child.id, note.id, {
            ...fields,
            // Unchanged unless the person changed the date or gave a time.
            ...(occurredAt && (time || occurredAt.slice(0, 10) !== note.occurredAt.slice(0, 10))
              ? { occurredAt }
              : {}),
          })
        : await childrenApi.createNote(child.id, { ...fields, occurredAt });
      const state: FlashState = {
        flash: {
          success: true,
          heading: note ? 'Your draft has been saved' : 'Your note has been saved as a draft',
          body: 'Only you can see it until you finalise it.',
        },
      };
      navigate(`/children/${child.id}/notes/${saved.note.id}`, { state });
    } catch (error) {
      show(error, { fields: NOTE_FIELDS });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Choices
          type="radio"
          name="type"
          legend="What kind of note is it?"
          small
          options={reference.noteTypes.map((option) => ({ value: option.value, label: option.label }))}
          values={type ? [type] : []}
          onChange={(values) => setType(values[0] ?? '')}
          error={errors.byField.type}
        />
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
        <FreeText
          name="body"
          label="The note"
          hint="What happened, what the child said in their own words, and what you did. Say who did what to the child."
          rows={10}
          value={body}
          onChange={setBody}
          error={errors.byField.body}
          childAge={child.age}
          field="note.body"
        />
        <Choices
          type="checkbox"
          name="significant"
          legend="Chronology"
          small
          options={[
            {
              value: 'yes',
              label: 'This is a significant event',
              hint: 'When you finalise the note, it goes on the child’s chronology.',
            },
          ]}
          values={significant ? ['yes'] : []}
          onChange={(values) => setSignificant(values.includes('yes'))}
          error={errors.byField.significant}
        />
        <Select
          name="sensitivity"
          label="Label"
          labelClassName="govuk-label--s"
          hint="Labelled notes are shown only to people entitled to see them. You can use a label only if you can see information with that label yourself."
          options={LABEL_OPTIONS}
          value={sensitivity}
          onChange={setSensitivity}
          error={errors.byField.sensitivity}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Save as draft
          </button>
          <Link
            className="govuk-link"
            to={note ? `/children/${child.id}/notes/${note.id}` : `/children/${child.id}/notes`}
          >
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function NewNote() {
  usePageTitle('Add a case note');
  return (
    <ChildFormPage
      title="Add a case note"
      back={(id) => ({ to: `/children/${id}/notes`, text: 'Back to case notes' })}
    >
      {(child, reference) => <NoteForm child={child} reference={reference} />}
    </ChildFormPage>
  );
}

export function EditNote() {
  usePageTitle('Change your draft note');
  return (
    <NoteFrame title="Change your draft note" back="note">
      {(child, note, reference) => <NoteForm child={child} reference={reference} note={note} />}
    </NoteFrame>
  );
}

function FinaliseForm({ child, note, reference }: { child: Child; note: Note; reference: CaseReference }) {
  const navigate = useNavigate();
  const [verification, setVerification] = useState('unverified');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Finalise the note', hasErrors);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await childrenApi.finaliseNote(child.id, note.id, note.significant ? { verification } : {});
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'The note has been finalised',
          body: note.significant ? 'It is now on the chronology.' : undefined,
        },
      };
      navigate(`/children/${child.id}/notes/${note.id}`, { state });
    } catch (error) {
      show(error, { fields: { verification: 'Verification' } });
      setWorking(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Finalise the note</h1>
      <p className="govuk-body">
        Once it is finalised, other people entitled to see it can read it, and it cannot be changed. If
        something in it is wrong later, you can correct it with a reason, and the original stays.
      </p>
      <div className="govuk-inset-text lantern-pre-wrap">{note.body}</div>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {note.significant && (
          <Choices
            type="radio"
            name="verification"
            legend="It goes on the chronology: has what it records been verified?"
            hint="Only say verified if you have checked it."
            small
            options={reference.verificationStatuses.map((o) => ({ value: o.value, label: o.label }))}
            values={[verification]}
            onChange={(values) => setVerification(values[0] ?? 'unverified')}
            error={errors.byField.verification}
          />
        )}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Finalise the note
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/notes/${note.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function FinaliseNote() {
  usePageTitle('Finalise the note');
  return (
    <NoteFrame title="Finalise the note" back="note">
      {(child, note, reference) => <FinaliseForm child={child} note={note} reference={reference} />}
    </NoteFrame>
  );
}

function CorrectForm({ child, note }: { child: Child; note: Note }) {
  const navigate = useNavigate();
  const [body, setBody] = useState(note.body);
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Correct the note', hasErrors);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await childrenApi.correctNote(child.id, note.id, { body, reason });
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'The correction has been saved',
          body: 'The original is kept in the history.',
        },
      };
      navigate(`/children/${child.id}/notes/${note.id}`, { state });
    } catch (error) {
      show(error, { fields: { body: 'The corrected note', reason: 'Reason for the correction' } });
      setWorking(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Correct the note</h1>
      <p className="govuk-body">
        The note stays as it was, with your correction added as a new version. Everyone who can see the note
        will see both, and your reason.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FreeText
          name="body"
          label="The corrected note"
          childAge={child.age}
          field="note.body"
          rows={10}
          value={body}
          onChange={setBody}
          error={errors.byField.body}
        />
        <FreeText
          name="reason"
          label="Reason for the correction"
          hint="For example, ‘The date of the contact was wrong’."
          rows={3}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Save the correction
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/notes/${note.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function CorrectNote() {
  usePageTitle('Correct the note');
  return (
    <NoteFrame title="Correct the note" back="note">
      {(child, note) => <CorrectForm child={child} note={note} />}
    </NoteFrame>
  );
}
