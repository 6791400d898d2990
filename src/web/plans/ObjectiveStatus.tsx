import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { planApi } from '../assessment/api.ts';
import { nearestFields } from '../assessment/form-state.ts';
import { Choices, DateInput, EMPTY_DATE, isoDate } from '../children/fields.tsx';
import { useFocusHeadingWhenReady } from '../children/record.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';

const FIELDS = { status: 'Status', doneOn: 'When it was done', reason: 'Why it is no longer needed' };

/** Updating one objective's status: done with the date, or no longer needed with the reason. */
export function ObjectiveStatusPage() {
  const { id = '', objectiveId = '' } = useParams();
  const navigate = useNavigate();
  const loaded = useApiData(() => planApi.list(id), [id]);
  const [status, setStatus] = useState('');
  const [doneOn, setDoneOn] = useState(EMPTY_DATE);
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Update an objective’s status', hasErrors);
  useFocusHeadingWhenReady(loaded.state === 'loaded');
  const plan = loaded.data?.plans[0];
  const objective = plan?.sections.flatMap((s) => s.objectives).find((o) => o.id === objectiveId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!plan || working) return;
    setWorking(true);
    try {
      await planApi.setStatus(id, plan.id, objectiveId, {
        ...(status ? { status } : {}),
        ...(status === 'done' ? { doneOn: isoDate(doneOn) } : {}),
        ...(status === 'no_longer_needed' ? { reason } : {}),
      });
      const flash: FlashState = {
        flash: { success: true, heading: 'The objective’s status has been updated' },
      };
      navigate(`/children/${id}/plan`, { state: flash });
    } catch (error) {
      show(nearestFields(error, Object.keys(FIELDS)), { fields: FIELDS });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${id}/plan`}>Back to the plan</BackLink>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Update an objective’s status</h1>
        {loaded.state === 'loading' && <Loading />}
        {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
        {loaded.data && !objective && <p className="govuk-body">The objective was not found.</p>}
        {objective && (
          <form noValidate onSubmit={(event) => void submit(event)}>
            <p className="govuk-body lantern-pre-wrap">{String(objective.aim)}</p>
            <Choices
              type="radio"
              name="status"
              legend="Where does it stand?"
              legendClassName="govuk-fieldset__legend--m"
              options={[
                { value: 'not_started', label: 'Not started' },
                { value: 'in_progress', label: 'In progress' },
                {
                  value: 'done',
                  label: 'Done',
                  conditional: (
                    <DateInput
                      name="doneOn"
                      legend="When was it done?"
                      value={doneOn}
                      onChange={setDoneOn}
                      error={errors.byField.doneOn}
                    />
                  ),
                },
                {
                  value: 'no_longer_needed',
                  label: 'No longer needed',
                  conditional: (
                    <TextAreaWithAssistant
                      name="reason"
                      label="Why it is no longer needed"
                      value={reason}
                      onChange={setReason}
                      rows={3}
                      error={errors.byField.reason}
                    />
                  ),
                },
              ]}
              values={status ? [status] : []}
              onChange={(v) => setStatus(v[0] ?? '')}
              error={errors.byField.status}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={working}>
                Update the status
              </button>
              <Link className="govuk-link" to={`/children/${id}/plan`}>
                Cancel
              </Link>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
