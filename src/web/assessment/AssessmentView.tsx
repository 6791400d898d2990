import './assessment.css';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { childrenApi } from '../children/api.ts';
import { Choices } from '../children/fields.tsx';
import { formatDay } from '../children/format.ts';
import { LabelTag, useFocusHeadingWhenReady } from '../children/record.tsx';
import { labelOf } from '../children/words.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  LoadFailure,
  Loading,
  NotificationBanner,
  SummaryList,
  WarningText,
} from '../components/ui.tsx';
import { RecordChallenges } from '../language/Challenges.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { StateTag } from './Assessments.tsx';
import {
  type Assessment,
  type AssessmentReference,
  assessmentApi,
  type Factor,
  type Instrument,
  type Prompt,
} from './api.ts';
import { type ContextRefItem, ContextRefsList } from './ContextRefs.tsx';
import { EvidenceList, indicatorText } from './Evidence.tsx';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function AnswerText({ prompt, answer }: { prompt: Prompt; answer: Record<string, unknown> | undefined }) {
  if (!answer?.type) return <span className="govuk-hint">Not answered</span>;
  const spec = prompt.answer;
  if (spec.type === 'choice')
    return <>{spec.options.find((o) => o.id === answer.value)?.label ?? str(answer.value)}</>;
  if (spec.type === 'yes_no_unknown')
    return <>{answer.value === 'yes' ? 'Yes' : answer.value === 'no' ? 'No' : 'Not known'}</>;
  if (spec.type === 'voice') {
    const v = (answer.voice ?? {}) as Record<string, unknown>;
    return v.status === 'not_obtained' ? <>Not obtained: {str(v.reason)}</> : <q>{str(v.words)}</q>;
  }
  return <span className="lantern-pre-wrap">{str(answer.value)}</span>;
}

function Factors({
  factors,
  assessment,
  reference,
}: {
  factors: Factor[];
  assessment: Assessment;
  reference: AssessmentReference;
}) {
  if (factors.length === 0) return <p className="govuk-body">None recorded.</p>;
  return (
    <>
      {factors.map((f) => (
        <div key={f.id} className="govuk-summary-card lantern-factor">
          <div className="govuk-summary-card__content">
            <p className="govuk-body lantern-pre-wrap">{f.description}</p>
            <p className="govuk-body-s lantern-tags">
              <span>{labelOf(reference.domains, f.domain)}</span>
              {f.indicatorRef && <span>Indicator: {indicatorText(f.indicatorRef)}</span>}
              <strong>{f.evidenceSummary}</strong>
              <LabelTag label={f.label} />
            </p>
            <EvidenceList links={f.evidence} titles={assessment.evidence} />
          </div>
        </div>
      ))}
    </>
  );
}

function SignOffForm({ assessment, onDone }: { assessment: Assessment; onDone(a: Assessment): void }) {
  const { id = '' } = useParams();
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show } = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const res = await assessmentApi.signOff(id, assessment.id, {
        ...(decision ? { decision } : {}),
        ...(comment ? { comment } : {}),
      });
      onDone(res.assessment);
    } catch (error) {
      show(error, { fields: { decision: 'Your decision', comment: 'What is needed' } });
    }
    setWorking(false);
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <Choices
        type="radio"
        name="decision"
        legend="Sign off this assessment"
        legendClassName="govuk-fieldset__legend--m"
        options={[
          { value: 'approved', label: 'Sign it off' },
          { value: 'returned', label: 'Return it for more work' },
        ]}
        values={decision ? [decision] : []}
        onChange={(v) => setDecision(v[0] ?? '')}
        error={errors.byField.decision}
      />
      <TextAreaWithAssistant
        name="comment"
        label="Comment (needed when you return it: say what is needed)"
        value={comment}
        onChange={setComment}
        rows={4}
        error={errors.byField.comment}
      />
      <button type="submit" className="govuk-button" disabled={working}>
        Record your decision
      </button>
    </form>
  );
}

