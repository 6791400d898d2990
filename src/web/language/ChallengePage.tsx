/**
 * One challenge to the wording of a record: what was challenged and why, the text now and as suggested
 * side by side, and, for its author or their manager, the decision (accept: a new version of the text;
 * decline, with a reason); for the person who raised it, while it is open, withdrawing it.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { amend } from '../../domain/language/challenges.ts';
import { ApiError } from '../api.ts';
import type { Child } from '../children/api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { type FlashState, FormButtons, SummaryList, Tag } from '../components/ui.tsx';
import { challengedWords, RECORD_WORDS, recordPagePath, statusColour } from './challenge-paths.ts';
import {
  type Challenge,
  challengesApi,
  type RecordChallengesData,
  type RecordRef,
  type Wording,
  type WordingRecordType,
} from './challenges-api.ts';
import { RecordFrame } from './RecordFrame.tsx';
import { TextAreaWithAssistant } from './TextAreaWithAssistant.tsx';

/** The text as it is now and as it would be with the suggested wording, side by side. */
function SideBySide({
  record,
  wording,
  challenge,
}: {
  record: RecordRef;
  wording: Wording;
  challenge: Challenge;
}) {
  const words = RECORD_WORDS[record.type];
  const text = wording.text;
  const span = challenge.span ?? { start: 0, end: text.length, text };
  const amended =
    challenge.version === wording.version || challenge.span
      ? amend(text, span, challenge.suggestedWording)
      : null;
  if (!amended?.ok)
    return (
      <p className="govuk-body">
        The {words.text} has changed since this challenge was raised, and the challenged words are no longer
        in it.
      </p>
    );
  const before = amended.start;
  const oldEnd = before + span.text.length;
  return (
    <table className="govuk-table lantern-side-by-side">
      <caption className="govuk-table__caption govuk-table__caption--s">
        The wording, now and as suggested
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            The {words.text} now
          </th>
          <th scope="col" className="govuk-table__header">
            With the suggested wording
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        <tr className="govuk-table__row">
          <td className="govuk-table__cell lantern-pre-wrap">
            {text.slice(0, before)}
            <del>{text.slice(before, oldEnd)}</del>
            {text.slice(oldEnd)}
          </td>
          <td className="govuk-table__cell lantern-pre-wrap">
            {amended.text.slice(0, amended.start)}
            <ins>{amended.text.slice(amended.start, amended.end)}</ins>
            {amended.text.slice(amended.end)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

const DECIDE_FIELDS = { decision: 'Your decision', wording: 'The wording to use', reason: 'Your reason' };

/** The decision form; the page above it comes in as `children`, so the error summary leads the page. */
function DecideForm({
  child,
  record,
  challenge,
  children,
}: {
  child: Child | null;
  record: RecordRef;
  challenge: Challenge;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const words = RECORD_WORDS[record.type];
  const [decision, setDecision] = useState('');
  const [wording, setWording] = useState(challenge.suggestedWording);
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Challenge to the wording', hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      if (decision !== 'accept' && decision !== 'decline')
        throw new ApiError(400, 'validation_failed', 'decision', [
          { path: 'decision', message: 'must be chosen: accept or decline' },
        ]);
      await challengesApi.decide(record, challenge.id, {
        decision,
        ...(reason.trim() ? { reason } : {}),
        ...(decision === 'accept' && wording !== challenge.suggestedWording ? { wording } : {}),
      });
      const state: FlashState = {
        flash: {
          success: true,
          heading: decision === 'accept' ? 'The wording has been amended' : 'The challenge has been declined',
          body:
            decision === 'accept'
              ? record.type === 'note'
                ? 'The note has a new version. The original stays in its history.'
                : `The ${words.record} now shows the new wording. The original stays in its history.`
              : `${challenge.raisedBy.name} can see your reason.`,
        },
      };
      navigate(recordPagePath(record), { state });
    } catch (error) {
      show(error, { fields: DECIDE_FIELDS });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {children}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Radios
          name="decision"
          legend="Your decision"
          legendClassName="govuk-fieldset__legend--m"
          options={[
            {
              value: 'accept',
              label: `Accept: amend the ${words.record}`,
              hint:
                record.type === 'note'
                  ? 'The note gets a new version with the new wording.'
                  : `The ${words.text} gets a new version with the new wording. The original stays in its history.`,
            },
            { value: 'decline', label: 'Decline: keep the wording', hint: 'You must give a reason.' },
          ]}
          value={decision}
          onChange={setDecision}
          error={errors.byField.decision}
        />
        {decision === 'accept' && (
          <TextAreaWithAssistant
            name="wording"
            label="The wording to use"
            hint="The suggestion, which you can improve. It replaces the challenged words."
            rows={3}
            value={wording}
            onChange={setWording}
            error={errors.byField.wording}
            childAge={child?.age ?? undefined}
            field="challenge.wording"
          />
        )}
        <TextAreaWithAssistant
          name="reason"
          label="Your reason"
          hint="Required if you decline. The person who raised the challenge sees it."
          rows={3}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
        />
        <FormButtons working={working} text="Save the decision" cancelTo={recordPagePath(record)} />
      </form>
    </>
  );
}

function WithdrawForm({ record, challenge }: { record: RecordRef; challenge: Challenge }) {
  const navigate = useNavigate();
  const [working, setWorking] = useState(false);
  const { errors, show } = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await challengesApi.withdraw(record, challenge.id);
      const state: FlashState = { flash: { success: true, heading: 'Your challenge has been withdrawn' } };
      navigate(recordPagePath(record), { state });
    } catch (error) {
      show(error, { fields: {} });
      setWorking(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        disabled={working}
        aria-disabled={working}
      >
        Withdraw the challenge
      </button>
    </form>
  );
}

function ChallengeView({
  child,
  record,
  list,
  challenge,
  wording,
}: {
  child: Child | null;
  record: RecordRef;
  list: RecordChallengesData;
  challenge: Challenge | null;
  wording: Wording | null;
}) {
  if (!challenge)
    return (
      <>
        <h1 className="govuk-heading-l">Challenge to the wording</h1>
        <p className="govuk-body">This challenge was not found.</p>
      </>
    );
  const words = RECORD_WORDS[record.type];
  const page = (
    <>
      <span className="govuk-caption-l">
        {child ? `${child.displayName}: ` : ''}
        {list.title}
      </span>
      <h1 className="govuk-heading-l">Challenge to the wording</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag colour={statusColour(challenge.status)}>{challenge.statusName}</Tag> },
          ...(record.type !== 'note' && challenge.record.fieldName
            ? [{ key: 'Which text', value: challenge.record.fieldName }]
            : []),
          { key: 'Words challenged', value: challengedWords(challenge) },
          { key: 'Suggested wording', value: `‘${challenge.suggestedWording}’` },
          { key: 'Why', value: challenge.reason },
          {
            key: 'Raised by',
            value: `${challenge.raisedBy.name}, ${challenge.raisedAgency.name}, ${formatDateTime(challenge.raisedAt)}`,
          },
          ...(challenge.decidedBy && challenge.decidedAt
            ? [
                {
                  key: challenge.status === 'withdrawn' ? 'Withdrawn' : 'Decided by',
                  value: `${challenge.decidedBy.name}, ${formatDateTime(challenge.decidedAt)}`,
                },
              ]
            : []),
          ...(challenge.decisionReason ? [{ key: 'Their reason', value: challenge.decisionReason }] : []),
          ...(challenge.amendedVersion
            ? [
                {
                  key: 'Amended in',
                  value: `Version ${challenge.amendedVersion} of ${record.type === 'note' ? 'the note' : `this ${words.text}`}`,
                },
              ]
            : []),
        ]}
      />
      {challenge.status === 'open' && wording && (
        <SideBySide record={record} wording={wording} challenge={challenge} />
      )}
    </>
  );
  if (challenge.permissions.decide)
    return (
      <DecideForm child={child} record={record} challenge={challenge}>
        {page}
      </DecideForm>
    );
  return (
    <>
      {page}
      {challenge.permissions.withdraw && <WithdrawForm record={record} challenge={challenge} />}
    </>
  );
}

export function ChallengePage({ type }: { type: WordingRecordType }) {
  usePageTitle('Challenge to the wording');
  const { challengeId = '' } = useParams();
  return (
    <RecordFrame
      type={type}
      title="Challenge to the wording"
      deps={[challengeId]}
      load={async (record) => {
        const list = await challengesApi.list(record);
        const challenge = list.challenges.find((c) => c.id === challengeId) ?? null;
        // The text as it is now, to show beside the suggestion while the challenge is open.
        const wording =
          challenge?.status === 'open' ? await challengesApi.wording(record, challenge.record.field) : null;
        return { list, challenge, wording };
      }}
    >
      {({ child, data, record }) => <ChallengeView child={child} record={record} {...data} />}
    </RecordFrame>
  );
}
