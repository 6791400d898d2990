import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isoDate } from '../children/fields.tsx';
import { formatDate } from '../children/format.ts';
import { useCaseReference } from '../children/reference.ts';
import { labelOf, ONLINE_NAMES, SEX_NAMES } from '../children/words.ts';
import type { FormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, SummaryList, type SummaryRow, WarningText } from '../components/ui.tsx';
import { referralsApi } from './api.ts';
import { type Draft, fieldStep, requestBody, type Step, stepPath, useDraft } from './draft.tsx';
import { CAPTION } from './NewReferral.tsx';

const change = (step: Step, what: string) => ({ to: `${stepPath(step)}?from=check`, visuallyHidden: what });
const orNotGiven = (text: string) => (text.trim() ? text.trim() : 'Not given');
const yesNo = (value: boolean | undefined) => (value === undefined ? 'Not answered' : value ? 'Yes' : 'No');

/** The error summary of the check page: each error links to the question it belongs to. */
function SendErrors({ errors }: { errors: FormErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.summary.length > 0;
  useEffect(() => {
    if (shown && errors.version > 0) ref.current?.focus();
  }, [shown, errors.version]);
  if (!shown) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.summary.map((item) => (
              <li key={`${item.field ?? ''}:${item.text}`}>
                {item.field ? (
                  <Link to={`${stepPath(fieldStep(item.field))}?from=check`}>{item.text}</Link>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function childRows(draft: Draft): SummaryRow[] {
  if (draft.existingChild) {
    const c = draft.existingChild;
    return [
      {
        key: 'Child',
        value: (
          <>
            {c.displayName}
            <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
              An existing record{c.dateOfBirth ? `, born ${formatDate(c.dateOfBirth)}` : ''}
            </span>
          </>
        ),
        change: change('matches', 'the child'),
      },
    ];
  }
  const c = draft.child;
  const dob = isoDate(c.dateOfBirth);
  return [
    { key: 'Name', value: orNotGiven(`${c.givenName} ${c.familyName}`), change: change('child', 'name') },
    { key: 'Also known as', value: orNotGiven(c.knownAs), change: change('child', 'other names') },
    {
      key: 'Date of birth or age',
      value: dob
        ? formatDate(dob)
        : c.estimatedAge.trim()
          ? `About ${c.estimatedAge.trim()} years old`
          : 'Not given',
      change: change('child', 'date of birth or age'),
    },
    { key: 'Sex', value: c.sex ? (SEX_NAMES[c.sex] ?? c.sex) : 'Not given', change: change('child', 'sex') },
    { key: 'School or college', value: orNotGiven(c.school), change: change('child', 'school or college') },
    {
      key: 'Address',
      value: orNotGiven([c.address.trim(), c.postcode.trim()].filter(Boolean).join(', ')),
      change: change('child', 'address'),
    },
  ];
}

export function CheckAnswers() {
  const navigate = useNavigate();
  const { draft, errors, showSendError, setSent } = useDraft();
  const reference = useCaseReference();
  const [working, setWorking] = useState(false);
  const hasErrors = errors.summary.length > 0;
  usePageTitle(`Check your answers before sending your referral – ${CAPTION}`, hasErrors);
  const guide = reference.data?.indicatorGuide;
  const promptText = (id: string) => guide?.items.find((item) => item.id === id)?.text ?? id;
  const happenedOn = isoDate(draft.happenedOn);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const result = await referralsApi.create(requestBody(draft));
      setSent(result);
      navigate('/referrals/new/sent', { replace: true });
    } catch (error) {
      showSendError(error, promptText);
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/referrals/new/consent" />
        <SendErrors errors={errors} />
        <span className="govuk-caption-l">{CAPTION}</span>
        <h1 className="govuk-heading-l">Check your answers before sending your referral</h1>

        {draft.immediateDanger && (
          <WarningText>
            You said the child is in immediate danger. If you have not called the police on 999, call them
            now.
          </WarningText>
        )}

        <h2 className="govuk-heading-m">Immediate danger</h2>
        <SummaryList
          rows={[
            {
              key: 'Is the child in immediate danger?',
              value: yesNo(draft.immediateDanger),
              change: change('', 'whether the child is in immediate danger'),
            },
          ]}
        />

        <h2 className="govuk-heading-m">The child</h2>
        <SummaryList rows={childRows(draft)} />

        <h2 className="govuk-heading-m">What has been seen or heard</h2>
        <SummaryList
          rows={[
            {
              key: 'What happened',
              value: <span className="lantern-pre-wrap">{orNotGiven(draft.narrative)}</span>,
              change: change('what-happened', 'what has been seen or heard'),
            },
            {
              key: 'Seen or heard by',
              value: orNotGiven(draft.seenOrHeardBy),
              change: change('what-happened', 'who saw or heard it'),
            },
            {
              key: 'When',
              value: happenedOn ? formatDate(happenedOn) : 'Not given',
              change: change('what-happened', 'when it happened'),
            },
            {
              key: 'Kind of harm',
              value:
                draft.harmKinds.length === 0 ? (
                  'Not given'
                ) : (
                  <ul className="govuk-list">
                    {draft.harmKinds.map((kind) => (
                      <li key={kind}>{labelOf(reference.data?.harmKinds, kind)}</li>
                    ))}
                  </ul>
                ),
              change: change('harm', 'kind of harm'),
            },
            {
              key: 'Online',
              value: draft.onlineElement
                ? (ONLINE_NAMES[draft.onlineElement] ?? draft.onlineElement)
                : 'Not given',
              change: change('harm', 'whether any of it is happening online'),
            },
          ]}
        />

        <h2 className="govuk-heading-m">What you noticed, from the prompts</h2>
        <SummaryList
          rows={
            draft.prompts.length === 0
              ? [{ key: 'Prompts', value: 'None ticked', change: change('prompts', 'prompts') }]
              : (guide?.groups ?? [])
                  .map((group) => ({
                    group,
                    ids: draft.prompts.filter(
                      (id) => guide?.items.find((item) => item.id === id)?.group === group.value,
                    ),
                  }))
                  .filter(({ ids }) => ids.length > 0)
                  .map(({ group, ids }) => ({
                    key: group.label,
                    value: (
                      <ul className="govuk-list govuk-list--bullet">
                        {ids.map((id) => {
                          const observation = draft.observations[id];
                          const on = observation ? isoDate(observation.observedOn) : undefined;
                          return (
                            <li key={id}>
                              {promptText(id)}
                              {on && ` (noticed ${formatDate(on)})`}
                              {observation?.note.trim() && (
                                <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                                  {observation.note.trim()}
                                </span>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    ),
                    change: change('prompts', group.label.toLowerCase()),
                  }))
          }
        />

        <h2 className="govuk-heading-m">Who knows</h2>
        <SummaryList
          rows={[
            {
              key: 'The child knows',
              value: yesNo(draft.childKnows),
              change: change('consent', 'whether the child knows'),
            },
            {
              key: 'The family knows',
              value: yesNo(draft.familyKnows),
              change: change('consent', 'whether the family knows'),
            },
            ...(draft.childKnows === false || draft.familyKnows === false
              ? [
                  {
                    key: 'Why without them knowing',
                    value: orNotGiven(draft.withoutConsentReason),
                    change: change('consent', 'why you are referring without them knowing'),
                  },
                ]
              : []),
          ]}
        />

        <h2 className="govuk-heading-m">Now send your referral</h2>
        <p className="govuk-body">
          The front door of children’s services will read it and decide what happens next. You will be able to
          see the outcome in Lantern.
        </p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
              Send referral
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

/** The confirmation: the reference, what to do now if the child is in danger, and what happens next. */
export function ReferralSent() {
  const { sent, reset } = useDraft();
  const reference = useCaseReference();
  const navigate = useNavigate();
  usePageTitle('Referral sent');
  if (!sent) return null;
  const { referral, whatToDoNow } = sent;
  const days = reference.data?.timescales.screeningDecisionWorkingDays;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Referral sent</h1>
          <div className="govuk-panel__body">
            Your reference
            <br />
            <strong className="lantern-reference" id="referral-reference">
              {referral.id}
            </strong>
          </div>
        </div>
        {whatToDoNow && (
          <div className="lantern-urgent govuk-!-margin-top-6">
            <h2 className="govuk-heading-m">{whatToDoNow.title}</h2>
            <ol className="govuk-list govuk-list--number">
              {whatToDoNow.steps.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ol>
          </div>
        )}
        <h2 className="govuk-heading-m govuk-!-margin-top-6">What happens next</h2>
        <p className="govuk-body">
          The front door of children’s services will decide what happens next
          {days !== undefined && ` within ${days} working ${days === 1 ? 'day' : 'days'}`}
          {referral.immediateDanger && '. Your referral is marked as urgent and is at the top of their list'}.
        </p>
        <p className="govuk-body">
          They may contact you to ask more. When they have decided, you can see the outcome and what they want
          you to know.
        </p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/referrals/${referral.id}`}>
              See this referral and its status
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/referrals">
              Go to your referrals
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="lantern-link-button"
              onClick={() => {
                reset();
                navigate('/referrals/new');
              }}
            >
              Make another referral
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
