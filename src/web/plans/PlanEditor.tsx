import '../assessment/assessment.css';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type AssessmentReference, assessmentApi, type Plan, planApi } from '../assessment/api.ts';
import { nearestFields } from '../assessment/form-state.ts';
import { type Child, childrenApi } from '../children/api.ts';
import { DateInput } from '../children/fields.tsx';
import { useFocusHeadingWhenReady } from '../children/record.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, InsetText, LoadFailure, Loading } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { ObjectiveFields } from './ObjectiveFields.tsx';
import {
  emptyPlan,
  newObjective,
  type PlanState,
  planBody,
  planFields,
  planState,
  SECTION_KEYS,
  type SectionKey,
} from './plan-state.ts';

function RuleExplained({
  reference,
  required,
  childName,
}: {
  reference: AssessmentReference;
  required: boolean;
  childName: string;
}) {
  const rule = reference.planRules.find((r) => r.id === 'disruption-required-when-harm');
  if (!rule) return null;
  return (
    <div className="govuk-inset-text lantern-rule">
      <p className="govuk-body">
        <strong>
          {required ? `This section is required for ${childName} now.` : 'When this section is required.'}
        </strong>{' '}
        {rule.statement}
      </p>
      <p className="govuk-body-s">Source: {rule.source}</p>
    </div>
  );
}

function PlanForm({
  child,
  reference,
  plan,
  harmKnownOrSuspected,
}: {
  child: Child;
  reference: AssessmentReference;
  plan: Plan | undefined;
  harmKnownOrSuspected: boolean;
}) {
  const navigate = useNavigate();
  const [state, setState] = useState<PlanState>(() => (plan ? planState(plan) : emptyPlan()));
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const title = plan ? 'Change the plan' : 'Make a plan';
  usePageTitle(`${title} – ${child.displayName}`, hasErrors);
  const titles = Object.fromEntries(reference.planSections.map((s) => [s.value, s.label]));
  const required = plan?.disruptionRequired ?? harmKnownOrSuspected;
  const childRule = reference.planRules.find((r) => r.id === 'objective-not-aimed-at-child');

  const setSection = (
    key: SectionKey,
    update: (s: PlanState['sections'][SectionKey]) => PlanState['sections'][SectionKey],
  ) => setState((s) => ({ ...s, sections: { ...s.sections, [key]: update(s.sections[key]) } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const body = planBody(state, plan?.version);
      if (plan) await planApi.update(child.id, plan.id, body);
      else await planApi.create(child.id, body);
      const flash: FlashState = { flash: { success: true, heading: 'The plan has been saved' } };
      navigate(`/children/${child.id}/plan`, { state: flash });
    } catch (error) {
      const fields = planFields(state, titles);
      show(nearestFields(error, Object.keys(fields)), { fields });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <InsetText>
        Every objective has an owner, an agency, a due date and a status. {childRule?.statement}
      </InsetText>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DateInput
          name="reviewDate"
          legend="When will the plan be reviewed?"
          legendClassName="govuk-fieldset__legend--m"
          hint="The risk analysis is repeated at the review."
          value={state.reviewDate}
          onChange={(reviewDate) => setState((s) => ({ ...s, reviewDate }))}
          error={errors.byField.reviewDate}
        />
        {SECTION_KEYS.map((key) => {
          const info = reference.planSections.find((s) => s.value === key);
          const section = state.sections[key];
          const goal = key === 'young_persons_goals';
          const path = `sections.${key}.objectives`;
          const error = errors.byField[path];
          return (
            <section key={key} className="lantern-assessment-section" aria-labelledby={`plan-${key}`}>
              <h2 className="govuk-heading-m" id={`plan-${key}`}>
                {info?.label ?? key}
              </h2>
              {info && <p className="govuk-body">{info.purpose}</p>}
              {key === 'disruption_and_investigation' && (
                <RuleExplained reference={reference} required={required} childName={child.displayName} />
              )}
              {error && (
                <p className="govuk-error-message" id={`${path}-error`}>
                  <span className="govuk-visually-hidden">Error:</span> {error}
                </p>
              )}
              {section.objectives.map((o, i) => (
                <ObjectiveFields
                  key={o.id}
                  path={`${path}.${i}`}
                  number={i + 1}
                  objective={o}
                  goal={goal}
                  child={child}
                  reference={reference}
                  errors={errors}
                  onChange={(next) =>
                    setSection(key, (s) => ({
                      ...s,
                      objectives: s.objectives.map((x) => (x.id === o.id ? next : x)),
                    }))
                  }
                  onRemove={() =>
                    setSection(key, (s) => ({ ...s, objectives: s.objectives.filter((x) => x.id !== o.id) }))
                  }
                />
              ))}
              <button
                type="button"
                id={path}
                className="govuk-button govuk-button--secondary"
                onClick={() =>
                  setSection(key, (s) => ({ ...s, objectives: [...s.objectives, newObjective()] }))
                }
              >
                {goal ? 'Add a goal' : 'Add an objective'}
                <span className="govuk-visually-hidden"> to {info?.label ?? key}</span>
              </button>
            </section>
          );
        })}
        <TextAreaWithAssistant
          name="howWeWillKnow"
          label="How will we know risks are reducing?"
          labelClassName="govuk-label--m"
          value={state.howWeWillKnow}
          onChange={(howWeWillKnow) => setState((s) => ({ ...s, howWeWillKnow }))}
          rows={4}
          error={errors.byField.howWeWillKnow}
          childAge={child.age ?? undefined}
          field="plan.howWeWillKnow"
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Save the plan
          </button>
          <Link
            className="govuk-link"
            to={plan ? `/children/${child.id}/plan` : `/children/${child.id}/assessments`}
          >
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** Making or changing the child's plan: sections, objectives, and the rules explained where they apply. */
export function EditPlan() {
  const { id = '' } = useParams();
  const loaded = useApiData(async () => {
    const [{ child }, plans, reference, history] = await Promise.all([
      childrenApi.get(id),
      planApi.list(id),
      assessmentApi.reference(),
      assessmentApi.history(id),
    ]);
    // What the server will use: the latest analysis and the child's flags (the server decides on save).
    const latest = history.assessments.find((a) => a.status === 'completed');
    const harmKnownOrSuspected =
      child.harmStatus !== null || ['suspected', 'known'].includes(latest?.harmStatus ?? '');
    return { child, plan: plans.plans[0], reference, harmKnownOrSuspected };
  }, [id]);
  usePageTitle('Plan');
  useFocusHeadingWhenReady(loaded.state === 'loaded');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${id}/assessments`}>Back to assessments and plans</BackLink>
        {loaded.state === 'loading' && (
          <>
            <h1 className="govuk-heading-l">Plan</h1>
            <Loading />
          </>
        )}
        {loaded.state === 'failed' && (
          <>
            <h1 className="govuk-heading-l">Plan</h1>
            <LoadFailure error={loaded.error} />
          </>
        )}
        {loaded.data && (
          <PlanForm
            child={loaded.data.child}
            reference={loaded.data.reference}
            plan={loaded.data.plan}
            harmKnownOrSuspected={loaded.data.harmKnownOrSuspected}
          />
        )}
      </div>
    </div>
  );
}
