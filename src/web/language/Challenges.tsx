/**
 * Challenge and amend, in the web: the challenges on a note (shown on the note's page), raising one,
 * deciding or withdrawing one, and the list of challenges waiting for the signed-in person's decision.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { amend } from '../../domain/language/challenges.ts';
import { ApiError } from '../api.ts';
import type { Child, Note } from '../children/api.ts';
import { NoteFrame, noteTitle } from '../children/Notes.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { type FlashState, FormButtons, LoadFailure, Loading, SummaryList, Tag } from '../components/ui.tsx';
import { replacementFor, splitSuggestion } from './apply.ts';
import { type Challenge, challengesApi, type HistoryVersion, type NoteWording } from './challenges-api.ts';
import { TextAreaWithAssistant } from './TextAreaWithAssistant.tsx';

const notePath = (childId: string, noteId: string) => `/children/${childId}/notes/${noteId}`;
export const challengePath = (childId: string, noteId: string, challengeId: string) =>
  `${notePath(childId, noteId)}/challenges/${challengeId}`;

/** The words a challenge is about, in quotes, or "the whole note". */
export function challengedWords(challenge: Pick<Challenge, 'span'>): string {
  return challenge.span ? `‘${challenge.span.text}’` : 'The whole note';
}

function statusColour(status: Challenge['status']) {
  if (status === 'open') return 'yellow' as const;
  if (status === 'accepted') return 'green' as const;
  return 'grey' as const;
}

/**
 * The heading of one version in a note's history. A version made by accepting a challenge says so, with
 * who raised it and why; the original stays above it.
 */
export function versionHeading(
  version: Omit<HistoryVersion, 'amendedByChallenge'> & {
    amendedByChallenge?: HistoryVersion['amendedByChallenge'];
  },
  index: number,
): { title: string; detail: string | null } {
  if (index === 0)
    return {
      title: `Original, by ${version.createdBy.name}, ${formatDateTime(version.createdAt)}`,
      detail: null,
    };
  const challenge = version.amendedByChallenge;
  if (challenge)
    return {
      title: `Version ${version.version} — wording amended after a challenge raised by ${challenge.raisedBy.name}, ${challenge.raisedAgency.name}, on ${formatDateTime(challenge.raisedAt)}`,
      detail: `Why the wording was challenged: ${challenge.reason.trim().replace(/[.!?]$/, '')}. Amended by ${version.createdBy.name}, ${formatDateTime(version.createdAt)}.`,
    };
  return {
    title: `Correction ${index}, by ${version.createdBy.name}, ${formatDateTime(version.createdAt)}`,
    detail: version.reason ? `Reason for the correction: ${version.reason}` : null,
  };
}

