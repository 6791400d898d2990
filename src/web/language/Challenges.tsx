/**
 * Challenge and amend, on a record's own page: the way to challenge the wording of a finalised record (a
 * case note, a referral, a completed assessment, a plan, a held meeting's minutes), the challenges raised
 * so far, and the earlier versions of its wording. Raising one: `RaiseChallenge.tsx`; deciding or withdrawing one:
 * `ChallengePage.tsx`; the challenges waiting for a person's decision: `WordingChallenges.tsx`.
 */
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadFailure, Loading, Tag } from '../components/ui.tsx';
import {
  challengedWords,
  challengePath,
  lowerFirst,
  RECORD_WORDS,
  raisePath,
  statusColour,
} from './challenge-paths.ts';
import {
  challengesApi,
  type HistoryVersion,
  type RecordChallengesData,
  type RecordRef,
} from './challenges-api.ts';

export { challengedWords } from './challenge-paths.ts';

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

type Level = 2 | 3 | 4;
function Heading({
  level,
  id,
  className,
  children,
}: {
  level: number;
  id?: string;
  className: string;
  children: ReactNode;
}) {
  const Element = `h${Math.min(level, 6)}` as 'h2';
  return (
    <Element className={className} id={id}>
      {children}
    </Element>
  );
}

/** The earlier versions of a record's wording (kept outside the record; notes keep their own history). */
function EarlierWording({
  history,
  fieldName,
  sayWhichText,
}: {
  history: RecordChallengesData['history'];
  fieldName(field: string): string | null;
  sayWhichText: boolean;
}) {
  const fields = [...new Set(history.map((h) => h.field))];
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Earlier wording</span>
      </summary>
      <div className="govuk-details__text">
        {fields.map((field) => {
          const versions = history.filter((h) => h.field === field).sort((a, b) => a.version - b.version);
          const latest = versions.at(-1)?.version;
          return (
            <div key={field}>
              {sayWhichText && (
                <p className="govuk-body govuk-!-font-weight-bold">
                  {fieldName(field) ?? 'A text no longer shown'}
                </p>
              )}
              <ol className="govuk-list lantern-versions">
                {versions.map((v) => (
                  <li key={v.version} className="lantern-version">
                    <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                      {v.version === 1
                        ? 'Original wording'
                        : `Version ${v.version}, amended${v.amendedAt ? ` ${formatDateTime(v.amendedAt)}` : ''}${v.amendedBy ? ` by ${v.amendedBy}` : ''}`}
                      {v.version === latest && ' (the wording now)'}
                    </p>
                    {v.reason && <p className="govuk-body govuk-!-margin-bottom-1">{v.reason}</p>}
                    <p className="govuk-body lantern-pre-wrap">{v.text}</p>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </div>
    </details>
  );
}

/**
 * On a record's page: the way to challenge its wording, the challenges raised so far and, for records
 * that do not keep their own versions, the earlier wording. With `field`, only that text of the record
 * (one agenda item's minute). Shows nothing when there is nothing to challenge and nothing to show.
 */
export function RecordChallenges({
  record,
  field,
  headingLevel = 2,
  about,
  refreshKey,
}: {
  record: RecordRef;
  field?: string | undefined;
  headingLevel?: Level;
  /** Told to screen reader users after the heading and links, where a page has more than one panel. */
  about?: string | undefined;
  /** Load the challenges again when this changes (the record's version). */
  refreshKey?: unknown;
}) {
  const headingId = useId();
  const data = useApiData(
    () => challengesApi.list(record),
    [record.type, record.childId, record.recordId, refreshKey],
  );
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'failed') {
    // A record this person may not read is not there: nothing to say about its wording.
    if (data.error instanceof ApiError && data.error.status === 404) return null;
    return <LoadFailure error={data.error} />;
  }
  const all = data.data;
  const words = RECORD_WORDS[record.type];
  const fields = field ? all.fields.filter((f) => f.field === field) : all.fields;
  const challenges = field ? all.challenges.filter((c) => c.record.field === field) : all.challenges;
  const history = field ? all.history.filter((h) => h.field === field) : all.history;
  const raisable = fields.filter((f) => f.mayRaise);
  if (raisable.length === 0 && challenges.length === 0 && history.length === 0) return null;

  const fieldName = (f: string) => all.fields.find((x) => x.field === f)?.fieldName ?? null;
  // Which text a challenge is about matters where the record has more than one.
  const sayWhichText =
    !field && (all.fields.length > 1 || new Set(challenges.map((c) => c.record.field)).size > 1);
  const linkField = (f: string) => (field || all.fields.length > 1 ? f : undefined);
  const hidden = about ? <span className="govuk-visually-hidden">: {about}</span> : null;
  const open = challenges.filter((c) => c.status === 'open');
  const closed = challenges.filter((c) => c.status !== 'open');
  const whichText = (c: (typeof challenges)[number]) =>
    sayWhichText ? (c.record.fieldName ?? fieldName(c.record.field)) : null;

  return (
    <section aria-labelledby={headingId}>
      <Heading
        level={headingLevel}
        id={headingId}
        className={headingLevel === 2 ? 'govuk-heading-m' : 'govuk-heading-s'}
      >
        Challenges to the wording{hidden}
      </Heading>
      {raisable.length > 0 && (
        <p className="govuk-body">
          If words in {words.thisRecord} blame, minimise or adultify the child, you can ask for them to be
          changed. The author or their manager decides; the original stays in the history.
          {raisable.length === 1 && raisable[0] && (
            <>
              {' '}
              <Link className="govuk-link" to={raisePath(record, linkField(raisable[0].field))}>
                Challenge the wording{hidden}
              </Link>
            </>
          )}
        </p>
      )}
      {raisable.length > 1 && (
        <ul className="govuk-list">
          {raisable.map((f) => (
            <li key={f.field}>
              <Link className="govuk-link" to={raisePath(record, f.field)}>
                Challenge the wording of {lowerFirst(f.fieldName)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {challenges.length === 0 && (
        <p className="govuk-body">No one has challenged the wording of {words.thisRecord}.</p>
      )}
      {open.length > 0 && (
        <>
          <Heading level={headingLevel + 1} className="govuk-heading-s">
            Open challenges{hidden}
          </Heading>
          <ul className="govuk-list lantern-challenges">
            {open.map((c) => (
              <li key={c.id} className="govuk-summary-card lantern-challenge">
                <div className="govuk-summary-card__title-wrapper">
                  <Heading level={headingLevel + 2} className="govuk-summary-card__title">
                    {challengedWords(c)} → ‘{c.suggestedWording}’
                  </Heading>
                  <ul className="govuk-summary-card__actions">
                    <li className="govuk-summary-card__action">
                      <Link className="govuk-link" to={challengePath(record, c.id)}>
                        {c.permissions.decide ? 'Decide' : 'View'}
                        <span className="govuk-visually-hidden"> the challenge to {challengedWords(c)}</span>
                      </Link>
                    </li>
                  </ul>
                </div>
                <div className="govuk-summary-card__content">
                  {whichText(c) && <p className="govuk-body">About: {lowerFirst(whichText(c) ?? '')}</p>}
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
          <caption className="govuk-table__caption govuk-table__caption--s">
            Earlier challenges{hidden}
          </caption>
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
                  <Link className="govuk-link" to={challengePath(record, c.id)}>
                    {challengedWords(c)}
                  </Link>
                  {whichText(c) && (
                    <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                      In {lowerFirst(whichText(c) ?? '')}
                    </span>
                  )}
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
      {record.type !== 'note' && history.length > 0 && (
        <EarlierWording history={history} fieldName={fieldName} sayWhichText={sayWhichText} />
      )}
    </section>
  );
}
