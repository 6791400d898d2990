import './assessment.css';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Child, childrenApi, type Entry } from '../children/api.ts';
import { useFocusHeadingWhenReady } from '../children/record.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  type FlashState,
  InsetText,
  LoadFailure,
  Loading,
  NotificationBanner,
} from '../components/ui.tsx';
import { type Assessment, type AssessmentReference, assessmentApi, type Instrument } from './api.ts';
import { FactorList } from './FactorList.tsx';
import { draftBody, type FormState, nearestFields, prompts, stateFrom } from './form-state.ts';
import { JudgementFields } from './Judgement.tsx';
import { PromptField } from './PromptField.tsx';
import { VoicesFields } from './Voices.tsx';

interface Loaded {
  assessment: Assessment;
  instrument: Instrument;
  reference: AssessmentReference;
  entries: Entry[];
  child: Child;
}

const FIXED_LABELS: Record<string, string> = {
  'voices.child': 'The child’s wishes and feelings',
  'voices.child.words': 'The child’s words',
  'voices.child.inTheirOwnWords': 'Whose words',
  'voices.child.howExpressed': 'How they expressed it',
  'voices.child.on': 'When',
  'voices.child.reason': 'Why their voice was not obtained',
  'voices.parentsCarers': 'Parents and carers',
  'voices.agencies': 'Agencies',
  analysis: 'Analysis',
  balance: 'The balance',
  'judgement.level': 'The level of concern',
  'judgement.rationale': 'The rationale',
  harm: 'Harm',
  'harm.kinds': 'Which exploitation',
  'harm.description': 'What is suspected or known',
  'harm.evidence': 'Evidence of harm',
  needsToChange: 'What needs to change',
};

/** Every field on the page, in page order, with its label: errors are shown against the nearest one. */
function fieldsOf(instrument: Instrument, state: FormState): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of prompts(instrument)) fields[`answers.${p.id}`] = p.text;
  const voiceItems = (path: string, n: number, who: string) => {
    for (let i = 0; i < n; i++) {
      for (const [k, l] of Object.entries({
        [who]: who === 'person' ? 'Name' : 'Agency',
        relationship: 'Relationship',
        status: 'Whether their view was obtained',
        view: 'Their view',
        reason: 'Why their view was not obtained',
      })) {
        fields[`${path}.${i}.${k}`] = l;
      }
    }
  };
  for (const [k, l] of Object.entries(FIXED_LABELS)) {
    fields[k] = l;
    if (k === 'voices.parentsCarers') voiceItems(k, state.parents.length, 'person');
    if (k === 'voices.agencies') voiceItems(k, state.agencies.length, 'agency');
  }
  return fields;
}

