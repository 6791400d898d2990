import '../assessment/assessment.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type Plan, planApi } from '../assessment/api.ts';
import { childrenApi } from '../children/api.ts';
import { formatDate, formatDay } from '../children/format.ts';
import { LabelTag, useFocusHeadingWhenReady } from '../children/record.tsx';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  ButtonLink,
  LoadFailure,
  Loading,
  NotificationBanner,
  SummaryList,
  Tag,
} from '../components/ui.tsx';
import { RecordChallenges } from '../language/Challenges.tsx';

const STATUS_COLOUR: Record<string, 'grey' | 'blue' | 'green' | 'yellow'> = {
  not_started: 'grey',
  in_progress: 'blue',
  done: 'green',
  no_longer_needed: 'yellow',
};

type Objective = Plan['sections'][number]['objectives'][number];
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const rec = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

function ObjectiveCard({
  childId,
  plan,
  objective,
  n,
}: {
  childId: string;
  plan: Plan;
  objective: Objective;
  n: number;
}) {
  const status = rec(objective.status);
  return (
    <div className="govuk-summary-card lantern-objective">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {n}. {str(objective.aim)}
        </h3>
        {plan.permissions.updateStatus && (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link
                className="govuk-link"
                to={`/children/${childId}/plan/objectives/${encodeURIComponent(str(objective.id))}/status`}
              >
                Update status<span className="govuk-visually-hidden"> of objective {n}</span>
              </Link>
            </li>
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body lantern-tags">
          <Tag colour={STATUS_COLOUR[str(status.status)] ?? 'grey'}>{str(objective.statusName)}</Tag>
          <LabelTag label={str(objective.label)} />
        </p>
        <SummaryList
          rows={[
            { key: 'Owner', value: `${str(rec(objective.owner).name)}, ${str(rec(objective.agency).name)}` },
            { key: 'Due', value: formatDate(str(objective.dueDate)) },
            ...(status.doneOn ? [{ key: 'Done on', value: formatDate(str(status.doneOn)) }] : []),
            ...(status.reason ? [{ key: 'Why no longer needed', value: str(status.reason) }] : []),
          ]}
        />
      </div>
    </div>
  );
}

function PlanDetail({ childId, childName, initial }: { childId: string; childName: string; initial: Plan }) {
  const [plan, setPlan] = useState(initial);
  const [agreed, setAgreed] = useState(false);
  const [problem, setProblem] = useState('');
  const agree = async () => {
    try {
      setPlan((await planApi.agree(childId, plan.id)).plan);
      setAgreed(true);
      setProblem('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The plan could not be agreed.');
    }
  };
  return (
    <>
      {agreed && (
        <NotificationBanner
          banner={{ success: true, heading: `Version ${plan.version} of the plan is agreed` }}
        />
      )}
      {problem && <NotificationBanner banner={{ heading: 'The plan was not agreed', body: problem }} />}
      <span className="govuk-caption-l">{childName}</span>
      <h1 className="govuk-heading-l">Safety and support plan</h1>
      <SummaryList
        rows={[
          {
            key: 'Version',
            value: `${plan.version}${plan.changedSinceAgreed ? ' (changed since it was agreed)' : ''}`,
          },
          {
            key: 'Agreed',
            value: plan.agreed
              ? `Version ${plan.agreed.version}, ${formatDay(plan.agreed.at)}, by ${plan.agreed.by.name}`
              : 'Not yet',
          },
          { key: 'Review by', value: formatDate(plan.reviewDate) },
          { key: 'Exploitation (from the record)', value: plan.harmStatusName },
          ...(plan.howWeWillKnow
            ? [{ key: 'How we will know risks are reducing', value: plan.howWeWillKnow }]
            : []),
        ]}
      />
      <div className="govuk-button-group">
        {plan.permissions.edit && (
          <ButtonLink to={`/children/${childId}/plan/edit`}>Change the plan</ButtonLink>
        )}
        {plan.permissions.agree && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void agree()}>
            Record that this version is agreed
          </button>
        )}
        <Link className="govuk-link" to={`/children/${childId}/plan/young-person`}>
          The young person’s plan
        </Link>
      </div>
      {plan.sections.map((section) => (
        <section key={section.key} aria-labelledby={`plan-view-${section.key}`}>
          <h2 className="govuk-heading-m" id={`plan-view-${section.key}`}>
            {section.title}
          </h2>
          {section.key === 'disruption_and_investigation' && plan.disruptionRequired && (
            <p className="govuk-body-s">
              Exploitation is suspected or known, so this section always has work aimed at the people, places
              or networks causing harm.
            </p>
          )}
          {section.objectives.length === 0 ? (
            <p className="govuk-body">Nothing in this section.</p>
          ) : (
            section.objectives.map((o, i) => (
              <ObjectiveCard key={str(o.id)} childId={childId} plan={plan} objective={o} n={i + 1} />
            ))
          )}
        </section>
      ))}
      <RecordChallenges record={{ type: 'plan', childId, recordId: plan.id }} refreshKey={plan.version} />
      <h2 className="govuk-heading-m">Versions</h2>
      <ul className="govuk-list">
        {plan.versions.map((v) => (
          <li key={v.version}>
            Version {v.version}: {v.change.replaceAll('_', ' ')} by {v.savedBy.name}, {formatDay(v.savedAt)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function PlanPage() {
  const { id = '' } = useParams();
  const loaded = useApiData(async () => {
    const [{ child }, plans] = await Promise.all([childrenApi.get(id), planApi.list(id)]);
    return { child, plan: plans.plans[0], canCreate: plans.permissions.create };
  }, [id]);
  usePageTitle('Safety and support plan');
  useFocusHeadingWhenReady(loaded.state === 'loaded');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${id}/assessments`}>Back to assessments and plans</BackLink>
        {loaded.state === 'loading' && (
          <>
            <h1 className="govuk-heading-l">Safety and support plan</h1>
            <Loading />
          </>
        )}
        {loaded.state === 'failed' && (
          <>
            <h1 className="govuk-heading-l">Safety and support plan</h1>
            <LoadFailure error={loaded.error} />
          </>
        )}
        {loaded.data && !loaded.data.plan && (
          <>
            <h1 className="govuk-heading-l">Safety and support plan</h1>
            <p className="govuk-body">There is no plan yet.</p>
            {loaded.data.canCreate && <ButtonLink to={`/children/${id}/plan/edit`}>Make a plan</ButtonLink>}
          </>
        )}
        {loaded.data?.plan && (
          <PlanDetail childId={id} childName={loaded.data.child.displayName} initial={loaded.data.plan} />
        )}
      </div>
    </div>
  );
}
