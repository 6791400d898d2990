/**
 * Records that are probably the same: proposed by the matcher with reasons, proposed for merging by a
 * person, confirmed or rejected (with the reason) by someone authorised, and undone if it was wrong.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { formatDay } from '../children/format.ts';
import { useApiData } from '../components/data.ts';
import { TextInput } from '../components/fields.tsx';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading, Tag } from '../components/ui.tsx';
import { type ContextView, contextsApi, type MatchView, type MergeView } from './api.ts';
import { useContextReference } from './parts.tsx';

export function PossibleMatches({
  context,
  fresh,
}: {
  context: ContextView;
  fresh: MatchView[] | undefined;
}) {
  const navigate = useNavigate();
  const may = context.permissions.proposeMerge;
  const found = useApiData(
    () =>
      fresh || !may
        ? Promise.resolve({ matches: fresh ?? [] })
        : contextsApi.matches(context.details, context.id),
    [context.id, may],
  );
  const [problem, setProblem] = useState('');
  const matches = found.data?.matches ?? [];
  const propose = async (m: MatchView) => {
    try {
      await contextsApi.proposeMerge({
        keepId: context.id,
        mergeId: m.id,
        reason: `Proposed from ${context.name}`,
      });
      const state: FlashState = {
        flash: { success: true, heading: 'Merge proposed', body: `${m.name} and ${context.name}` },
      };
      navigate('/contexts/merges', { state });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The proposal could not be saved.');
    }
  };
  return (
    <section aria-labelledby="matches-heading">
      <h2 className="govuk-heading-m" id="matches-heading">
        Records that may be the same
      </h2>
      {context.merges.length > 0 && (
        <ul className="govuk-list">
          {context.merges.map((m) => (
            <li key={m.id}>
              {m.keep.name} and {m.merge.name}: <MergeStatus merge={m} />{' '}
              <Link className="govuk-link" to="/contexts/merges">
                See merges
              </Link>
            </li>
          ))}
        </ul>
      )}
      {found.state === 'loading' && <Loading />}
      {problem && <p className="govuk-error-message">{problem}</p>}
      {matches.length === 0 ? (
        <p className="govuk-body">None found among the records you can see.</p>
      ) : (
        <ul className="govuk-list">
          {matches.map((m) => (
            <li key={m.id} className="lantern-contexts__match">
              <Link className="govuk-link" to={`/contexts/${m.id}`}>
                {m.name}
              </Link>{' '}
              <Tag colour={m.strength === 'likely' ? 'orange' : 'yellow'}>
                {m.strength === 'likely' ? 'Likely the same' : 'Possibly the same'}
              </Tag>
              <span className="govuk-body-s lantern-contexts__note">{m.reasons.join('; ')}</span>
              {may && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => void propose(m)}
                >
                  Propose merging<span className="govuk-visually-hidden"> {m.name} into this record</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MergeStatus({ merge }: { merge: MergeView }) {
  if (merge.undone) return <Tag colour="grey">Undone</Tag>;
  if (merge.status === 'confirmed') return <Tag colour="green">Merged</Tag>;
  if (merge.status === 'rejected') return <Tag colour="grey">Not the same</Tag>;
  return <Tag colour="blue">Proposed</Tag>;
}

function MergeItem({
  merge,
  mayDecide,
  onChange,
}: {
  merge: MergeView;
  mayDecide: boolean;
  onChange(): void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setReason('');
      setProblem('');
      onChange();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That could not be saved.');
    }
  };
  const field = `reason-${merge.id}`;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">
          <Link className="govuk-link" to={`/contexts/${merge.keep.id}`}>
            {merge.keep.name}
          </Link>{' '}
          and{' '}
          <Link className="govuk-link" to={`/contexts/${merge.merge.id}`}>
            {merge.merge.name}
          </Link>
        </h2>
        <MergeStatus merge={merge} />
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body">Why: {merge.reasons.join('; ')}</p>
        <p className="govuk-body-s">
          Proposed by {merge.proposedBy} on {formatDay(merge.proposedAt)}
          {merge.decidedBy && merge.decidedAt
            ? `; ${merge.status} by ${merge.decidedBy} on ${formatDay(merge.decidedAt)}`
            : ''}
          {merge.decisionReason ? ` (${merge.decisionReason})` : ''}
          {merge.undone
            ? `; undone by ${merge.undone.by} on ${formatDay(merge.undone.at)} (${merge.undone.reason})`
            : ''}
        </p>
        {problem && <p className="govuk-error-message">{problem}</p>}
        {mayDecide && (merge.status === 'proposed' || (merge.status === 'confirmed' && !merge.undone)) && (
          <>
            <TextInput
              name={field}
              label={merge.status === 'proposed' ? 'Reason (needed to reject)' : 'Why it should be undone'}
              value={reason}
              onChange={setReason}
            />
            {merge.status === 'proposed' ? (
              <div className="govuk-button-group">
                <button
                  type="button"
                  className="govuk-button"
                  onClick={() =>
                    void act(() =>
                      contextsApi.decideMerge(merge.id, {
                        decision: 'confirm',
                        ...(reason ? { reason } : {}),
                      }),
                    )
                  }
                >
                  Confirm they are the same
                </button>
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() =>
                    void act(() =>
                      contextsApi.decideMerge(merge.id, {
                        decision: 'reject',
                        ...(reason ? { reason } : {}),
                      }),
                    )
                  }
                >
                  They are not the same
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="govuk-button govuk-button--warning"
                onClick={() => void act(() => contextsApi.undoMerge(merge.id, reason))}
              >
                Undo the merge
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

export function MergesPage() {
  usePageTitle('Records proposed for merging');
  const merges = useApiData(() => contextsApi.merges(), []);
  const reference = useContextReference();
  return (
    <>
      <BackLink to="/contexts">Back to contexts</BackLink>
      <h1 className="govuk-heading-l">Records proposed for merging</h1>
      <p className="govuk-body">
        Matching only proposes. A merge joins one record’s links and intelligence to another’s name, so
        someone authorised confirms it; a rejection says why, and a wrong merge can be undone.
      </p>
      {merges.state === 'loading' && <Loading />}
      {merges.state === 'failed' && <LoadFailure error={merges.error} />}
      {merges.data?.merges.length === 0 && (
        <p className="govuk-body">There are no proposals between records you can see.</p>
      )}
      {merges.data?.merges.map((m) => (
        <MergeItem
          key={m.id}
          merge={m}
          mayDecide={reference.data?.permissions.decideMerges === true}
          onChange={merges.reload}
        />
      ))}
    </>
  );
}