function AssessmentForm({ data }: { data: Loaded }) {
  const { instrument, reference, entries, child } = data;
  const navigate = useNavigate();
  const [saved, setSaved] = useState(data.assessment);
  const [state, setState] = useState<FormState>(() => stateFrom(data.assessment, instrument));
  const [working, setWorking] = useState(false);
  const [banner, setBanner] = useState(false);
  const { errors, show, clear, hasErrors } = useFormErrors();
  usePageTitle(`${instrument.title} – ${child.displayName}`, hasErrors);
  const childAge = child.age ?? undefined;
  const base = `/children/${child.id}/assessments`;

  const fail = (error: unknown) => {
    const fields = fieldsOf(instrument, state);
    show(nearestFields(error, Object.keys(fields)), { fields });
    setBanner(false);
    setWorking(false);
  };

  const save = async () => {
    const result = await assessmentApi.save(child.id, saved.id, draftBody(state, instrument));
    setSaved(result.assessment);
    return result.assessment;
  };

  const saveDraft = async () => {
    if (working) return;
    setWorking(true);
    try {
      await save();
      clear();
      setBanner(true);
      setWorking(false);
      window.scrollTo(0, 0);
    } catch (error) {
      fail(error);
    }
  };

  const complete = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await save();
      const done = await assessmentApi.complete(child.id, saved.id);
      const task = done.immediateReferral?.task;
      const flash: FlashState = {
        flash: {
          success: true,
          heading: `${instrument.title} completed`,
          body: [
            done.assessment.state === 'awaiting_sign_off' ? 'It now needs a manager’s sign-off.' : '',
            ...done.warnings,
            task ? `${task.title}: a task is with ${task.assignedTo.name}.` : '',
          ]
            .filter(Boolean)
            .join(' '),
        },
      };
      navigate(`${base}/${saved.id}`, { state: flash });
    } catch (error) {
      fail(error);
    }
  };

  const setFactors = (promptId: string, factors: FormState['factors'][string]) =>
    setState((s) => ({ ...s, factors: { ...s.factors, [promptId]: factors } }));

  return (
    <>
      {banner && (
        <NotificationBanner
          banner={{
            success: true,
            heading: 'Your draft has been saved',
            body: 'Only you can change it until it is completed.',
          }}
        />
      )}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        {child.displayName} — version {instrument.version}
      </span>
      <h1 className="govuk-heading-l">{instrument.title}</h1>
      <p className="govuk-body">{instrument.purpose}</p>
      <InsetText>
        This is structured professional judgement. Prompts from the indicator guide are reminders for
        professional curiosity: nothing here is added up, and nothing chooses the level of concern for you.
      </InsetText>
      <form noValidate onSubmit={(event) => void complete(event)}>
        {instrument.sections.map((section) => (
          <section
            key={section.id}
            className="lantern-assessment-section"
            aria-labelledby={`section-${section.id}`}
          >
            <h2 className="govuk-heading-m" id={`section-${section.id}`}>
              {section.title}
            </h2>
            {section.intro && <p className="govuk-body">{section.intro}</p>}
            {section.prompts.map((prompt) =>
              prompt.answer.type === 'factor_list' ? (
                <FactorList
                  key={prompt.id}
                  prompt={prompt as Parameters<typeof FactorList>[0]['prompt']}
                  factors={state.factors[prompt.id] ?? []}
                  onChange={(factors) => setFactors(prompt.id, factors)}
                  entries={entries}
                  reference={reference}
                  error={errors.byField[`answers.${prompt.id}`]}
                  childAge={childAge}
                />
              ) : (
                <PromptField
                  key={prompt.id}
                  prompt={prompt}
                  answer={state.answers[prompt.id]}
                  onChange={(answer) =>
                    setState((s) => ({ ...s, answers: { ...s.answers, [prompt.id]: answer ?? {} } }))
                  }
                  entries={entries}
                  error={errors.byField[`answers.${prompt.id}`]}
                  childAge={childAge}
                />
              ),
            )}
          </section>
        ))}
        <section className="lantern-assessment-section" aria-labelledby="section-voices">
          <h2 className="govuk-heading-m" id="section-voices">
            Voices
          </h2>
          <p className="govuk-body">
            Whose views are in this analysis. A view you could not get is recorded with the reason, so it
            shows as missing rather than disappearing.
          </p>
          <VoicesFields
            state={state}
            setState={setState}
            reference={reference}
            errors={errors}
            childAge={childAge}
          />
        </section>
        <section className="lantern-assessment-section" aria-labelledby="section-judgement">
          <h2 className="govuk-heading-m" id="section-judgement">
            Your judgement
          </h2>
          <JudgementFields
            state={state}
            setState={setState}
            instrument={instrument}
            reference={reference}
            indicative={saved.indicative}
            entries={entries}
            errors={errors}
            childAge={childAge}
          />
        </section>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Complete the assessment
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={working}
            aria-disabled={working}
            onClick={() => void saveDraft()}
          >
            Save as draft
          </button>
          <Link className="govuk-link" to={base}>
            Back to assessments
          </Link>
        </div>
      </form>
    </>
  );
}

/** The assessment form, generated from the sections and prompts of the instrument version it pins. */
export function EditAssessment() {
  const { id = '', assessmentId = '' } = useParams();
  const loaded = useApiData(async (): Promise<Loaded> => {
    const [{ assessment }, reference, chronology, { child }] = await Promise.all([
      assessmentApi.get(id, assessmentId),
      assessmentApi.reference(),
      childrenApi.chronology(id, {}),
      childrenApi.get(id),
    ]);
    const { instrument } = await assessmentApi.instrument(
      assessment.instrument.id,
      assessment.instrument.version,
    );
    return { assessment, instrument, reference, entries: chronology.entries, child };
  }, [id, assessmentId]);
  useFocusHeadingWhenReady(loaded.state === 'loaded');
  usePageTitle('Assessment');
  const editable = loaded.data?.assessment.permissions.edit;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${id}/assessments`}>Back to assessments</BackLink>
        {loaded.state === 'loading' && (
          <>
            <h1 className="govuk-heading-l">Assessment</h1>
            <Loading />
          </>
        )}
        {loaded.state === 'failed' && (
          <>
            <h1 className="govuk-heading-l">Assessment</h1>
            <LoadFailure error={loaded.error} />
          </>
        )}
        {loaded.data && !editable && (
          <>
            <h1 className="govuk-heading-l">{loaded.data.instrument.title}</h1>
            <p className="govuk-body">
              You cannot change this assessment.{' '}
              <Link to={`/children/${id}/assessments/${assessmentId}`}>View it</Link>.
            </p>
          </>
        )}
        {loaded.data && editable && <AssessmentForm data={loaded.data} />}
      </div>
    </div>
  );
}
