import './assessment.css';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { formatDate, formatDay } from '../children/format.ts';
import { possessive, useChildContext } from '../children/record.tsx';
import { labelOf } from '../children/words.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { ButtonLink, type FlashState, LoadFailure, Loading, Tag, WarningText } from '../components/ui.tsx';
import {
  type AssessmentListItem,
  type AssessmentReference,
  assessmentApi,
  type History,
  planApi,
} from './api.ts';
import { LevelChart } from './Chart.tsx';

const STATE_TAGS: Record<string, { text: string; colour: 'grey' | 'green' | 'yellow' | 'orange' | 'blue' }> =
  {
    draft: { text: 'Draft', colour: 'grey' },
    completed: { text: 'Completed', colour: 'green' },
    awaiting_sign_off: { text: 'Awaiting sign-off', colour: 'yellow' },
    signed_off: { text: 'Signed off', colour: 'green' },
    returned_for_more_work: { text: 'Returned for more work', colour: 'orange' },
  };

export function StateTag({ state }: { state: string }) {
  const tag = STATE_TAGS[state] ?? { text: state, colour: 'grey' as const };
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}

function ReanalysisPanel({ history }: { history: History }) {
  const r = history.reanalysis;
  if (!r.lastAnalysis) {
    return <p className="govuk-body">No Risk Analysis Framework has been completed for this child yet.</p>;
  }
  if (!r.due) {
    return (
      <p className="govuk-body">
        The risk analysis was last completed on {formatDay(r.lastAnalysis.completedAt)}. The next review is
        due by {r.dueAt ? formatDay(r.dueAt) : 'its review date'}, sooner if something significant changes.
      </p>
    );
  }
  return (
    <div className="lantern-reanalysis">
      <WarningText>
        A new risk analysis is {r.overdue ? 'overdue' : 'due'}: it should be complete by{' '}
        {r.dueAt ? formatDay(r.dueAt) : 'now'}.
      </WarningText>
      <ul className="govuk-list govuk-list--bullet">
        {r.reasons.map((reason) => (
          <li key={`${reason.trigger}-${reason.at}`}>
            {reason.label} on {formatDay(reason.at)}
            {reason.summary ? ` (${reason.summary.toLowerCase()})` : ''}: complete by{' '}
            {formatDay(reason.dueBy)}.
          </li>
        ))}
      </ul>
    </div>
  );
}

