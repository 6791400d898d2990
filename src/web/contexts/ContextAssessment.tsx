/** A context's own assessment, whether it goes to MACE, and the actions of its plan. */
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { DateInput, type DateParts, EMPTY_DATE, FreeText, isoDate } from '../children/fields.tsx';
import { formatDate } from '../children/format.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { Table, Tag } from '../components/ui.tsx';
import { type ContextView, contextsApi } from './api.ts';

function AssessmentForm({ context, onDone }: { context: ContextView; onDone(): void }) {
  const [text, setText] = useState(context.assessment.text ?? '');
  const [mace, setMace] = useState(context.assessment.maceReason ?? '');
  const { errors, show } = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await contextsApi.saveAssessment(context.id, {
        text: text.trim() || null,
        maceReason: mace.trim() || null,
      });
      onDone();
    } catch (error) {
      show(error, { fields: { text: 'Assessment', maceReason: 'Why it should go to MACE' } });
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <FreeText
        name="text"
        label="Assessment"
        hint="What is happening here, who it affects, and what needs to change."
        field="context.assessment"
        rows={5}
        value={text}
        onChange={setText}
        error={errors.byField.text}
      />
      <FreeText
        name="maceReason"
        label="Why it should go to MACE (leave empty if it should not)"
        field="context.maceReason"
        rows={2}
        value={mace}
        onChange={setMace}
        error={errors.byField.maceReason}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Save the assessment
      </button>
    </form>
  );
}

function ActionForm({ context, onDone }: { context: ContextView; onDone(): void }) {
  const agencies = useApiData(() => api.agencies(), []);
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [due, setDue] = useState<DateParts>(EMPTY_DATE);
  const { errors, show } = useFormErrors();
  const fields = { action: 'Action', ownerName: 'Who will do it', agencyId: 'Agency', dueDate: 'Due date' };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await contextsApi.addAction(context.id, {
        action,
        ownerName: owner,
        agencyId: agencyId || undefined,
        dueDate: isoDate(due),
      });
      setAction('');
      setOwner('');
      setDue(EMPTY_DATE);
      onDone();
    } catch (error) {
      show(error, { fields });
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <h3 className="govuk-heading-s">Add an action</h3>
      <FreeText
        name="action"
        label={fields.action}
        field="context.action"
        rows={2}
        value={action}
        onChange={setAction}
        error={errors.byField.action}
      />
      <TextInput
        name="ownerName"
        label={fields.ownerName}
        value={owner}
        onChange={setOwner}
        error={errors.byField.ownerName}
      />
      <Select
        name="agencyId"
        label={fields.agencyId}
        placeholder="Choose…"
        options={(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
        value={agencyId}
        onChange={setAgencyId}
        error={errors.byField.agencyId}
      />
      <DateInput
        name="dueDate"
        legend={fields.dueDate}
        value={due}
        onChange={setDue}
        error={errors.byField.dueDate}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Add the action
      </button>
    </form>
  );
}

export function ContextAssessment({ context, onChange }: { context: ContextView; onChange(): void }) {
  const [editing, setEditing] = useState(false);
  const may = context.permissions.manageAssessment;
  const a = context.assessment;
  const setStatus = async (actionId: string, status: string) => {
    await contextsApi.setActionStatus(context.id, actionId, status);
    onChange();
  };
  return (
    <section aria-labelledby="assessment-heading">
      <h2 className="govuk-heading-m" id="assessment-heading">
        Assessment and plan
      </h2>
      {a.maceNominatedAt && (
        <p className="govuk-body">
          <Tag colour="blue">For MACE</Tag> {a.maceReason}
        </p>
      )}
      {editing ? (
        <AssessmentForm
          context={context}
          onDone={() => {
            setEditing(false);
            onChange();
          }}
        />
      ) : (
        <>
          <p className="govuk-body lantern-contexts__prose">{a.text ?? 'No assessment written yet.'}</p>
          {a.updatedAt && (
            <p className="govuk-body-s">
              Last changed by {a.updatedBy} on {formatDate(a.updatedAt.slice(0, 10))}
            </p>
          )}
          {may && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => setEditing(true)}
            >
              {a.text ? 'Change the assessment' : 'Write an assessment'}
            </button>
          )}
        </>
      )}
      {context.actions.length > 0 && (
        <Table
          caption="Actions"
          captionClassName="govuk-table__caption--s"
          columns={[{ heading: 'Action' }, { heading: 'Who' }, { heading: 'Due' }, { heading: 'Status' }]}
          rows={context.actions.map((x) => ({
            key: x.id,
            cells: [
              x.action,
              `${x.ownerName}, ${x.agency.name}`,
              formatDate(x.dueDate),
              <span key="status">
                {x.status === 'open' ? (
                  <Tag colour={x.overdue ? 'red' : 'blue'}>{x.overdue ? 'Overdue' : 'Open'}</Tag>
                ) : (
                  <Tag colour="grey">{x.status === 'done' ? 'Done' : 'No longer needed'}</Tag>
                )}{' '}
                {may && x.status === 'open' && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => void setStatus(x.id, 'done')}
                  >
                    Mark done<span className="govuk-visually-hidden">: {x.action}</span>
                  </button>
                )}
              </span>,
            ],
          }))}
        />
      )}
      {may && <ActionForm context={context} onDone={onChange} />}
    </section>
  );
}
