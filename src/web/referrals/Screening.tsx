import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Choices, FreeText, oneError } from '../children/fields.tsx';
import { useFocusHeadingWhenReady } from '../children/record.tsx';
import { type ScreeningDecisionOption, useCaseReference } from '../children/reference.ts';
import { labelOf } from '../children/words.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { type FormErrors, useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading, SummaryList } from '../components/ui.tsx';
import { type DecisionInput, type Match, type Referral, referralsApi } from './api.ts';
import { MatchDescription } from './ChildSteps.tsx';

const NEW_RECORD = 'new';

function useReferral(id: string) {
  return useApiData(() => referralsApi.get(id).then((result) => result.referral), [id]);
}

function LinkChildForm({ referral, matches }: { referral: Referral; matches: Match[] }) {
  const navigate = useNavigate();
  const [choice, setChoice] = useState(matches.length === 0 ? NEW_RECORD : '');
  const [working, setWorking] = useState(false);
  const { errors: serverErrors, show } = useFormErrors();
  const [missing, setMissing] = useState<FormErrors | null>(null);
  const errors = missing ?? serverErrors;
  const hasErrors = errors.summary.length > 0;
  const name = referral.subject.displayName;
  const title = matches.length === 0 ? `Make a record for ${name}` : `Is this ${name}?`;
  usePageTitle(title, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    if (!choice) {
      setMissing(
        oneError('childId', 'Select the child’s record, or that none of these is the child', errors.version),
      );
      return;
    }
    setMissing(null);
    setWorking(true);
    try {
      const body =
        choice === NEW_RECORD
          ? // Every proposed record was looked at and found to be a different child.
            { create: { notAMatchOf: matches.map((match) => match.child.id) } }
          : { childId: choice };
      const { referral: linked } = await referralsApi.link(referral.id, body);
      const state: FlashState = {
        flash: {
          success: true,
          heading: `The referral is now on ${linked.child?.displayName ?? name}’s record`,
          body: 'It is on their chronology, unverified, with its source. You can now record the screening decision.',
        },
      };
      navigate(`/referrals/${referral.id}`, { state });
    } catch (error) {
      show(error, {
        fields: { childId: 'The child’s record', notAMatchOf: 'The child’s record' },
        linkTo: 'childId',
      });
      setWorking(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      {matches.length === 0 ? (
        <>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            No record you can see in Lantern looks like the child described in this referral. A new record
            will be made from the referral’s description, and the referral will go on it.
          </p>
        </>
      ) : (
        <Choices
          type="radio"
          name="childId"
          isPageHeading
          legendClassName="govuk-fieldset__legend--l"
          legend={title}
          hint="Lantern has records that look like the child in this referral. One child should have one record: use theirs if it is them."
          error={errors.byField.childId ?? errors.byField.notAMatchOf}
          options={[
            ...matches.map((match) => ({
              value: match.child.id,
              label: `Use the record of ${match.child.displayName}`,
              hint: <MatchDescription match={match} />,
            })),
            {
              value: NEW_RECORD,
              label: 'None of these is the child: make a new record',
              dividerBefore: true,
            },
          ]}
          values={choice ? [choice] : []}
          onChange={(values) => setChoice(values[0] ?? '')}
        />
      )}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
          {matches.length === 0 ? 'Make the record' : 'Continue'}
        </button>
        <Link className="govuk-link" to={`/referrals/${referral.id}`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function LinkChild() {
  const { id = '' } = useParams();
  const referral = useReferral(id);
  const matches = useApiData(() => referralsApi.matches(id), [id]);
  usePageTitle('Find the child’s record');
  useFocusHeadingWhenReady(referral.state === 'loaded' && matches.state === 'loaded');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/referrals/${id}`}>Back to the referral</BackLink>
        {referral.state === 'loaded' && matches.state === 'loaded' ? (
          <LinkChildForm referral={referral.data} matches={matches.data.matches} />
        ) : (
          <>
            <h1 className="govuk-heading-l">Find the child’s record</h1>
            {(referral.state === 'loading' || matches.state === 'loading') && <Loading />}
            {referral.state === 'failed' && <LoadFailure error={referral.error} />}
            {referral.state !== 'failed' && matches.state === 'failed' && (
              <LoadFailure error={matches.error} />
            )}
          </>
        )}
      </div>
    </div>
  );
}

const DECISION_FIELDS = {
  decision: 'Decision',
  advice: 'Advice',
  reasons: 'Reasons for the decision',
  feedbackToReferrer: 'What the referrer will be told',
};

function dueIn(days: number): string {
  if (days === 0) return 'due today';
  return `due within ${days} working ${days === 1 ? 'day' : 'days'}`;
}

/** What the chosen decision will do, from the decision rules the server publishes. */
function WhatWillHappen({
  referral,
  option,
  statusName,
}: {
  referral: Referral;
  option: ScreeningDecisionOption;
  statusName: string;
}) {
  const child = referral.child?.displayName ?? referral.subject.displayName;
  return (
    <ul className="govuk-list govuk-list--bullet govuk-list--spaced">
      <li>
        The referral will be marked as decided, and the decision and your reasons will go on {child}’s
        chronology.
      </li>
      <li>
        {option.setsStatus
          ? `${child} will have the statutory status ${statusName}.`
          : 'This decision does not set a statutory status.'}
      </li>
      {option.tasks.length > 0 && (
        <li>
          These tasks will be given to you:
          <ul className="govuk-list govuk-list--bullet">
            {option.tasks.map((task) => (
              <li key={task.kind}>
                {task.title}, {dueIn(task.dueInWorkingDays)}
              </li>
            ))}
          </ul>
        </li>
      )}
      <li>
        {referral.referrer?.user.name ?? 'The referrer'} will see the decision and what you wrote for them,
        but not your reasons.
      </li>
    </ul>
  );
}

function DecisionForm({ referral, options }: { referral: Referral; options: ScreeningDecisionOption[] }) {
  const navigate = useNavigate();
  const reference = useCaseReference();
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const [advice, setAdvice] = useState('');
  const [feedback, setFeedback] = useState('');
  const [checking, setChecking] = useState(false);
  const [working, setWorking] = useState(false);
  const { errors: serverErrors, show } = useFormErrors();
  const [missing, setMissing] = useState<FormErrors | null>(null);
  const errors = missing ?? serverErrors;
  const hasErrors = errors.summary.length > 0;
  const heading = useRef<HTMLHeadingElement>(null);
  const child = referral.child?.displayName ?? referral.subject.displayName;
  const option = options.find((o) => o.value === decision);
  const title = checking ? 'Check what will happen' : `Screening decision for ${child}`;
  usePageTitle(title, hasErrors);

  // Moving between the decision and the check is a new page for the person: start at its heading.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    void checking;
    if (!hasErrors) heading.current?.focus();
  }, [checking, hasErrors]);

  const next = (event: FormEvent) => {
    event.preventDefault();
    if (!option) {
      // What happens next depends on the decision, so it is needed before the check.
      setMissing(oneError('decision', 'Select a decision', errors.version));
      return;
    }
    setMissing(null);
    setChecking(true);
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await referralsApi.decide(referral.id, {
        decision: decision as DecisionInput['decision'],
        reasons,
        advice: option?.requiresAdvice ? advice : undefined,
        feedbackToReferrer: feedback,
      });
      const state: FlashState = {
        flash: { success: true, heading: 'Screening decision recorded', body: `${option?.label ?? ''}.` },
      };
      navigate(`/referrals/${referral.id}`, { state });
    } catch (error) {
      setChecking(false);
      setWorking(false);
      setMissing(null);
      show(error, { fields: DECISION_FIELDS });
    }
  };

  if (checking && option) {
    return (
      <>
        <span className="govuk-caption-l">Screening decision for {child}</span>
        <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
          Check what will happen
        </h1>
        <SummaryList
          rows={[
            { key: 'Decision', value: option.label },
            { key: 'Reasons', value: <span className="lantern-pre-wrap">{reasons || 'Not given'}</span> },
            ...(option.requiresAdvice
              ? [{ key: 'Advice', value: <span className="lantern-pre-wrap">{advice || 'Not given'}</span> }]
              : []),
            {
              key: 'What the referrer will be told',
              value: <span className="lantern-pre-wrap">{feedback || 'Not given'}</span>,
            },
          ]}
        />
        <h2 className="govuk-heading-m">What will happen</h2>
        <WhatWillHappen
          referral={referral}
          option={option}
          statusName={labelOf(reference.data?.statutoryStatuses, option.setsStatus)}
        />
        <form noValidate onSubmit={(event) => void confirm(event)}>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
              Record the decision
            </button>
            <button type="button" className="lantern-link-button" onClick={() => setChecking(false)}>
              Change the decision
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        Referral from {referral.referrer?.agency.name ?? 'another agency'}
      </span>
      <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form noValidate onSubmit={next}>
        <Choices
          type="radio"
          name="decision"
          legend="What is your decision?"
          legendClassName="govuk-fieldset__legend--m"
          error={errors.byField.decision}
          options={options.map((o) => ({
            value: o.value,
            label: o.label,
            hint: o.description,
            conditional: o.requiresAdvice ? (
              <FreeText
                name="advice"
                label="Advice given"
                hint="The advice given to the referrer and, where they know of the referral, the child and family."
                value={advice}
                onChange={setAdvice}
                error={errors.byField.advice}
              />
            ) : undefined,
          }))}
          values={decision ? [decision] : []}
          onChange={(values) => setDecision(values[0] ?? '')}
        />
        <FreeText
          name="reasons"
          label="Reasons for your decision"
          labelClassName="govuk-label--m"
          hint="What you considered and why you decided this. Your reasons go on the child’s chronology; the referrer does not see them."
          rows={8}
          field="referral.reasons"
          value={reasons}
          onChange={setReasons}
          error={errors.byField.reasons}
        />
        <FreeText
          name="feedbackToReferrer"
          label="What the referrer will be told"
          labelClassName="govuk-label--m"
          hint="Written for the referrer, who sees it with the decision. Leave out anything they should not know."
          value={feedback}
          onChange={setFeedback}
          error={errors.byField.feedbackToReferrer}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Continue
          </button>
          <Link className="govuk-link" to={`/referrals/${referral.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function Decision() {
  const { id = '' } = useParams();
  const referral = useReferral(id);
  const reference = useCaseReference();
  usePageTitle('Screening decision');
  const ready = referral.state === 'loaded' && reference.state === 'loaded';
  useFocusHeadingWhenReady(ready);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/referrals/${id}`}>Back to the referral</BackLink>
        {ready ? (
          <DecisionForm referral={referral.data} options={reference.data.screeningDecisions} />
        ) : (
          <>
            <h1 className="govuk-heading-l">Screening decision</h1>
            {(referral.state === 'loading' || reference.state === 'loading') && <Loading />}
            {referral.state === 'failed' && <LoadFailure error={referral.error} />}
            {reference.state === 'failed' && <LoadFailure error={reference.error} />}
          </>
        )}
      </div>
    </div>
  );
}