/** On a note's page: the way to challenge its wording, and the challenges raised so far. */
export function NoteChallenges({ child, note }: { child: Child; note: Note }) {
  const data = useApiData(() => challengesApi.forNote(child.id, note.id), [child.id, note.id, note.version]);
  if (note.status !== 'final') return null;
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'failed') return <LoadFailure error={data.error} />;
  const { challenges, mayRaise } = data.data;
  const open = challenges.filter((c) => c.status === 'open');
  const closed = challenges.filter((c) => c.status !== 'open');
  return (
    <section aria-labelledby="wording-challenges-heading">
      <h2 className="govuk-heading-m" id="wording-challenges-heading">
        Challenges to the wording
      </h2>
      {mayRaise && (
        <p className="govuk-body">
          If words in this note blame, minimise or adultify the child, you can ask for them to be changed. The
          author or their manager decides; the original stays in the history.{' '}
          <Link className="govuk-link" to={`${notePath(child.id, note.id)}/challenge`}>
            Challenge the wording
          </Link>
        </p>
      )}
      {challenges.length === 0 && (
        <p className="govuk-body">No one has challenged the wording of this note.</p>
      )}
      {open.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Open challenges</h3>
          <ul className="govuk-list lantern-challenges">
            {open.map((c) => (
              <li key={c.id} className="govuk-summary-card lantern-challenge">
                <div className="govuk-summary-card__title-wrapper">
                  <h4 className="govuk-summary-card__title">
                    {challengedWords(c)} → ‘{c.suggestedWording}’
                  </h4>
                  <ul className="govuk-summary-card__actions">
                    <li className="govuk-summary-card__action">
                      <Link className="govuk-link" to={challengePath(child.id, note.id, c.id)}>
                        {c.permissions.decide ? 'Decide' : 'View'}
                        <span className="govuk-visually-hidden"> the challenge to {challengedWords(c)}</span>
                      </Link>
                    </li>
                  </ul>
                </div>
                <div className="govuk-summary-card__content">
                  <p className="govuk-body">{c.reason}</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    Raised by {c.raisedBy.name}, {c.raisedAgency.name}, {formatDateTime(c.raisedAt)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {closed.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Earlier challenges</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Words
              </th>
              <th scope="col" className="govuk-table__header">
                Raised by
              </th>
              <th scope="col" className="govuk-table__header">
                Outcome
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {closed.map((c) => (
              <tr key={c.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={challengePath(child.id, note.id, c.id)}>
                    {challengedWords(c)}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {c.raisedBy.name}, {c.raisedAgency.name}
                </td>
                <td className="govuk-table__cell">
                  <Tag colour={statusColour(c.status)}>{c.statusName}</Tag>
                  {c.amendedVersion && ` Version ${c.amendedVersion}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Finding = NoteWording['findings'][number];

/** What a finding proposes: the tidied words to replace, the first suggestion, and the rule's reason. */
function proposalFor(body: string, finding: Finding) {
  const suggestion = splitSuggestion(finding.suggestions[0] ?? '').text;
  const change = replacementFor(body, finding, suggestion);
  const start = change?.start ?? finding.start;
  const end = change?.end ?? finding.end;
  return {
    span: { start, end, text: body.slice(start, end) },
    suggestedWording: change?.replacement ?? suggestion,
    reason: finding.message,
  };
}

const RAISE_FIELDS = {
  span: 'Which words',
  spanText: 'The words',
  suggestedWording: 'The suggested wording',
  reason: 'The reason',
};

function RaiseForm({ child, note, wording }: { child: Child; note: Note; wording: NoteWording }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const findings = wording.findings;
  const initial = findings.find((f) => f.key === params.get('finding')) ?? findings[0];
  const first = initial ? proposalFor(note.body, initial) : null;
  const [choice, setChoice] = useState(initial?.key ?? '');
  const [spanText, setSpanText] = useState('');
  const [suggestedWording, setSuggestedWording] = useState(first?.suggestedWording ?? '');
  const [reason, setReason] = useState(first?.reason ?? '');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Challenge the wording', hasErrors);

  const choose = (value: string) => {
    setChoice(value);
    const finding = findings.find((f) => f.key === value);
    if (finding) {
      const proposal = proposalFor(note.body, finding);
      setSuggestedWording(proposal.suggestedWording);
      setReason(proposal.reason);
    } else if (value === 'whole') {
      setSuggestedWording(note.body);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const finding = findings.find((f) => f.key === choice);
      let span: { start: number; end: number; text: string } | undefined;
      if (finding) span = proposalFor(note.body, finding).span;
      else if (choice === 'other') {
        const at = spanText ? note.body.indexOf(spanText) : -1;
        if (at < 0)
          throw new ApiError(400, 'validation_failed', 'spanText', [
            {
              path: 'spanText',
              message: spanText
                ? 'must be copied exactly from the note: these words are not in it'
                : 'must be given: copy them from the note',
            },
          ]);
        span = { start: at, end: at + spanText.length, text: spanText };
      } else if (choice !== 'whole') {
        throw new ApiError(400, 'validation_failed', 'span', [
          {
            path: 'span',
            message: 'must be chosen: the words the assistant found, other words, or the whole note',
          },
        ]);
      }
      await challengesApi.raise(child.id, note.id, {
        version: note.version,
        reason,
        suggestedWording,
        ...(span ? { span } : {}),
        ...(finding ? { ruleId: finding.ruleId, lexiconVersion: wording.lexiconVersion } : {}),
      });
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'Your challenge has been sent',
          body: `${note.author.name} or their manager will decide it. The note stays as it is until then.`,
        },
      };
      navigate(notePath(child.id, note.id), { state });
    } catch (error) {
      // The server names the span's parts (span.text, span.end): on this page they are one question.
      const mapped =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              error.fields.map((f) =>
                f.path.startsWith('span') ? { ...f, path: choice === 'other' ? 'spanText' : 'span' } : f,
              ),
            )
          : error;
      show(mapped, { fields: RAISE_FIELDS });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Challenge the wording</h1>
      <p className="govuk-body">
        {noteTitle(note)}, written by {note.author.name} ({note.agency.name}). Say which words should change,
        what they should say instead, and why. {note.author.name} or their manager decides. If they accept,
        the note gets a new version and the original stays in its history.
      </p>
      <h2 className="govuk-heading-s">The note</h2>
      <div className="govuk-inset-text lantern-pre-wrap">{note.body}</div>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Radios
          name="span"
          legend="Which words are you challenging?"
          hint={
            findings.length > 0
              ? 'The language assistant found these words. You can choose other words instead.'
              : 'The language assistant found nothing in this note. You can still challenge its wording.'
          }
          options={[
            ...findings.map((f) => ({ value: f.key, label: `‘${f.text}’`, hint: f.message })),
            { value: 'other', label: 'Other words in the note' },
            { value: 'whole', label: 'The whole note' },
          ]}
          value={choice}
          onChange={choose}
          error={errors.byField.span}
        />
        {choice === 'other' && (
          <TextInput
            name="spanText"
            label="The words, copied exactly from the note"
            value={spanText}
            onChange={setSpanText}
            error={errors.byField.spanText}
          />
        )}
        <TextAreaWithAssistant
          name="suggestedWording"
          label="What should it say instead?"
          hint="These words replace the ones you chose. Fill in anything in square brackets with what is known."
          rows={choice === 'whole' ? 10 : 3}
          value={suggestedWording}
          onChange={setSuggestedWording}
          error={errors.byField.suggestedWording}
          childAge={child.age ?? undefined}
          field="challenge.suggestedWording"
        />
        <TextAreaWithAssistant
          name="reason"
          label="Why should the wording change?"
          hint="The author sees this. It is kept with the note’s history."
          rows={3}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
        />
        <FormButtons working={working} text="Send the challenge" cancelTo={notePath(child.id, note.id)} />
      </form>
    </>
  );
}

export function RaiseChallenge() {
  usePageTitle('Challenge the wording');
  const { id = '', noteId = '' } = useParams();
  const wording = useApiData(() => challengesApi.wording(id, noteId), [id, noteId]);
  return (
    <NoteFrame title="Challenge the wording" back="note">
      {(child, note) =>
        wording.state === 'loaded' ? (
          <RaiseForm child={child} note={note} wording={wording.data} />
        ) : (
          <>
            <h1 className="govuk-heading-l">Challenge the wording</h1>
            {wording.state === 'failed' ? <LoadFailure error={wording.error} /> : <Loading />}
          </>
        )
      }
    </NoteFrame>
  );
}

/** The note as it is now and as it would be with the suggested wording, side by side. */
function SideBySide({ note, challenge, wording }: { note: Note; challenge: Challenge; wording: string }) {
  const span = challenge.span ?? { start: 0, end: note.body.length, text: note.body };
  const amended =
    challenge.version === note.version || challenge.span ? amend(note.body, span, wording) : null;
  if (!amended?.ok)
    return (
      <p className="govuk-body">
        The note has changed since this challenge was raised, and the challenged words are no longer in it.
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
            The note now
          </th>
          <th scope="col" className="govuk-table__header">
            With the suggested wording
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        <tr className="govuk-table__row">
          <td className="govuk-table__cell lantern-pre-wrap">
            {note.body.slice(0, before)}
            <del>{note.body.slice(before, oldEnd)}</del>
            {note.body.slice(oldEnd)}
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
  note,
  challenge,
  children,
}: {
  child: Child;
  note: Note;
  challenge: Challenge;
  children: ReactNode;
}) {
  const navigate = useNavigate();
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
      await challengesApi.decide(child.id, note.id, challenge.id, {
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
              ? 'The note has a new version. The original stays in its history.'
              : `${challenge.raisedBy.name} can see your reason.`,
        },
      };
      navigate(notePath(child.id, note.id), { state });
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
              label: 'Accept: amend the note',
              hint: 'The note gets a new version with the new wording.',
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
            childAge={child.age ?? undefined}
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
        <FormButtons working={working} text="Save the decision" cancelTo={notePath(child.id, note.id)} />
      </form>
    </>
  );
}

function WithdrawForm({ child, note, challenge }: { child: Child; note: Note; challenge: Challenge }) {
  const navigate = useNavigate();
  const [working, setWorking] = useState(false);
  const { errors, show } = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await challengesApi.withdraw(child.id, note.id, challenge.id);
      const state: FlashState = { flash: { success: true, heading: 'Your challenge has been withdrawn' } };
      navigate(notePath(child.id, note.id), { state });
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

function ChallengeView({ child, note }: { child: Child; note: Note }) {
  const { challengeId = '' } = useParams();
  const data = useApiData(() => challengesApi.forNote(child.id, note.id), [child.id, note.id]);
  if (data.state === 'loading')
    return (
      <>
        <h1 className="govuk-heading-l">Challenge to the wording</h1>
        <Loading />
      </>
    );
  if (data.state === 'failed')
    return (
      <>
        <h1 className="govuk-heading-l">Challenge to the wording</h1>
        <LoadFailure error={data.error} />
      </>
    );
  const challenge = data.data.challenges.find((c) => c.id === challengeId);
  if (!challenge)
    return (
      <>
        <h1 className="govuk-heading-l">Challenge to the wording</h1>
        <p className="govuk-body">This challenge was not found.</p>
      </>
    );
  const page = (
    <>
      <span className="govuk-caption-l">
        {child.displayName}: {noteTitle(note)}
      </span>
      <h1 className="govuk-heading-l">Challenge to the wording</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag colour={statusColour(challenge.status)}>{challenge.statusName}</Tag> },
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
            ? [{ key: 'Amended in', value: `Version ${challenge.amendedVersion} of the note` }]
            : []),
        ]}
      />
      {challenge.status === 'open' && (
        <SideBySide note={note} challenge={challenge} wording={challenge.suggestedWording} />
      )}
    </>
  );
  if (challenge.permissions.decide)
    return (
      <DecideForm child={child} note={note} challenge={challenge}>
        {page}
      </DecideForm>
    );
  return (
    <>
      {page}
      {challenge.permissions.withdraw && <WithdrawForm child={child} note={note} challenge={challenge} />}
    </>
  );
}

export function ChallengePage() {
  usePageTitle('Challenge to the wording');
  return (
    <NoteFrame title="Challenge to the wording" back="note">
      {(child, note) => <ChallengeView child={child} note={note} />}
    </NoteFrame>
  );
}

/** Challenges waiting for the signed-in person's decision: on their notes, or their agency's for a manager. */
export function WordingChallenges() {
  usePageTitle('Wording challenges');
  const data = useApiData(() => challengesApi.toDecide(), []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Wording challenges</h1>
        <p className="govuk-body">
          Challenges to the wording of finalised case notes that you may decide: your own notes, and for a
          manager, notes written in your agency. Challenges you raised are decided by someone else.
        </p>
        {data.state === 'loading' && <Loading />}
        {data.state === 'failed' && <LoadFailure error={data.error} />}
        {data.state === 'loaded' &&
          (data.data.challenges.length === 0 ? (
            <p className="govuk-body">There are no challenges waiting for your decision.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Waiting for a decision
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Note
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Words and suggestion
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Raised by
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.data.challenges.map((c) => (
                  <tr key={c.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={challengePath(c.child.id, c.note.id, c.id)}>
                        {c.child.name}: {c.note.typeName}
                      </Link>
                      <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                        Written by {c.note.author.name}
                      </span>
                    </td>
                    <td className="govuk-table__cell">
                      {challengedWords(c)} → ‘{c.suggestedWording}’
                    </td>
                    <td className="govuk-table__cell">
                      {c.raisedBy.name}, {c.raisedAgency.name}
                      <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                        {formatDateTime(c.raisedAt)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </div>
    </div>
  );
}