function HistoryTable({
  childId,
  items,
  reference,
}: {
  childId: string;
  items: AssessmentListItem[];
  reference: AssessmentReference;
}) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">History</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Assessment
          </th>
          <th scope="col" className="govuk-table__header">
            Level of concern (judgement)
          </th>
          <th scope="col" className="govuk-table__header">
            Harm
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((a) => {
          const to = a.permissions.edit
            ? `/children/${childId}/assessments/${a.id}/edit`
            : `/children/${childId}/assessments/${a.id}`;
          return (
            <tr key={a.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={to}>
                  {a.instrument.title}, {formatDay(a.completedAt ?? a.createdAt)}
                </Link>
                <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                  {a.completedBy
                    ? `${a.completedBy.name}, ${a.completedBy.agency}`
                    : `Started by ${a.createdBy.name}`}
                </span>
              </td>
              <td className="govuk-table__cell">{a.levelLabel ?? '—'}</td>
              <td className="govuk-table__cell">
                {a.harmStatus ? labelOf(reference.harmStatuses, a.harmStatus) : '—'}
              </td>
              <td className="govuk-table__cell">
                <StateTag state={a.state} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function CompareForm({ childId, items }: { childId: string; items: AssessmentListItem[] }) {
  const navigate = useNavigate();
  const completed = items.filter((a) => a.status === 'completed');
  const [a, setA] = useState(completed[1]?.id ?? '');
  const [b, setB] = useState(completed[0]?.id ?? '');
  const { errors, show } = useFormErrors();
  if (completed.length < 2) return null;
  const options = completed.map((x) => ({
    value: x.id,
    label: `${x.instrument.title}, ${formatDay(x.completedAt ?? '')}`,
  }));
  const fields = { 'compare-a': 'Earlier assessment', 'compare-b': 'Later assessment' };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (a === b) {
      const message = 'Choose two different assessments to compare';
      show(new ApiError(400, 'validation_failed', message, [{ path: 'compare-b', message }]), { fields });
      return;
    }
    navigate(`/children/${childId}/assessments/compare?a=${a}&b=${b}`);
  };
  return (
    <form noValidate onSubmit={submit} className="lantern-compare-form">
      <h3 className="govuk-heading-m">Compare two assessments</h3>
      <ErrorSummary errors={errors} />
      <Select name="compare-a" label="Earlier assessment" options={options} value={a} onChange={setA} />
      <Select
        name="compare-b"
        label="Later assessment"
        options={options}
        value={b}
        onChange={setB}
        error={errors.byField['compare-b']}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Compare side by side
      </button>
    </form>
  );
}

function PlanSummary({ childId }: { childId: string }) {
  const plans = useApiData(() => planApi.list(childId), [childId]);
  if (plans.state === 'loading') return <Loading />;
  if (plans.state === 'failed') return <LoadFailure error={plans.error} />;
  const plan = plans.data.plans[0];
  return (
    <>
      <h3 className="govuk-heading-m">Safety and support plan</h3>
      {plan ? (
        <p className="govuk-body">
          Version {plan.version}, to be reviewed by {formatDate(plan.reviewDate)}.{' '}
          {plan.agreed
            ? `Version ${plan.agreed.version} was agreed on ${formatDay(plan.agreed.at)}.`
            : 'Not agreed yet.'}{' '}
          <Link className="govuk-link" to={`/children/${childId}/plan`}>
            View the plan
          </Link>
        </p>
      ) : (
        <>
          <p className="govuk-body">There is no plan yet.</p>
          {plans.data.permissions.create && (
            <ButtonLink to={`/children/${childId}/plan/edit`}>Make a plan</ButtonLink>
          )}
        </>
      )}
    </>
  );
}

/** The child's assessments: whether a re-analysis is due, starting one, the history, the chart, the plan. */
export function AssessmentsSection() {
  const { child } = useChildContext();
  const navigate = useNavigate();
  const loaded = useApiData(async () => {
    const [history, chart, reference] = await Promise.all([
      assessmentApi.history(child.id),
      assessmentApi.chart(child.id),
      assessmentApi.reference(),
    ]);
    return { history, chart, reference };
  }, [child.id]);
  const [starting, setStarting] = useState(false);
  const start = async (instrumentId: string, instrumentVersion: string, copyFrom?: string) => {
    if (starting) return;
    setStarting(true);
    try {
      const res = await assessmentApi.start(child.id, {
        instrumentId,
        instrumentVersion,
        ...(copyFrom ? { copyFrom } : {}),
      });
      const task = res.immediateReferral?.task;
      const state: FlashState | undefined = task
        ? {
            flash: {
              heading: task.title,
              body: `${task.description} The task is with ${task.assignedTo.name}.`,
            },
          }
        : undefined;
      navigate(`/children/${child.id}/assessments/${res.id}/edit`, state ? { state } : undefined);
    } catch {
      setStarting(false);
    }
  };
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <LoadFailure error={loaded.error} />;
  const { history, chart, reference } = loaded.data;
  const lastRaf = history.assessments.find((a) => a.status === 'completed' && a.instrument.id === 'raf');
  return (
    <>
      <h2 className="govuk-heading-m">Assessments and plans</h2>
      <ReanalysisPanel history={history} />
      {history.permissions.start && (
        <div className="govuk-button-group">
          {history.startable.map((i) => (
            <button
              key={i.id}
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={starting}
              onClick={() => void start(i.id, i.version)}
            >
              Start a {i.title}
            </button>
          ))}
          {lastRaf && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={starting}
              onClick={() => {
                const latest = history.startable.find((s) => s.id === 'raf');
                if (latest) void start(latest.id, latest.version, lastRaf.id);
              }}
            >
              Start a new analysis from the last one
            </button>
          )}
        </div>
      )}
      {history.assessments.length === 0 ? (
        <p className="govuk-body">There are no assessments yet.</p>
      ) : (
        <HistoryTable childId={child.id} items={history.assessments} reference={reference} />
      )}
      <h3 className="govuk-heading-m">Level of concern over time</h3>
      <LevelChart chart={chart} reference={reference} />
      <CompareForm childId={child.id} items={history.assessments} />
      <PlanSummary childId={child.id} />
      <p className="govuk-body-s">
        {possessive(child.displayName)} assessments are kept as they were completed. Each level of concern is
        a practitioner’s judgement with a written rationale.
      </p>
    </>
  );
}