function AssessmentDetail({
  initial,
  instrument,
  reference,
}: {
  initial: Assessment;
  instrument: Instrument;
  reference: AssessmentReference;
}) {
  const [a, setA] = useState(initial);
  const [decided, setDecided] = useState(false);
  const { id = '' } = useParams();
  const voices = a.voices;
  return (
    <>
      {decided && (
        <NotificationBanner banner={{ success: true, heading: 'Your decision has been recorded' }} />
      )}
      <span className="govuk-caption-l">Version {a.instrument.version}</span>
      <h1 className="govuk-heading-l">
        {a.instrument.title}, {formatDay(a.completedAt ?? a.createdAt)}
      </h1>
      <p className="govuk-body">
        <StateTag state={a.state} />
      </p>
      {a.warnings.map((w) => (
        <WarningText key={w}>{w}</WarningText>
      ))}
      <SummaryList
        rows={[
          {
            key: 'Completed by',
            value: a.completedBy
              ? `${a.completedBy.name}, ${a.completedBy.agency}`
              : `Draft started by ${a.createdBy.name}`,
          },
          {
            key: 'Level of concern (the practitioner’s judgement)',
            value: a.judgement.levelLabel ?? 'Not chosen yet',
          },
          {
            key: 'Rationale',
            value: <span className="lantern-pre-wrap">{a.judgement.rationale ?? ''}</span>,
          },
          {
            key: 'Exploitation',
            value: labelOf(reference.harmStatuses, str(a.harm?.status)) || 'Not recorded yet',
          },
          ...(a.harm && str(a.harm.description)
            ? [{ key: 'What is suspected or known', value: str(a.harm.description) }]
            : []),
        ]}
      />
      <p className="govuk-body-s lantern-indicative">
        {a.indicative.label}: {a.indicative.count} indicator prompt{a.indicative.count === 1 ? '' : 's'}{' '}
        marked.
      </p>
      {a.signOffs.map((s) => (
        <p key={s.id} className="govuk-body">
          {s.decision === 'approved' ? 'Signed off' : 'Returned for more work'} by {s.by.name} on{' '}
          {formatDay(s.at)}
          {s.comment ? `: ${s.comment}` : '.'}
        </p>
      ))}
      {a.permissions.signOff && (
        <SignOffForm
          assessment={a}
          onDone={(next) => {
            setA(next);
            setDecided(true);
          }}
        />
      )}
      {/* A completed assessment's rationale and harm description can be challenged; a draft is its author's. */}
      {a.completedAt && a.state !== 'draft' && (
        <RecordChallenges record={{ type: 'assessment', childId: id, recordId: a.id }} />
      )}
      <h2 className="govuk-heading-m">Analysis</h2>
      <p className="govuk-body lantern-pre-wrap">{a.analysis}</p>
      <h3 className="govuk-heading-s">The balance between risk and protection</h3>
      <p className="govuk-body lantern-pre-wrap">{a.balance}</p>
      <h3 className="govuk-heading-s">What needs to change</h3>
      <p className="govuk-body lantern-pre-wrap">{a.needsToChange}</p>
      <h2 className="govuk-heading-m">Voices</h2>
      {a.missingVoices.length > 0 && (
        <div className="lantern-missing-voices">
          <h3 className="govuk-heading-s">Missing voices</h3>
          <ul className="govuk-list govuk-list--bullet">
            {a.missingVoices.map((m) => (
              <li key={`${m.whose}-${m.who}`}>
                {m.who}: {m.reason ? `not obtained — ${m.reason}` : 'no view recorded (nobody asked)'}
              </li>
            ))}
          </ul>
        </div>
      )}
      {voices?.child && str(voices.child.status) === 'given' && (
        <p className="govuk-body">
          The child said: <q>{str(voices.child.words)}</q>
        </p>
      )}
      {[...(voices?.parentsCarers ?? []), ...(voices?.agencies ?? [])]
        .filter((v) => v.status === 'given')
        .map((v) => (
          <p key={`${str(v.person)}${str(v.agency)}`} className="govuk-body">
            <strong>{str(v.person) || str(v.agency)}</strong>
            {v.relationship ? ` (${str(v.relationship)})` : ''}: {str(v.view)}{' '}
            <LabelTag label={str(v.label)} />
          </p>
        ))}
      {instrument.sections.map((section) => (
        <section key={section.id} aria-labelledby={`view-${section.id}`}>
          <h2 className="govuk-heading-m" id={`view-${section.id}`}>
            {section.title}
          </h2>
          {section.prompts.map((prompt) => (
            <div key={prompt.id}>
              <h3 className="govuk-heading-s">{prompt.text}</h3>
              {prompt.answer.type === 'factor_list' ? (
                <Factors
                  factors={(a.answers[prompt.id] as { factors?: Factor[] })?.factors ?? []}
                  assessment={a}
                  reference={reference}
                />
              ) : prompt.answer.type === 'context_refs' ? (
                <ContextRefsList
                  refs={(a.answers[prompt.id] as { refs?: ContextRefItem[] } | undefined)?.refs ?? []}
                />
              ) : prompt.answer.type === 'evidence_links' ? (
                <EvidenceList
                  links={(a.answers[prompt.id] as { links?: Factor['evidence'] })?.links ?? []}
                  titles={a.evidence}
                />
              ) : (
                <p className="govuk-body">
                  <AnswerText
                    prompt={prompt}
                    answer={a.answers[prompt.id] as Record<string, unknown> | undefined}
                  />
                </p>
              )}
            </div>
          ))}
        </section>
      ))}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/children/${id}/assessments`}>
          Back to assessments
        </Link>
      </p>
    </>
  );
}

export function ViewAssessment() {
  const { id = '', assessmentId = '' } = useParams();
  const loaded = useApiData(async () => {
    const [{ assessment }, reference, { child }] = await Promise.all([
      assessmentApi.get(id, assessmentId),
      assessmentApi.reference(),
      childrenApi.get(id),
    ]);
    const { instrument } = await assessmentApi.instrument(
      assessment.instrument.id,
      assessment.instrument.version,
    );
    return { assessment, reference, instrument, child };
  }, [id, assessmentId]);
  usePageTitle(
    loaded.data ? `${loaded.data.instrument.title} – ${loaded.data.child.displayName}` : 'Assessment',
  );
  useFocusHeadingWhenReady(loaded.state === 'loaded');
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
        {loaded.data && (
          <AssessmentDetail
            initial={loaded.data.assessment}
            instrument={loaded.data.instrument}
            reference={loaded.data.reference}
          />
        )}
      </div>
    </div>
  );
}
